#pragma once
// The query language (README.md, "Query syntax"):
//   words            stemmed: repurchases finds "repurchasing"; all words must match
//   "a phrase"       exact words in order; a quoted single word is exact
//   AND OR NOT ( )   upper case; AND binds tighter than OR; juxtaposition is AND
//   -word  -"..."    must not match
//   field:value      speaker: role: company: ticker: year: quarter: lang: section: call:
//                    (value bare or "quoted"); same as the searcher's options
// Chinese text (either script) matches as an exact substring of the paragraph.

#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "query/filter_values.h"

namespace callsearch {

struct ParsedQuery {
    Xapian::Query query;
    analyze::HighlightTerms highlight;
};

// `filters` come from command-line options and are ANDed with the query.
// Throws QueryError with a message saying what is wrong.
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const std::vector<FilterSpec>& filters,
                                      analyze::TextAnalyzer& analyzer);

}  // namespace callsearch
