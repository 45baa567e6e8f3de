// Which calls an index run added or changed (index/new_calls.h), through the
// indexing job that fills IndexSummary::new_calls.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "index/indexing_job.h"
#include "index/new_calls.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = CALLSEARCH_CORPUS_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

const std::string& seed() {
    static const std::string text = read(kCorpus / "003_b62d8a1d2292034a.txt");
    return text;
}

// The seed as the call of quarter `q` of 2021, in a JSON array of calls (a dataset dump).
nlohmann::json call_object(int q, const std::string& edit = "") {
    std::string text = replaced(seed(), "Q2\u00a02021", "Q" + std::to_string(q) + "\u00a02021");
    if (!edit.empty()) text = replaced(text, "ad load", edit);
    return {{"symbol", "JG"}, {"quarter", q}, {"year", 2021}, {"content", text}};
}

struct Workspace {
    test_support::TempDir tmp;
    fs::path calls = tmp.path / "calls";
    fs::path db = tmp.path / "index";

    Workspace() { fs::create_directories(calls); }

    std::vector<schema::CallRef> run(bool rebuild = false) {
        IndexJobConfig config{db, {calls.string()}, rebuild, std::chrono::milliseconds(0)};
        config.track_new_calls = true;
        return run_index_job(config, [](std::string_view) {}).new_calls;
    }

    std::string key(const std::string& name) const { return schema::file_key(fs::absolute(calls / name).string()); }
};

}  // namespace

TEST_SUITE("index") {

TEST_CASE("new calls: the first run's calls are all new, an unchanged re-run or rebuild has none") {
    Workspace w;
    fs::copy_file(kCorpus / "000_a04c82ed83b00c07.txt", w.calls / "a.txt");
    fs::copy_file(kCorpus / "003_b62d8a1d2292034a.txt", w.calls / "b.txt");
    const auto first = w.run();
    REQUIRE(first.size() == 2);
    CHECK(first[0].file_key == w.key("a.txt"));
    CHECK(first[1].file_key == w.key("b.txt"));
    CHECK(first[1].call_key == "jg_q2_2021");
    CHECK(w.run().empty());
    CHECK(w.run(/*rebuild=*/true).empty());
}

TEST_CASE("new calls: an added file's call is new, an edited file's call is new, a removed file brings nothing") {
    Workspace w;
    fs::copy_file(kCorpus / "000_a04c82ed83b00c07.txt", w.calls / "a.txt");
    write(w.calls / "b.txt", seed());
    (void)w.run();
    write(w.calls / "b.txt", replaced(seed(), "ad load", "ad inventory"));
    fs::remove(w.calls / "a.txt");
    write(w.calls / "c.txt", replaced(seed(), "Aurora Mobile Ltd\u00a0(JG)", "Other Co Inc (OTH)"));
    const auto second = w.run();
    REQUIRE(second.size() == 2);
    CHECK(second[0].file_key == w.key("b.txt"));
    CHECK(second[1].file_key == w.key("c.txt"));
    CHECK(second[1].call_key.rfind("oth_", 0) == 0);
}

TEST_CASE("new calls: a moved or copied file holds nothing new, in an update and in a rebuild") {
    Workspace w;
    write(w.calls / "b.txt", seed());
    (void)w.run();
    fs::rename(w.calls / "b.txt", w.calls / "moved.txt");
    fs::create_directories(w.calls / "copy");
    write(w.calls / "copy" / "b.txt", seed());
    CHECK(w.run().empty());
    write(w.calls / "edited.txt", replaced(seed(), "ad load", "ad inventory"));
    const auto rebuilt = w.run(/*rebuild=*/true);
    REQUIRE(rebuilt.size() == 1);
    CHECK(rebuilt[0].file_key == w.key("edited.txt"));
}

TEST_CASE("new calls: of a file of several calls, only the calls that are new or changed") {
    Workspace w;
    write(w.calls / "dump.json", nlohmann::json::array({call_object(1), call_object(2)}).dump());
    REQUIRE(w.run().size() == 2);
    // A call added in front moves the others within the file: they stay the same calls.
    write(w.calls / "dump.json", nlohmann::json::array({call_object(3), call_object(1), call_object(2)}).dump());
    auto grown = w.run();
    REQUIRE(grown.size() == 1);
    CHECK(grown[0].call_key == "jg_q3_2021");
    write(w.calls / "dump.json",
          nlohmann::json::array({call_object(3), call_object(1, "ad inventory"), call_object(2)}).dump());
    const auto edited = w.run(/*rebuild=*/true);
    REQUIRE(edited.size() == 1);
    CHECK(edited[0].call_key == "jg_q1_2021");
}

TEST_CASE("new calls: the fingerprint of a call covers its fields and every passage, in order") {
    StoredCall call{"/calls/a.txt", "jg_q2_2021", "Aurora Mobile", "JG", 2021, 2, "2021-09-09"};
    const std::string base = call_fingerprint(call, {"one", "two"});
    CHECK(call_fingerprint(call, {"one", "two"}) == base);
    CHECK(call_fingerprint(call, {"two", "one"}) != base);
    CHECK(call_fingerprint(call, {"one", "two", ""}) != base);
    CHECK(call_fingerprint(call, {"onetwo"}) != base);
    StoredCall dated = call;
    dated.date = "2021-09-10";
    CHECK(call_fingerprint(dated, {"one", "two"}) != base);
}

}  // TEST_SUITE
