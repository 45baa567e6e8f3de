#include "analyze/chinese_normalizer.h"

#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace callsearch::analyze {

ChineseNormalizer::ChineseNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator_) {
        throw std::runtime_error(std::string("ICU Traditional-Simplified transform unavailable: ") +
                                 u_errorName(status));
    }
}

ChineseNormalizer::~ChineseNormalizer() = default;
ChineseNormalizer::ChineseNormalizer(ChineseNormalizer&&) noexcept = default;
ChineseNormalizer& ChineseNormalizer::operator=(ChineseNormalizer&&) noexcept = default;

std::string ChineseNormalizer::to_simplified(std::string_view text) {
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    transliterator_->transliterate(unicode);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

}  // namespace callsearch::analyze
