#include "analyze/chinese_segmenter.h"

#include <limits>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analyze/script.h"

namespace callsearch::analyze {

namespace {

// What ICU's engine charges for a character the dictionary does not hold as a
// word by itself: above every cost the dictionary gives (27..251 in ICU 72).
constexpr std::uint32_t kUnknownCharacterCost = 255;

}  // namespace

ChineseSegmenter::ChineseSegmenter() : dictionary_(std::make_unique<ChineseDictionary>()) {}

ChineseSegmenter::~ChineseSegmenter() = default;
ChineseSegmenter::ChineseSegmenter(ChineseSegmenter&&) noexcept = default;
ChineseSegmenter& ChineseSegmenter::operator=(ChineseSegmenter&&) noexcept = default;

std::vector<std::string> ChineseSegmenter::segment(std::string_view text) {
    return read_ideographs(text) ? cheapest_words(text) : segment_with_break_iterator(text);
}

// Unified ideographs are the characters ICU's word rules hand to its
// dictionary engine as one range, unchanged by the engine's NFKC step.
bool ChineseSegmenter::read_ideographs(std::string_view text) {
    code_points_.clear();
    offsets_.clear();
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint cp = decode_utf8(text, at);
        if (!u_hasBinaryProperty(static_cast<UChar32>(cp.value), UCHAR_UNIFIED_IDEOGRAPH)) return false;
        code_points_.push_back(cp.value);
        offsets_.push_back(at);
        at += cp.size;
    }
    offsets_.push_back(text.size());
    return true;
}

// The cut whose words' costs sum lowest; of equal sums, the one whose last
// word starts first, as in ICU's engine, which relaxes the same edges in the
// same order.
std::vector<std::string> ChineseSegmenter::cheapest_words(std::string_view text) {
    const std::size_t n = code_points_.size();
    cost_.assign(n + 1, std::numeric_limits<std::uint32_t>::max());
    from_.assign(n + 1, 0);
    cost_[0] = 0;
    const auto relax = [this](std::size_t start, std::size_t length, std::uint32_t cost) {
        const std::uint32_t total = cost_[start] + cost;
        if (total < cost_[start + length]) {
            cost_[start + length] = total;
            from_[start + length] = start;
        }
    };
    const std::u32string_view all(code_points_);
    for (std::size_t i = 0; i < n; ++i) {  // every i is reached: any character can stand alone
        dictionary_->prefixes(all.substr(i), prefixes_);
        if (prefixes_.empty() || prefixes_.front().length != 1) relax(i, 1, kUnknownCharacterCost);
        for (const ChineseDictionary::Word& word : prefixes_) {
            relax(i, word.length, static_cast<std::uint32_t>(word.cost));
        }
    }
    std::vector<std::size_t> ends;
    for (std::size_t end = n; end > 0; end = from_[end]) ends.push_back(end);
    std::vector<std::string> words;
    words.reserve(ends.size());
    std::size_t start = 0;
    for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
        words.emplace_back(text.substr(offsets_[start], offsets_[*it] - offsets_[start]));
        start = *it;
    }
    return words;
}

std::vector<std::string> ChineseSegmenter::segment_with_break_iterator(std::string_view text) {
    if (!iterator_) {
        UErrorCode status = U_ZERO_ERROR;
        iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status) || !iterator_) {
            iterator_.reset();
            throw std::runtime_error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
        }
    }
    text_ = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    iterator_->setText(text_);
    std::vector<std::string> words;
    int32_t start = iterator_->first();
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator_->next()) {
        if (iterator_->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation
        std::string word;
        text_.tempSubStringBetween(start, end).toUTF8String(word);
        words.push_back(std::move(word));
    }
    return words;
}

}  // namespace callsearch::analyze
