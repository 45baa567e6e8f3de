// Query parsing pinned down by what each query matches in a small index of
// sentences, rather than by the shape of the Xapian query it builds.

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>
#include <set>
#include <vector>

#include "index/document_builder.h"
#include "query/query_parser.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"
#include "support/scratch_index.h"

using namespace callsearch;

namespace {

struct Sentence {
    const char* name;
    const char* text;
    const char* speaker;
    const char* role;
};

const Sentence kSentences[] = {
    {"buyback", "We repurchased 443,000 ADSs in the quarter.", "Shan-Nen Bong", "cfo"},
    {"ebitda", "We could turn adjusted EBITDA positive in Q3.", "Shan-Nen Bong", "cfo"},
    {"reversed", "EBITDA was adjusted for one-off items.", "Weidong Luo", "ceo"},
    {"engage", "We see that your EngageLab products were making good progress.", "Unidentified Analyst", "analyst"},
    {"engage_zh", "我們實際上看到你們的EngageLab產品在海外取得了良好的進展。", "Unidentified Analyst", "analyst"},
    {"revenue", "Total revenue grew 12% quarter-over-quarter.", "Weidong Luo", "ceo"},
    {"gaap", "On a non-GAAP basis, revenue improved.", "Shan-Nen Bong", "cfo"},
};

class Fixture {
public:
    Fixture() : Fixture(std::begin(kSentences), std::end(kSentences)) {}
    Fixture(const Sentence* begin, const Sentence* end) {
        for (const Sentence& s : std::vector<Sentence>(begin, end)) {
            Xapian::Document doc;
            analyzer_.index_text(doc, s.text);
            for (const auto& t : schema::speaker_terms(s.speaker)) doc.add_boolean_term(t);
            doc.add_boolean_term(schema::role_term(s.role));
            doc.set_data(s.name);
            index_.add(doc);
        }
        index_.expand_stems_for(analyzer_);
    }

    std::set<std::string> matches(const char* query, const std::vector<FilterSpec>& filters = {},
                                  const QueryOptions& options = {}) {
        const ParsedQuery parsed = parse_query(query, filters, analyzer_, options);
        Xapian::Enquire enquire(index_.db);
        enquire.set_query(parsed.query);
        std::set<std::string> names;
        const Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            names.insert(it.get_document().get_data());
        }
        return names;
    }

    // What the asked: part of the query (over question passages) matches, and
    // whether the rest has words to rank by.
    std::pair<std::set<std::string>, bool> asked(const char* query, const QueryOptions& options = {}) {
        const ParsedQuery parsed = parse_query(query, {}, analyzer_, options);
        REQUIRE(parsed.asked);
        Xapian::Enquire enquire(index_.db);
        enquire.set_query(*parsed.asked);
        std::set<std::string> names;
        const Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) names.insert(it.get_document().get_data());
        return {names, parsed.has_text};
    }

    analyze::TextAnalyzer analyzer_;

private:
    test_support::ScratchIndex index_;
};

using Names = std::set<std::string>;

}  // namespace

TEST_CASE("query syntax: what each query matches") {
    Fixture f;
    struct Case {
        const char* query;
        Names expected;
    };
    const Case cases[] = {
        {"repurchases", {"buyback"}},                        // stemmed
        {"\"repurchases\"", {}},                             // quoted single word is exact
        {"\"repurchased\"", {"buyback"}},
        {"\"adjusted EBITDA\"", {"ebitda"}},                 // phrase: order and adjacency
        {"adjusted EBITDA", {"ebitda", "reversed"}},         // words: all of them, any order
        {"adjusted AND EBITDA", {"ebitda", "reversed"}},
        {"revenue OR repurchase", {"revenue", "gaap", "buyback"}},
        {"EBITDA -positive", {"reversed"}},
        {"EBITDA NOT positive", {"reversed"}},
        {"EBITDA -\"adjusted EBITDA\"", {"reversed"}},
        {"(revenue OR EBITDA) -total", {"gaap", "ebitda", "reversed"}},
        {"revenue OR EBITDA adjusted", {"revenue", "gaap", "ebitda", "reversed"}},  // AND binds tighter
        {"non-GAAP", {"gaap"}},
        {"engagelab", {"engage", "engage_zh"}},
        {"EngageLab產品", {"engage_zh"}},                    // mixed run, Traditional
        {"产品", {"engage_zh"}},                             // Simplified finds Traditional
        {"speaker:bong EBITDA", {"ebitda"}},
        {"speaker:\"Shan-Nen Bong\" revenue", {"gaap"}},
        {"role:ceo", {"reversed", "revenue"}},               // filters alone list everything they allow
        {"role:cfo OR role:ceo revenue", {"buyback", "ebitda", "gaap", "revenue"}},
        {"-role:analyst progress", {}},
        {"-EBITDA role:cfo", {"buyback", "gaap"}},
        {"EBITDA ,", {"ebitda", "reversed"}},                // punctuation alone adds nothing
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(f.matches(c.query) == c.expected);
    }
}

// Paragraphs of several sentences, for NEAR, ADJ and SENTENCE.
const Sentence kProse[] = {
    {"near3", "We bought back shares and the dividend rose. Margins held.", "Shan-Nen Bong", "cfo"},
    {"across", "Our dividend was raised. We also repurchased shares this quarter.", "Shan-Nen Bong", "cfo"},
    {"far", "The dividend policy is unchanged, and after a long review of every option we have, we also "
            "repurchased some shares.", "Weidong Luo", "ceo"},
    {"cash", "Free cash flow funded the buyback. Capital spending fell.", "Weidong Luo", "ceo"},
    {"abbrev", "Mr. Luo said the U.S. dividend and the buyback were approved.", "Weidong Luo", "ceo"},
    {"zh", "我們的營收增長了。回購計劃已經完成！", "Weidong Luo", "ceo"},
};

TEST_CASE("proximity: NEAR, ADJ and SENTENCE match what they say") {
    Fixture f(std::begin(kProse), std::end(kProse));
    struct Case {
        const char* query;
        Names expected;
    };
    const Case cases[] = {
        {"dividend NEAR/3 shares", {"near3"}},                     // "shares and the dividend": 3 apart
        {"dividend NEAR/2 shares", {}},
        {"shares NEAR/3 dividend", {"near3"}},                     // any order
        {"dividend NEAR shares", {"near3"}},                       // bare NEAR is 10; never across a sentence end
        {"dividend NEAR/20 shares", {"near3", "far"}},
        {"dividend NEAR/20 repurchases", {"far"}},                 // stemmed: "repurchased"
        {"shares ADJ/3 dividend", {"near3"}},                      // in order
        {"dividend ADJ/3 shares", {}},
        {"bought ADJ back", {"near3"}},                            // bare ADJ is adjacent
        {"back ADJ bought", {}},
        {"\"free cash flow\" NEAR/3 buyback", {"cash"}},           // a phrase as operand
        {"\"free cash\" ADJ/2 funded", {"cash"}},
        {"\"cash free\" NEAR/5 buyback", {}},                      // the phrase itself must occur
        {"(dividend OR policy) NEAR/2 unchanged", {"far"}},
        {"dividend NEAR/5 buyback NEAR/5 approved", {"abbrev"}},   // a chain: all within 5
        {"SENTENCE(dividend shares)", {"near3", "far"}},
        {"SENTENCE(dividend repurchased)", {"far"}},               // not "across": two sentences
        {"SENTENCE(dividend buyback approved)", {"abbrev"}},       // "Mr." and "U.S." end no sentence
        {"SENTENCE(\"free cash flow\" buyback)", {"cash"}},
        {"SENTENCE(buyback capital)", {}},
        {"SENTENCE(营收 增长)", {"zh"}},
        {"SENTENCE(营收 回购)", {}},                                  // 。 ends a sentence
        {"\"rose margins\"", {}},                                  // a phrase never spans a sentence end
        {"SENTENCE(dividend) repurchased", {"across", "far"}},
        {"SENTENCE(dividend shares) OR capital", {"near3", "far", "cash"}},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(f.matches(c.query) == c.expected);
    }
}

TEST_CASE("synonyms: ~word and --synonyms match any member of its groups") {
    Fixture f(std::begin(kProse), std::end(kProse));
    Thesaurus thesaurus;
    thesaurus.add_text("buyback ~ repurchase ~ \"share repurchase\"\nFCF ~ free cash flow\n"
                       "dividend ~ payout\n", "test");
    const QueryOptions tilde{false, [&]() -> const Thesaurus& { return thesaurus; }};
    const QueryOptions every{true, [&]() -> const Thesaurus& { return thesaurus; }};
    struct Case {
        const char* query;
        const QueryOptions* options;
        Names expected;
    };
    const Case cases[] = {
        {"buyback", &tilde, {"cash", "abbrev"}},
        {"~buyback", &tilde, {"cash", "abbrev", "across", "far"}},           // "repurchased": stemmed member
        {"~buybacks", &tilde, {"cash", "abbrev", "across", "far"}},          // the group found by stem
        {"~repurchase", &tilde, {"cash", "abbrev", "across", "far"}},
        {"~FCF", &tilde, {"cash"}},                                          // a member of several words: a phrase
        {"~\"free cash flow\"", &tilde, {"cash"}},
        {"~fcf funded", &tilde, {"cash"}},
        {"~dividend ~buyback", &tilde, {"far", "abbrev", "across"}},
        {"~margins", &tilde, {"near3"}},                                     // in no group: the word alone
        {"buyback", &every, {"cash", "abbrev", "across", "far"}},            // --synonyms
        {"\"buyback\"", &every, {"cash", "abbrev"}},                       // phrases stay exact
        {"~buyback NEAR/8 shares", &tilde, {"across", "far"}},
        {"SENTENCE(~buyback dividend)", &tilde, {"abbrev", "far"}},
        {"~buyback ADJ/2 shares", &tilde, {"across", "far"}},
        {"\"share repurchase\" NEAR/3 dividend", &tilde, {}},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(f.matches(c.query, {}, *c.options) == c.expected);
    }
    CHECK_THROWS_WITH_AS((void)f.matches("~buyback"), doctest::Contains("no thesaurus"), QueryError);
    CHECK(f.matches("~ buyback", {}, tilde) == Names{"cash", "abbrev"});  // a lone ~ is punctuation
    CHECK_THROWS_WITH_AS((void)f.matches("~(buyback)", {}, tilde), doctest::Contains("'~' goes right before"),
                         QueryError);
}

TEST_CASE("synonyms highlight every member") {
    Fixture f(std::begin(kProse), std::end(kProse));
    Thesaurus thesaurus;
    thesaurus.add_text("buyback ~ repurchase ~ share repurchase\n", "test");
    const QueryOptions tilde{false, [&]() -> const Thesaurus& { return thesaurus; }};
    const ParsedQuery parsed = parse_query("~buyback", {}, f.analyzer_, tilde);
    CHECK(parsed.highlight.stems.size() >= 2);  // buyback, repurchas
    // The multi-word member is highlighted as its phrase.
    const std::vector<std::string> phrase = {"share", "repurchase"};
    CHECK(std::find(parsed.highlight.phrases.begin(), parsed.highlight.phrases.end(), phrase) !=
          parsed.highlight.phrases.end());
}

TEST_CASE("dates: date: filters on the call date, inclusive, never a call without one") {
    test_support::ScratchIndex index;
    analyze::TextAnalyzer analyzer;
    const std::pair<const char*, const char*> calls[] = {
        {"early", "2021-01-01"}, {"mid", "2021-09-09"}, {"late", "2021-12-31"}, {"next", "2022-01-01"}, {"undated", nullptr}};
    for (const auto& [name, date] : calls) {
        Xapian::Document doc;
        analyzer.index_text(doc, "Revenue grew.");
        if (date) doc.add_value(schema::kSlotDate, date);
        doc.set_data(name);
        index.add(doc);
    }
    index.expand_stems_for(analyzer);
    const auto matches = [&](const char* query, const std::vector<FilterSpec>& filters = {}) {
        Xapian::Enquire enquire(index.db);
        enquire.set_query(parse_query(query, filters, analyzer).query);
        Names names;
        const Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) names.insert(it.get_document().get_data());
        return names;
    };
    CHECK(matches("revenue date:2021-01-01..2021-12-31") == Names{"early", "mid", "late"});
    CHECK(matches("revenue date:2021-09-09") == Names{"mid"});
    CHECK(matches("date:2021-12-31..") == Names{"late", "next"});                      // --since
    CHECK(matches("date:..2021-01-01") == Names{"early"});                             // --until
    CHECK(matches("revenue", {{Field::Date, "2021-09-10.."}}) == Names{"late", "next"});
    CHECK(matches("revenue -date:2021-09-09") == Names{"early", "late", "next", "undated"});
    for (const char* bad : {"2021-13-01", "2021-02-29", "2021-9-9", "20210909", "2021-12-31..2021-01-01", "..", "x"}) {
        INFO(bad);
        CHECK_THROWS_WITH_AS((void)matches("revenue", {{Field::Date, bad}}), doctest::Contains("invalid date"),
                             QueryError);
    }
    CHECK(matches("revenue", {{Field::Date, "2020-02-29"}}).empty());  // a leap day is a date
}

TEST_CASE("option filters restrict the query like inline ones") {
    Fixture f;
    CHECK(f.matches("EBITDA", {{Field::Role, "CFO"}}) == Names{"ebitda"});
    CHECK(f.matches("EBITDA", {{Field::Speaker, "Luo"}}) == Names{"reversed"});
    CHECK(f.matches("", {{Field::Role, "analyst"}}) == Names{"engage", "engage_zh"});
}

TEST_CASE("queries that cannot be parsed say what is wrong and quote the query") {
    Fixture f;
    struct Case {
        const char* query;
        const char* message;
    };
    const Case cases[] = {
        {"(revenue", "missing ')'"},
        {"revenue)", "unbalanced ')'"},
        {"revenue OR", "OR needs"},
        {"OR revenue", "OR needs"},
        {"revenue AND", "AND needs"},
        {"revenue NOT", "NOT needs"},
        {"\"adjusted EBITDA", "unterminated quote"},
        {"speaker:", "missing value"},
        {"role:janitor", "janitor"},
        {"", "empty query"},
        {"  ,;  ", "nothing searchable"},
        {nullptr, "too deeply nested"},
        {"revenue NEAR/0 margin", "NEAR/n with n from 1"},
        {"revenue NEAR/x margin", "invalid distance in 'NEAR/x'"},
        {"revenue NEAR/ margin", "invalid distance"},
        {"revenue ADJ/256 margin", "ADJ/n with n from 1 to 255"},
        {"revenue NEAR", "NEAR needs a word or a phrase on both sides"},
        {"NEAR revenue", "NEAR needs"},
        {"revenue NEAR -margin", "NEAR needs"},
        {"revenue NEAR role:cfo", "NEAR needs"},
        {"revenue NEAR/3 margin ADJ/2 cost", "cannot be chained"},
        {"SENTENCE(revenue margin", "unclosed SENTENCE("},
        {"SENTENCE(revenue OR margin)", "takes only words"},
        {"SENTENCE()", "needs words"},
    };
    const std::string deep = std::string(20000, '(') + "revenue" + std::string(20000, ')');
    for (const Case& c : cases) {
        const char* query = c.query ? c.query : deep.c_str();
        INFO(std::string(query).substr(0, 40));
        try {
            (void)f.matches(query);
            FAIL("parsed");
        } catch (const QueryError& e) {
            CHECK(std::string(e.what()).find(c.message) != std::string::npos);
        }
    }
}

TEST_CASE("the parsed query knows what to highlight") {
    Fixture f;
    const ParsedQuery parsed = parse_query("repurchases \"adjusted EBITDA\" 订阅", {}, f.analyzer_);
    CHECK(!parsed.highlight.stems.empty());
    CHECK(parsed.highlight.phrases == std::vector<std::vector<std::string>>{{"adjusted", "ebitda"}});
    CHECK(!parsed.highlight.han_strings.empty());
}

TEST_CASE("asked: and --asked take the query's words, phrases and ~synonyms, for the question") {
    Fixture f;
    Thesaurus thesaurus;
    thesaurus.add_text("buyback ~ repurchase\n", "test");
    const QueryOptions none{};
    const QueryOptions tilde{false, [&]() -> const Thesaurus& { return thesaurus; }};
    const auto with_asked = [&](const char* words) {
        QueryOptions o{false, [&]() -> const Thesaurus& { return thesaurus; }};
        o.asked = words;
        return o;
    };
    const QueryOptions asked_phrase = with_asked("\"adjusted EBITDA\"");
    const QueryOptions asked_words = with_asked("adjusted EBITDA");
    const QueryOptions asked_or = with_asked("revenue OR repurchase");
    const QueryOptions asked_both = with_asked("EBITDA");
    struct Case {
        const char* query;
        const QueryOptions* options;
        Names asked;    // what the question must match
        bool has_text;  // the rest of the query has words that rank
    };
    const Case cases[] = {
        {"asked:repurchases", &none, {"buyback"}, false},               // stemmed; alone: the answers themselves
        {"ASKED:repurchases", &none, {"buyback"}, false},               // the field in any case
        {"asked:\"repurchases\"", &none, {}, false},                    // quoted: exact
        {"asked:\"adjusted EBITDA\"", &none, {"ebitda"}, false},        // a phrase
        {"asked:adjusted asked:positive", &none, {"ebitda"}, false},    // several: all of them
        {"asked:~buyback", &tilde, {"buyback"}, false},                 // thesaurus members
        {"revenue asked:EBITDA", &none, {"ebitda", "reversed"}, true},  // words of the query rank
        {"asked:EBITDA role:cfo", &none, {"ebitda", "reversed"}, false},
        {"", &asked_phrase, {"ebitda"}, false},                         // --asked WORDS
        {"", &asked_words, {"ebitda", "reversed"}, false},
        {"", &asked_or, {"revenue", "gaap", "buyback"}, false},         // the whole query syntax
        {"revenue", &asked_both, {"ebitda", "reversed"}, true},
        {"asked:adjusted", &asked_both, {"ebitda", "reversed"}, false},  // --asked and asked: together
    };
    for (const Case& c : cases) {
        INFO(c.query);
        const auto [names, has_text] = f.asked(c.query, *c.options);
        CHECK(names == c.asked);
        CHECK(has_text == c.has_text);
    }
    // The rest of the query is unchanged by asked:.
    CHECK(f.matches("revenue asked:EBITDA") == Names{"revenue", "gaap"});
    // Without asked: there is no question to match.
    CHECK(!parse_query("revenue", {}, f.analyzer_).asked);
    // The asked words highlight in the question, not in the answer.
    const ParsedQuery parsed = parse_query("revenue asked:\"adjusted EBITDA\"", {}, f.analyzer_);
    CHECK(parsed.asked_highlight.phrases == std::vector<std::vector<std::string>>{{"adjusted", "ebitda"}});
    CHECK(parsed.highlight.phrases.empty());
}

TEST_CASE("asked: and --asked that cannot be parsed say what is wrong") {
    Fixture f;
    struct Case {
        const char* query;
        std::optional<std::string> asked_option;
        const char* message;
    };
    const Case cases[] = {
        {"asked:", std::nullopt, "missing words after 'asked:'"},
        {"revenue asked:\"\"", std::nullopt, "missing words after 'asked:'"},
        {"asked:,", std::nullopt, "nothing searchable in the asked words"},
        {"revenue OR asked:margin", std::nullopt, "asked: restricts the whole query"},
        {"asked:margin OR revenue", std::nullopt, "asked: restricts the whole query"},
        {"-asked:margin revenue", std::nullopt, "asked: restricts the whole query"},
        {"revenue NOT asked:margin", std::nullopt, "asked: restricts the whole query"},
        {"(asked:margin revenue)", std::nullopt, "asked: restricts the whole query"},
        {"revenue NEAR asked:margin", std::nullopt, "NEAR needs"},
        {"SENTENCE(asked:margin revenue)", std::nullopt, "takes only words"},
        {"asked:role:cfo", std::nullopt, "take no filters"},
        {"asked:asked:margin", std::nullopt, "cannot hold asked:"},
        {"revenue", "", "--asked needs words"},
        {"revenue", "   ", "--asked needs words"},
        {"", "role:cfo", "take no filters"},
        {"", "margin OR", "OR needs"},
        {"", "\"gross margin", "unterminated quote"},
    };
    for (const Case& c : cases) {
        INFO(c.query << " --asked " << c.asked_option.value_or("(none)"));
        QueryOptions options;
        options.asked = c.asked_option;
        CHECK_THROWS_WITH_AS((void)f.matches(c.query, {}, options), doctest::Contains(c.message), QueryError);
    }
}
