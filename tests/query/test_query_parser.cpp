// Query parsing pinned down by what each query matches in a small index of
// sentences, rather than by the shape of the Xapian query it builds.

#include <doctest/doctest.h>

#include <set>

#include "index/document_builder.h"
#include "query/query_parser.h"
#include "schema/filter_terms.h"
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
    Fixture() {
        for (const Sentence& s : kSentences) {
            Xapian::Document doc;
            analyzer_.index_text(doc, s.text);
            for (const auto& t : schema::speaker_terms(s.speaker)) doc.add_boolean_term(t);
            doc.add_boolean_term(schema::role_term(s.role));
            doc.set_data(s.name);
            index_.add(doc);
        }
        index_.expand_stems_for(analyzer_);
    }

    std::set<std::string> matches(const char* query, const std::vector<FilterSpec>& filters = {}) {
        const ParsedQuery parsed = parse_query(query, filters, analyzer_);
        Xapian::Enquire enquire(index_.db);
        enquire.set_query(parsed.query);
        std::set<std::string> names;
        const Xapian::MSet mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            names.insert(it.get_document().get_data());
        }
        return names;
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
