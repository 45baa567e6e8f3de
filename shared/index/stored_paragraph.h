#pragma once
// What the index keeps of each paragraph, so that a hit can be printed without
// reading the source file again:
//  - document data: the paragraph's fields, its call's fields and the digest
//    of its call (schema::call_digest; for a file of one call, its
//    file_digest), in a compact binary form that decodes far faster than JSON;
//  - Xapian metadata, once per call (call_record_key; a file may hold several
//    calls): the call's fields again, for what lists calls rather than hits
//    (trends, watch lists, --check, updates).
// The call's fields were once kept in metadata alone, a fifth fewer stored
// bytes; but a hit on a remote part (xapian-tcpsrv) then cost one more network
// round trip for its call, while documents of a result come in one batch.

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "model/transcript.h"

namespace callsearch {

// The call a paragraph belongs to.
struct StoredCall {
    std::string file;     // source path as indexed
    std::string call;     // call key, see schema::call_key
    std::string company;
    std::string ticker;   // "" when unknown
    int year = 0;
    int quarter = 0;
    std::optional<std::string> date;

    friend bool operator==(const StoredCall&, const StoredCall&) = default;
};

// A hit as it is printed: the call's fields and the paragraph's own. A
// document is one passage of a paragraph (the whole of it when short): `text`
// holds that passage only, so no text of a call is stored twice.
struct StoredParagraph {
    std::string file;
    std::string call;
    std::string company;
    std::string ticker;
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
    int passage = 1;    // 1-based within the paragraph (analyze/passages.h); `text` is this passage's
    int passages = 1;   // how many passages the paragraph was cut into
    int question_turn = 0;  // in Q&A, the analyst's turn an answer replies to; 0: none
    // How many documents of its file before this one the question's first
    // passage in this language is (documents of a file are written in order);
    // 0: unknown. A hint only: the reader checks what it finds.
    int question_offset = 0;
    // Speech-to-text: where the paragraph starts in the recording, in
    // milliseconds; -1 when the file gives no times.
    std::int64_t start_ms = -1;

    friend bool operator==(const StoredParagraph&, const StoredParagraph&) = default;
};

[[nodiscard]] StoredCall stored_call(const CallInfo& call, std::string_view call_key);
void apply_call(const StoredCall& call, StoredParagraph& into);

// Document data: all of `p` (its call's fields included) and its call's digest.
[[nodiscard]] std::string encode_paragraph_data(const StoredParagraph& p, std::string_view file_digest);

struct ParagraphData {
    std::string file_digest;
    StoredParagraph paragraph;
};
// Throws std::runtime_error on data that encode_paragraph_data did not write.
[[nodiscard]] ParagraphData decode_paragraph_data(std::string_view data);

// The metadata entry holding the call with this digest (schema::call_digest).
[[nodiscard]] std::string call_record_key(std::string_view file_digest);
[[nodiscard]] std::string encode_call_record(const StoredCall& call);
// Throws std::runtime_error on data that encode_call_record did not write.
[[nodiscard]] StoredCall decode_call_record(std::string_view data);

// The stored paragraph of a document of the index. Throws std::runtime_error
// if its data is damaged.
[[nodiscard]] StoredParagraph read_paragraph(const Xapian::Document& doc);

}  // namespace callsearch
