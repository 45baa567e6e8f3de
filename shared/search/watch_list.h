#pragma once
// A watch list (`indexer --watch FILE`, README.md "Watch lists"): saved
// queries, one a line, in the searcher's syntax with inline filters, each
// optionally named by a label at the start of the line:
//   # what the desk follows
//   buybacks: buyback OR repurchase role:cfo
//   "supply chain" NEAR/5 inventory
// A label is one word (no spaces, quotes, brackets, '~' or ':') followed by
// ':' and a space; a filter's name (`role: cfo`) is never one. Blank lines and
// lines starting with '#' are skipped; a UTF-8 byte order mark is dropped.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

// A watch list that cannot be used. The message names the file and line
// ("watch.txt:3: ...").
class WatchListError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SavedQuery {
    std::size_t line = 0;  // 1-based, in the file
    std::string label;     // "" when the line gives none
    std::string query;
    friend bool operator==(const SavedQuery&, const SavedQuery&) = default;
};

struct WatchList {
    std::string name;  // the file as given, for messages and headings
    std::vector<SavedQuery> queries;
};

// The lines of `text` as saved queries. Throws WatchListError for a label
// with no query after it and for a label used twice; the queries themselves
// are checked by check_watch_list.
[[nodiscard]] WatchList parse_watch_list(std::string_view text, std::string name);

// Reads and parses `file`. Throws WatchListError when it cannot be read.
[[nodiscard]] WatchList read_watch_list(const std::filesystem::path& file);

// Parses every saved query as the searcher would (no index needed), so that
// a bad one stops the job before anything is written. Throws WatchListError
// naming the first bad line and why; the thesaurus (for ~word) is read only
// when a query needs it, from `thesaurus` or the default places.
void check_watch_list(const WatchList& list, const std::optional<std::filesystem::path>& thesaurus = std::nullopt);

}  // namespace callsearch
