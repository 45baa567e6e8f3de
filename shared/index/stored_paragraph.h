#pragma once
// What the index keeps of each paragraph (Xapian document data), so that a hit
// can be printed without reading the source file again.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

struct StoredParagraph {
    std::string file;     // source path as indexed
    std::string call;     // call key, see schema::call_key
    std::string company;
    std::string ticker;   // "" when unknown
    int year = 0;
    int quarter = 0;
    std::optional<std::string> date;
    std::string speaker;
    std::string title;
    std::vector<std::string> roles;
    std::string firm;
    std::string section;  // "prepared" | "qa"
    std::string lang;     // "en" | "zh"
    std::string text;
    std::optional<std::string> translation;  // the aligned paragraph in the other language
    int turn = 0;       // 1-based turn number within the call
    int paragraph = 0;  // 1-based, counted within the turn among paragraphs of the same language

    friend bool operator==(const StoredParagraph&, const StoredParagraph&) = default;
};

[[nodiscard]] std::string encode_stored_paragraph(const StoredParagraph& p);

// Throws std::runtime_error on data that was not written by encode_stored_paragraph.
[[nodiscard]] StoredParagraph decode_stored_paragraph(std::string_view data);

}  // namespace callsearch
