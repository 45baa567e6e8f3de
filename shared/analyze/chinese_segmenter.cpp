#include "analyze/chinese_segmenter.h"

#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace callsearch::analyze {

ChineseSegmenter::ChineseSegmenter() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !iterator_) {
        throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                                 u_errorName(status));
    }
}

ChineseSegmenter::~ChineseSegmenter() = default;
ChineseSegmenter::ChineseSegmenter(ChineseSegmenter&&) noexcept = default;
ChineseSegmenter& ChineseSegmenter::operator=(ChineseSegmenter&&) noexcept = default;

std::vector<std::string> ChineseSegmenter::segment(std::string_view text) {
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
