// Room reserved for scratch-shard commits: a commit that would not fit is an
// ordinary error before Xapian writes, counting what other commits hold.
#include <doctest/doctest.h>

#include <string>

#include "index/disk_room.h"
#include "index/index_writer.h"
#include "support/mount.h"
#include "support/temp_dir.h"

using callsearch::DiskRoom;
using callsearch::IndexError;

namespace {

constexpr std::uintmax_t kMiB = 1 << 20;

std::string reserve_error(DiskRoom& room, const std::filesystem::path& where, std::uintmax_t bytes) {
    try {
        const DiskRoom::Reservation held = room.reserve(where, bytes);
        return "";
    } catch (const IndexError& e) {
        return e.what();
    }
}

}  // namespace

TEST_SUITE("index") {

TEST_CASE("disk room: a reservation is held while it lives") {
    test_support::TempDir tmp;
    DiskRoom room;
    {
        const DiskRoom::Reservation held = room.reserve(tmp.path / "shard-000000", 64 << 10);
        CHECK(room.reserved() == 64 << 10);
    }
    CHECK(room.reserved() == 0);
}

TEST_CASE("disk room: a commit that does not fit beside the others is refused, naming the full disk") {
    test_support::TempDir tmp;
    const auto disk = tmp.path / "disk";
    const test_support::Mount tmpfs = test_support::Mount::tmpfs(disk, "8m");
    if (!tmpfs.mounted()) {
        MESSAGE("SKIPPED: cannot mount a tmpfs here: " << tmpfs.error());
        return;
    }
    const auto shard = disk / "index" / "tmp-gen-000002" / "shard-000001";
    DiskRoom room;
    {
        const DiskRoom::Reservation first = room.reserve(shard, 5 * kMiB);
        // 5 + 3 MiB and the margin do not fit in 8 MiB.
        const std::string refused = reserve_error(room, shard, 3 * kMiB);
        CHECK(refused.find("cannot write index " + shard.string()) == 0);
        CHECK(refused.find("no space left on device") != std::string::npos);
        CHECK(refused.find("mounted at " + disk.string()) != std::string::npos);
        CHECK(room.reserved() == 5 * kMiB);
    }
    CHECK(reserve_error(room, shard, 3 * kMiB) == "");
    CHECK(reserve_error(room, shard, 8 * kMiB) != "");
}

}  // TEST_SUITE
