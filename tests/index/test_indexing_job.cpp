#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include <xapian.h>

#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/indexing_job.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = CALLSEARCH_CORPUS_DIR;

// A folder of transcripts to index, and the index beside it.
struct Workspace {
    test_support::TempDir tmp;
    fs::path calls = tmp.path / "calls";
    fs::path db = tmp.path / "index";
    std::vector<std::string> warnings;

    Workspace() {
        fs::create_directories(calls);
        fs::copy_file(kCorpus / "000_a04c82ed83b00c07.txt", calls / "a.txt");
        fs::copy_file(kCorpus / "003_b62d8a1d2292034a.txt", calls / "b.txt");
    }

    IndexSummary run(bool rebuild = false, std::vector<std::string> inputs = {}) {
        if (inputs.empty()) inputs = {calls.string()};
        return run_index_job({db, inputs, rebuild, std::chrono::milliseconds(0)},
                             [this](std::string_view w) { warnings.emplace_back(w); });
    }

    Xapian::doccount paragraphs() const { return Xapian::Database(db.string()).get_doccount(); }
};

}  // namespace

TEST_CASE("company keys ignore corporate suffixes, case and punctuation") {
    CHECK(company_key("Aurora Mobile Ltd") == "aurora mobile");
    CHECK(company_key("Aurora Mobile") == "aurora mobile");
    CHECK(company_key("Aaron's Company") == "aarons");
    CHECK(company_key("Apple Inc.") == "apple");
}

TEST_CASE("the first run adds every file and counts calls, turns and paragraphs") {
    Workspace w;
    const auto s = w.run();
    // The only note: the bilingual call gives no date.
    REQUIRE(w.warnings.size() == 1);
    CHECK(w.warnings[0].find("a.txt: call fields not found: date") != std::string::npos);
    CHECK(s.files == 2);
    CHECK(s.added == 2);
    CHECK(s.calls == 2);
    CHECK(s.turns > 50);
    CHECK(s.skipped.empty());
    CHECK(s.generation == "gen-000001");
    CHECK(w.paragraphs() == s.paragraphs);
}

TEST_CASE("a second run on the same files changes nothing") {
    Workspace w;
    const auto first = w.run();
    const auto second = w.run();
    CHECK(second.unchanged == 2);
    CHECK(second.added + second.updated + second.removed == 0);
    CHECK(second.paragraphs == 0);
    CHECK(w.paragraphs() == first.paragraphs);
}

TEST_CASE("new, changed and vanished files are added, updated and removed") {
    Workspace w;
    const auto first = w.run();
    fs::copy_file(kCorpus / "003_b62d8a1d2292034a.txt", w.calls / "c.txt");
    std::ofstream(w.calls / "b.txt", std::ios::app) << "\nRyan Roberts -- Navis Capital -- Analyst\n\nOne more question.\n";
    fs::remove(w.calls / "a.txt");
    const auto s = w.run();
    CHECK(s.added == 1);
    CHECK(s.updated == 1);
    CHECK(s.removed == 1);
    CHECK(s.unchanged == 0);
    const Xapian::Database db(w.db.string());
    CHECK(db.get_termfreq("XLzh") == 0);  // a.txt held the Chinese paragraphs
    CHECK(w.paragraphs() == s.paragraphs);
    CHECK(w.paragraphs() != first.paragraphs);
}

TEST_CASE("a file given by name that disappears is not removed: only folders say what is gone") {
    Workspace w;
    (void)w.run(false, {(w.calls / "a.txt").string(), (w.calls / "b.txt").string()});
    const auto before = w.paragraphs();
    fs::remove(w.calls / "a.txt");
    const auto s = w.run(false, {(w.calls / "a.txt").string(), (w.calls / "b.txt").string()});
    CHECK(s.removed == 0);
    REQUIRE(s.skipped.size() == 1);
    CHECK(s.skipped[0].path.find("a.txt") != std::string::npos);
    CHECK(w.paragraphs() == before);
}

TEST_CASE("a file that turns bad keeps what it contributed, in an update and in a rebuild") {
    Workspace w;
    const auto first = w.run();
    std::ofstream(w.calls / "b.txt", std::ios::trunc) << std::string("\0\1\2", 3);
    const auto update = w.run();
    CHECK(update.skipped.size() == 1);
    CHECK(w.paragraphs() == first.paragraphs);
    const auto rebuild = w.run(true);
    CHECK(rebuild.skipped.size() == 1);
    CHECK(rebuild.removed == 0);
    CHECK(w.paragraphs() == first.paragraphs);
}

TEST_CASE("a rebuild switches to a new generation and removes the old one") {
    Workspace w;
    const auto first = w.run();
    fs::remove(w.calls / "a.txt");
    const auto s = w.run(true);
    CHECK(s.rebuild);
    CHECK(s.generation == "gen-000002");
    CHECK(s.added == 1);
    CHECK(s.removed == 1);
    CHECK(!fs::exists(w.db / "gen-000001"));
    CHECK(IndexLayout(w.db).live_generation()->filename() == "gen-000002");
    CHECK(w.paragraphs() < first.paragraphs);
    CHECK(w.paragraphs() == s.paragraphs);
}

TEST_CASE("a rebuild keeps tickers learned before") {
    Workspace w;
    (void)w.run();
    fs::remove(w.calls / "b.txt");  // the file that names the ticker
    (void)w.run(true);
    CHECK(Xapian::Database(w.db.string()).get_termfreq("XTjg") > 0);
}

TEST_CASE("leftovers of a killed rebuild are cleared by the next run") {
    Workspace w;
    (void)w.run();
    fs::create_directories(w.db / "gen-000007");  // as a rebuild killed before publishing leaves it
    fs::create_directories(w.db / "tmp-gen-000007" / "shard-000003");  // and its scratch shards
    (void)w.run();
    CHECK(!fs::exists(w.db / "gen-000007"));
    CHECK(!fs::exists(w.db / "tmp-gen-000007"));
    CHECK(fs::exists(w.db / "gen-000001"));
}

TEST_CASE("summaries read as one line of text or one JSON object") {
    IndexSummary s;
    s.files = 3;
    s.added = 1;
    s.unchanged = 1;
    s.skipped.push_back({"/x/bad.txt", "empty file"});
    s.calls = 1;
    CHECK(format_summary_text(s).rfind("indexed 3 files: 1 added, 0 updated, 1 unchanged, 0 removed, 1 skipped;", 0) ==
          0);
    const std::string json = format_summary_json(s);
    CHECK(json.find("\"skipped_files\":[{\"path\":\"/x/bad.txt\",\"reason\":\"empty file\"}]") != std::string::npos);
}

TEST_CASE("a rebuild given a mistyped or vanished path keeps what that path held") {
    Workspace w;
    const auto first = w.run();
    CHECK_THROWS_AS((void)w.run(true, {(w.tmp.path / "calsl").string()}), IndexError);
    CHECK(w.paragraphs() == first.paragraphs);
    fs::remove(w.calls / "a.txt");
    const auto by_name = w.run(true, {(w.calls / "a.txt").string(), (w.calls / "b.txt").string()});
    CHECK(by_name.removed == 0);
    CHECK(w.paragraphs() == first.paragraphs);
}

TEST_CASE("a file turned into something that is not a regular file keeps what it contributed") {
    Workspace w;
    const auto first = w.run();
    fs::remove(w.calls / "a.txt");
    fs::create_symlink(w.calls / "a.txt", w.calls / "a.txt.loop");
    fs::create_symlink(w.calls / "a.txt.loop", w.calls / "a.txt");
    const auto s = w.run();
    CHECK(s.removed == 0);
    CHECK(s.skipped.size() == 2);
    CHECK(w.paragraphs() == first.paragraphs);
    CHECK(s.files == s.added + s.updated + s.unchanged + s.skipped.size());
}

TEST_CASE("a header with a word too long for a term neither fails the run nor the file") {
    Workspace w;
    std::string text;
    {
        std::ifstream in(kCorpus / "003_b62d8a1d2292034a.txt");
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string header = "Aurora Mobile Ltd\u00a0(JG)";
    text.replace(text.find(header), header.size(), "Aurora " + std::string(300, 'M') + " Ltd\u00a0(JG)");
    std::ofstream(w.calls / "long-company.txt") << text;
    const auto s = w.run();
    CHECK(s.added == 3);
    CHECK(s.skipped.empty());
}

TEST_CASE("indexing the folder that holds the index leaves the index's own files alone") {
    Workspace w;
    const auto first = run_index_job({w.calls / "index", {w.calls.string()}, false, std::chrono::milliseconds(0)},
                                     [](std::string_view) {});
    const auto second = run_index_job({w.calls / "index", {w.calls.string()}, false, std::chrono::milliseconds(0)},
                                      [](std::string_view) {});
    CHECK(first.files == 2);
    CHECK(second.files == 2);
    CHECK(second.skipped.empty());
}
