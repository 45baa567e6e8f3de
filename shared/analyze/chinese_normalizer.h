#pragma once
// Traditional -> Simplified Chinese, so that text in either script indexes to
// the same terms and a query in one script finds the other.
//
// ICU's "Traditional-Simplified" transform is not purely character by
// character: it has phrase rules (計畫 -> 计划 while 畫 alone -> 画). Normalize a
// whole paragraph or query at once, never piecewise, when the result must agree
// with another normalization of the same text.

#include <memory>
#include <string>
#include <string_view>

#include <unicode/utypes.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace callsearch::analyze {

// Owns an ICU transliterator, which is not safe to share between threads: use
// one per thread.
class ChineseNormalizer {
public:
    ChineseNormalizer();  // throws std::runtime_error if ICU lacks the transform
    ~ChineseNormalizer();
    ChineseNormalizer(const ChineseNormalizer&) = delete;
    ChineseNormalizer& operator=(const ChineseNormalizer&) = delete;
    ChineseNormalizer(ChineseNormalizer&&) noexcept;
    ChineseNormalizer& operator=(ChineseNormalizer&&) noexcept;

    // UTF-8 in, UTF-8 out; non-Han text passes through unchanged.
    [[nodiscard]] std::string to_simplified(std::string_view text);

private:
    std::unique_ptr<icu::Transliterator> transliterator_;
};

}  // namespace callsearch::analyze
