#pragma once
// The transcript model: what the parsers produce and the indexer consumes.
// Plain value types; nothing here knows about Xapian or ICU.

#include <optional>
#include <string>
#include <vector>

namespace callsearch {

enum class Layout { MotleyFool, Bilingual };
enum class Section { Prepared, QA };
enum class Lang { En, Zh };

[[nodiscard]] const char* to_string(Layout layout);
[[nodiscard]] const char* to_string(Section section);  // "prepared" | "qa"
[[nodiscard]] const char* to_string(Lang lang);        // "en" | "zh"

struct CallInfo {
    std::string company;             // "Aurora Mobile Ltd"
    std::string ticker;              // "JG"; empty when the file does not say
    int quarter = 0;                 // 1-4; 0 when unknown
    int year = 0;                    // fiscal year as the call names it; 0 when unknown
    std::optional<std::string> date; // ISO "2021-09-09" when the file gives one
    std::string source_path;         // as given to the reader
    Layout layout = Layout::MotleyFool;
};

struct Participant {
    std::string name;
    std::string title;  // as written, e.g. "Navis Capital -- Analyst"
};

struct Paragraph {
    std::string text;
    Lang lang = Lang::En;
    // For a translated paragraph (bilingual layout): index, within the same turn,
    // of the paragraph it translates. Empty for originals.
    std::optional<std::size_t> translates;
};

struct Turn {
    std::string speaker;            // "Shan-Nen Bong", "Operator", "Unidentified Analyst"
    std::string title;              // as written; "" when none
    std::vector<std::string> roles; // normalized, see parse/roles.h
    std::string firm;               // analysts' firm when the title names one
    Section section = Section::Prepared;
    std::vector<Paragraph> paragraphs;
};

struct Transcript {
    CallInfo call;
    std::vector<Participant> participants;
    std::vector<Turn> turns;
};

}  // namespace callsearch
