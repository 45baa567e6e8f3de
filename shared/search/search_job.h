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
#include "match/trend_buckets.h"
#include "print/text_printer.h"
#include "query/filter_values.h"
#include "query/query_parser.h"

namespace callsearch {

enum class OutputFormat { Text, Json, Count, Csv };

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
    // --trend BY: counts per bucket instead of hits (Text: a chart this
    // many columns wide; Json: one object per bucket; Csv: one row each).
    std::optional<TrendSpec> trend;
    std::size_t chart_width = 80;
    std::optional<std::string> asked;                 // --asked WORDS (QueryOptions::asked)
};

struct SearchOutcome {
    Xapian::doccount matches = 0;  // hits printed, or the count for OutputFormat::Count (with trend: passages)
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

// One hit as run_search prints it, newline included: for people (Text), one
// JSON line (Json) or one CSV row (Csv, the columns of csv_hit_columns(per_call)),
// its matches found with `highlight`; the asked: words in its question with
// `asked_highlight`; `answers`: --answers (JSON field); `question_as_above`:
// the hit before showed the same question.
[[nodiscard]] std::string format_hit(const Hit& hit, const analyze::HighlightTerms& highlight,
                                     analyze::TextAnalyzer& analyzer, OutputFormat format, const TextStyle& style,
                                     const analyze::HighlightTerms* asked_highlight = nullptr, bool answers = false,
                                     bool question_as_above = false, bool per_call = false);

}  // namespace callsearch
