#pragma once
// How a new generation is written on several cores: each worker fills its own
// scratch Xapian database (a shard), and Xapian's compactor merges the shards
// into the generation in one pass, which also leaves it compact (as
// xapian-compact would). Shards are numbered and merged in number order, so the
// order of documents, hence docids and the order of equally ranked hits, does
// not depend on how many workers wrote them.

#include <cstddef>
#include <filesystem>
#include <vector>

namespace callsearch {

class ShardSet {
public:
    // Creates `scratch_dir` (throws IndexError if it cannot).
    explicit ShardSet(std::filesystem::path scratch_dir);
    ~ShardSet();  // removes the scratch folder and every shard in it
    ShardSet(const ShardSet&) = delete;
    ShardSet& operator=(const ShardSet&) = delete;

    // Where shard `number` lives (index/index_writer.h, IndexWriter::Mode::Shard).
    [[nodiscard]] std::filesystem::path path(std::size_t number) const;

    // Merges the shards numbered below `count` that were created, in number
    // order, into a new database at `target`, and makes it durable.
    // Throws IndexError.
    void merge_into(const std::filesystem::path& target, std::size_t count) const;
    // The same for the shards `numbers`, in that order (the scratch databases
    // of one part of an index in parts, index/index_layout.h).
    void merge_into(const std::filesystem::path& target, const std::vector<std::size_t>& numbers) const;

private:
    std::filesystem::path dir_;
};

}  // namespace callsearch
