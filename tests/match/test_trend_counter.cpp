#include <doctest/doctest.h>

#include "match/trend_counter.h"
#include "schema/filter_terms.h"
#include "support/sample_transcript.h"
#include "support/temp_dir.h"
#include "support/transcript_index.h"

using namespace callsearch;

namespace {

// The sample call three times: as itself (Q2 2023), as Q2 2021, and as
// another company's Q3 2021 call.
struct ThreeCalls {
    test_support::TempDir dir;
    ThreeCalls() {
        analyze::TextAnalyzer analyzer;
        Transcript a = test_support::sample_transcript();
        Transcript b = a;
        b.call.year = 2021;
        Transcript c = b;
        c.call.quarter = 3;
        c.call.company = "ResMed";
        c.call.ticker = "RMD";
        test_support::index_transcripts(dir.path / "db", {{"a", a}, {"b", b}, {"c", c}}, analyzer);
    }
    [[nodiscard]] Xapian::Database db() const { return Xapian::Database((dir.path / "db").string()); }
};

std::vector<std::string> summary(const TrendTable& t) {
    std::vector<std::string> out;
    for (const TrendRow& r : t.rows) {
        std::string label;
        for (std::size_t i = 0; i < t.spec.keys.size(); ++i) label += (i ? " | " : "") + trend_label(t.spec.keys[i], r.bucket[i]);
        out.push_back(label + " " + std::to_string(r.passages) + " " + std::to_string(r.calls) + "/" +
                      std::to_string(r.calls_in_bucket));
    }
    return out;
}

}  // namespace

TEST_CASE("trend counter: the calls and their fields come from the call records") {
    const ThreeCalls ix;
    const auto calls = indexed_calls({ix.db()});
    REQUIRE(calls.size() == 3);
    CHECK(calls.at("jg_q2_2023").company == "Aurora Mobile");
    CHECK(calls.at("rmd_q3_2021").ticker == "RMD");
    CHECK(calls.at("rmd_q3_2021").quarter == 3);
}

TEST_CASE("trend counter: a translated pair is one passage, per quarter, with every quarter's calls") {
    const ThreeCalls ix;
    // "engagelab" is in the analyst's English paragraph and in its Chinese translation.
    const TrendTable t = count_trend(ix.db(), {ix.db()}, Xapian::Query("engagelab"), std::nullopt, {{TrendKey::Quarter}});
    CHECK(summary(t) == std::vector<std::string>{"2021 Q2 1 1/1", "2021 Q3 1 1/1", "2023 Q2 1 1/1"});
    CHECK(t.passages == 3);
    CHECK(t.calls_allowed == 3);
}

TEST_CASE("trend counter: filters decide the calls a bucket holds; passage keys read the stored passage") {
    const ThreeCalls ix;
    const Xapian::Query year_2021(schema::year_term(2021));
    const Xapian::Query query(Xapian::Query::OP_FILTER, Xapian::Query("repurchased"), year_2021);
    const TrendTable by_company = count_trend(ix.db(), {ix.db()}, query, year_2021, {{TrendKey::Company}});
    CHECK(summary(by_company) == std::vector<std::string>{"Aurora Mobile 1 1/1", "ResMed 1 1/1"});
    CHECK(by_company.calls_allowed == 2);
    const TrendTable by_role = count_trend(ix.db(), {ix.db()}, Xapian::Query("question"), std::nullopt, {{TrendKey::Role}});
    // The operator's line and the analyst's paragraph, in each of three calls.
    CHECK(summary(by_role) == std::vector<std::string>{"analyst 3 3/3", "operator 3 3/3"});
    const TrendTable by_speaker_year =
        count_trend(ix.db(), {ix.db()}, Xapian::Query("repurchased"), std::nullopt, {{TrendKey::Speaker, TrendKey::Year}});
    CHECK(summary(by_speaker_year) == std::vector<std::string>{"Shan-Nen Bong | 2021 2 2/2", "Shan-Nen Bong | 2023 1 1/1"});
}
