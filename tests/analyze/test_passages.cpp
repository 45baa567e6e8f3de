// Passages: where a sentence ends, and how an over-long paragraph is cut.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/passages.h"
#include "support/seed_text.h"

using callsearch::analyze::kMaxPassageWords;
using callsearch::analyze::sentence_ends;
using callsearch::analyze::split_passages;
using callsearch::analyze::TextRange;

namespace {

// The sentences of `text` as strings, cut where sentence_ends says.
std::vector<std::string> sentences(std::string_view text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (const std::size_t end : sentence_ends(text)) {
        out.emplace_back(text.substr(at, end - at));
        at = end + 1;
    }
    out.emplace_back(text.substr(at));
    return out;
}

std::size_t words(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_SUITE("analyze") {

TEST_CASE("sentence ends: abbreviations, quarters and numbers are not ends") {
    struct Case {
        const char* text;
        Sentences expected;
    };
    // Real sentences of the seed calls and the bench, cut short.
    const Case cases[] = {
        {"Mr. Fei Chen, president; and Mr. Shan-Nen Bong, chief financial officer. Following their prepared "
         "remarks, all three will be available.",
         {"Mr. Fei Chen, president; and Mr. Shan-Nen Bong, chief financial officer.",
          "Following their prepared remarks, all three will be available."}},
        {"as defined in the U.S. Private Securities Litigation Reform Act of 1995. These forward-looking "
         "statements are based upon management's current expectations.",
         {"as defined in the U.S. Private Securities Litigation Reform Act of 1995.",
          "These forward-looking statements are based upon management's current expectations."}},
        {"Group gross margin was 75.7%, which is more than 1.8 times compared with 41% from a year ago. Gross "
         "profit was RMB 67.4 million.",
         {"Group gross margin was 75.7%, which is more than 1.8 times compared with 41% from a year ago.",
          "Gross profit was RMB 67.4 million."}},
        {"We grew 4.5% in Q2. Revenue in Q3. was flat.", {"We grew 4.5% in Q2. Revenue in Q3. was flat."}},
        {"Is that right? Yes! \"We think so.\" And we do.",
         {"Is that right?", "Yes!", "\"We think so.\"", "And we do."}},
        {"No. We don't guide to that.", {"No.", "We don't guide to that."}},
        {"We bought Acme Inc. last year, e.g. the plant in St. Louis.",
         {"We bought Acme Inc. last year, e.g. the plant in St. Louis."}},
        {"Thank you...  Next question.", {"Thank you...", " Next question."}},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const Sentences got = sentences(text);
        CHECK(got == c.expected);
        if (got != c.expected) for (const auto& g : got) MESSAGE(g);
    }
}

TEST_CASE("a paragraph of up to 150 words is one passage, trimmed") {
    const std::string line = test_support::seed_line(39, test_support::kMotleyFoolSeed);
    REQUIRE(words(line) <= kMaxPassageWords);
    const auto passages = split_passages(line);
    REQUIRE(passages.size() == 1);
    CHECK(passages[0] == TextRange{0, line.size()});
    CHECK(split_passages("  Thank you.  ") == std::vector<TextRange>{{2, 12}});
}

TEST_CASE("a long paragraph is cut at sentence ends into passages of at most 150 words") {
    // Seed lines of prepared remarks run together, as a transcript without
    // paragraph breaks gives them.
    std::string text;
    for (int line : {39, 53, 93, 39, 53, 93}) {
        text += (text.empty() ? "" : " ") + test_support::seed_line(line, test_support::kMotleyFoolSeed);
    }
    REQUIRE(words(text) > 2 * kMaxPassageWords);
    const auto passages = split_passages(text);
    REQUIRE(passages.size() >= 3);
    const auto ends = sentence_ends(text);
    std::size_t expected_begin = 0;
    for (const TextRange& p : passages) {
        CAPTURE(text.substr(p.begin, p.end - p.begin));
        CHECK(p.begin == expected_begin);
        CHECK(words(text.substr(p.begin, p.end - p.begin)) <= kMaxPassageWords);
        // Each passage ends where a sentence ends (or where the text does).
        const bool at_sentence_end = std::find(ends.begin(), ends.end(), p.end) != ends.end();
        CHECK((at_sentence_end || p.end == text.size()));
        expected_begin = p.end + 1;  // one space between the lines
    }
    CHECK(passages.back().end == text.size());
}

TEST_CASE("a sentence of hundreds of words without an end is cut between words") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += (i ? " " : "") + std::string("revenue");
    const auto passages = split_passages(text);
    REQUIRE(passages.size() == 3);
    CHECK(words(text.substr(passages[0].begin, passages[0].end - passages[0].begin)) == kMaxPassageWords);
    CHECK(passages[2].end == text.size());
    CHECK(text[passages[1].begin] == 'r');
}

TEST_CASE("the passages of a long paragraph are of like length") {
    std::string text;
    for (int i = 0; i < 15; ++i) text += "We expect revenue to grow by about ten percent next year. ";  // 11 words
    text += "Thanks.";
    const auto passages = split_passages(text);
    REQUIRE(passages.size() == 2);
    for (const TextRange& p : passages) {
        const std::size_t n = words(text.substr(p.begin, p.end - p.begin));
        CHECK(n >= 70);
        CHECK(n <= 100);
    }
}

}  // TEST_SUITE
