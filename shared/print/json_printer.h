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
[[nodiscard]] std::string format_json_hit(const Hit& hit, const std::vector<Span>& highlights);

}  // namespace callsearch
