#pragma once
// Output for people at a terminal: each hit as a header line (call, section),
// the speaker, the snippet of the passage (or all of it) with matches
// highlighted and, when the paragraph has an aligned translation, the
// translation beneath it; text wrapped at word boundaries and indented under
// the header.

#include <cstddef>
#include <string>
#include <vector>

#include "match/matcher.h"
#include "print/highlighter.h"

namespace callsearch {

struct TextStyle {
    bool color = false;  // ANSI colours; the caller decides (terminal, NO_COLOR, --color)
    std::size_t width = 0;  // wrap lines at word boundaries to this many columns; 0 = never
    bool full = false;      // the whole passage rather than its snippet (print/snippet.h)
    bool answers = false;   // --answers: a question's answers beneath it (Hit::answers)
};

// The hit as printed, ending with a newline. Without colour, matches are
// marked with [ and ] so they still stand out when piped. `question_highlights`:
// the asked: words in the question's matched passage (Question::matched);
// `question_as_above`: the previous hit showed the same question, so only
// who asked it is repeated.
[[nodiscard]] std::string format_text_hit(const Hit& hit, const std::vector<Span>& text_highlights,
                                          const std::vector<Span>& translation_highlights, const TextStyle& style,
                                          const std::vector<Span>& question_highlights = {},
                                          bool question_as_above = false);

}  // namespace callsearch
