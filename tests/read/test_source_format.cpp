#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "read/source_format.h"

using namespace callsearch;

TEST_CASE("source format: decided by the bytes, whatever the file is called") {
    struct Case {
        std::string bytes;
        SourceFormat format;
    };
    const std::vector<Case> cases = {
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", SourceFormat::Pdf},
        {"\r\n\r\n%PDF-1.4\n", SourceFormat::Pdf},  // junk before the header is allowed
        {"{\n  \"header_texts\": [\"Contents:\"]", SourceFormat::Json},
        {"\xEF\xBB\xBF{\"ticker\": \"A\"}", SourceFormat::Json},
        {"[{\"symbol\": \"AAPL\"}]", SourceFormat::Json},
        {"[\n  \"text\"]", SourceFormat::Json},
        {"{}", SourceFormat::Json},
        {"{\"a\":1}\n{\"a\":2}\n", SourceFormat::Json},  // JSON Lines
        {"<!DOCTYPE html>\n<html lang=\"en\">", SourceFormat::Html},
        {"  <html><body><p>Operator</p>", SourceFormat::Html},
        {"<div class=\"article\"><p>Hi</p></div>", SourceFormat::Html},
        {"[Operator Instructions] Our first question comes from Ryan.", SourceFormat::Text},
        {"{Applause}\nOperator\n", SourceFormat::Text},
        {"<Q - Glenn Schorr>: Thanks for taking my question.", SourceFormat::Text},
        {"Logo of jester cap with thought bubble.\n\nAurora Mobile Ltd (JG)\n", SourceFormat::Text},
        {"", SourceFormat::Text},
    };
    for (const Case& c : cases) {
        CAPTURE(c.bytes);
        CHECK(detect_source_format(c.bytes) == c.format);
    }
}

TEST_CASE("source format: names for messages") {
    CHECK(std::string(to_string(SourceFormat::Pdf)) == "pdf");
    CHECK(std::string(to_string(SourceFormat::Html)) == "html");
    CHECK(std::string(to_string(SourceFormat::Json)) == "json");
    CHECK(std::string(to_string(SourceFormat::Text)) == "text");
}
