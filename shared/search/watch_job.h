#pragma once
// A watch list run after an index job (`indexer --watch FILE`, README.md
// "Watch lists"): each saved query (search/watch_list.h) searches only the
// calls the job added or changed (index/new_calls.h), in one process with the
// index opened once, as searcher --batch does, and prints
//   Text: a heading per saved query ("== buybacks: 3 new hits in 2 calls
//         (watch.txt:1: buyback OR repurchase)"), then its hits as the
//         searcher prints them;
//   Json: one line per hit, the searcher's hit object with the saved query
//         in front: {"watch":LABEL|null,"line":N,"query":"...",...}.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include "schema/filter_terms.h"
#include "search/search_job.h"
#include "search/watch_list.h"

namespace callsearch {

struct WatchConfig {
    std::filesystem::path db_dir;
    Xapian::doccount limit = 10;  // hits printed per saved query, best first
    OutputFormat format = OutputFormat::Text;  // Text or Json
    TextStyle style;
    std::optional<std::filesystem::path> thesaurus;  // for ~word; else the default places
};

struct WatchOutcome {
    std::size_t queries = 0;   // saved queries run
    std::size_t matched = 0;   // of them, with at least one new hit
    std::size_t printed = 0;   // hits printed, all queries together
};

// Runs every saved query of `list` over the documents of `calls` only, in
// the list's order, writing to `out`. Throws QueryError or ThesaurusError
// (a list that check_watch_list passed does not), DatabaseError.
[[nodiscard]] WatchOutcome run_watch(const WatchList& list, const std::vector<schema::CallRef>& calls,
                                     const WatchConfig& config, std::ostream& out);

}  // namespace callsearch
