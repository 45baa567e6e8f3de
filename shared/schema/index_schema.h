#pragma once
// The index schema: every term prefix, value slot and metadata key the indexer
// writes and the searcher reads. Both programs include this header and nothing
// else defines one. Bump kSchemaVersion whenever a change here (or in how text
// is analyzed into terms) makes an older index answer differently.

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

namespace callsearch::schema {

inline constexpr std::string_view kSchemaVersion = "9";  // 5: one document per passage; 6: a position gap at each sentence end; 7: a passage holds its paragraph's other words; 8: question links (kSlotQuestion, kSlotAnswerTo), tie order and one sort key per order (kSlotOrder..kSlotNewestKey); 9: document data holds its call's fields
inline constexpr std::string_view kSchemaVersionKey = "callsearch.schema_version";

// --- Free-text terms (see analyze/text_analyzer.h) -------------------------
// Unprefixed, positional: lower-cased English words as written, and single Han
// characters (Simplified).  Unprefixed, no positions: ICU Chinese words.
// No stem terms: see the synonym table below.
// Sentences (analyze/sentence_splitter.h) are kSentenceGap positions apart:
// the last word of one and the first of the next differ by kSentenceGap + 1.
// So all terms within a window of kSentenceGap positions (OP_NEAR) lie in one
// sentence, as long as the sentence spans fewer than kSentenceGap positions
// (longer ones, unpunctuated run-on text, match SENTENCE() only within
// kSentenceGap positions). Phrases never span a sentence end.
inline constexpr unsigned kSentenceGap = 256;
// Every other term starts with an upper-case prefix letter.
[[nodiscard]] inline bool is_free_text_term(std::string_view term) {
    return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z');
}
// A passage of a paragraph cut into passages (analyze/passages.h) also holds
// the free-text terms of the paragraph's other passages, with wdf 0 and no
// positions: words match across the passages of a paragraph, but weigh, and
// match phrases and NEAR, only where they stand (index/document_builder.cpp).
// A passage that matches by such terms alone scores 0, and the matcher drops
// it (match/passage_match.h).

// --- Synonym table ------------------------------------------------------------
// stem_key(stem) -> every indexed word with that English stem
// (analyze/stemmer.h, index/stem_synonyms.h). A bare query word is expanded
// through it. Entries are never removed: a word no longer indexed expands to
// a term with no postings, which matches nothing.
inline constexpr std::string_view kStemPrefix = "Z";
[[nodiscard]] inline std::string stem_key(std::string_view stem) { return std::string(kStemPrefix).append(stem); }
// Xapian 1.4's remote backend cannot read the synonym table (it answers as if
// empty), so the parts of an index built with `indexer --shards N` also hold
// it in metadata, which remote parts do serve: this key -> the words, '\n'
// between them (index/stem_synonyms.h).
inline constexpr std::string_view kStemMetadataPrefix = "callsearch.stem:";
[[nodiscard]] inline std::string stem_metadata_key(std::string_view stem) {
    return std::string(kStemMetadataPrefix).append(stem);
}

// --- Boolean filter terms ---------------------------------------------------
inline constexpr std::string_view kFilePrefix = "XF";      // 16-hex digest of the source file key
inline constexpr std::string_view kCallPrefix = "XK";      // call key, e.g. "jg_q2_2021"
inline constexpr std::string_view kSpeakerPrefix = "XP";   // full name and each name word
inline constexpr std::string_view kSpeakerNamePrefix = "XN"; // full name only (for --stats)
inline constexpr std::string_view kRolePrefix = "XR";      // ceo, cfo, analyst, ...
inline constexpr std::string_view kCompanyPrefix = "XC";   // each word of the company name
inline constexpr std::string_view kTickerPrefix = "XT";    // lower-cased ticker
inline constexpr std::string_view kYearPrefix = "XY";      // "2023"
inline constexpr std::string_view kQuarterPrefix = "XQ";   // "1".."4"
inline constexpr std::string_view kLangPrefix = "XL";      // "en" | "zh"
inline constexpr std::string_view kSectionPrefix = "XS";   // "prepared" | "qa"

// --- Value slots --------------------------------------------------------------
// Sortable (Xapian::sortable_serialise) unless noted.
inline constexpr Xapian::valueno kSlotCallOrder = 0;  // year * 10 + quarter
inline constexpr Xapian::valueno kSlotDate = 1;       // "YYYY-MM-DD" string, absent when unknown
inline constexpr Xapian::valueno kSlotTurn = 2;       // turn index within the call
inline constexpr Xapian::valueno kSlotParagraph = 3;  // paragraph index within the turn
inline constexpr Xapian::valueno kSlotPassage = 4;    // passage index within the paragraph
// On a paragraph and its aligned translation alike, absent elsewhere (string:
// file digest, turn, paragraph number): the matcher collapses on it, so that a
// translated pair is one hit.
inline constexpr Xapian::valueno kSlotPair = 5;
inline constexpr Xapian::valueno kSlotCall = 6;  // call key string: --per-call collapses on it, --trend counts by it
// Question links (question_id below). In Q&A, on each passage of an
// analyst's turn (a question), kSlotQuestion holds the turn's own id; on each
// passage of a turn that answers it (index/question_links.h says which),
// kSlotAnswerTo holds the question's id. `--asked` finds the questions that
// match, then reads kSlotAnswerTo from each on, through its answers, which
// follow it (match/exchanges.h); `--answers` reads a question's the same way.
// Values rather than a term per question: a common word (`margins`) matches
// thousands of questions, and an OR of thousands of terms costs a B-tree
// lookup each (measured: README.md, "asked: and --answers"), while the value
// stream is read in docid order, a seek per question.
inline constexpr Xapian::valueno kSlotQuestion = 7;
inline constexpr Xapian::valueno kSlotAnswerTo = 8;
// A question turn's id, unique in the index: the call digest (schema::
// call_digest, 16 hex digits) as 8 bytes, then the turn's 1-based number as 4,
// big-endian. Twelve bytes fit std::string's inline buffer, so reading the
// slot's values (tens of thousands per --asked query) allocates nothing.
[[nodiscard]] inline std::string question_id(std::string_view call_digest, int turn) {
    std::uint64_t digest = 0;
    for (const char c : call_digest) {
        const int v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        digest = (digest << 4) | static_cast<std::uint64_t>(v & 0xf);
    }
    std::string id(12, '\0');
    for (int i = 0; i < 8; ++i) id[static_cast<std::size_t>(i)] = static_cast<char>(digest >> (56 - 8 * i));
    const auto t = static_cast<std::uint32_t>(turn);
    for (int i = 0; i < 4; ++i) id[static_cast<std::size_t>(8 + i)] = static_cast<char>(t >> (24 - 8 * i));
    return id;
}
// Equal scores are ordered by this value, which is the same wherever the
// document is (string: the file digest's 16 hex digits, the call's index in
// the file (2 bytes), the document's index among the call's (4 bytes), big
// endian). Docids are not: an index in parts interleaves them
// (match/index_parts.h). Absent on indexes built before it: ties by docid.
inline constexpr Xapian::valueno kSlotOrder = 9;
// The sort orders as one value each, because Xapian 1.4's remote backend
// cannot sort by several values (no KeyMaker): fixed-width fields, so that
// comparing bytes compares field by field (index/document_builder.cpp).
//   kSlotCallDate:  call order (6 digits), date (10 chars; spaces when unknown)
//                   -- --per-call --sort oldest/newest (reversed), then relevance
//   kSlotOldestKey: call order, date, turn, paragraph, passage (6 digits each), kSlotOrder
//   kSlotNewestKey: the same with call order and date complemented (255 - byte),
//                   so later calls come first and undated calls last
// Absent on indexes built before them: the searcher sorts by the separate slots.
inline constexpr Xapian::valueno kSlotCallDate = 10;
inline constexpr Xapian::valueno kSlotOldestKey = 11;
inline constexpr Xapian::valueno kSlotNewestKey = 12;

// A document is one passage of a paragraph (analyze/passages.h): positions
// start at 1 in each, so phrases match within a passage.
// Document data holds the paragraph's stored fields, its call's and its call
// digest; metadata holds each call's record once more, for what reads calls
// rather than hits (index/stored_paragraph.h).

// --- Metadata keys ----------------------------------------------------------
// kSchemaVersionKey above; "callsearch.file:" + file key -> FileRecord
// (index/file_records.h); "callsearch.call:" + call digest -> call record
// (index/stored_paragraph.h; a file holding several calls, such as a JSON
// array, has one per call: schema::call_digest; --trend reads them all for
// the calls of each bucket, match/trend_counter.h); "callsearch.ticker:" + company key -> ticker.
// The folder layout around the database: index/index_layout.h.

}  // namespace callsearch::schema
