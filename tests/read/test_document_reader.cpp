#include <doctest/doctest.h>

#include <string>

#include "read/document_reader.h"
#include "support/pdf_maker.h"

using namespace callsearch;

TEST_CASE("document reader: each format to checked text -- several JSON calls to several labelled texts") {
    const DocumentText text = read_document("Operator\r\n\r\nWelcome.\r\n");
    CHECK(text.format == SourceFormat::Text);
    REQUIRE(text.calls.size() == 1);
    CHECK(text.calls[0].source.text == "Operator\n\nWelcome.\n");
    CHECK(text.calls[0].label.empty());

    const DocumentText json =
        read_document(R"([{"ticker":"A","content":"Operator: One."},{"ticker":"B","content":"Operator: Two."}])");
    CHECK(json.format == SourceFormat::Json);
    REQUIRE(json.calls.size() == 2);
    CHECK(json.calls[0].label == "call 1 of 2");
    CHECK(json.calls[1].source.text.find("**Ticker:** B\n") != std::string::npos);

    const DocumentText html = read_document("<html><body><p>Operator</p><p>Welcome.</p></body></html>");
    CHECK(html.format == SourceFormat::Html);
    CHECK(html.calls[0].source.text == "Operator\n\nWelcome.\n");

    const DocumentText pdf = read_document(test_support::make_pdf({test_support::text_content({"Operator", "Welcome."})}));
    CHECK(pdf.format == SourceFormat::Pdf);
    CHECK(pdf.calls[0].source.text == "Operator\nWelcome.\n");
}

TEST_CASE("document reader: what extraction yields is held to the limits of text files") {
    std::string lines = "{\"content\": \"";
    for (int i = 0; i < 100'001; ++i) lines += "A: b\\n";
    lines += "\"}";
    try {
        (void)read_document(lines);
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("text extracted from the JSON: too many lines") == 0);
    }
}
