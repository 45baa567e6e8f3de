#include <doctest/doctest.h>

#include "index/document_builder.h"
#include "index/index_writer.h"
#include "match/matcher.h"
#include "support/sample_transcript.h"
#include "support/temp_dir.h"

using namespace callsearch;

namespace {

struct IndexedSample {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    IndexedSample() {
        IndexWriter writer(dir.path / "db");
        auto transcript = test_support::sample_transcript();
        writer.replace_file("a", build_documents(transcript, "a", analyzer));
        transcript.call.year = 2021;
        writer.replace_file("b", build_documents(transcript, "b", analyzer));
        writer.commit();
    }
};

}  // namespace

TEST_CASE("hits are ranked from 1, carry their stored paragraph, and respect offset and limit") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    const auto q = parse_query("EngageLab", {}, s.analyzer);
    const auto all = matcher.match(q, {0, 10, SortOrder::Relevance});
    REQUIRE(all.hits.size() == 4);
    CHECK(all.hits[0].rank == 1);
    CHECK(all.hits[0].paragraph.speaker == "Unidentified Analyst");
    const auto page = matcher.match(q, {2, 1, SortOrder::Relevance});
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].rank == 3);
    CHECK(matcher.count(q) == 4);
}

TEST_CASE("sorting by date puts the newer call first, in speaking order within it") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    const auto q = parse_query("role:cfo", {}, s.analyzer);
    const auto newest = matcher.match(q, {0, 10, SortOrder::Newest});
    REQUIRE(newest.hits.size() == 8);
    CHECK(newest.hits[0].paragraph.year == 2023);
    CHECK(newest.hits[7].paragraph.year == 2021);
    CHECK(newest.hits[0].paragraph.text.rfind("Subscription", 0) == 0);
    const auto oldest = matcher.match(q, {0, 10, SortOrder::Oldest});
    CHECK(oldest.hits[0].paragraph.year == 2021);
}

TEST_CASE("a missing or foreign index is a DatabaseError naming the path") {
    test_support::TempDir dir;
    const auto missing = dir.path / "missing";
    try {
        Matcher m(missing);
        FAIL("opened");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find(missing.string()) != std::string::npos);
    }
    std::filesystem::create_directories(dir.path / "not-an-index");
    CHECK_THROWS_AS(Matcher(dir.path / "not-an-index"), DatabaseError);
}
