#pragma once
// Traditional -> Simplified Chinese, so that text in either script indexes to
// the same terms and a query in one script finds the other.
//
// The conversion is ICU's "Traditional-Simplified" transform, compiled in as a
// table (analyze/simplified_table.h) so that no transliterator is built at
// run time. It is not purely character by character: it has phrase rules
// (計畫 -> 计划 while 畫 alone -> 画). Normalize a whole paragraph or query at
// once, never piecewise, when the result must agree with another
// normalization of the same text.

#include <string>
#include <string_view>

namespace callsearch::analyze {

// UTF-8 in, UTF-8 out, as many characters out as in; text the transform does
// not touch passes through unchanged (malformed bytes become U+FFFD, as
// ICU's UTF-8 conversion made them). Thread-safe: the table is constant.
[[nodiscard]] std::string to_simplified(std::string_view text);

}  // namespace callsearch::analyze
