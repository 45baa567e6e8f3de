#pragma once
// "Did you mean": for a search that found nothing, the words the index holds
// nearest to the query's unknown words and to --speaker / --company values.

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "match/index_parts.h"
#include "query/filter_values.h"

namespace callsearch {

struct Suggestion {
    std::string field;                 // "query", "asked" (asked: and --asked words), "speaker" or "company"
    std::string word;                  // as the user wrote it (lower-cased)
    std::vector<std::string> nearest;  // best first, at most 3
};

// Only words the index does not hold (in any form of their stem) get
// suggestions: at most 1 edit away for words under 6 letters, 2 beyond,
// nearest first, then the most frequent. Operators, field names and inline
// field values are not query words, except those of asked:, which are
// searched (in the question) too, as are the words of `asked` (--asked).
[[nodiscard]] std::vector<Suggestion> spelling_suggestions(const Xapian::Database& db, std::string_view query,
                                                           const std::vector<FilterSpec>& filters,
                                                           std::string_view asked = {});
// The same for an index in parts (local or remote). Remote parts are asked at
// once, each for its own terms, rather than in turn through the combined database.
[[nodiscard]] std::vector<Suggestion> spelling_suggestions(const IndexParts& parts, std::string_view query,
                                                           const std::vector<FilterSpec>& filters,
                                                           std::string_view asked = {});

}  // namespace callsearch
