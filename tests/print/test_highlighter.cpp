// Highlighting: byte spans into the original text for what a query matched.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "print/highlighter.h"
#include "support/seed_text.h"

using callsearch::find_highlights;
using callsearch::Span;
using callsearch::analyze::HighlightTerms;
using callsearch::analyze::TextAnalyzer;
using test_support::seed_line;

namespace {

std::vector<std::string> highlighted(std::string_view text, const std::vector<Span>& spans) {
    std::vector<std::string> out;
    for (const Span& span : spans) out.emplace_back(text.substr(span.begin, span.end - span.begin));
    return out;
}

bool sorted_and_disjoint(const std::vector<Span>& spans) {
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (spans[i].begin >= spans[i].end) return false;
        if (i > 0 && spans[i - 1].end > spans[i].begin) return false;
    }
    return true;
}

}  // namespace

TEST_SUITE("print") {

TEST_CASE("highlighter: English words by stem on a real seed sentence") {
    TextAnalyzer analyzer;
    const std::string text = seed_line(56);  // "...share repurchase plan ... we repurchased 443,000 ADSs..."
    HighlightTerms terms;
    (void)analyzer.word_query("repurchases", terms);  // stem "repurchas"
    const std::vector<Span> spans = find_highlights(text, terms, analyzer);
    CHECK(sorted_and_disjoint(spans));
    const std::vector<std::string> words = highlighted(text, spans);
    CHECK(words == std::vector<std::string>{"repurchase", "repurchased", "repurchased", "repurchase"});
}

TEST_CASE("highlighter: exact words match as written, case-insensitively") {
    TextAnalyzer analyzer;
    const std::string text = "Adjusted EBITDA improved; the adjustment to EBITDA, adjusted.";
    HighlightTerms terms;
    terms.exact_words = {"adjusted", "ebitda"};
    const std::vector<Span> spans = find_highlights(text, terms, analyzer);
    CHECK(highlighted(text, spans) == std::vector<std::string>{"Adjusted", "EBITDA", "EBITDA", "adjusted"});
    CHECK(spans.front() == Span{0, 8});
}

TEST_CASE("highlighter: a phrase is one span where its words stand together, and nowhere else") {
    TextAnalyzer analyzer;
    // Seed 003, line 232 (cut): "kind of" alone is not the phrase.
    const std::string text = "talking a bit about the kind of cross-selling and progress there. I'm wondering if you "
                             "guys have any analysis kind of about on a customer cohort kind of basis";
    HighlightTerms terms;
    (void)analyzer.phrase_query("cohort kind of basis", terms);
    const std::vector<Span> spans = find_highlights(text, terms, analyzer);
    CHECK(highlighted(text, spans) == std::vector<std::string>{"cohort kind of basis"});
    // Punctuation between the words does not break a phrase, as in the index.
    HighlightTerms hyphen;
    (void)analyzer.phrase_query("forward looking", hyphen);
    const std::string statements = "These forward-looking statements; forward, looking; looking forward.";
    CHECK(highlighted(statements, find_highlights(statements, hyphen, analyzer)) ==
          std::vector<std::string>{"forward-looking", "forward, looking"});
}

TEST_CASE("highlighter: words split like the TermGenerator's") {
    TextAnalyzer analyzer;
    const std::string text = "today's revenue of 4,050 and S&M costs; Aurora’s";
    HighlightTerms terms;
    terms.stems = {"today", "aurora"};
    terms.exact_words = {"4,050", "s&m"};
    CHECK(highlighted(text, find_highlights(text, terms, analyzer)) ==
          std::vector<std::string>{"today's", "4,050", "S&M", "Aurora’s"});
}

TEST_CASE("highlighter: a Simplified Han string highlights the Traditional original") {
    TextAnalyzer analyzer;
    const std::string text = seed_line(57);  // 最後,在結束之前,我將快速介紹股票回購計畫的最新情況…
    HighlightTerms terms;
    terms.han_strings = {"回购计划"};  // 計畫 -> 计划 only as a phrase
    const std::vector<Span> spans = find_highlights(text, terms, analyzer);
    REQUIRE(spans.size() == 2);  // "股票回購計畫" and "自回購計畫啟動"
    for (const Span& span : spans) CHECK(text.substr(span.begin, span.end - span.begin) == "回購計畫");
    CHECK(spans[0].begin == text.find("回購計畫"));
    CHECK(spans[0].end == spans[0].begin + std::string("回購計畫").size());
}

TEST_CASE("highlighter: mixed strings match Latin case-insensitively, across a space") {
    TextAnalyzer analyzer;
    HighlightTerms terms;
    (void)analyzer.word_query("engagelab產品", terms);
    const struct {
        std::string text;
        std::vector<std::string> expected;
    } cases[] = {
        {"我們海外EngageLab產品的最新狀況", {"EngageLab產品"}},
        {"我們的 EngageLab 產品很好", {"EngageLab 產品"}},
        {"EngageLab，產品", {}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(highlighted(c.text, find_highlights(c.text, terms, analyzer)) == c.expected);
    }
}

TEST_CASE("highlighter: overlapping matches merge into sorted, disjoint spans") {
    TextAnalyzer analyzer;
    const std::string text = "回購計畫，Aurora 回購";
    HighlightTerms terms;
    terms.han_strings = {"购计", "回购", "计划"};
    terms.stems = {"aurora"};
    const std::vector<Span> spans = find_highlights(text, terms, analyzer);
    CHECK(sorted_and_disjoint(spans));
    CHECK(highlighted(text, spans) == std::vector<std::string>{"回購計畫", "Aurora", "回購"});
}

TEST_CASE("highlighter: the English stemmer keeps a word's first byte") {
    // The highlighter skips stemming words whose first byte starts no wanted
    // stem. Exceptional forms, 'y' handling and non-ASCII initials included.
    const Xapian::Stem stemmer("english");
    for (const std::string word : {"dying", "lying", "skies", "generously", "ugly", "early", "news", "yelling",
                                   "yearly", "y's", "idly", "ation", "eed", "4,050", "s&m", "éclairs",
                                   "ünternehmen", "_under", "o'neill"}) {
        const std::string stem = stemmer(word);
        CAPTURE(word);
        REQUIRE(!stem.empty());
        CHECK(stem.front() == word.front());
    }
}

TEST_CASE("highlighter: stems found among many other words, any letter case") {
    TextAnalyzer analyzer;
    const std::string text = "Revenues rose. Our REVENUE, and revenue's growth; revenued? Not \"review\".";
    HighlightTerms terms;
    (void)analyzer.word_query("revenue", terms);
    CHECK(highlighted(text, find_highlights(text, terms, analyzer)) ==
          std::vector<std::string>{"Revenues", "REVENUE", "revenue's", "revenued"});
}

TEST_CASE("highlighter: nothing to highlight") {
    TextAnalyzer analyzer;
    CHECK(find_highlights("any text 財報", HighlightTerms{}, analyzer).empty());
    HighlightTerms terms;
    terms.han_strings = {"电话"};
    CHECK(find_highlights("", terms, analyzer).empty());
}

}  // TEST_SUITE
