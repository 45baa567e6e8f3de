#pragma once
// Chinese word segmentation as ICU's dictionary-based word break iterator
// does it. Its words only feed ranking: the dictionary cuts many finance words
// into single characters and cuts the same text differently by context, so
// matching never depends on it (see text_analyzer.h).
//
// Text of unified ideographs alone (every Han run of a paragraph or query,
// nearly always) is cut here, from ICU's own dictionary, into the cheapest
// sequence of words: the cut ICU's engine makes, which its tests check over
// real transcripts. Building the engine itself costs more than a whole
// English search; it is built only for other text (Latin words, punctuation,
// iteration marks, compatibility ideographs).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "analyze/chinese_dictionary.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace callsearch::analyze {

// Holds per-text state: use one per thread.
class ChineseSegmenter {
public:
    ChineseSegmenter();  // throws std::runtime_error if ICU data is unavailable
    ~ChineseSegmenter();
    ChineseSegmenter(const ChineseSegmenter&) = delete;
    ChineseSegmenter& operator=(const ChineseSegmenter&) = delete;
    ChineseSegmenter(ChineseSegmenter&&) noexcept;
    ChineseSegmenter& operator=(ChineseSegmenter&&) noexcept;

    // The words of `text` in order (UTF-8), single characters included;
    // white space and punctuation segments are dropped.
    [[nodiscard]] std::vector<std::string> segment(std::string_view text);

    // The same through ICU's break iterator whatever the text: the reference
    // the dictionary path is tested against.
    [[nodiscard]] std::vector<std::string> segment_with_break_iterator(std::string_view text);

private:
    // Decodes `text` into code_points_ and offsets_; false (and stops) at the
    // first character that is not a unified ideograph.
    [[nodiscard]] bool read_ideographs(std::string_view text);
    [[nodiscard]] std::vector<std::string> cheapest_words(std::string_view text);

    std::unique_ptr<ChineseDictionary> dictionary_;
    std::unique_ptr<icu::BreakIterator> iterator_;  // built on first use
    icu::UnicodeString text_;                       // the iterator aliases the text it walks, so it lives here

    // Buffers of the dictionary path, kept between texts.
    std::u32string code_points_;
    std::vector<std::size_t> offsets_;  // byte offset of each code point, and the end
    std::vector<std::uint32_t> cost_;   // cheapest cut of the first i code points
    std::vector<std::size_t> from_;     // where its last word starts
    std::vector<ChineseDictionary::Word> prefixes_;
};

}  // namespace callsearch::analyze
