#include <doctest/doctest.h>

#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "index/writer_lock.h"
#include "support/temp_dir.h"

using namespace callsearch;
using std::chrono::milliseconds;

namespace {

// flock() conflicts between open file descriptions, so a second lock in the
// same process behaves like one in another process; a child process checks
// the cross-process case.
bool child_can_lock(const std::filesystem::path& dir) {
    const pid_t pid = fork();
    if (pid == 0) {
        try {
            WriterLock lock(dir, milliseconds(0));
            _exit(0);
        } catch (...) {
            _exit(1);
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

TEST_CASE("a second writer is refused at once, naming the holder") {
    test_support::TempDir dir;
    const WriterLock first(dir.path, milliseconds(0));
    try {
        WriterLock second(dir.path, milliseconds(0));
        FAIL("locked twice");
    } catch (const IndexBusyError& e) {
        const std::string what = e.what();
        CHECK(what.find("being written by another process") != std::string::npos);
        CHECK(what.find("pid " + std::to_string(getpid())) != std::string::npos);
        CHECK(what.find("--wait") != std::string::npos);
    }
    CHECK(!child_can_lock(dir.path));
}

TEST_CASE("the lock is free again once its holder is gone") {
    test_support::TempDir dir;
    { const WriterLock first(dir.path, milliseconds(0)); }
    CHECK(child_can_lock(dir.path));
    CHECK_NOTHROW(WriterLock(dir.path, milliseconds(0)));
}

TEST_CASE("waiting gives up after the time asked for") {
    test_support::TempDir dir;
    const WriterLock first(dir.path, milliseconds(0));
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(WriterLock(dir.path, milliseconds(200)), IndexBusyError);
    CHECK(std::chrono::steady_clock::now() - start >= milliseconds(200));
}
