// "Did you mean": suggestions for words and names the index does not hold.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "match/index_parts.h"
#include "match/spelling.h"
#include "schema/filter_terms.h"
#include "support/scratch_index.h"
#include "support/temp_dir.h"

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

TEST_CASE("spelling: the words of asked: and --asked get suggestions of their own") {
    Fixture f;
    struct Case {
        const char* query;
        const char* asked;  // --asked
        std::vector<std::pair<std::string, std::string>> expected;  // field, word
    };
    const Case cases[] = {
        {"asked:repurchse", "", {{"asked", "repurchse"}}},
        {"revenue asked:\"subscriptoin plans\"", "", {{"asked", "subscriptoin"}}},
        {"", "repurchse OR revenu", {{"asked", "repurchse"}}},
        {"subscriptoin", "repurchse", {{"query", "subscriptoin"}, {"asked", "repurchse"}}},
        {"repurchse repurchse", "", {{"query", "repurchse"}}},  // one suggestion per word
        {"speaker:bogn asked:revenues", "", {}},
    };
    for (const Case& c : cases) {
        INFO(c.query, " --asked ", c.asked);
        const auto got = spelling_suggestions(f.index.db, c.query, {}, c.asked);
        REQUIRE(got.size() == c.expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].field == c.expected[i].first);
            CHECK(got[i].word == c.expected[i].second);
            CHECK_FALSE(got[i].nearest.empty());
        }
    }
}

TEST_CASE("spelling: an index in parts ranks suggestions by their frequency over all parts") {
    // "revenue" is commoner in part a, "revenus" over both: the sum decides
    // (the larger of the two would tie, and ties go alphabetically).
    test_support::TempDir tmp;
    const auto write_part = [&](const std::string& name, const std::vector<std::string>& texts) {
        const std::filesystem::path dir = tmp.path / name;
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "XAPIANDB") << "auto gen-000001\n";
        IndexWriter writer(dir / "gen-000001");
        std::vector<Xapian::Document> docs;
        analyze::TextAnalyzer analyzer;
        for (const std::string& text : texts) {
            docs.emplace_back();
            analyzer.index_text(docs.back(), text);
        }
        writer.replace_file("f-" + name, docs, FileRecord{dir.string(), "h", docs.size(), 1}, StoredCall{});
        writer.commit();
    };
    write_part("a", {"revenue", "revenue", "revenus"});
    write_part("b", {"revenus", "revenus", "growth"});
    const IndexParts parts = open_index_parts(IndexAccess{{(tmp.path / "a").string(), (tmp.path / "b").string()}});
    REQUIRE(parts.parts.size() == 2);
    const auto got = spelling_suggestions(parts, "revenux", {});
    REQUIRE(got.size() == 1);
    CHECK(got[0].nearest == Words{"revenus", "revenue"});
    CHECK(spelling_suggestions(parts, "growth", {}).empty());  // held by one part only
    const auto one = spelling_suggestions(parts.parts[0], "revenux", {});
    REQUIRE(one.size() == 1);
    CHECK(one[0].nearest == Words{"revenue", "revenus"});  // part a alone
}
