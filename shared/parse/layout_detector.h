#pragma once
// Which of the two known layouts a text is in, from its marks:
// - Motley Fool: logo / "Image source: The Motley Fool" lines, section
//   headings, the "Call participants:" list, "Name -- Title" speaker lines;
// - Bilingual: speaker lines repeated on the next line, with Chinese lines.

#include <optional>
#include <string_view>

#include "model/transcript.h"

namespace callsearch {

// nullopt when the text has the marks of neither layout: the caller then
// reads it with the layout-independent reader (parse/marked_parser.h). Page
// marks win over speaker lines: a Motley Fool page quoting a Chinese line is
// still a Motley Fool page, unless its speaker lines are all of the scraped
// "Name--Title" form that the layout-independent reader takes.
[[nodiscard]] std::optional<Layout> detect_layout(std::string_view text);

}  // namespace callsearch
