#pragma once
// A saved web page -> the text of its article, through libxml2's HTML parser
// (forgiving, as browsers are, and decoding entities and charsets).
//
// - The article is the element whose own <p> children hold the most text,
//   when it holds at least half of the page's paragraph text; else the whole
//   <body>.
// - Dropped, with everything inside: scripts, styles, forms, <nav>, <header>,
//   <footer>, <aside>, iframes and media; hidden elements (the hidden
//   attribute, aria-hidden="true", display:none / visibility:hidden); ads and
//   page chrome by class or id (ad, ads, dfp-*, sponsor*, promo*, related*,
//   share*, social*, newsletter*, cookie*, sidebar*, breadcrumb*, comments).
// - Charset: a page in valid UTF-8 is read as UTF-8; otherwise as its
//   declaration says, or as Windows-1252 when it declares none; bytes that
//   are still invalid become U+FFFD.
// - Block structure kept: each <p>, heading, <li>, <tr>, <div> or <br> starts
//   a line, a blank line between paragraphs and around headings; white space
//   inside a block collapsed; non-breaking spaces become spaces.
// - Speaker evidence kept: a short one-line block that opens with <strong> or
//   <b> (fool.com's "<strong>Name</strong> -- <em>Title</em>", "<strong>Operator</strong>")
//   gets two blank lines before it, as the Motley Fool text layout has.

#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

struct HtmlText {
    std::string text;                  // UTF-8, '\n' line ends
    std::vector<std::string> dropped;  // what was left out, e.g. "34 scripts and styles"
};

// Throws InputError when the page holds no text.
[[nodiscard]] HtmlText read_html_text(std::string_view bytes);

}  // namespace callsearch
