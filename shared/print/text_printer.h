#pragma once
// Output for people at a terminal: each hit as a header line (call, section),
// the speaker, the paragraph with matches highlighted and, when the paragraph
// has an aligned translation, the translation beneath it.

#include <string>
#include <vector>

#include "match/matcher.h"
#include "print/highlighter.h"

namespace callsearch {

struct TextStyle {
    bool color = false;  // ANSI colours; the caller decides (terminal, NO_COLOR, --color)
};

// The hit as printed, ending with a newline. Without colour, matches are
// marked with [ and ] so they still stand out when piped.
[[nodiscard]] std::string format_text_hit(const Hit& hit, const std::vector<Span>& text_highlights,
                                          const std::vector<Span>& translation_highlights, const TextStyle& style);

}  // namespace callsearch
