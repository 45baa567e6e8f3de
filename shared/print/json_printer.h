#pragma once
// JSON Lines output, one object per hit (README.md, "JSON output"). Field
// names are part of the interface scripts rely on: add, never rename.

#include <string>
#include <vector>

#include "match/matcher.h"
#include "print/highlighter.h"

namespace callsearch {

// One line of JSON, without the trailing newline. `highlights` are byte spans of
// the paragraph text, printed as [start, end) pairs.
// `question_highlights`: the asked: words in Question::matched; `answers`:
// print the field `answers` (--answers).
[[nodiscard]] std::string format_json_hit(const Hit& hit, const std::vector<Span>& highlights,
                                          const std::vector<Span>& question_highlights = {}, bool answers = false);

}  // namespace callsearch
