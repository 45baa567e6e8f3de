#pragma once
// One line of a batch file (`searcher --batch FILE`, README.md "Batch
// queries") -> what to search. A line is either a query in the searcher's own
// syntax, inline filters included, or a JSON object
//   {"id": ..., "query": "...", "limit": N, "offset": N, "sort": "newest",
//    "filters": {"role": "cfo", "year": 2021}}
// where every key is optional. What a line does not say comes from the
// command line: its filters (a JSON filter replaces the command-line filter
// of the same field), limit, offset and sort.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "query/filter_values.h"

namespace callsearch {

struct BatchRequest {
    std::string id_json;  // the id as JSON ("17", "\"acme-q2\""): the line number when none is given
    std::string query;
    std::vector<FilterSpec> filters;
    MatchOptions match;
};

// What a batch line asks for, or why it cannot be run. `error` is empty for
// a usable request; otherwise `request.id_json` still names the line (its id
// when the JSON gave one, else its number).
struct BatchLine {
    BatchRequest request;
    std::string error;
};

// nullopt for a blank line (skipped, though it still counts for line numbers).
[[nodiscard]] std::optional<BatchLine> parse_batch_line(std::string_view line, std::size_t line_number,
                                                        const std::vector<FilterSpec>& default_filters,
                                                        const MatchOptions& default_match);

}  // namespace callsearch
