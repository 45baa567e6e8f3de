#include "match/proximity.h"

#include <algorithm>
#include <cmath>

#include "schema/index_schema.h"

namespace callsearch {

namespace {

// Pairs grow with the square of the words; a query of more words than this is
// a pasted sentence (or a long Han phrase, one term per character), where
// BM25 alone is the better bet and the pairs would cost more than the match.
constexpr std::size_t kMaxGroups = 8;

void collect_terms(const Xapian::Query& q, std::vector<std::string>& out) {
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) {
        if (schema::is_free_text_term(*it)) out.push_back(*it);
    }
}

void collect_groups(const Xapian::Query& q, std::vector<std::vector<std::string>>& out) {
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
        std::vector<std::string> terms;
        collect_terms(q, terms);
        if (!terms.empty()) out.push_back(std::move(terms));
        return;
    }
    case Xapian::Query::OP_SYNONYM: {
        std::vector<std::string> terms;
        collect_terms(q, terms);
        if (!terms.empty()) out.push_back(std::move(terms));
        return;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
        // Only the left side contributes words a hit contains and ranks by.
        if (q.get_num_subqueries() > 0) collect_groups(q.get_subquery(0), out);
        return;
    default:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect_groups(q.get_subquery(i), out);
    }
}

double idf(const Xapian::Database& db, const std::vector<std::string>& terms) {
    const double n = static_cast<double>(db.get_doccount());
    double df = 0;
    for (const std::string& t : terms) df += db.get_termfreq(t);
    df = std::min(df, n);
    // As Xapian's BM25 does: the textbook ratio, kept above 1 for common words.
    double ratio = (n - df + 0.5) / (df + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    return std::log(ratio);
}

// Sum of 1/d² over occurrence pairs of a and b at distance 1..kProximityWindow.
double pair_closeness(const std::vector<Xapian::termpos>& a, const std::vector<Xapian::termpos>& b) {
    double sum = 0;
    std::size_t from = 0;
    for (const Xapian::termpos p : a) {
        while (from < b.size() && b[from] + kProximityWindow < p) ++from;
        for (std::size_t k = from; k < b.size() && b[k] <= p + kProximityWindow; ++k) {
            if (b[k] == p) continue;
            const double d = b[k] > p ? b[k] - p : p - b[k];
            sum += 1.0 / (d * d);
        }
    }
    return sum;
}

}  // namespace

std::vector<ProximityGroup> proximity_groups(const Xapian::Query& query, const Xapian::Database& db) {
    std::vector<std::vector<std::string>> terms;
    collect_groups(query, terms);
    for (auto& t : terms) std::sort(t.begin(), t.end());
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    // A word's form as typed, boosted beside all its forms (analyze/
    // text_analyzer.h), is the same word, not a second one to pair with.
    const auto within_another = [&](const std::vector<std::string>& g) {
        return std::any_of(terms.begin(), terms.end(), [&](const std::vector<std::string>& other) {
            return &other != &g && other.size() > g.size() &&
                   std::includes(other.begin(), other.end(), g.begin(), g.end());
        });
    };
    std::vector<std::vector<std::string>> distinct;
    for (const auto& g : terms) {
        if (!within_another(g)) distinct.push_back(g);
    }
    terms = std::move(distinct);
    if (terms.size() < 2 || terms.size() > kMaxGroups) return {};
    std::vector<ProximityGroup> groups;
    for (auto& t : terms) {
        const double w = idf(db, t);
        groups.push_back({std::move(t), w});
    }
    return groups;
}

std::vector<std::vector<Xapian::termpos>> group_positions(const Xapian::Database& db, Xapian::docid did,
                                                          const std::vector<ProximityGroup>& groups) {
    std::vector<std::vector<Xapian::termpos>> out(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const std::string& term : groups[g].terms) {
            for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
                out[g].push_back(*p);
            }
        }
        if (groups[g].terms.size() > 1) std::sort(out[g].begin(), out[g].end());
    }
    return out;
}

double proximity_score(const std::vector<ProximityGroup>& groups,
                       const std::vector<std::vector<Xapian::termpos>>& positions, double length_ratio,
                       const ProximityParams& params) {
    const double k = params.k1 * ((1 - params.b) + params.b * std::max(length_ratio, 0.5));
    double score = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        for (std::size_t j = i + 1; j < groups.size(); ++j) {
            const double close = pair_closeness(positions[i], positions[j]);
            if (close == 0) continue;
            score += std::min(groups[i].idf, groups[j].idf) * (params.k1 + 1) * close / (k + close);
        }
    }
    return params.weight * score;
}

}  // namespace callsearch
