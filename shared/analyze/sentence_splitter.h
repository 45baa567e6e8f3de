#pragma once
// Where sentences end, for the position gap the analyzer leaves between them
// (analyze/text_analyzer.h): the index knows sentence boundaries only through
// that gap, which is what SENTENCE(...) queries rely on.

#include <string_view>
#include <vector>

namespace callsearch::analyze {

// The sentences of `text`, in order, covering it entirely (white space after a
// sentence end stays with the sentence before). A sentence ends at '.', '!' or
// '?' followed by white space or the end of the text (with any closing quotes
// or brackets), unless the '.' ends a common abbreviation ("Mr.", "Inc.",
// "U.S.", single initials), and at every 。！？ (which need no space after
// them). Decimal points and dots inside words ("3.5", "fool.com") end nothing.
[[nodiscard]] std::vector<std::string_view> split_sentences(std::string_view text);

}  // namespace callsearch::analyze
