#pragma once
// Small PDFs written by hand for tests: real PDF syntax (objects, a content
// stream with text operators, a cross-reference table with true offsets),
// so that poppler reads them as it reads a producer's files. Text is Latin-1
// through the standard Helvetica font.

#include <cstdio>
#include <string>
#include <vector>

namespace test_support {

// PDF string literal: backslash, parentheses escaped.
inline std::string pdf_literal(const std::string& s) {
    std::string out = "(";
    for (char c : s) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

// A content stream showing `lines` top to bottom.
inline std::string text_content(const std::vector<std::string>& lines) {
    std::string s = "BT /F1 11 Tf 14 TL 72 760 Td\n";
    for (const std::string& line : lines) s += pdf_literal(line) + " Tj T*\n";
    return s + "ET\n";
}

struct PdfOptions {
    std::string encrypt;            // an /Encrypt dictionary body (empty: none)
    std::string stream_filter;      // e.g. "/FlateDecode" for pre-compressed content
    int page_count_claimed = 0;     // >0: this many page objects, all showing the first content stream
};

// One page per content stream (already in the filter's encoding, if any).
inline std::string make_pdf(const std::vector<std::string>& contents, const PdfOptions& options = {}) {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    const bool many = options.page_count_claimed > 0;
    const std::size_t pages = many ? static_cast<std::size_t>(options.page_count_claimed) : contents.size();
    const std::size_t first_page = 4;  // 1 catalog, 2 pages, 3 font
    // Page i is object first_page + 2i, its content first_page + 2i + 1
    // (with `many`, every page shows the first page's content).
    std::string kids;
    for (std::size_t i = 0; i < pages; ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages; ++i) {
        const std::size_t content = first_page + 2 * (many ? 0 : i) + 1;
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                          "/Contents " + std::to_string(content) + " 0 R >>");
        const std::string& stream = contents[many ? 0 : i];
        std::string dict = "<< /Length " + std::to_string(stream.size());
        if (!options.stream_filter.empty()) dict += " /Filter " + options.stream_filter;
        objects.push_back(many && i > 0 ? "null" : dict + " >>\nstream\n" + stream + "\nendstream");
    }
    if (!options.encrypt.empty()) objects.push_back(options.encrypt);

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t off : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
    if (!options.encrypt.empty()) {
        pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<0123456789abcdef0123456789abcdef> "
               "<0123456789abcdef0123456789abcdef>]";
    }
    pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// An /Encrypt dictionary (RC4, 40 bits) whose user password is not empty:
// /U does not match what the empty password gives, so the file stays locked.
inline std::string locked_encryption() {
    const std::string filler(64, 'a');
    return "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + filler + "> /U <" + filler + "> >>";
}

}  // namespace test_support
