#pragma once
// A passage that matches only through the words its paragraph's other
// passages hold (schema/index_schema.h) scores 0: it is not a hit, the
// passages that hold the words are. Such passages are dropped by a weight
// cut-off, which is safe only when every true match scores above 0, that is
// when the query ranks by some free-text word (a query of filters alone, or
// `NOT word` alone, scores every match 0).

#include <xapian.h>

namespace callsearch {

// True when a match of `query` must contain one of its free-text terms
// (outside NOT and filters) in the passage's own text.
[[nodiscard]] bool ranks_by_words(const Xapian::Query& query);

// Sets the cut-off on `enquire` (weighted by a scheme that gives a term of
// wdf 0 no weight, as BM25 and DPH do) when ranks_by_words(query).
void drop_passages_without_words(Xapian::Enquire& enquire, const Xapian::Query& query);

}  // namespace callsearch
