// The analyzer's contract with the index: what a query finds, and the position
// scheme that makes phrases of Han characters behave like substrings.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "schema/index_schema.h"
#include "support/scratch_index.h"
#include "support/seed_text.h"

using callsearch::analyze::HighlightTerms;
using callsearch::analyze::TextAnalyzer;

namespace {

// An in-memory index of named paragraphs.
class TestIndex {
public:
    explicit TestIndex(const std::map<std::string, std::string>& paragraphs) {
        for (const auto& [name, text] : paragraphs) {
            Xapian::Document doc;
            analyzer.index_text(doc, text);
            names_[index_.add(doc)] = name;
        }
        index_.expand_stems_for(analyzer);
    }

    std::set<std::string> search(const Xapian::Query& query) {
        std::set<std::string> found;
        if (query.empty()) return found;
        Xapian::Enquire enquire(index_.db);
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, index_.db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) found.insert(names_.at(*it));
        return found;
    }

    std::vector<std::string> ranked(std::string_view token) {
        HighlightTerms ignored;
        Xapian::Enquire enquire(index_.db);
        enquire.set_query(analyzer.word_query(token, ignored));
        const Xapian::MSet mset = enquire.get_mset(0, index_.db.get_doccount());
        std::vector<std::string> out;
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(names_.at(*it));
        return out;
    }

    std::set<std::string> word(std::string_view token) {
        HighlightTerms ignored;
        return search(analyzer.word_query(token, ignored));
    }

    std::set<std::string> phrase(std::string_view text) {
        HighlightTerms ignored;
        return search(analyzer.phrase_query(text, ignored));
    }

    TextAnalyzer analyzer;

private:
    test_support::ScratchIndex index_;
    std::map<Xapian::docid, std::string> names_;
};

using Names = std::set<std::string>;
using test_support::seed_line;

// term -> positions, for pinning the position scheme down.
std::map<std::string, std::vector<Xapian::termpos>> positions(TextAnalyzer& analyzer, std::string_view text) {
    Xapian::Document doc;
    analyzer.index_text(doc, text);
    std::map<std::string, std::vector<Xapian::termpos>> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        auto& list = out[*it];
        for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) list.push_back(*p);
    }
    return out;
}

}  // namespace

TEST_SUITE("analyze") {

TEST_CASE("text analyzer: a bare English word matches by stem") {
    TestIndex index({{"repurchasing", "we are repurchasing shares"},
                     {"repurchases", "the company repurchases shares"},
                     {"other", "we are buying back shares"}});
    CHECK(index.word("repurchases") == Names{"repurchasing", "repurchases"});
    CHECK(index.word("Repurchase") == Names{"repurchasing", "repurchases"});
    // A word the index has never seen matches nothing, yet is a query, not "nothing searchable".
    HighlightTerms ignored;
    CHECK_FALSE(index.analyzer.word_query("blockchain", ignored).empty());
    CHECK(index.word("blockchain").empty());
}

TEST_CASE("text analyzer: a quoted word matches only as written") {
    TestIndex index({{"repurchasing", "we are repurchasing shares"},
                     {"repurchases", "the company repurchases shares"}});
    CHECK(index.phrase("repurchases") == Names{"repurchases"});
    CHECK(index.phrase("Repurchasing") == Names{"repurchasing"});
}

TEST_CASE("text analyzer: phrases need order and adjacency") {
    TestIndex index({{"adjacent", "the adjusted EBITDA improved significantly"},
                     {"reversed", "EBITDA adjusted for one-off items"},
                     {"apart", "adjusted net loss and EBITDA"}});
    CHECK(index.phrase("adjusted EBITDA") == Names{"adjacent"});
    CHECK(index.phrase("adjusted  ebitda") == Names{"adjacent"});
}

TEST_CASE("text analyzer: English tokens that TermGenerator splits become phrases") {
    TestIndex index({{"gaap", "non-GAAP gross margin"},
                     {"reversed", "GAAP and non recurring"},
                     {"number", "revenue of RMB 4,050 million"},
                     {"year", "in 2023 we grew"}});
    CHECK(index.word("non-GAAP") == Names{"gaap"});
    CHECK(index.word("Non-gaap") == Names{"gaap"});
    CHECK(index.word("4,050") == Names{"number"});  // one term, and numbers have no stem
    CHECK(index.word("2023") == Names{"year"});
}

TEST_CASE("text analyzer: highlight terms say what each query form matched") {
    TextAnalyzer analyzer;
    HighlightTerms stem;
    (void)analyzer.word_query("repurchases", stem);
    CHECK(stem.stems == std::vector<std::string>{"repurchas"});
    CHECK(stem.exact_words.empty());

    HighlightTerms exact;
    (void)analyzer.phrase_query("Adjusted EBITDA", exact);
    // A phrase's words are highlighted together only.
    CHECK(exact.exact_words.empty());
    CHECK(exact.phrases == std::vector<std::vector<std::string>>{{"adjusted", "ebitda"}});
    CHECK(exact.stems.empty());

    HighlightTerms number;
    (void)analyzer.word_query("2023", number);
    CHECK(number.exact_words == std::vector<std::string>{"2023"});

    HighlightTerms han;
    (void)analyzer.word_query("EngageLab產品", han);
    CHECK(han.han_strings == std::vector<std::string>{"EngageLab产品"});

    HighlightTerms pieces;
    (void)analyzer.phrase_query("財報，電話 Aurora", pieces);
    CHECK(pieces.han_strings == std::vector<std::string>{"财报", "电话"});
    CHECK(pieces.exact_words == std::vector<std::string>{"aurora"});
}

TEST_CASE("text analyzer: tokens with nothing searchable give an empty query") {
    TextAnalyzer analyzer;
    for (const char* token : {"", " ", "，。、", "...", "--", "（）", "·"}) {
        CAPTURE(token);
        HighlightTerms highlight;
        CHECK(analyzer.word_query(token, highlight).empty());
        CHECK(analyzer.phrase_query(token, highlight).empty());
        CHECK(highlight.stems.empty());
        CHECK(highlight.exact_words.empty());
        CHECK(highlight.han_strings.empty());
    }
}

TEST_CASE("text analyzer: position scheme for Han characters, Latin words and punctuation") {
    // Positions start at 2 (text_analyzer.cpp says why).
    TextAnalyzer analyzer;
    // 财 报 | jump for "，" | engagelab | 产 品 (no jump: Latin touches Han)
    auto pos = positions(analyzer, "財報，EngageLab產品");
    CHECK(pos["财"] == std::vector<Xapian::termpos>{2});
    CHECK(pos["报"] == std::vector<Xapian::termpos>{3});
    CHECK(pos["engagelab"] == std::vector<Xapian::termpos>{5});
    CHECK(pos["产"] == std::vector<Xapian::termpos>{6});
    CHECK(pos["品"] == std::vector<Xapian::termpos>{7});
    CHECK(pos.count("Zengagelab") == 0);  // stems are not terms (analyze/stemmer.h)
    CHECK(pos.count("产品") == 1);      // ICU word, no positions
    CHECK(pos["产品"].empty());

    // Only white space between a Latin word and Han text: still adjacent.
    pos = positions(analyzer, "Aurora Mobile 2023 年");
    CHECK(pos["2023"] == std::vector<Xapian::termpos>{4});
    CHECK(pos["年"] == std::vector<Xapian::termpos>{5});

    // Between two Han characters anything but a word is a gap.
    pos = positions(analyzer, "謝謝， 謝謝");
    CHECK(pos["谢"] == std::vector<Xapian::termpos>{2, 3, 5, 6});

    // A sentence end (。！？ or . ! ? before a space) is a gap of
    // schema::kSentenceGap positions, so SENTENCE() can tell sentences apart.
    static_assert(callsearch::schema::kSentenceGap == 256);
    pos = positions(analyzer, "謝謝。謝謝");
    CHECK(pos["谢"] == std::vector<Xapian::termpos>{2, 3, 260, 261});
    pos = positions(analyzer, "Revenue grew. Margins held in the U.S. market!");
    CHECK(pos["grew"] == std::vector<Xapian::termpos>{3});
    CHECK(pos["margins"] == std::vector<Xapian::termpos>{260});
    CHECK(pos["market"] == std::vector<Xapian::termpos>{265});

    // Punctuation around Latin words inside Han text.
    pos = positions(analyzer, "奧羅拉 (Aurora) 的");
    CHECK(pos["拉"] == std::vector<Xapian::termpos>{4});
    CHECK(pos["aurora"] == std::vector<Xapian::termpos>{6});
    CHECK(pos["的"] == std::vector<Xapian::termpos>{8});
}

TEST_CASE("text analyzer: a Simplified query finds Traditional text and the reverse") {
    TestIndex index({{"subscription", seed_line(25)},  // 訂閱服務收入為人民幣4,050萬元…
                     {"buyback", seed_line(57)},       // …股票回購計畫…
                     {"simplified", "订阅服务收入增长"}});
    CHECK(index.word("订阅服务") == Names{"subscription", "simplified"});
    CHECK(index.word("訂閱服務") == Names{"subscription", "simplified"});
    CHECK(index.word("回购") == Names{"buyback"});
    CHECK(index.word("回購計畫") == Names{"buyback"});
    CHECK(index.word("回购计划") == Names{"buyback"});
    CHECK(index.word("4,050萬元") == Names{"subscription"});
    CHECK(index.phrase("人民币4,050万元") == Names{"subscription"});
}

TEST_CASE("text analyzer: mixed Latin and Han runs match from both sides") {
    TestIndex index({{"touching", "接下來我來跟大家介紹一下我們海外EngageLab產品的最新狀況。"},
                     {"spaced", "我們的 EngageLab 產品很好"},
                     {"comma", "EngageLab，產品"},
                     {"han only", "這個產品"},
                     {"latin only", "Our EngageLab business"}});
    const struct {
        const char* query;
        Names expected;
    } cases[] = {
        {"EngageLab產品", {"touching", "spaced"}},
        {"engagelab产品", {"touching", "spaced"}},
        {"EngageLab", {"touching", "spaced", "comma", "latin only"}},
        {"產品", {"touching", "spaced", "comma", "han only"}},
        {"产品", {"touching", "spaced", "comma", "han only"}},
        {"海外EngageLab產品的", {"touching"}},
        {"們的", {"spaced"}},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        CHECK(index.word(c.query) == c.expected);
    }
    CHECK(index.phrase("EngageLab 產品") == Names{"touching", "spaced"});
}

TEST_CASE("text analyzer: Han phrases do not cross punctuation or spaces") {
    TestIndex index({{"joined", "第二季財報電話會議"}, {"comma", "財報，電話"}, {"space", "財報 電話"}});
    CHECK(index.word("財報電話") == Names{"joined"});
    CHECK(index.word("报电") == Names{"joined"});
    CHECK(index.word("電話") == Names{"joined", "comma", "space"});
    CHECK(index.word("电") == Names{"joined", "comma", "space"});
    // Punctuation inside a query widens the phrase window (documented slack).
    CHECK(index.word("財報，電話") == Names{"joined", "comma", "space"});
}

TEST_CASE("text analyzer: repeated characters need the repetition") {
    TestIndex index({{"twice", "謝謝你"}, {"once", "謝你"}, {"apart", "謝，謝"}});
    CHECK(index.word("谢谢") == Names{"twice"});
    CHECK(index.word("謝") == Names{"twice", "once", "apart"});
}

TEST_CASE("text analyzer: ICU words rank a whole-word match first") {
    // Both contain 产品 as a substring; ICU cuts the second as 生产|品质.
    TestIndex index({{"straddle", "生产品质很好"}, {"word", "新的产品很好"}});
    CHECK(index.ranked("产品") == std::vector<std::string>{"word", "straddle"});
}

TEST_CASE("text analyzer: to_simplified converts whole strings") {
    TextAnalyzer analyzer;
    CHECK(analyzer.to_simplified("財務長") == "财务长");
    CHECK(analyzer.to_simplified("股票回購計畫") == "股票回购计划");
    CHECK(analyzer.to_simplified("adjusted EBITDA") == "adjusted EBITDA");
}

TEST_CASE("text analyzer: movable") {
    TextAnalyzer first;
    TextAnalyzer second(std::move(first));
    CHECK(second.to_simplified("回購") == "回购");
    TextAnalyzer third;
    third = std::move(second);
    CHECK(third.to_simplified("財報") == "财报");
}

}  // TEST_SUITE

TEST_SUITE("analyze") {

TEST_CASE("text analyzer: among the forms of a stem, the form as typed ranks first") {
    // Same length, same other words: only the form of "tariff" differs.
    TestIndex index({{"plural", "The tariffs on steel imports rose again this quarter."},
                     {"singular", "The tariff on steel imports rose again this quarter."}});
    CHECK(index.ranked("tariffs") == std::vector<std::string>{"plural", "singular"});
    CHECK(index.ranked("tariff") == std::vector<std::string>{"singular", "plural"});
    CHECK(index.ranked("Tariffs") == std::vector<std::string>{"plural", "singular"});
    // Both forms still match: the bonus ranks, it never filters.
    CHECK(index.word("tariffs") == Names{"plural", "singular"});
}

TEST_CASE("text analyzer: without the bonus, the forms of a stem score alike") {
    TestIndex index({{"plural", "The tariffs on steel imports rose again this quarter."},
                     {"singular", "The tariff on steel imports rose again this quarter."}});
    index.analyzer.set_exact_form_weight(0);
    HighlightTerms ignored;
    const Xapian::Query q = index.analyzer.word_query("tariffs", ignored);
    CHECK(q.get_type() == Xapian::Query::OP_SYNONYM);
}

}  // TEST_SUITE
