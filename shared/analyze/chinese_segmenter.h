#pragma once
// Chinese word segmentation with ICU's dictionary-based word break iterator.
// Its words only feed ranking: the dictionary cuts many finance words into
// single characters and cuts the same text differently by context, so matching
// never depends on it (see text_analyzer.h).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>
#include <unicode/utypes.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace callsearch::analyze {

// Owns an ICU break iterator, which holds per-text state: use one per thread.
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

private:
    std::unique_ptr<icu::BreakIterator> iterator_;
    icu::UnicodeString text_;  // the iterator aliases the text it walks, so it lives here
};

}  // namespace callsearch::analyze
