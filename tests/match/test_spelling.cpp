// "Did you mean": suggestions for words and names the index does not hold.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "match/spelling.h"
#include "schema/filter_terms.h"
#include "support/scratch_index.h"

using namespace callsearch;
using Words = std::vector<std::string>;

namespace {

struct Fixture {
    Fixture() {
        const char* texts[] = {"We repurchased shares and will repurchase more.", "Subscription revenue grew.",
                               "Revenue and revenues rose; repurchase plans continue."};
        for (const char* text : texts) {
            Xapian::Document doc;
            analyzer.index_text(doc, text);
            for (const auto& t : schema::speaker_terms("Shan-Nen Bong")) doc.add_boolean_term(t);
            for (const auto& t : schema::company_terms("Aurora Mobile")) doc.add_boolean_term(t);
            index.add(doc);
        }
    }
    analyze::TextAnalyzer analyzer;
    test_support::ScratchIndex index;
};

}  // namespace

TEST_CASE("spelling: unknown query words get the nearest index words, one form per stem") {
    Fixture f;
    struct Case {
        const char* query;
        std::vector<std::pair<std::string, Words>> expected;  // word -> suggestions
    };
    const Case cases[] = {
        {"repurchse", {{"repurchse", {"repurchase"}}}},
        {"subscriptoin revenue", {{"subscriptoin", {"subscription"}}}},  // a swap is one edit
        {"revenues", {}},                                             // known (another form too)
        {"revenu", {}},                                               // its stem is known
        {"role:cfo repurchse", {{"repurchse", {"repurchase"}}}},      // field names are no words
        {"speaker:bogn", {}},                                         // inline values are not checked
        {"zzqqxx", {}},                                               // nothing near
        {"rv", {}},                                                   // too short to guess
        {"repurchse AND NEAR", {{"repurchse", {"repurchase"}}}},      // operators are no words
    };
    for (const Case& c : cases) {
        INFO(c.query);
        const auto got = spelling_suggestions(f.index.db, c.query, {});
        REQUIRE(got.size() == c.expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].field == "query");
            CHECK(got[i].word == c.expected[i].first);
            CHECK(got[i].nearest == c.expected[i].second);
        }
    }
}

TEST_CASE("spelling: --speaker and --company values get the nearest names") {
    Fixture f;
    const auto got = spelling_suggestions(f.index.db, "", {{Field::Speaker, "Bogn"}, {Field::Company, "Aurra"}});
    REQUIRE(got.size() == 2);
    CHECK(got[0].field == "speaker");
    CHECK(got[0].word == "bogn");
    CHECK(got[0].nearest == Words{"bong"});
    CHECK(got[1].field == "company");
    CHECK(got[1].nearest == Words{"aurora"});
    CHECK(spelling_suggestions(f.index.db, "", {{Field::Speaker, "Bong"}}).empty());
}
