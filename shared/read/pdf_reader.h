#pragma once
// A PDF's bytes -> the text of each page, in reading order, through poppler.
//
// Poppler runs in a forked child process, never in the indexer itself: a
// hostile PDF (a decompression bomb, a huge object, thousands of pages, a
// parser bug) can then cost at most the child's limits below, and a crash or
// a hang ends the child, not the run. The parent never calls poppler, so the
// child starts from poppler's pristine state even though the parent has
// other threads; it exits with _exit and so runs none of the parent's
// clean-up. Page texts come back over a pipe.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

struct PdfLimits {
    std::chrono::milliseconds time{30'000};  // wall clock for the whole file (CPU limit likewise)
    std::size_t memory_mib = 1024;           // the child's data segment (not set under sanitizers)
    std::size_t max_pages = 2'000;           // transcripts have tens of pages
    std::size_t max_text_bytes = 16u << 20;  // text of all pages together
};

// Throws InputError naming the reason: not a PDF poppler can open (damaged),
// encrypted (needs a password), too many pages, too much text, no text layer
// at all (scanned images), took too long, or the extraction crashed.
[[nodiscard]] std::vector<std::string> read_pdf_pages(std::string_view bytes, const PdfLimits& limits = {});

}  // namespace callsearch
