#pragma once
// A second pass over the best BM25 hits: hits whose query words stand close
// together (or form the phrase) move up. BM25 sees a paragraph as a bag of
// words; "supply chain" spoken as one expression and "supply" and "chain" in
// unrelated sentences of a long answer score alike. The boost follows BM25TP
// (Rasolofo & Savoy, 2003): each pair of query words earns, from its
// occurrences at most kProximityWindow positions apart, the sum of 1/distance²,
// saturated and length-normalised like a BM25 term frequency and weighted by
// the rarer word's IDF, so that it is on the scale of the BM25 score it is
// added to.

#include <string>
#include <vector>

#include <xapian.h>

namespace callsearch {

inline constexpr Xapian::termpos kProximityWindow = 5;

// One query word as the index sees it: a word, or the forms of a stem (OP_SYNONYM).
struct ProximityGroup {
    std::vector<std::string> terms;
    double idf = 0;
};

// The positive free-text words of a query (not filters, not what NOT
// excludes), each once; empty when proximity cannot matter (fewer than two
// words, or too many to pair cheaply).
[[nodiscard]] std::vector<ProximityGroup> proximity_groups(const Xapian::Query& query, const Xapian::Database& db);

// Positions (sorted) of each group in one document; a group absent from it has none.
[[nodiscard]] std::vector<std::vector<Xapian::termpos>> group_positions(const Xapian::Database& db, Xapian::docid did,
                                                                        const std::vector<ProximityGroup>& groups);

struct ProximityParams {
    double k1 = 1.2;
    double b = 0.75;
    double weight = 1.0;
};

// The boost for a document with these positions and this length.
[[nodiscard]] double proximity_score(const std::vector<ProximityGroup>& groups,
                                     const std::vector<std::vector<Xapian::termpos>>& positions,
                                     double length_ratio, const ProximityParams& params);

}  // namespace callsearch
