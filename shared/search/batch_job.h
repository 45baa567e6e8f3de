#pragma once
// Many searches in one process (`searcher --batch FILE|-`, README.md "Batch
// queries"): the index and the analyzer are opened once, and each line of the
// input (search/batch_request.h) is parsed, matched and printed as JSON Lines:
//   {"id":ID,"line":L,"type":"hit",...the fields of a searcher --json hit...}
//   {"id":ID,"line":L,"type":"summary","hits":N,"count":N|null,"estimated":N,"ms":T}
//     (+ "partial":true when, with --partial, some part of the index was left out)
//   {"id":ID,"line":L,"type":"error","error":"why"}
// ID is the line's "id" (or its number L); `count` is exact, with --count only.
// A line that cannot be parsed gets an error object and the batch goes on;
// only an index that cannot be opened or read stops it (DatabaseError).

#include <cstddef>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <vector>

#include "match/matcher.h"
#include "query/filter_values.h"

namespace callsearch {

struct BatchConfig {
    std::filesystem::path db_dir;
    IndexOptions index{};  // more --db locations, --timeout, --partial (match/index_parts.h)
    // Defaults for every line (the searcher's command-line options).
    std::vector<FilterSpec> filters;
    MatchOptions match;
    bool count = false;  // summaries only, each with the exact count
    bool synonyms = false;                            // --synonyms
    std::optional<std::filesystem::path> thesaurus;  // --thesaurus FILE
    // --trend BY: each line's buckets instead of its hits, one object each:
    //   {"id":ID,"line":L,"type":"trend",...the fields of a --trend --json bucket...}
    // then the summary (hits: buckets printed; count: matching passages).
    std::optional<TrendSpec> trend;
};

struct BatchOutcome {
    std::size_t queries = 0;  // non-blank lines
    std::size_t matched = 0;  // lines with at least one hit (or a count > 0)
    std::size_t failed = 0;   // lines answered with an error object
    std::vector<std::string> missing_parts;  // with --partial: the parts left out ("NAME: why")
};

// Reads `in` to its end, writing to `out` (flushed after each line's answer).
// Throws QueryError for a bad filter in `config` (before reading anything),
// DatabaseError when the index cannot be opened or read.
[[nodiscard]] BatchOutcome run_batch(const BatchConfig& config, std::istream& in, std::ostream& out);

}  // namespace callsearch
