// The indexer as a nightly job drives it: incremental runs, rebuilds, one
// writer at a time, --check, --stats, --json summaries, schema versions.

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace e2e;

namespace {

struct Job {
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    fs::path db = tmp.path / "index";

    Job(int files = 4) {
        fs::create_directories(calls);
        for (int i = 0; i < files; ++i) write_file(calls / ("c" + std::to_string(i) + ".txt"), synthetic_call(i));
    }

    ProcessResult index(std::vector<std::string> extra = {}) {
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--json"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.push_back(calls.string());
        return run_process(argv);
    }
};

json summary_of(const ProcessResult& r) {
    REQUIRE_MESSAGE(!r.out.empty(), r.err);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("job: the JSON summary counts added, updated, unchanged, removed and skipped files") {
    Job job;
    auto first = summary_of(job.index());
    CHECK(first["added"] == 4);
    CHECK(first["skipped"] == 0);
    CHECK(first["skipped_files"].empty());

    write_file(job.calls / "c1.txt", synthetic_call(1, 1));
    fs::remove(job.calls / "c2.txt");
    write_file(job.calls / "c9.txt", synthetic_call(9));
    write_file(job.calls / "junk.txt", "not a transcript\n");
    const auto r = job.index();
    CHECK(r.exit_code == 1);
    const auto s = summary_of(r);
    CHECK(s["added"] == 1);
    CHECK(s["updated"] == 1);
    CHECK(s["unchanged"] == 2);
    CHECK(s["removed"] == 1);
    CHECK(s["skipped"] == 1);
    REQUIRE(s["skipped_files"].size() == 1);
    CHECK(s["skipped_files"][0]["path"].get<std::string>().find("junk.txt") != std::string::npos);
    CHECK(s["skipped_files"][0]["reason"].get<std::string>().find("not a transcript") != std::string::npos);
    CHECK(r.err.find("junk.txt") != std::string::npos);

    CHECK(count_hits(job.db, {"inventory"}) > 0);
    CHECK(count_hits(job.db, {"--ticker", "CS2"}) == 0);
    CHECK(count_hits(job.db, {"--ticker", "CS9"}) > 0);
}

TEST_CASE("job: an incremental run gives the same answers as a rebuild of the same files") {
    Job job;
    (void)job.index();
    write_file(job.calls / "c0.txt", synthetic_call(0, 1));
    fs::remove(job.calls / "c3.txt");
    (void)job.index();
    const auto incremental = count_mix(job.db);
    const auto rebuilt = summary_of(job.index({"--rebuild"}));
    CHECK(rebuilt["rebuild"] == true);
    CHECK(rebuilt["removed"] == 0);
    CHECK(count_mix(job.db) == incremental);
}

TEST_CASE("job: a second writer fails at once with exit 3, or waits with --wait") {
    Job job;
    REQUIRE(job.index().exit_code == 0);
    // flock(1) holds the writer lock as another indexer would.
    const pid_t holder = start_process({"/usr/bin/flock", (job.db / "writer.lock").string(), "sleep", "1.5"});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto busy = job.index();
    CHECK(busy.exit_code == 3);
    CHECK(busy.out.empty());
    CHECK(busy.err.find("being written by another process") != std::string::npos);
    CHECK(std::count(busy.err.begin(), busy.err.end(), '\n') == 1);
    const auto waited = job.index({"--wait", "20"});
    CHECK(waited.exit_code == 0);
    CHECK(wait_process(holder) == 0);
    // Readers are never blocked by the writer lock.
    CHECK(count_hits(job.db, {"revenue"}) > 0);
}

TEST_CASE("job: --check passes on a sound index and fails with exit 4 on a damaged one") {
    Job job;
    REQUIRE(job.index().exit_code == 0);
    const auto ok = run_process({kIndexer, "--db", job.db.string(), "--check", "--json"});
    CHECK(ok.exit_code == 0);
    CHECK(json::parse(ok.out)["ok"] == true);

    // Damage it the way a stray process could: documents gone behind the index's back.
    {
        Xapian::WritableDatabase gen((job.db / "gen-000001").string());
        gen.delete_document(1);
        gen.commit();
    }
    const auto bad = run_process({kIndexer, "--db", job.db.string(), "--check"});
    CHECK(bad.exit_code == 4);
    CHECK(bad.out.find("problem:") != std::string::npos);
    // A rebuild repairs it.
    REQUIRE(job.index({"--rebuild"}).exit_code == 0);
    CHECK(run_process({kIndexer, "--db", job.db.string(), "--check"}).exit_code == 0);
}

TEST_CASE("job: --stats tells calls per company and year, paragraphs per language, and speakers") {
    Job job(3);
    REQUIRE(job.index().exit_code == 0);
    const auto r = run_process({kIndexer, "--db", job.db.string(), "--stats", "--json"});
    CHECK(r.exit_code == 0);
    const auto s = json::parse(r.out);
    CHECK(s["calls"] == 3);
    CHECK(s["files"] == 3);
    CHECK(s["calls_by_company_year"].size() == 3);
    CHECK(s["paragraphs_by_lang"]["en"] == s["paragraphs"]);
    CHECK(s["speakers"] == 8);  // seed 003 has 8 speakers, Operator and Unknown speaker included
    const auto text = run_process({kIndexer, "--db", job.db.string(), "--stats"});
    CHECK(text.out.find("Company 1 Inc: 2016 (1)") != std::string::npos);
}

TEST_CASE("job: an index of another schema version is named as such, with how to rebuild") {
    Job job;
    REQUIRE(job.index().exit_code == 0);
    {
        Xapian::WritableDatabase gen((job.db / "gen-000001").string());
        gen.set_metadata("callsearch.schema_version", "999");
        gen.commit();
    }
    const auto search = run_process({kSearcher, "--db", job.db.string(), "revenue"});
    CHECK(search.exit_code == 2);
    CHECK(search.err.find("schema version 999") != std::string::npos);
    CHECK(search.err.find("indexer --rebuild") != std::string::npos);
    const auto update = job.index();
    CHECK(update.exit_code == 2);
    CHECK(update.err.find("schema version 999") != std::string::npos);
    const auto rebuild = job.index({"--rebuild"});
    CHECK(rebuild.exit_code == 0);
    CHECK(count_hits(job.db, {"revenue"}) > 0);
}

TEST_CASE("job: a --db that is some other folder is never written into") {
    Job job;
    write_file(job.tmp.path / "notes.txt", "mine");
    const auto r = run_process({kIndexer, "--db", job.tmp.path.string(), job.calls.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not an index folder") != std::string::npos);
    CHECK(!fs::exists(job.tmp.path / "XAPIANDB"));
}

TEST_CASE("job: option mistakes are errors with exit 2") {
    Job job;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--check", job.calls.string()}, {"--check", "--stats"}, {"--wait", "-1", job.calls.string()}, {}}) {
        std::vector<std::string> argv = {kIndexer, "--db", job.db.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = run_process(argv);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("indexer: error: ", 0) == 0);
    }
}
