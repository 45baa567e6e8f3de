#pragma once
// The query language (README.md, "Query syntax"):
//   words            stemmed: repurchases finds "repurchasing"; all words must match
//   "a phrase"       exact words in order; a quoted single word is exact
//   AND OR NOT ( )   upper case; AND binds tighter than OR; juxtaposition is AND
//   -word  -"..."    must not match
//   a NEAR/n b       within n words of each other, any order (bare NEAR: n = 10)
//   a ADJ/n b        b after a, within n words (bare ADJ: n = 1); n is 1..255
//   SENTENCE(a b)    words and phrases all in one sentence (schema::kSentenceGap)
//   ~word  ~"a b"    the word or phrase or any member of its thesaurus groups
//   field:value      speaker: role: company: ticker: year: quarter: lang: section: call:
//                    (value bare or "quoted"); same as the searcher's options
// Chinese text (either script) matches as an exact substring of the paragraph.

#include <functional>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "query/filter_values.h"
#include "query/thesaurus.h"

namespace callsearch {

struct ParsedQuery {
    Xapian::Query query;
    analyze::HighlightTerms highlight;
};

struct QueryOptions {
    bool synonyms = false;  // --synonyms: every bare word as if written ~word
    // The groups for ~word and `synonyms`, asked for only when the query needs
    // them (loading a file costs more than most searches). Without one, such a
    // query is a QueryError.
    std::function<const Thesaurus&()> thesaurus;
};

// `filters` come from command-line options and are ANDed with the query.
// Throws QueryError with a message saying what is wrong.
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const std::vector<FilterSpec>& filters,
                                      analyze::TextAnalyzer& analyzer, const QueryOptions& options = {});

}  // namespace callsearch
