#pragma once
// The on-disk layout of an index folder, which is what lets a rebuild switch
// atomically while searchers keep reading:
//
//   DIR/XAPIANDB       Xapian stub naming the live generation ("auto gen-000003").
//                      Searchers open DIR; Xapian follows the stub.
//   DIR/gen-000003/    the live generation: a Xapian (glass) database
//   DIR/writer.lock    flock()ed by the one writer (index/writer_lock.h)
//   DIR/tmp-gen-000004/ scratch shards a rebuild of gen-000004 merges from
//                      (index/shard_set.h); removed when the merge is done
//
// Incremental updates commit into the live generation (one Xapian commit per
// run). A rebuild fills a new generation beside it, then renames a new stub
// over XAPIANDB: rename() is atomic, so a searcher sees the old generation or
// the new one, never a partial one. Generations the stub does not name are
// leftovers (a killed rebuild, an old generation) and are removed by the next
// writer, and so are scratch folders.
//
// An index in parts (`indexer --shards N`, N >= 2) holds N folders of this
// same layout, each with its own stub and generations, and its stub lists them:
//
//   DIR/XAPIANDB       "auto part-01", "auto part-02", ... one line each
//   DIR/part-01/       XAPIANDB, gen-000007/: the part's live generation
//   DIR/writer.lock    the one lock for all parts
//
// Xapian opens DIR as all parts combined; xapian-tcpsrv serves DIR/part-01 as
// one part (match/index_parts.h). A file's calls are always in part
// part_of(file key, N). A rebuild switches each part atomically, one after
// another: a searcher opening the index meanwhile may see some parts rebuilt
// and others not yet, each of them whole.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

inline constexpr std::string_view kStubFileName = "XAPIANDB";
inline constexpr std::string_view kLockFileName = "writer.lock";
inline constexpr std::string_view kGenerationPrefix = "gen-";
inline constexpr std::string_view kScratchPrefix = "tmp-";
inline constexpr std::string_view kPartPrefix = "part-";

// The part (0-based) holding a source file's calls: the FNV-1a 64-bit hash of
// its file key (schema::file_digest, a hash of the path, not of the content,
// so an edited file stays where it is) modulo `parts`.
[[nodiscard]] std::size_t part_of(std::string_view file_key, std::size_t parts);
// The folder name of part `index` (0-based): "part-01", ..., "part-100".
[[nodiscard]] std::string part_dir_name(std::size_t index);

// The index folder when none is given: $CALLSEARCH_DB, else ./index.
[[nodiscard]] std::filesystem::path default_index_dir();

class IndexLayout {
public:
    explicit IndexLayout(std::filesystem::path dir) : dir_(std::move(dir)) {}

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

    // The generation the stub names; nullopt when there is no stub yet, or
    // when the index is in parts. Throws IndexError if the stub is unreadable
    // or names something else.
    [[nodiscard]] std::optional<std::filesystem::path> live_generation() const;

    // The part folders the stub lists, in order; empty when it names one
    // generation (or there is no stub).
    [[nodiscard]] std::vector<std::filesystem::path> parts() const;

    // Points the stub at `count` part folders (part_dir_name), atomically.
    void publish_parts(std::size_t count) const;

    // Removes the part folders numbered `count` and above (after the index
    // was shared out into fewer parts, or into none: count 0).
    void remove_parts_from(std::size_t count) const;

    // A path for a new generation, numbered after every existing one.
    [[nodiscard]] std::filesystem::path new_generation() const;

    // Where the shards of `generation` are built before they are merged into it.
    [[nodiscard]] std::filesystem::path scratch_dir(const std::filesystem::path& generation) const;

    // Points the stub at `generation` (a folder directly inside dir()),
    // atomically and durably (write, fsync, rename, fsync the folder).
    void publish(const std::filesystem::path& generation) const;

    // Removes every generation folder except the live one and `keep`, and
    // every scratch folder.
    void remove_stale_generations(const std::optional<std::filesystem::path>& keep = std::nullopt) const;

    // Throws IndexError when dir() exists but is neither an index of this
    // layout nor empty, so that a mistyped --db never writes into, say, $HOME.
    void check_writable_here() const;

private:
    [[nodiscard]] std::vector<std::filesystem::path> generations() const;
    void write_stub(const std::string& text) const;

    std::filesystem::path dir_;
};

}  // namespace callsearch
