#pragma once
// The text of a PDF's pages (one string per page, lines in reading order) ->
// one text, with what a printed page adds taken out again:
// - lines that repeat at the top or bottom of most pages (running headers and
//   footers, copyright lines, "Page 3 of 20", lone page numbers, Bloomberg's
//   per-page header block), compared with digits ignored, are dropped where
//   they stand at a page's edge (a run of such lines from the top or bottom),
//   except at the top of the first page with text, which often holds the only
//   copy of the company, call and date;
// - a sentence that a page break cut is joined again (no blank line between
//   the pages' lines unless the first page's text ended a sentence);
// - ligatures (U+FB00-FB06) are expanded, soft hyphens removed, form feeds and
//   non-breaking spaces made plain.

#include <cstddef>
#include <string>
#include <vector>

namespace callsearch {

struct PdfPagesText {
    std::string text;
    std::size_t dropped_lines = 0;             // repeated header/footer lines taken out
    std::vector<std::string> dropped_samples;  // a few of them, as they were
};

// A line is a page edge line when it stands within this many non-blank lines
// of the top or bottom of the page (Bloomberg's block is 15 lines).
inline constexpr std::size_t kPageEdgeLines = 20;

[[nodiscard]] PdfPagesText join_pdf_pages(const std::vector<std::string>& pages);

}  // namespace callsearch
