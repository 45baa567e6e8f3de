// The synonym groups behind ~word and --synonyms: file format, lookup, the
// shipped file and the user's.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "query/thesaurus.h"

using namespace callsearch;
using Members = std::vector<std::string>;

TEST_CASE("a group expands any of its members, the word itself first") {
    Thesaurus t;
    t.add_text("# comment\nbuyback ~ repurchase ~ Share  Repurchase   # trailing comment\n\nFCF ~ \"free cash flow\"\n",
               "test");
    CHECK(t.groups() == 2);
    struct Case {
        const char* query;
        Members expected;
    };
    const Case cases[] = {
        {"buyback", {"buyback", "repurchase", "share repurchase"}},
        {"Repurchase", {"repurchase", "buyback", "share repurchase"}},
        {"buybacks", {"buybacks", "buyback", "repurchase", "share repurchase"}},  // by stem
        {"share repurchase", {"share repurchase", "buyback", "repurchase"}},
        {"fcf", {"fcf", "free cash flow"}},
        {"free cash flow", {"free cash flow", "fcf"}},
        {"dividend", {"dividend"}},  // in no group
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(t.expand(c.query) == c.expected);
    }
}

TEST_CASE("a word in several groups gets the members of all of them") {
    Thesaurus t;
    t.add_text("pricing ~ price increases\ninflation ~ price increases\n", "test");
    CHECK(t.expand("price increases") == Members{"price increases", "pricing", "inflation"});
}

TEST_CASE("bad thesaurus lines name the file and the line") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"buyback ~ repurchase\nlonely\n", "user.txt:2: a group needs at least two members"},
        {"buyback ~ ~ repurchase\n", "user.txt:1: empty member"},
    };
    for (const Case& c : cases) {
        Thesaurus t;
        try {
            t.add_text(c.text, "user.txt");
            FAIL("accepted");
        } catch (const ThesaurusError& e) {
            CHECK(std::string(e.what()).find(c.message) != std::string::npos);
        }
    }
    Thesaurus t;
    CHECK_THROWS_WITH_AS(t.add_file("/nonexistent/thesaurus.txt"),
                         doctest::Contains("cannot read thesaurus /nonexistent/thesaurus.txt"), ThesaurusError);
}

TEST_CASE("the shipped thesaurus is found from the build tree and holds the finance groups") {
    const auto path = shipped_thesaurus_path();
    REQUIRE(path);
    const Thesaurus t = load_thesaurus(std::nullopt);
    CHECK(t.groups() >= 60);
    const auto has = [](const Members& m, const char* w) { return std::find(m.begin(), m.end(), w) != m.end(); };
    CHECK(has(t.expand("buyback"), "share repurchase"));
    CHECK(has(t.expand("FCF"), "free cash flow"));
    CHECK(has(t.expand("capex"), "capital expenditure"));
    CHECK(has(t.expand("EPS"), "earnings per share"));
    CHECK(has(t.expand("guidance"), "outlook"));
    CHECK(has(t.expand("M&A"), "acquisition"));
    CHECK(has(t.expand("merger"), "acquisition"));
}

TEST_CASE("a user file adds its groups to the shipped ones, and $CALLSEARCH_THESAURUS names one too") {
    const auto file = std::filesystem::temp_directory_path() / "callsearch_test_user_thesaurus.txt";
    std::ofstream(file) << "moonshot ~ big bet ~ bold wager\n";
    const Thesaurus t = load_thesaurus(file);
    CHECK(t.expand("moonshot") == Members{"moonshot", "big bet", "bold wager"});
    CHECK(t.expand("FCF").size() > 1);  // the shipped groups are still there

    ::setenv("CALLSEARCH_THESAURUS", file.c_str(), 1);
    CHECK(load_thesaurus(std::nullopt).expand("bold wager").size() == 3);
    ::setenv("CALLSEARCH_THESAURUS", "/nonexistent/mine.txt", 1);
    CHECK_THROWS_AS((void)load_thesaurus(std::nullopt), ThesaurusError);
    ::unsetenv("CALLSEARCH_THESAURUS");
    std::filesystem::remove(file);
}
