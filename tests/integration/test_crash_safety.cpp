// Killing the indexer (SIGKILL) at any moment of an update or a rebuild
// leaves an index that opens, checks clean and answers either as before the
// run or as after it; the next run completes the job. Kill moments are drawn
// from a fixed seed over the measured length of an uninterrupted run.

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <thread>

#include <signal.h>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

constexpr int kKillsPerMode = 6;

struct CrashBench {
    TwoStates states;
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    fs::path db = tmp.path / "index";
    std::vector<long> counts_a = reference_counts([&](const fs::path& d) { states.write_state_a(d); });
    std::vector<long> counts_b = reference_counts([&](const fs::path& d) { states.write_state_b(d); });

    std::vector<std::string> indexer_args(bool rebuild) const {
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--quiet"};
        if (rebuild) argv.push_back("--rebuild");
        argv.push_back(calls.string());
        return argv;
    }

    void reset_to_state_a() {
        fs::remove_all(db);
        states.write_state_a(calls);
        REQUIRE(run_process(indexer_args(false)).exit_code == 0);
        REQUIRE(count_mix(db) == counts_a);
        states.write_state_b(calls);
    }

    std::chrono::microseconds uninterrupted_run(bool rebuild) {
        reset_to_state_a();
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(run_process(indexer_args(rebuild)).exit_code == 0);
        return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    }

    // Returns how many kills landed before the run had finished.
    int kill_at_random_moments(bool rebuild, unsigned seed) {
        const auto length = uninterrupted_run(rebuild);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<long> moment(0, length.count());
        int interrupted = 0;
        for (int k = 0; k < kKillsPerMode; ++k) {
            reset_to_state_a();
            const pid_t pid = start_process(indexer_args(rebuild));
            std::this_thread::sleep_for(std::chrono::microseconds(moment(rng)));
            ::kill(pid, SIGKILL);
            if (wait_process(pid) == -SIGKILL) ++interrupted;

            INFO("kill " << k << (rebuild ? " of a rebuild" : " of an update"));
            const auto check = run_process({kIndexer, "--db", db.string(), "--check"});
            CHECK_MESSAGE(check.exit_code == 0, check.out);
            const auto after_kill = count_mix(db);
            CHECK((after_kill == counts_a || after_kill == counts_b));

            REQUIRE(run_process(indexer_args(rebuild)).exit_code == 0);
            CHECK(count_mix(db) == counts_b);
            CHECK(run_process({kIndexer, "--db", db.string(), "--check"}).exit_code == 0);
            int generations = 0, scratch = 0;
            for (const auto& entry : fs::directory_iterator(db)) {
                generations += entry.path().filename().string().rfind("gen-", 0) == 0;
                scratch += entry.path().filename().string().rfind("tmp-", 0) == 0;  // a killed rebuild's shards
            }
            CHECK(generations == 1);
            CHECK(scratch == 0);
        }
        return interrupted;
    }
};

}  // namespace

TEST_CASE("crash: a killed update leaves the state before or after, and the next run completes it") {
    CrashBench bench;
    REQUIRE(bench.counts_a != bench.counts_b);
    const int interrupted = bench.kill_at_random_moments(false, 20261125);
    MESSAGE("update kills survived: " << interrupted << " of " << kKillsPerMode << " landed mid-run");
    CHECK(interrupted > 0);
}

TEST_CASE("crash: a killed rebuild leaves the state before or after, and the next run completes it") {
    CrashBench bench;
    const int interrupted = bench.kill_at_random_moments(true, 4242);
    MESSAGE("rebuild kills survived: " << interrupted << " of " << kKillsPerMode << " landed mid-run");
    CHECK(interrupted > 0);
}
