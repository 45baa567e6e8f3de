#include <doctest/doctest.h>

#include <algorithm>

#include "match/trend_buckets.h"
#include "query/filter_values.h"

using namespace callsearch;

namespace {

// Four calls of two companies over three quarters, as the call records say.
std::map<std::string, TrendCall> four_calls() {
    return {{"jg_q2_2021", {"Aurora Mobile Ltd", "JG", 2021, 2}},
            {"jg_q3_2021", {"Aurora Mobile Ltd", "JG", 2021, 3}},
            {"jg_q2_2023", {"Aurora Mobile", "JG", 2023, 2}},
            {"rmd_q3_2021", {"ResMed", "RMD", 2021, 3}}};
}

TrendPassage passage(std::string call, std::string speaker, std::vector<std::string> roles, std::string section) {
    return {std::move(call), std::move(speaker), std::move(roles), std::move(section)};
}

// "label passages calls/calls_in_bucket" per row, for compact expectations.
std::vector<std::string> summary(const TrendTable& t) {
    std::vector<std::string> out;
    for (const TrendRow& r : t.rows) {
        std::string label;
        for (std::size_t i = 0; i < t.spec.keys.size(); ++i) {
            label += (i ? " | " : "") + trend_label(t.spec.keys[i], r.bucket[i]);
        }
        out.push_back(label + " " + std::to_string(r.passages) + " " + std::to_string(r.calls) + "/" +
                      std::to_string(r.calls_in_bucket));
    }
    return out;
}

}  // namespace

TEST_CASE("trend keys: one or two of the seven names, case and spaces aside") {
    struct Case {
        const char* text;
        std::vector<TrendKey> keys;
    };
    const Case cases[] = {
        {"year", {TrendKey::Year}},
        {"quarter", {TrendKey::Quarter}},
        {"Company", {TrendKey::Company}},
        {"ticker", {TrendKey::Ticker}},
        {"speaker", {TrendKey::Speaker}},
        {"role", {TrendKey::Role}},
        {"section", {TrendKey::Section}},
        {"company,quarter", {TrendKey::Company, TrendKey::Quarter}},
        {" role , year ", {TrendKey::Role, TrendKey::Year}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_trend_spec(c.text).keys == c.keys);
    }
}

TEST_CASE("trend keys: unknown, empty, repeated, three, or year with quarter are errors naming the input") {
    for (const char* bad : {"month", "", "company,", "year,year", "company,year,role", "year,quarter", "qa"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS((void)parse_trend_spec(bad), QueryError);
    }
    CHECK_THROWS_WITH((void)parse_trend_spec("company,month"),
                      doctest::Contains("'month' is not one of year, quarter"));
}

TEST_CASE("trend values: natural order per key, unknown last") {
    struct Case {
        TrendKey key;
        std::vector<TrendValue> sorted;  // as they must come
    };
    const Case cases[] = {
        {TrendKey::Year, {trend_value(TrendKey::Year, "", 2019), trend_value(TrendKey::Year, "", 2021),
                          trend_value(TrendKey::Year, "", 0)}},
        {TrendKey::Quarter,
         {trend_value(TrendKey::Quarter, "", 2020, 4), trend_value(TrendKey::Quarter, "", 2021, 1),
          trend_value(TrendKey::Quarter, "", 2021, 3), trend_value(TrendKey::Quarter, "", 2021, 0),
          trend_value(TrendKey::Quarter, "", 0, 0)}},
        {TrendKey::Company, {trend_value(TrendKey::Company, "aaron's"), trend_value(TrendKey::Company, "Apple Inc"),
                             trend_value(TrendKey::Company, "ResMed"), trend_value(TrendKey::Company, "")}},
        {TrendKey::Role, {trend_value(TrendKey::Role, "ceo"), trend_value(TrendKey::Role, "cfo"),
                          trend_value(TrendKey::Role, "chairman"), trend_value(TrendKey::Role, "executive"),
                          trend_value(TrendKey::Role, "analyst"), trend_value(TrendKey::Role, "operator"),
                          trend_value(TrendKey::Role, "")}},
        {TrendKey::Section, {trend_value(TrendKey::Section, "prepared"), trend_value(TrendKey::Section, "qa")}},
    };
    for (const Case& c : cases) {
        CAPTURE(trend_key_name(c.key));
        for (std::size_t i = 0; i + 1 < c.sorted.size(); ++i) {
            CAPTURE(i);
            CHECK(trend_value_less(c.key, c.sorted[i], c.sorted[i + 1]));
            CHECK_FALSE(trend_value_less(c.key, c.sorted[i + 1], c.sorted[i]));
        }
    }
    CHECK(trend_label(TrendKey::Quarter, trend_value(TrendKey::Quarter, "", 2021, 3)) == "2021 Q3");
    CHECK(trend_label(TrendKey::Quarter, trend_value(TrendKey::Quarter, "", 2021, 0)) == "2021 Q?");
    CHECK(trend_label(TrendKey::Speaker, trend_value(TrendKey::Speaker, "")) == "(unknown)");
}

TEST_CASE("trend tally: per quarter, every quarter holding calls is a row, matched or not") {
    TrendTally tally({{TrendKey::Quarter}}, four_calls());
    tally.add(passage("jg_q2_2021", "Ryan Roberts", {"analyst"}, "qa"));
    tally.add(passage("jg_q2_2021", "Shan-Nen Bong", {"cfo"}, "prepared"));
    tally.add(passage("rmd_q3_2021", "Mick Farrell", {"ceo"}, "prepared"));
    CHECK_FALSE(tally.has_passage_keys());
    const TrendTable t = tally.table();
    CHECK(summary(t) == std::vector<std::string>{"2021 Q2 2 1/1", "2021 Q3 1 1/2", "2023 Q2 0 0/1"});
    CHECK(t.passages == 3);
    CHECK(t.calls == 2);
    CHECK(t.calls_allowed == 4);
    CHECK(t.rows[1].per_call() == doctest::Approx(0.5));
}

TEST_CASE("trend tally: per company, only companies with a match; companies spelt apart stay apart") {
    TrendTally tally({{TrendKey::Company}}, four_calls());
    tally.add(passage("jg_q3_2021", "Weidong Luo", {"ceo"}, "prepared"));
    tally.add(passage("jg_q3_2021", "Weidong Luo", {"ceo"}, "qa"));
    CHECK(summary(tally.table()) == std::vector<std::string>{"Aurora Mobile Ltd 2 1/2"});
}

TEST_CASE("trend tally: company and quarter, each matched company's quarters shown, others not") {
    TrendTally tally({{TrendKey::Company, TrendKey::Quarter}}, four_calls());
    tally.add(passage("jg_q3_2021", "Weidong Luo", {"ceo"}, "prepared"));
    CHECK(summary(tally.table()) ==
          std::vector<std::string>{"Aurora Mobile Ltd | 2021 Q2 0 0/1", "Aurora Mobile Ltd | 2021 Q3 1 1/1"});
}

TEST_CASE("trend tally: a passage of several roles counts for each; calls per role come from the index") {
    TrendTally tally({{TrendKey::Role}}, four_calls());
    tally.add(passage("jg_q2_2023", "Weidong Luo", {"chairman", "ceo"}, "prepared"));
    tally.add(passage("jg_q2_2021", "Weidong Luo", {"chairman", "ceo"}, "prepared"));
    tally.add(passage("jg_q2_2021", "Operator", {}, "qa"));
    REQUIRE(tally.has_passage_keys());
    const auto parts = tally.passage_parts();
    REQUIRE(parts.size() == 3);
    // The calls each part is held in, as the counter would find them.
    std::vector<std::set<std::string>> calls;
    for (const auto& part : parts) {
        if (part[0].id == "ceo") calls.push_back({"jg_q2_2021", "jg_q2_2023", "rmd_q3_2021"});
        else if (part[0].id == "chairman") calls.push_back({"jg_q2_2021", "jg_q2_2023"});
        else calls.push_back({"jg_q2_2021"});
    }
    CHECK(summary(tally.table(calls)) ==
          std::vector<std::string>{"ceo 2 2/3", "chairman 2 2/2", "(unknown) 1 1/1"});
}

TEST_CASE("trend tally: a speaker is one bucket however the calls spell the name, shown as first met") {
    TrendTally tally({{TrendKey::Speaker, TrendKey::Year}}, four_calls());
    tally.add(passage("jg_q2_2021", "Shan-Nen Bong", {"cfo"}, "prepared"));
    tally.add(passage("jg_q3_2021", "SHAN-NEN BONG", {"cfo"}, "prepared"));
    const auto parts = tally.passage_parts();
    REQUIRE(parts.size() == 1);
    CHECK(parts[0][0].name == "Shan-Nen Bong");
    // Bong spoke in both 2021 calls and the 2023 one.
    const TrendTable t = tally.table({{"jg_q2_2021", "jg_q3_2021", "jg_q2_2023"}});
    CHECK(summary(t) == std::vector<std::string>{"Shan-Nen Bong | 2021 2 2/2", "Shan-Nen Bong | 2023 0 0/1"});
}

TEST_CASE("trend tally: nothing matched, no rows") {
    TrendTally tally({{TrendKey::Year}}, four_calls());
    const TrendTable t = tally.table();
    CHECK(t.rows.empty());
    CHECK(t.passages == 0);
}
