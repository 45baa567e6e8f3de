#include "match/passage_match.h"

#include "schema/index_schema.h"

namespace callsearch {

bool ranks_by_words(const Xapian::Query& query) {
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
        const auto term = query.get_terms_begin();
        return term != query.get_terms_end() && schema::is_free_text_term(*term);
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_MAYBE:
        // A match must match the first part only: what is excluded or
        // filtered on never weighs, and what may match need not.
        return query.get_num_subqueries() > 0 && ranks_by_words(query.get_subquery(0));
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_SCALE_WEIGHT:
        // A match matches every part.
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            if (ranks_by_words(query.get_subquery(i))) return true;
        }
        return false;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_MAX:
        // A match may match any one part: each must rank by words.
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            if (!ranks_by_words(query.get_subquery(i))) return false;
        }
        return query.get_num_subqueries() > 0;
    default:
        return false;  // MatchAll, value ranges, wildcards, MatchNothing
    }
}

void drop_passages_without_words(Xapian::Enquire& enquire, const Xapian::Query& query) {
    // Any weight a word in the passage's own text earns is far above this.
    constexpr double kMinWeight = 1e-9;
    if (ranks_by_words(query)) enquire.set_cutoff(0, kMinWeight);
}

void weigh_for_counting(Xapian::Enquire& enquire, const Xapian::Query& query) {
    if (ranks_by_words(query)) {
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        drop_passages_without_words(enquire, query);
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
}

}  // namespace callsearch
