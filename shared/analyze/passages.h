#pragma once
// Over-long paragraphs cut into passages at sentence ends, so that a hit is a
// stretch a reader can take in (prepared remarks without paragraph breaks run
// to thousands of words) and BM25 compares stretches of like length.
//
// A sentence ends at '.', '!' or '?' (after any closing quotes or brackets)
// followed by white space and then an upper-case letter, a digit, or an
// opening quote or bracket. Not at the dot of an abbreviation: initials and
// dotted abbreviations ("U.S.", "e.g."), titles and company suffixes ("Mr.",
// "Inc."), quarter and half-year names ("Q2.", "H1."); nor inside a number
// ("4.5%", "$1.2"), where no space follows.

#include <cstddef>
#include <string_view>
#include <vector>

namespace callsearch::analyze {

// A paragraph of more words than this is split into passages.
inline constexpr std::size_t kMaxPassageWords = 150;

struct TextRange {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Byte offsets just past each sentence end of `text` (after the closing
// punctuation), in order; the end of the text is not included.
[[nodiscard]] std::vector<std::size_t> sentence_ends(std::string_view text);

// The passages of a paragraph, in order, covering it without overlap (white
// space between passages belongs to neither). A paragraph of at most
// kMaxPassageWords words is one passage. Otherwise it becomes as many
// passages as the limit requires, of like length: whole sentences are packed
// until a passage reaches its share of the words (never past the limit). A
// sentence longer than twice the limit on its own (an API dump without
// punctuation) is cut between words.
[[nodiscard]] std::vector<TextRange> split_passages(std::string_view text);

}  // namespace callsearch::analyze
