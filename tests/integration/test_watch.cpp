// indexer --watch FILE as a nightly job runs it: the saved queries' hits in
// the calls each run added or changed, and nothing from before; a bad watch
// list stops the job before the index is touched.

#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace e2e;

namespace {

struct WatchJob {
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    fs::path db = tmp.path / "index";
    fs::path list = tmp.path / "watch.txt";

    explicit WatchJob(int files) {
        fs::create_directories(calls);
        for (int i = 0; i < files; ++i) add(i);
        write_file(list,
                   "# the desk's alerts\n"
                   "subs: subscription OR subscriptions\n"
                   "\n"
                   "\"ad inventory\"\n"
                   "cfo: revenue role:cfo\n");
    }

    void add(int i, int revision = 0) const { write_file(calls / name(i), synthetic_call(i, revision)); }
    static std::string name(int i) { return "c" + std::to_string(i) + ".txt"; }

    ProcessResult index(std::vector<std::string> extra = {}) const {
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--watch", list.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.push_back(calls.string());
        return run_process(argv);
    }
};

struct Printed {
    json summary;
    std::vector<json> hits;
};

// The summary object, then one object per hit.
Printed parse(const ProcessResult& r) {
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    Printed p;
    std::istringstream in(r.out);
    std::string line;
    REQUIRE(std::getline(in, line));
    p.summary = json::parse(line);
    CHECK(p.summary.contains("added"));
    while (std::getline(in, line)) p.hits.push_back(json::parse(line));
    return p;
}

std::set<std::string> files_of(const std::vector<json>& hits, const std::string& line_label = "") {
    std::set<std::string> files;
    for (const json& h : hits) {
        if (line_label.empty() || h["watch"] == line_label) files.insert(fs::path(h["file"].get<std::string>()).filename());
    }
    return files;
}

}  // namespace

TEST_CASE("watch: the second run reports only the calls it added, each hit tagged with its saved query") {
    WatchJob job(3);
    const Printed first = parse(job.index({"--json", "--watch-limit", "100"}));
    CHECK(files_of(first.hits, "subs") == std::set<std::string>{"c0.txt", "c1.txt", "c2.txt"});

    job.add(3);
    job.add(4);
    const Printed second = parse(job.index({"--json", "--watch-limit", "100"}));
    CHECK(second.summary["added"] == 2);
    CHECK(second.summary["unchanged"] == 3);
    REQUIRE(!second.hits.empty());
    CHECK(files_of(second.hits) == std::set<std::string>{"c3.txt", "c4.txt"});
    CHECK(files_of(second.hits, "subs") == std::set<std::string>{"c3.txt", "c4.txt"});
    for (const json& h : second.hits) {
        CHECK(h.contains("text"));
        CHECK(h.contains("highlights"));
        if (h["watch"] == "subs") {
            CHECK(h["line"] == 2);
            CHECK(h["query"] == "subscription OR subscriptions");
        } else {
            CHECK(h["watch"] == "cfo");
            CHECK(h["line"] == 5);
            CHECK(h["roles"].dump().find("cfo") != std::string::npos);
        }
    }
    // As many as the searcher finds in those calls.
    const long expected = count_hits(job.db, {"subscription OR subscriptions", "--ticker", "CS3"}) +
                          count_hits(job.db, {"subscription OR subscriptions", "--ticker", "CS4"});
    long subs = 0;
    for (const json& h : second.hits) subs += h["watch"] == "subs";
    CHECK(subs == expected);
}

TEST_CASE("watch: an edited file's call is reported, an unchanged re-run and rebuild report nothing") {
    WatchJob job(3);
    (void)parse(job.index({"--json"}));
    job.add(1, /*revision=*/1);  // "ad load" -> "ad inventory"
    const Printed edited = parse(job.index({"--json", "--watch-limit", "100"}));
    CHECK(edited.summary["updated"] == 1);
    CHECK(files_of(edited.hits) == std::set<std::string>{"c1.txt"});
    bool phrase = false;
    for (const json& h : edited.hits) phrase = phrase || (h["watch"].is_null() && h["line"] == 4);
    CHECK(phrase);

    CHECK(parse(job.index({"--json"})).hits.empty());
    const Printed rebuilt = parse(job.index({"--json", "--rebuild"}));
    CHECK(rebuilt.summary["rebuild"] == true);
    CHECK(rebuilt.hits.empty());
    job.add(5);
    CHECK(files_of(parse(job.index({"--json", "--rebuild"})).hits) == std::set<std::string>{"c5.txt"});
}

TEST_CASE("watch: people get the summary, then a heading per saved query and its hits") {
    WatchJob job(2);
    (void)job.index();
    job.add(2);
    const ProcessResult r = job.index({"--watch-limit", "1"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("indexed 3 files: 1 added, 0 updated, 2 unchanged", 0) == 0);
    const std::string subs = "\n\n== subs: ";
    const auto at = r.out.find(subs);
    REQUIRE(at != std::string::npos);
    CHECK(r.out.find(" in 1 call, the best 1 shown  (" + job.list.string() + ":2: subscription OR subscriptions)\n\n1. ",
                     at) != std::string::npos);
    CHECK(r.out.find("[subscription") != std::string::npos);
    CHECK(r.out.find("== \"ad inventory\": no new hits  (" + job.list.string() + ":4)\n") != std::string::npos);
    CHECK(r.out.find("== cfo: ") != std::string::npos);
    CHECK(r.out.find("c0.txt") == std::string::npos);

    const ProcessResult again = job.index();
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("== subs: no new hits") != std::string::npos);
    CHECK(again.out.find("1. ") == std::string::npos);
}

TEST_CASE("watch: a bad saved query is exit 2 naming FILE:LINE, before the index is touched") {
    WatchJob job(2);
    write_file(job.list, "subs: subscription\n\nmargin \"supply chain\n");
    const ProcessResult none = job.index();
    CHECK(none.exit_code == 2);
    CHECK(none.out.empty());
    CHECK(none.err.find("indexer: error: " + job.list.string() + ":3: unterminated quote") == 0);
    CHECK(none.err.find("the index is left as it was") != std::string::npos);
    CHECK_FALSE(fs::exists(job.db));

    write_file(job.list, "subscription\n");
    REQUIRE(job.index().exit_code == 0);
    const auto before = count_mix(job.db);
    job.add(3);
    for (const char* bad : {"a: margin\na: growth\n", "x: role:wizard growth\n", "cfo:\n", "dividend NEAR/0 buyback\n"}) {
        CAPTURE(bad);
        write_file(job.list, bad);
        const ProcessResult r = job.index();
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(job.list.string() + ":") != std::string::npos);
    }
    CHECK(count_mix(job.db) == before);
    CHECK(count_hits(job.db, {"--ticker", "CS3"}) == 0);

    const ProcessResult missing = run_process({kIndexer, "--db", job.db.string(), "--watch",
                                               (job.tmp.path / "nope.txt").string(), job.calls.string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("cannot read watch list") != std::string::npos);
    CHECK(run_process({kIndexer, "--db", job.db.string(), "--watch", job.list.string(), "--stats"}).exit_code == 2);
    CHECK(run_process({kIndexer, "--db", job.db.string(), "--watch-limit", "3", job.calls.string()}).exit_code == 2);
    CHECK(count_hits(job.db, {"--ticker", "CS3"}) == 0);
}
