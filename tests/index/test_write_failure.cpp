// What a failed index write is reported as: the system's reason when Xapian
// kept one, and a full disk named as such whatever Xapian said.
#include <doctest/doctest.h>

#include <cerrno>
#include <string>

#include <sys/mount.h>

#include <xapian.h>

#include "index/write_failure.h"
#include "support/temp_dir.h"

using callsearch::describe_write_failure;
using callsearch::disk_full_reason;

TEST_SUITE("index") {

TEST_CASE("write failure: Xapian's message keeps the system's reason") {
    test_support::TempDir tmp;  // a file system with room
    CHECK(disk_full_reason(tmp.path) == "");
    CHECK(describe_write_failure(Xapian::DatabaseError("Error writing block 7", EIO), tmp.path) ==
          "Error writing block 7: Input/output error");
    CHECK(describe_write_failure(Xapian::InvalidOperationError("cancel() not supported"), tmp.path) ==
          "cancel() not supported");
}

TEST_CASE("write failure: a full file system is named, even for a path not created yet") {
    test_support::TempDir tmp;
    const auto disk = tmp.path / "disk";
    std::filesystem::create_directories(disk);
    if (::mount("callsearch-test", disk.c_str(), "tmpfs", 0, "size=64k") != 0) {
        MESSAGE("SKIPPED: cannot mount a tmpfs here");
        return;
    }
    {
        std::FILE* f = std::fopen((disk / "fill").c_str(), "w");
        REQUIRE(f);
        const std::string block(4096, 'x');
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
        }
        std::fclose(f);
    }
    const std::string reason = disk_full_reason(disk / "index" / "gen-000002");
    CHECK(reason.find("no space left on device") == 0);
    CHECK(reason.find(disk.string()) != std::string::npos);
    CHECK(describe_write_failure(Xapian::InvalidOperationError("cancel() not supported"), disk) == reason);
    ::umount2(disk.c_str(), MNT_DETACH);
}

}  // TEST_SUITE
