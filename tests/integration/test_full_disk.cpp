// Operations: a full disk must not hurt the live index, and a read-only index
// (a mounted snapshot) must still answer. The full disk is a small tmpfs, the
// read-only index a read-only bind mount; both need mount(2) (root in CI), and
// the tests say SKIPPED where it is not permitted.

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "integration/fixtures.h"
#include "support/mount.h"

namespace fs = std::filesystem;
using namespace e2e;
using test_support::Mount;

namespace {

void write_calls(const fs::path& dir, int from, int to) {
    fs::create_directories(dir);
    for (int i = from; i < to; ++i) write_file(dir / ("call" + std::to_string(i) + ".txt"), synthetic_call(i));
}

std::uintmax_t free_bytes(const fs::path& p) {
    struct statvfs vfs{};
    REQUIRE(::statvfs(p.c_str(), &vfs) == 0);
    return std::uintmax_t{vfs.f_bfree} * vfs.f_frsize;
}

// Entries of the index folder other than the stub, the lock and the live generation.
std::vector<std::string> leftovers(const fs::path& db) {
    const std::string live = read_file(db / "XAPIANDB");
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(db)) {
        const std::string name = e.path().filename().string();
        if (name == "XAPIANDB" || name == "writer.lock" || live.find(name) != std::string::npos) continue;
        out.push_back(name);
    }
    return out;
}

}  // namespace

TEST_CASE("full disk: a rebuild or an update that meets ENOSPC names the full disk and leaves the index as it was") {
    TempDir tmp;
    const fs::path disk = tmp.path / "disk";
    // 4 MiB holds two calls' index, not forty.
    const Mount tmpfs = Mount::tmpfs(disk, "4m");
    if (!tmpfs.mounted()) {
        std::printf("SKIPPED: cannot mount a tmpfs at %s (%s)\n", disk.c_str(), tmpfs.error().c_str());
        return;
    }
    const fs::path calls = tmp.path / "calls";
    const fs::path db = disk / "index";
    write_calls(calls, 0, 2);
    REQUIRE(run_process({kIndexer, "--db", db.string(), "--quiet", calls.string()}).exit_code == 0);
    const std::vector<long> before = count_mix(db);
    // What an operator deletes to make room after the disk filled up.
    write_file(disk / "ballast", std::string(512 << 10, 'x'));
    const std::string generation = read_file(db / "XAPIANDB");
    const std::uintmax_t free_before = free_bytes(disk);

    write_calls(calls, 2, 40);
    for (const bool rebuild : {true, false}) {
        CAPTURE(rebuild);
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--quiet", "--jobs", "2", calls.string()};
        if (rebuild) argv.push_back("--rebuild");
        const ProcessResult r = run_process(argv);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find("no space left on device") != std::string::npos, r.err);
        CHECK_MESSAGE(r.err.find(disk.string()) != std::string::npos, r.err);  // names the full file system
        CHECK_MESSAGE(r.err.find("left as it was") != std::string::npos, r.err);
        CHECK(r.err.find("DB_DANGEROUS") == std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one error line

        // The live index answers as before, from the same generation.
        CHECK(read_file(db / "XAPIANDB") == generation);
        CHECK(count_mix(db) == before);
        CHECK(run_process({kIndexer, "--db", db.string(), "--check"}).exit_code == 0);
        if (rebuild) {
            // Nothing of the failed generation is left, and its space is free again.
            CHECK(leftovers(db).empty());
            CHECK(free_bytes(disk) + (256 << 10) >= free_before);
        }
    }

    // Once there is room again, the next update succeeds and leaves no
    // scratch. (The failed update left the live generation's files as large as
    // the disk allowed: Xapian reuses that space, but does not give it back.)
    fs::remove(disk / "ballast");
    fs::remove_all(calls);
    write_calls(calls, 0, 3);
    const ProcessResult next = run_process({kIndexer, "--db", db.string(), "--quiet", calls.string()});
    CHECK_MESSAGE(next.exit_code == 0, next.err);
    CHECK(leftovers(db).empty());
    CHECK(count_hits(db, {"--ticker", "CS2"}) > 0);
}

TEST_CASE("read-only index: the searcher answers from a read-only mount, --stats works, indexing says why not") {
    TempDir tmp;
    const fs::path db = tmp.path / "index";
    REQUIRE(run_process({kIndexer, "--db", db.string(), "--quiet", kCorpus.string()}).exit_code == 0);
    const std::vector<long> expected = count_mix(db);
    const std::string json = run_process({kSearcher, "--db", db.string(), "--json", "訂閱 OR revenue"}).out;

    const fs::path snapshot = tmp.path / "snapshot";
    const Mount bind(snapshot, db.c_str(), nullptr, MS_BIND, nullptr);
    if (!bind.mounted()) {
        std::printf("SKIPPED: cannot bind-mount %s (%s)\n", db.c_str(), bind.error().c_str());
        return;
    }
    // A bind mount takes MS_RDONLY only on a remount.
    if (::mount(nullptr, snapshot.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        std::printf("SKIPPED: cannot make %s read-only (%s)\n", snapshot.c_str(), std::strerror(errno));
        return;
    }
    REQUIRE(::access(snapshot.c_str(), W_OK) != 0);

    CHECK(count_mix(snapshot) == expected);
    const ProcessResult search = run_process({kSearcher, "--db", snapshot.string(), "--json", "訂閱 OR revenue"});
    CHECK(search.exit_code == 0);
    CHECK(search.out == json);
    CHECK(search.err.empty());

    // --stats only reads. (--check cannot run there: Xapian's structure check
    // opens the tables for writing, and the writer lock cannot be created.)
    CHECK(run_process({kIndexer, "--db", snapshot.string(), "--stats"}).exit_code == 0);

    const ProcessResult index = run_process({kIndexer, "--db", snapshot.string(), "--quiet", kCorpus.string()});
    CHECK(index.exit_code == 2);
    CHECK_MESSAGE(index.err.find("Read-only file system") != std::string::npos, index.err);
}

TEST_CASE("read-only index: a copy without write permission answers a searcher that may not write it") {
    TempDir tmp;
    const fs::path db = tmp.path / "index";
    REQUIRE(run_process({kIndexer, "--db", db.string(), "--quiet", kCorpus.string()}).exit_code == 0);
    const std::string expected = run_process({kSearcher, "--db", db.string(), "--json", "訂閱 OR revenue"}).out;
    for (const auto& e : fs::recursive_directory_iterator(db)) {
        fs::permissions(e.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove);
    }
    fs::permissions(db, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    // root ignores permissions: search as nobody then (setpriv, util-linux),
    // provided nobody can read the index and run the searcher at all.
    std::vector<std::string> as_user;
    if (::geteuid() == 0) as_user = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    auto run_as = [&](std::vector<std::string> argv) {
        argv.insert(argv.begin(), as_user.begin(), as_user.end());
        return run_process(argv);
    };
    const bool reachable = (as_user.empty() || fs::exists(as_user.front())) &&
                           run_as({"/bin/cat", (db / "XAPIANDB").string()}).exit_code == 0 &&
                           run_as({kSearcher, "--help"}).exit_code == 0;
    const ProcessResult search = reachable ? run_as({kSearcher, "--db", db.string(), "--json", "訂閱 OR revenue"})
                                           : ProcessResult{};
    fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);  // so that TempDir can remove it
    for (const auto& e : fs::recursive_directory_iterator(db)) {
        fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
    }
    if (!reachable) {
        std::printf("SKIPPED: cannot run the searcher as a user without write access to %s\n", db.c_str());
        return;
    }
    CHECK_MESSAGE(search.exit_code == 0, search.err);
    CHECK(search.out == expected);
}
