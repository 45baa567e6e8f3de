// Parallel indexing must not change answers: an index built with several jobs
// (several shards merged) answers every query of the benchmark's set exactly
// as one built with one job, down to ranks, scores and the order of ties.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bench/query_set.h"
#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

// Both seeds and 40 calls made from seed 003: real text, and many paragraphs
// that tie exactly, so the order of equal scores is tested too.
struct Corpus {
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    Corpus() {
        fs::create_directories(calls);
        for (const auto& entry : fs::directory_iterator(kCorpus)) fs::copy_file(entry.path(), calls / entry.path().filename());
        for (int i = 0; i < 40; ++i) write_file(calls / ("synthetic_" + std::to_string(i) + ".txt"), synthetic_call(i));
    }

    fs::path build(const std::string& jobs) const {
        const fs::path db = tmp.path / ("index-" + jobs);
        // A small memory budget cuts the corpus into many batches, hence many shards.
        const auto r = run_process({kIndexer, "--db", db.string(), "--rebuild", "--jobs", jobs, "--memory", "16",
                                    "--quiet", calls.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return db;
    }
};

ProcessResult search(const fs::path& db, const std::string& query, const std::vector<std::string>& options) {
    std::vector<std::string> argv = {kSearcher, "--db", db.string()};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.push_back(query);
    return run_process(argv);
}

}  // namespace

TEST_CASE("parallel build: N jobs answer every benchmark query exactly as one job") {
    const Corpus corpus;
    const fs::path one = corpus.build("1");
    const fs::path many = corpus.build("4");

    const std::vector<std::vector<std::string>> modes = {
        {"--json"},                                         // ranked, default page
        {"--json", "--limit", "200", "--sort", "newest"},   // long list, ties by call order
        {"--json", "--limit", "5", "--offset", "7"},        // a later page
        {"--count"},
    };
    int queries_with_hits = 0;
    for (const auto& q : callsearch::bench::kQueries) {
        const std::string query(q.ours);
        bool hits = false;
        for (const auto& mode : modes) {
            const auto a = search(one, query, mode);
            const auto b = search(many, query, mode);
            INFO("query: ", query, "  mode: ", mode.back());
            REQUIRE_MESSAGE(a.exit_code <= 1, a.err);
            CHECK(b.exit_code == a.exit_code);
            CHECK(b.out == a.out);
            hits = hits || a.exit_code == 0;
        }
        queries_with_hits += hits ? 1 : 0;
    }
    // The comparison means something only if many queries find paragraphs.
    CHECK(queries_with_hits >= 8);
    MESSAGE("parallel build: " << callsearch::bench::kQueries.size() << " queries x " << modes.size()
                               << " modes compared, " << queries_with_hits << " queries with hits");
}
