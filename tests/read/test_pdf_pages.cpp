#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "read/pdf_pages.h"

using namespace callsearch;

namespace {

// A page of Bloomberg's layout: the header block, then the text.
std::string page(int n, const std::string& body) {
    return "Company Name: Goldman Sachs\nCompany Ticker: GS US\nDate: 2018-07-17\n\nMarket Cap: 90,633.65\n"
           "Current Quarter: 5.274\n\n" + body + "\n\nPage " + std::to_string(n) + " of 12\n";
}

}  // namespace

TEST_CASE("pdf pages: repeated headers and page numbers are dropped, the first page's header kept") {
    std::vector<std::string> pages;
    const std::vector<std::string> words = {"Revenue", "Margins", "Costs", "Guidance", "Capital", "Trading",
                                            "Banking", "Lending", "Deposits", "Wealth", "Markets", "Outlook"};
    for (int n = 1; n <= 12; ++n) pages.push_back(page(n, words[n - 1] + " rose this quarter."));
    const PdfPagesText out = join_pdf_pages(pages);
    CHECK(out.text.starts_with("Company Name: Goldman Sachs\nCompany Ticker: GS US\n"));
    CHECK(out.text.find("Company Name") == out.text.rfind("Company Name"));  // once
    CHECK(out.text.find("Page ") == std::string::npos);
    CHECK(out.text.find("Markets rose this quarter.") != std::string::npos);
    CHECK(out.text.ends_with("Outlook rose this quarter.\n"));
    CHECK(out.dropped_lines == 11 * 5 + 12);
    CHECK_FALSE(out.dropped_samples.empty());
}

TEST_CASE("pdf pages: a sentence cut by a page break is joined -- a finished one starts a paragraph") {
    std::vector<std::string> pages;
    for (int n = 1; n <= 4; ++n) pages.push_back("Running Header Inc.\n" + std::string(n % 2 ? "The quarter was" : "strong for us.") + "\n" + std::to_string(n) + "\n");
    const PdfPagesText out = join_pdf_pages(pages);
    CHECK(out.text == "Running Header Inc.\nThe quarter was\nstrong for us.\n\nThe quarter was\nstrong for us.\n");
}

TEST_CASE("pdf pages: lines repeated in the body, or on few pages, are text") {
    const std::vector<std::string> pages = {"Operator\nThank you.\n", "Operator\nNext question.\n", "Q\nWhy?\n",
                                            "A\nBecause.\n", "Q\nHow?\n", "A\nLike so.\n", "Operator\nDone.\n"};
    const PdfPagesText out = join_pdf_pages(pages);
    CHECK(out.dropped_lines == 0);
    CHECK(out.text.find("Operator\nDone.") != std::string::npos);
}

TEST_CASE("pdf pages: ligatures expanded, soft hyphens and control characters removed") {
    const PdfPagesText out = join_pdf_pages({"\uFB01nancial \uFB02ow, e\uFB03cient, o\uFB00er\u00ADing\x01\tnow\f"});
    CHECK(out.text == "financial flow, efficient, offering now\n");
}
