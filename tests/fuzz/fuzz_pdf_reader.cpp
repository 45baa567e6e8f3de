// libFuzzer target for the PDF path. Input that looks like a PDF goes through
// read_pdf_pages (poppler in its forked child, with short limits) and then
// join_pdf_pages; anything else is taken as page texts separated by form
// feeds and goes to join_pdf_pages alone, so that the page clean-up, which is
// our code, is fuzzed at full speed. Only InputError is expected.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "read/pdf_pages.h"
#include "read/pdf_reader.h"
#include "read/source_file.h"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void check_joined(const std::vector<std::string>& pages) {
    const callsearch::PdfPagesText out = callsearch::join_pdf_pages(pages);
    check(out.text.find('\f') == std::string::npos);
    check(out.text.find('\r') == std::string::npos);
    check(out.text.empty() || out.text.back() == '\n');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
        callsearch::PdfLimits limits;
        limits.time = std::chrono::milliseconds(3000);
        limits.memory_mib = 512;
        try {
            const std::vector<std::string> pages = callsearch::read_pdf_pages(bytes, limits);
            for (const std::string& page : pages) check(callsearch::find_invalid_utf8(page) == std::string_view::npos);
            check_joined(pages);
        } catch (const callsearch::InputError&) {
        }
        return 0;
    }
    std::vector<std::string> pages(1);
    for (const char c : bytes) {
        if (c == '\f') {
            pages.emplace_back();
        } else {
            pages.back() += c;
        }
    }
    check_joined(pages);
    return 0;
}
