// The indexer's progress line: on a terminal's stderr only, never with
// --quiet, never when stderr is a pipe or a file (cron, CI, scripts).

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

struct TerminalRun {
    int exit_code = -1;
    std::string terminal;  // everything the program wrote to stderr
};

// Runs argv with stderr on a fresh pseudo-terminal (stdout to /dev/null).
TerminalRun run_with_terminal_stderr(const std::vector<std::string>& argv) {
    TerminalRun out;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(::grantpt(master) == 0);
    REQUIRE(::unlockpt(master) == 0);
    const std::string slave_name = ::ptsname(master);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int slave = ::open(slave_name.c_str(), O_RDWR);
        const int null = ::open("/dev/null", O_RDWR);
        if (slave < 0 || null < 0) ::_exit(127);
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(slave, STDERR_FILENO);
        std::vector<char*> args;
        for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n > 0) {
            out.terminal.append(buf, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO once the child has closed the terminal
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

struct Calls {
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    Calls() {
        fs::create_directories(calls);
        for (int i = 0; i < 6; ++i) write_file(calls / ("c" + std::to_string(i) + ".txt"), synthetic_call(i));
    }
};

}  // namespace

TEST_CASE("progress: a terminal sees files done, rate and time left, then a clean line") {
    const Calls c;
    const auto r = run_with_terminal_stderr({kIndexer, "--db", (c.tmp.path / "db").string(), c.calls.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.terminal.find("6/6 files") != std::string::npos);
    CHECK(r.terminal.find("MB/s") != std::string::npos);
    CHECK(r.terminal.find("merging shards") != std::string::npos);  // a first run builds a new generation
    // The last thing on the terminal erases the line, so the shell prompt is clean.
    CHECK(r.terminal.size() >= 4);
    CHECK(r.terminal.substr(r.terminal.size() - 4) == "\r\033[K");
}

TEST_CASE("progress: --quiet and a non-terminal stderr get none of it") {
    const Calls c;
    const auto quiet = run_with_terminal_stderr(
        {kIndexer, "--db", (c.tmp.path / "db1").string(), "--quiet", c.calls.string()});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.terminal.empty());

    const auto piped = run_process({kIndexer, "--db", (c.tmp.path / "db2").string(), c.calls.string()});
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.find("files") == std::string::npos);
    CHECK(piped.err.find('\r') == std::string::npos);
}
