#include <doctest/doctest.h>

#include <xapian.h>

#include "index/index_inspector.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/indexing_job.h"
#include "schema/filter_terms.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

fs::path indexed_corpus(const test_support::TempDir& tmp) {
    const fs::path db = tmp.path / "index";
    (void)run_index_job({db, {CALLSEARCH_CORPUS_DIR}, false, std::chrono::milliseconds(0)}, [](std::string_view) {});
    return db;
}

}  // namespace

TEST_CASE("a freshly built index checks clean") {
    test_support::TempDir tmp;
    const auto report = check_index(indexed_corpus(tmp));
    CHECK(report.problems.empty());
    CHECK(report.files == 2);
    CHECK(report.documents > 100);
}

TEST_CASE("documents that disagree with their file record are reported") {
    test_support::TempDir tmp;
    const fs::path db = indexed_corpus(tmp);
    {
        Xapian::WritableDatabase gen(IndexLayout(db).live_generation()->string());
        auto it = gen.postlist_begin("");
        gen.delete_document(*it);
        gen.commit();
    }
    const auto report = check_index(db);
    REQUIRE(!report.problems.empty());
    CHECK(report.problems[0].find("paragraphs") != std::string::npos);
}

TEST_CASE("checking where there is no index is an error") {
    test_support::TempDir tmp;
    CHECK_THROWS_AS((void)check_index(tmp.path / "none"), IndexError);
}

TEST_CASE("stats count calls per company and year, paragraphs per language, and speakers") {
    test_support::TempDir tmp;
    const auto stats = index_stats(indexed_corpus(tmp), 3);
    CHECK(stats.files == 2);
    CHECK(stats.calls == 2);
    CHECK(stats.paragraphs_by_lang.at("en") > 0);
    CHECK(stats.paragraphs_by_lang.at("zh") > 0);
    CHECK(stats.paragraphs_by_lang.at("en") + stats.paragraphs_by_lang.at("zh") == stats.paragraphs);
    std::size_t calls = 0;
    for (const auto& [company, years] : stats.calls_by_company_year) {
        for (const auto& [year, n] : years) {
            CHECK((year == 2021 || year == 2023));
            calls += n;
        }
    }
    CHECK(calls == 2);
    CHECK(stats.speakers > 5);
    REQUIRE(stats.top_speakers.size() == 3);
    CHECK(stats.top_speakers[0].second >= stats.top_speakers[1].second);
    const std::string json = format_stats_json(stats);
    CHECK(json.find("\"paragraphs_by_lang\"") != std::string::npos);
    CHECK(format_stats_text(stats).find("calls by company and year") != std::string::npos);
}
