#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "read/pdf_reader.h"
#include "read/source_file.h"
#include "support/pdf_bomb.h"
#include "support/pdf_maker.h"

using namespace callsearch;
using namespace test_support;

namespace {

std::string refusal(const std::string& bytes, const PdfLimits& limits = {}) {
    try {
        (void)read_pdf_pages(bytes, limits);
    } catch (const InputError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("pdf reader: the text of each page, in reading order") {
    const std::string pdf = make_pdf({text_content({"Operator", "Good morning, and welcome to the call."}),
                                      text_content({"Jane Doe -- Chief Financial Officer", "Revenue grew 5%."})});
    const auto pages = read_pdf_pages(pdf);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].find("Operator\nGood morning, and welcome to the call.") != std::string::npos);
    CHECK(pages[1].find("Revenue grew 5%.") != std::string::npos);
}

TEST_CASE("pdf reader: damaged, truncated, encrypted and image-only files are refused with the reason") {
    const std::string good = make_pdf({text_content({"Operator", "Welcome."})});
    CHECK(refusal("%PDF-1.4\n1 0 obj\n<< /Type").find("damaged PDF") == 0);
    CHECK(refusal(good.substr(0, 40)).find("damaged PDF") == 0);
    CHECK(refusal(make_pdf({text_content({"Secret."})}, PdfOptions{locked_encryption(), {}, 0})) ==
          "encrypted PDF: it needs a password to be read");
    CHECK(refusal(make_pdf({"", "q 1 0 0 1 0 0 cm Q"})).find("no text layer") != std::string::npos);
}

TEST_CASE("pdf reader: thousands of pages are refused before any is read") {
    const std::string pdf = make_pdf({text_content({"Page."})}, PdfOptions{{}, {}, 5000});
    CHECK(refusal(pdf) == "PDF has 5000 pages; the limit is 2000");
}

TEST_CASE("pdf reader: a decompression bomb costs bounded time and memory") {
    const std::string bomb = pdf_bomb(200);  // 200 MiB of operators, well under 1 MB on disk
    CHECK(bomb.size() < (1u << 20));
    PdfLimits limits;
    limits.time = std::chrono::milliseconds(2000);
    limits.max_text_bytes = 4u << 20;
    const auto start = std::chrono::steady_clock::now();
    const std::string reason = refusal(bomb, limits);
    const auto took = std::chrono::steady_clock::now() - start;
    CAPTURE(reason);
    CHECK((reason.find("MiB") != std::string::npos || reason.find("took") != std::string::npos));
    CHECK(took < std::chrono::seconds(5));
}
