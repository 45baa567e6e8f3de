#pragma once
// Where a searcher's index is, and opening it: the one unit every reader of
// the index calls (matcher, spelling, batch, aggregations), so that a local
// index folder, an index built in parts (`indexer --shards N`), and parts
// served by xapian-tcpsrv on other machines all open the same way.
//
// A location (`--db`, given once or several times) is
//   - an index folder: its XAPIANDB stub names one generation (one part), or
//     lists the folders of its parts ("auto part-01" ..., index/index_layout.h);
//   - a Xapian stub file, one database per line, as Xapian reads them:
//     `auto PATH` (also glass/chert/inmemory-free backends: `glass PATH`),
//     `remote :HOST:PORT` (xapian-tcpsrv), `remote PROGRAM ARGS...`
//     (xapian-progsrv over a pipe); we also take `remote HOST:PORT` (no
//     leading colon, a numeric port) as tcp. Relative paths are relative to
//     the stub's folder; `#` starts a comment line.
// Every part is opened on its own (its schema checked, its metadata read from
// it), then combined into one Xapian::Database, whose BM25 statistics Xapian
// sums over the parts, local or remote.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace callsearch {

struct IndexAccess {
    std::vector<std::string> locations;  // in order; a part's place in the list is part of its docids
    std::chrono::milliseconds timeout{5000};  // connecting to, and each exchange with, a remote part
    // A part that cannot be opened is left out (IndexParts::missing) instead
    // of failing the search.
    bool partial = false;
};

// The searcher's options about where the index is, beside its first location
// (--db, $CALLSEARCH_DB or ./index): more --db locations, --timeout, --partial.
struct IndexOptions {
    std::vector<std::string> more_locations;
    std::chrono::milliseconds timeout{5000};
    bool partial = false;
};
[[nodiscard]] IndexAccess index_access(const std::filesystem::path& first, const IndexOptions& options);

struct IndexPart {
    enum class Kind { Local, Tcp, Program };
    Kind kind = Kind::Local;
    std::string name;                 // as errors show it: the path, HOST:PORT, or the program line
    std::filesystem::path path;       // Local
    std::string host;                 // Tcp
    unsigned port = 0;                // Tcp
    std::string program, arguments;   // Program
};

// The parts the locations name, in order. Throws DatabaseError (match/
// matcher.h) for a location that does not exist or a stub line that cannot be read.
[[nodiscard]] std::vector<IndexPart> index_parts(const std::vector<std::string>& locations);

// The opened parts of an index: `all` combines `parts` (in that order).
struct IndexParts {
    Xapian::Database all;
    std::vector<Xapian::Database> parts;  // each opened part, alone
    std::vector<IndexPart> where;         // what each of `parts` is
    std::vector<std::string> missing;     // with IndexAccess::partial: "NAME: why" of parts left out

    // Document `did` of `all` lives in parts[part_of(did)] as local_docid(did).
    [[nodiscard]] std::size_t part_of(Xapian::docid did) const { return (did - 1) % parts.size(); }
    [[nodiscard]] Xapian::docid local_docid(Xapian::docid did) const {
        return static_cast<Xapian::docid>((did - 1) / parts.size() + 1);
    }
    [[nodiscard]] Xapian::docid combined_docid(std::size_t part, Xapian::docid local) const {
        return static_cast<Xapian::docid>((local - 1) * parts.size() + part + 1);
    }
    [[nodiscard]] bool single() const { return parts.size() == 1; }
    [[nodiscard]] bool any_remote() const {
        return std::any_of(where.begin(), where.end(), [](const IndexPart& p) { return p.kind != IndexPart::Kind::Local; });
    }
    // Calls f(p) for every part p. With several remote parts, each of those
    // runs on a thread of its own, as their network round trips then overlap;
    // f(p) may use parts[p] alone, never `all`. The first exception (in part
    // order) is thrown here once all have ended.
    void on_each_part(const std::function<void(std::size_t)>& f) const;
    // Every English word filed under `stem`, in any part (sorted, unique).
    // Remote parts cannot read the synonym table (Xapian 1.4's remote backend
    // answers it as empty): their indexer mirrors it in metadata.
    [[nodiscard]] std::vector<std::string> words_with_stem(const std::string& stem) const;
    // A token naming the state of the local parts (their live generations):
    // when it changes, a rebuild switched, and the parts must be opened again.
    [[nodiscard]] std::string generation_token() const;
};

// Opens every part. Throws DatabaseError naming the part that cannot be
// opened (down, refusing, not answering within the timeout, another schema),
// unless `access.partial` and at least one other part opened.
[[nodiscard]] IndexParts open_index_parts(const IndexAccess& access);

// The live generation's folder name of a local index folder ("gen-000003"),
// "" when it has none (or is an index in parts).
[[nodiscard]] std::string live_generation_name(const std::filesystem::path& dir);

// After a Xapian::NetworkError during a search: the parts that do not answer
// now, as "NAME: why" (empty if all do).
[[nodiscard]] std::vector<std::string> unreachable_parts(const IndexParts& parts);

}  // namespace callsearch
