// Snippets: which sentences of a hit are shown, and how matches follow them.
#include <doctest/doctest.h>

#include <string>

#include "print/snippet.h"
#include "support/seed_text.h"

using namespace callsearch;

namespace {

// Seed 003, line 53: four sentences of prepared remarks, 79 words.
std::string remarks() { return test_support::seed_line(53, test_support::kMotleyFoolSeed); }

Span span_of(const std::string& text, const std::string& word) {
    const std::size_t at = text.find(word);
    REQUIRE(at != std::string::npos);
    return {at, at + word.size()};
}

std::string spanned(const Snippet& s, std::size_t i) {
    return s.text.substr(s.highlights[i].begin, s.highlights[i].end - s.highlights[i].begin);
}

}  // namespace

TEST_SUITE("print") {

TEST_CASE("a short text is its own snippet") {
    const std::string text = "We are pleased with EngageLab.";
    const Snippet s = make_snippet(text, {{20, 29}});
    CHECK(s.text == text);
    CHECK(s.highlights == std::vector<Span>{{20, 29}});
}

TEST_CASE("a snippet is the sentences with matches, with what is left out marked") {
    const std::string text = remarks();
    struct Case {
        std::string word;
        std::string expected;
    };
    const Case cases[] = {
        // The first sentence: the rest is left out after it.
        {"paying", "The number of paying customers increased to 2,634 from 2,281 a year ago, up 15% year over year. …"},
        // A middle sentence: left out on both sides.
        {"75.7%", "… Group gross margin was 75.7%, which is more than 1.8 times compared with 41% from a year ago. …"},
        // The last sentence: left out before it only.
        {"EBITDA", "… Gross profit was RMB 67.4 million, up 33% year over year, and adjusted EBITDA was negative RMB "
                   "13.3 million, a substantial improvement of 27% from a year ago demonstrating our strong "
                   "operating leverage."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.word);
        const Snippet s = make_snippet(text, {span_of(text, c.word)});
        CHECK(s.text == c.expected);
        REQUIRE(s.highlights.size() == 1);
        CHECK(spanned(s, 0) == c.word);
    }
}

TEST_CASE("matches in two sentences show both, joined where adjacent and gapped where not") {
    const std::string text = remarks();
    const Snippet s = make_snippet(text, {span_of(text, "paying"), span_of(text, "75.7%")});
    CHECK(s.text.rfind("The number of paying customers", 0) == 0);
    CHECK(s.text.find("year over year. … Group gross margin") != std::string::npos);
    CHECK(s.text.find("Revenue were RMB 89 million") == std::string::npos);
    REQUIRE(s.highlights.size() == 2);
    CHECK(spanned(s, 0) == "paying");
    CHECK(spanned(s, 1) == "75.7%");
}

TEST_CASE("no match: the first sentences; a sentence over the budget is cut around its match") {
    const std::string text = remarks();
    const Snippet first = make_snippet(text, {});
    CHECK(first.text.rfind("The number of paying", 0) == 0);
    CHECK(first.text.size() < text.size());
    std::string endless;
    for (int i = 0; i < 40; ++i) endless += "and revenue grew again ";
    endless += "with EngageLab leading";
    for (int i = 0; i < 40; ++i) endless += " and revenue grew again";
    const Snippet cut = make_snippet(endless, {span_of(endless, "EngageLab")});
    CHECK(cut.text.rfind("… ", 0) == 0);
    CHECK(cut.text.size() > 200);
    CHECK(cut.text.size() < 400);
    CHECK(cut.text.substr(cut.text.size() - 4) == " …");
    REQUIRE(cut.highlights.size() == 1);
    CHECK(spanned(cut, 0) == "EngageLab");
}

TEST_CASE("words of a phrase become one span; matches apart stay apart") {
    const std::string text = "Adjusted EBITDA was up, and adjusted, EBITDA margin too.";
    const std::size_t second = text.find("adjusted,");
    const std::vector<Span> words = {{0, 8}, {9, 15}, {second, second + 8}, {second + 10, second + 16}};
    CHECK(join_adjacent(text, words) == std::vector<Span>{{0, 15}, {second, second + 8}, {second + 10, second + 16}});
}

}  // TEST_SUITE
