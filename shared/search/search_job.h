#pragma once
// One search, start to finish: query text -> parse -> match -> print. It sits
// above both match and print (the one place that knows both); the searcher
// program only parses options into a SearchConfig and maps the outcome to an
// exit code.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analyze/text_analyzer.h"
#include "match/matcher.h"
#include "match/spelling.h"
#include "query/filter_values.h"
#include "query/query_parser.h"

namespace callsearch {

enum class OutputFormat { Text, Json, Count };

struct SearchConfig {
    std::filesystem::path db_dir;
    IndexOptions index{};  // more --db locations, --timeout, --partial (match/index_parts.h)
    std::string query;
    std::vector<FilterSpec> filters;
    MatchOptions match;
    OutputFormat format = OutputFormat::Text;
    bool color = false;
    bool full = false;       // text: whole passages, not snippets
    std::size_t width = 0;   // text: wrap to this many columns (0 = never)
    bool synonyms = false;                            // --synonyms
    std::optional<std::filesystem::path> thesaurus;  // --thesaurus FILE
};

struct SearchOutcome {
    Xapian::doccount matches = 0;  // hits printed, or the count for OutputFormat::Count
    // When nothing matched: words the index holds near the unknown ones (with
    // OutputFormat::Json also printed, one {"type":"suggestion",...} line each).
    std::vector<Suggestion> suggestions;
    // With --partial: the parts of the index left out ("NAME: why"); with
    // OutputFormat::Json also printed last as {"type":"partial","partial":true,"missing":[...]}.
    std::vector<std::string> missing_parts;
};

// Writes results to `out`. Throws QueryError (bad query), ThesaurusError or
// DatabaseError.
[[nodiscard]] SearchOutcome run_search(const SearchConfig& config, std::ostream& out);

// The hits run_search would print (config.format aside), for callers that
// want them as values (the benchmarks). `analyzer` is the one to highlight with.
struct SearchHits {
    ParsedQuery parsed;
    MatchResult result;
};
[[nodiscard]] SearchHits find_hits(const SearchConfig& config, analyze::TextAnalyzer& analyzer);

}  // namespace callsearch
