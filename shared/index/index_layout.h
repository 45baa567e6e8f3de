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

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace callsearch {

inline constexpr std::string_view kStubFileName = "XAPIANDB";
inline constexpr std::string_view kLockFileName = "writer.lock";
inline constexpr std::string_view kGenerationPrefix = "gen-";
inline constexpr std::string_view kScratchPrefix = "tmp-";

// The index folder when none is given: $CALLSEARCH_DB, else ./index.
[[nodiscard]] std::filesystem::path default_index_dir();

class IndexLayout {
public:
    explicit IndexLayout(std::filesystem::path dir) : dir_(std::move(dir)) {}

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

    // The generation the stub names; nullopt when there is no stub yet.
    // Throws IndexError if the stub is unreadable or names something else.
    [[nodiscard]] std::optional<std::filesystem::path> live_generation() const;

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

    std::filesystem::path dir_;
};

}  // namespace callsearch
