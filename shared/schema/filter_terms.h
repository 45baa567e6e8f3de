#pragma once
// How a field value becomes a boolean filter term. The indexer and the searcher
// both go through these functions, so "Fei Chen", "fei  chen" and "FEI CHEN"
// land on the same term on both sides.

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "model/transcript.h"

namespace callsearch::schema {

// Lower-cased (Unicode), '.' and ',' dropped, white space collapsed: "C. Kelly Wall" -> "c kelly wall".
[[nodiscard]] std::string normalize_name(std::string_view name);

// Terms for a speaker: the full normalized name, each word of it, and each
// part of a hyphenated word ("Shan-Nen Bong" -> "shan-nen bong", "shan-nen",
// "shan", "nen", "bong"). A query for a full name or any one word of it
// (the family name included) then needs a single term.
[[nodiscard]] std::vector<std::string> speaker_terms(std::string_view speaker);
// The one term naming a speaker exactly (normalized), for counting speakers.
[[nodiscard]] std::string speaker_name_term(std::string_view speaker);

// Words of a company name, lower-cased, apostrophes dropped ("Aaron's" -> "aarons").
[[nodiscard]] std::vector<std::string> company_words(std::string_view company);
[[nodiscard]] std::vector<std::string> company_terms(std::string_view company);

[[nodiscard]] std::string ticker_term(std::string_view ticker);
[[nodiscard]] std::string role_term(std::string_view role);
[[nodiscard]] std::string year_term(int year);
[[nodiscard]] std::string quarter_term(int quarter);
[[nodiscard]] std::string lang_term(Lang lang);
[[nodiscard]] std::string section_term(Section section);
[[nodiscard]] std::string call_term(std::string_view call_key);
[[nodiscard]] std::string file_term(std::string_view file_key);  // prefix + file_digest
// 16 hex digits naming a file key compactly (document data, metadata keys).
[[nodiscard]] std::string file_digest(std::string_view file_key);
// Names the call record of the `index`-th call (0-based) of a file: its
// paragraphs carry it in their data. The first call's is file_digest, so a
// file of one call is stored as before files could hold several.
[[nodiscard]] std::string call_digest(std::string_view file_key, std::size_t index);

// "jg_q2_2021": ticker (or company words joined by '-') + quarter + year, lower case.
[[nodiscard]] std::string call_key(const CallInfo& call);

// Identifies a source file in the index: its absolute path, or a hash of it
// when the path would not fit in a Xapian term.
[[nodiscard]] std::string file_key(std::string_view absolute_path);

// One call of one source file: a file may hold several calls, and copies of a
// call in several files share its call key, so both are needed to name it.
struct CallRef {
    std::string file_key;
    std::string call_key;
    friend auto operator<=>(const CallRef&, const CallRef&) = default;
};
// The documents of any of `calls` (each: its file's term AND its call's), as a
// boolean query; Xapian::Query() for none.
[[nodiscard]] Xapian::Query calls_query(const std::vector<CallRef>& calls);

}  // namespace callsearch::schema
