#include <doctest/doctest.h>

#include <fstream>

#include "index/indexing_job.h"
#include "support/temp_dir.h"

#include <xapian.h>

using namespace callsearch;

TEST_CASE("company keys ignore corporate suffixes, case and punctuation") {
    CHECK(company_key("Aurora Mobile Ltd") == "aurora mobile");
    CHECK(company_key("Aurora Mobile") == "aurora mobile");
    CHECK(company_key("Aaron's Company") == "aarons");
    CHECK(company_key("Apple Inc.") == "apple");
}

TEST_CASE("indexing the corpus counts calls, turns and paragraphs and warns about nothing") {
    test_support::TempDir dir;
    std::vector<std::string> warnings;
    const auto summary = run_index_job({dir.path / "db", {CALLSEARCH_CORPUS_DIR}},
                                       [&](std::string_view w) { warnings.emplace_back(w); });
    CHECK(warnings.empty());
    CHECK(summary.files == 2);
    CHECK(summary.calls == 2);
    CHECK(summary.skipped == 0);
    CHECK(summary.turns > 50);
    Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == summary.paragraphs);
}

TEST_CASE("a bad file is skipped with a warning naming it, and the others are indexed") {
    test_support::TempDir dir;
    std::ofstream(dir.path / "empty.txt").flush();
    std::vector<std::string> warnings;
    const auto summary = run_index_job(
        {dir.path / "db", {(dir.path / "empty.txt").string(), CALLSEARCH_CORPUS_DIR}},
        [&](std::string_view w) { warnings.emplace_back(w); });
    CHECK(summary.calls == 2);
    CHECK(summary.skipped == 1);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("empty.txt") != std::string::npos);
}
