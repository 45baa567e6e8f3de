#pragma once
// The part of a hit a reader needs to see: the sentences holding its matches,
// with what lies between and around them left out as "…". A short text is
// its own snippet.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "print/highlighter.h"

namespace callsearch {

// About how many words a snippet holds: a few lines of a terminal.
inline constexpr std::size_t kSnippetWords = 60;

struct Snippet {
    std::string text;
    std::vector<Span> highlights;  // byte spans of `text`
    friend bool operator==(const Snippet&, const Snippet&) = default;
};

// `highlights` are sorted, non-overlapping spans of `text` (find_highlights).
// Sentences with matches are taken in order while they fit kSnippetWords (the
// first always); with no match, the text's first sentences. A sentence too long
// on its own is cut to the words around its first match.
[[nodiscard]] Snippet make_snippet(std::string_view text, const std::vector<Span>& highlights);

// Matches separated only by white space become one span, so that a phrase
// reads as one highlighted stretch.
[[nodiscard]] std::vector<Span> join_adjacent(std::string_view text, const std::vector<Span>& highlights);

}  // namespace callsearch
