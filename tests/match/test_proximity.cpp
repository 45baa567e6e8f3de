// The proximity boost: which query words it pairs, and how it scores closeness.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "match/proximity.h"
#include "query/query_parser.h"
#include "support/scratch_index.h"

using namespace callsearch;

namespace {

// Real lines of bench calls, lightly cut.
struct Sample {
    test_support::ScratchIndex index;
    analyze::TextAnalyzer analyzer;
    Sample() {
        for (const char* text : {
                 "We continue to see supply chain constraints across the industry.",
                 "Supply was tight, and we expect the chain of events to ease next year.",
                 "Tariffs on steel imports have not hurt our margins this quarter.",
                 "A tariff of ten percent applies from January.",
             }) {
            Xapian::Document doc;
            analyzer.index_text(doc, text);
            index.add(doc);
        }
        index.expand_stems_for(analyzer);
    }

    std::vector<ProximityGroup> groups(std::string_view query) {
        return proximity_groups(parse_query(query, {}, analyzer).query, index.db);
    }
};

std::vector<std::vector<std::string>> terms_of(const std::vector<ProximityGroup>& groups) {
    std::vector<std::vector<std::string>> out;
    for (const auto& g : groups) out.push_back(g.terms);
    return out;
}

using Terms = std::vector<std::vector<std::string>>;

}  // namespace

TEST_SUITE("match") {

TEST_CASE("proximity pairs the query's positive words, each once, with all forms of its stem") {
    Sample s;
    CHECK(terms_of(s.groups("supply chain")) == Terms{{"chain"}, {"supply"}});
    // Filters and excluded words are not words a hit ranks by.
    CHECK(terms_of(s.groups("supply chain role:cfo -tariffs")) == Terms{{"chain"}, {"supply"}});
    CHECK(terms_of(s.groups("supply chain supply")) == Terms{{"chain"}, {"supply"}});
    // The form as typed, boosted beside its stem's forms, is one word, not two.
    CHECK(terms_of(s.groups("tariff steel")) == Terms{{"steel"}, {"tariff", "tariffs"}});
    CHECK(terms_of(s.groups("tariffs steel")) == Terms{{"steel"}, {"tariff", "tariffs"}});
}

TEST_CASE("proximity has nothing to do for one word, or for very many") {
    Sample s;
    CHECK(s.groups("supply").empty());
    CHECK(s.groups("role:cfo supply").empty());
    CHECK(s.groups("we continue to see supply chain constraints across the").empty());
}

TEST_CASE("closeness: adjacent words score most, then by distance, nothing beyond the window") {
    const std::vector<ProximityGroup> groups = {{{"supply"}, 2.0}, {{"chain"}, 3.0}};
    const ProximityParams params;
    const auto score_at = [&](Xapian::termpos a, Xapian::termpos b) {
        return proximity_score(groups, {{a}, {b}}, 1.0, params);
    };
    struct Case {
        Xapian::termpos a, b;
    };
    double previous = 1e9;
    for (const Case c : {Case{4, 5}, Case{5, 3}, Case{4, 7}, Case{1, 6}}) {
        const double score = score_at(c.a, c.b);
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(score > 0);
        CHECK(score < previous);
        previous = score;
    }
    CHECK(score_at(1, 1 + kProximityWindow + 1) == 0);
    // Weighted by the rarer word's IDF, and saturating like a BM25 frequency.
    CHECK(score_at(4, 5) < 2.0 * (params.k1 + 1));
    CHECK(proximity_score(groups, {{4, 9, 14}, {5, 10, 15}}, 1.0, params) > score_at(4, 5));
    CHECK(proximity_score(groups, {{4}, {}}, 1.0, params) == 0);
    // A longer document earns less from the same closeness.
    CHECK(proximity_score(groups, {{4}, {5}}, 3.0, params) < score_at(4, 5));
}

}  // TEST_SUITE
