// Several searcher processes run a fixed query mix in a loop while
// incremental updates and full rebuilds switch the index between two states.
// Every query must succeed and count what one of the two states holds.

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

constexpr int kClients = 4;
constexpr int kQueriesPerClient = 520;  // 2,080 in all

struct Answer {
    std::size_t query;
    long count;  // -1: the searcher failed
};

}  // namespace

TEST_CASE("load: searchers never fail and see the old or the new state while updates and rebuilds run") {
    TwoStates states;
    const auto counts_a = reference_counts([&](const fs::path& d) { states.write_state_a(d); });
    const auto counts_b = reference_counts([&](const fs::path& d) { states.write_state_b(d); });
    REQUIRE(counts_a != counts_b);

    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    states.write_state_a(calls);
    REQUIRE(run_process({kIndexer, "--db", db.string(), calls.string()}).exit_code == 0);

    std::atomic<int> clients_running{kClients};
    std::vector<std::vector<Answer>> answers(kClients);
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            const auto& mix = query_mix();
            for (int i = 0; i < kQueriesPerClient; ++i) {
                const std::size_t q = static_cast<std::size_t>(c + i) % mix.size();
                answers[static_cast<std::size_t>(c)].push_back({q, count_hits(db, mix[q])});
            }
            --clients_running;
        });
    }

    // The writer: A -> B by update, B -> A by update, A -> B by rebuild,
    // B -> A by rebuild, and again, until the clients are done.
    int updates = 0, rebuilds = 0, writer_failures = 0;
    for (int step = 0; clients_running > 0; ++step) {
        const bool to_b = step % 2 == 0;
        const bool rebuild = step % 4 >= 2;
        if (to_b) {
            states.write_state_b(calls);
        } else {
            states.write_state_a(calls);
        }
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--quiet", "--wait", "60"};
        if (rebuild) argv.push_back("--rebuild");
        argv.push_back(calls.string());
        writer_failures += run_process(argv).exit_code != 0;
        ++(rebuild ? rebuilds : updates);
    }
    for (auto& t : clients) t.join();

    std::size_t total = 0, failed = 0, mismatched = 0;
    for (const auto& client : answers) {
        for (const Answer& a : client) {
            ++total;
            if (a.count < 0) {
                ++failed;
            } else if (a.count != counts_a[a.query] && a.count != counts_b[a.query]) {
                ++mismatched;
            }
        }
    }
    MESSAGE("load: " << total << " queries by " << kClients << " searcher loops, " << failed << " failed, "
                     << mismatched << " counts from neither state; " << updates << " updates and " << rebuilds
                     << " rebuilds meanwhile");
    CHECK(total >= 2000);
    CHECK(failed == 0);
    CHECK(mismatched == 0);
    CHECK(writer_failures == 0);
    CHECK(updates >= 2);
    CHECK(rebuilds >= 2);
}
