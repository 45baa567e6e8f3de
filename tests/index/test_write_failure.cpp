// What a failed index write is reported as: the system's reason when Xapian
// kept one, and a full disk named as such whatever Xapian said.
#include <doctest/doctest.h>

#include <cerrno>
#include <string>

#include <xapian.h>

#include "index/write_failure.h"
#include "support/mount.h"
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
    const test_support::Mount tmpfs = test_support::Mount::tmpfs(disk, "64k");
    if (!tmpfs.mounted()) {
        MESSAGE("SKIPPED: cannot mount a tmpfs here: " << tmpfs.error());
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
}

}  // TEST_SUITE
