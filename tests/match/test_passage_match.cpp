// Which queries may drop passages that match by their paragraph's other words
// alone (a weight of 0), and that the drop keeps every passage that holds one.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "match/passage_match.h"
#include "query/filter_values.h"
#include "query/query_parser.h"
#include "support/scratch_index.h"

using namespace callsearch;

namespace {

// Seed 003, line 232 (an analyst's question of 152 words), as the indexer
// cuts it: two passages, each also holding the other's words with wdf 0.
struct CutParagraph {
    test_support::ScratchIndex index;
    analyze::TextAnalyzer analyzer;
    CutParagraph() {
        const char* passages[] = {
            "I'm wondering if you guys have any analysis on a cohort kind of basis.",
            "What are the typical SaaS metrics you look at?",
        };
        std::vector<Xapian::Document> docs(2);
        for (int k = 0; k < 2; ++k) analyzer.index_text(docs[k], passages[k]);
        std::vector<std::string> first(docs[0].termlist_begin(), docs[0].termlist_end());
        std::vector<std::string> second(docs[1].termlist_begin(), docs[1].termlist_end());
        for (const auto& t : second) docs[0].add_term(t, 0);
        for (const auto& t : first) docs[1].add_term(t, 0);
        for (const auto& d : docs) index.add(d);
        index.expand_stems_for(analyzer);
    }

    std::vector<Xapian::docid> hits(std::string_view text) {
        const Xapian::Query query = parse_query(text, {}, analyzer).query;
        Xapian::Enquire enquire(index.db);
        enquire.set_query(query);
        drop_passages_without_words(enquire, query);
        std::vector<Xapian::docid> out;
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
        return out;
    }
};

}  // namespace

TEST_SUITE("match") {

TEST_CASE("a query ranks by words when every match must hold one of its free-text words") {
    CutParagraph p;
    const std::vector<FilterSpec> cfo = {{Field::Role, "cfo"}};
    struct Case {
        std::string query;
        std::vector<FilterSpec> filters;
        bool ranks;
    };
    const std::vector<Case> cases = {
        {"cohort", {}, true},
        {"typical saas metrics", {}, true},
        {"\"saas metrics\"", {}, true},
        {"cohort NEAR/5 basis", {}, true},
        {"SENTENCE(cohort basis)", {}, true},
        {"cohort OR saas", {}, true},
        {"cohort -tariffs", {}, true},
        {"cohort", cfo, true},
        {"role:cfo cohort", {}, true},
        {"订阅服务", {}, true},
        // Filters alone, or a NOT alone, score every match 0.
        {"", cfo, false},
        {"role:cfo", {}, false},
        {"NOT cohort", {}, false},
        {"-cohort", cfo, false},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        CHECK(ranks_by_words(parse_query(c.query, c.filters, p.analyzer).query) == c.ranks);
    }
    // What only may match does not make a match rank.
    const Xapian::Query role("XRcfo"), word("cohort");
    CHECK_FALSE(ranks_by_words(Xapian::Query(Xapian::Query::OP_AND_MAYBE, role, word)));
    CHECK(ranks_by_words(Xapian::Query(Xapian::Query::OP_AND_MAYBE, word, role)));
    CHECK_FALSE(ranks_by_words(Xapian::Query(Xapian::Query::OP_OR, word, role)));
}

TEST_CASE("a passage that holds none of the words is dropped; the passages that hold them stay") {
    CutParagraph p;
    CHECK(p.hits("cohort") == std::vector<Xapian::docid>{1});
    CHECK(p.hits("saas") == std::vector<Xapian::docid>{2});
    // One word in each passage: both match, each by its own word.
    CHECK(p.hits("cohort saas").size() == 2);
    // Positions are the passage's own: no phrase spans the two, even to the
    // first word of a passage (schema/index_schema.h, and text_analyzer.cpp).
    CHECK(p.hits("\"basis what\"").empty());
    CHECK(p.hits("\"saas cohort\"").empty());
    CHECK(p.hits("basis NEAR/3 what").empty());
    // Without words to rank by, nothing is dropped.
    CHECK(p.hits("NOT tariffs").size() == 2);
}

}
