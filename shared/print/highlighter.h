#pragma once
// Finds where a query's terms occur in a paragraph, for printing.

#include <cstddef>
#include <string_view>
#include <vector>

#include "analyze/text_analyzer.h"

namespace callsearch {

struct Span {
    std::size_t begin = 0;  // byte offsets into the original (unnormalized) text
    std::size_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

// Sorted, non-overlapping byte spans of `text` to highlight. English words are
// compared by stem (Xapian English stemmer) or exactly; Han strings are found as
// substrings after Traditional->Simplified normalization of `text`, so a
// Simplified query highlights Traditional text.
[[nodiscard]] std::vector<Span> find_highlights(std::string_view text,
                                                const analyze::HighlightTerms& terms,
                                                analyze::TextAnalyzer& analyzer);

}  // namespace callsearch
