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
//   asked:word  asked:"a phrase"  asked:~word
//                    answers whose analyst question matches (as --asked does);
//                    applies to the whole query: not inside ( ), OR or NOT
// Chinese text (either script) matches as an exact substring of the paragraph.

#include <functional>
#include <optional>
#include <string>
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
    // What the analyst question an answer replies to must match (asked:,
    // --asked), over question passages; resolved into answers by the matcher
    // (match/exchanges.h). None: no such restriction.
    std::optional<Xapian::Query> asked;
    analyze::HighlightTerms asked_highlight;  // for the question shown above a hit
    bool has_text = true;  // false: only filters (and asked) restrict, nothing ranks
};

struct QueryOptions {
    bool synonyms = false;  // --synonyms: every bare word as if written ~word
    // The groups for ~word and `synonyms`, asked for only when the query needs
    // them (loading a file costs more than most searches). Without one, such a
    // query is a QueryError.
    std::function<const Thesaurus&()> thesaurus;
    // --asked WORDS: as if the query held asked:(WORDS); the query syntax
    // without filters. Empty: none.
    std::optional<std::string> asked = std::nullopt;
};

// `filters` come from command-line options and are ANDed with the query.
// Throws QueryError with a message saying what is wrong.
[[nodiscard]] ParsedQuery parse_query(std::string_view text, const std::vector<FilterSpec>& filters,
                                      analyze::TextAnalyzer& analyzer, const QueryOptions& options = {});

}  // namespace callsearch
