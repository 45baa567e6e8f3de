#include "index/shard_set.h"

#include <cstdio>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <xapian.h>

#include "index/index_writer.h"
#include "index/write_failure.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

bool fsync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

ShardSet::ShardSet(fs::path scratch_dir) : dir_(std::move(scratch_dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw IndexError("cannot create " + dir_.string() + ": " + ec.message());
}

ShardSet::~ShardSet() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);  // what cannot go now, the next writer removes
}

fs::path ShardSet::path(std::size_t number) const {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%06zu", number);
    return dir_ / name;
}

void ShardSet::merge_into(const fs::path& target, std::size_t count) const {
    std::vector<std::size_t> numbers(count);
    for (std::size_t i = 0; i < count; ++i) numbers[i] = i;
    merge_into(target, numbers);
}

void ShardSet::merge_into(const fs::path& target, const std::vector<std::size_t>& numbers) const {
    try {
        Xapian::Database all;
        for (const std::size_t i : numbers) {
            std::error_code ec;
            if (fs::exists(path(i), ec)) all.add_database(Xapian::Database(path(i).string()));
        }
        // MULTIPASS merges many shards in a tree of passes rather than all at once.
        all.compact(target.string(), Xapian::DBCOMPACT_MULTIPASS);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot merge the shards of " + target.string() + ": " + describe_write_failure(e, target));
    }
    // The stub may only name a generation whose files are on disk.
    std::error_code ec;
    for (fs::directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file() && !fsync_path(it->path(), O_RDONLY)) {
            throw IndexError("cannot sync " + it->path().string());
        }
    }
    if (ec || !fsync_path(target, O_RDONLY | O_DIRECTORY)) throw IndexError("cannot sync " + target.string());
}

}  // namespace callsearch
