#include <doctest/doctest.h>

#include "print/csv_writer.h"

using namespace callsearch;

TEST_CASE("CSV fields: quoted only when they hold a comma, a quote, CR or LF; quotes doubled") {
    struct Case {
        const char* value;
        const char* field;
    };
    const Case cases[] = {
        {"", ""},
        {"revenue", "revenue"},
        {"12.5", "12.5"},
        {"Apple Inc.", "Apple Inc."},
        {"  spaces kept  ", "  spaces kept  "},
        {"SVP, CFO, and Treasurer", "\"SVP, CFO, and Treasurer\""},
        {"the \"ad load\"", "\"the \"\"ad load\"\"\""},
        {"\"", "\"\"\"\""},
        {"line one\nline two", "\"line one\nline two\""},
        {"cr\r", "\"cr\r\""},
        {"我們對 EngageLab 感到滿意。", "我們對 EngageLab 感到滿意。"},
        {"chairman; ceo", "chairman; ceo"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        CHECK(csv_field(c.value) == c.field);
    }
}

TEST_CASE("CSV rows: fields joined by commas, ended by CRLF, empty fields kept") {
    CHECK(csv_row({"a", "", "b,c"}) == "a,,\"b,c\"\r\n");
    CHECK(csv_row({}) == "\r\n");
    CHECK(csv_row({""}) == "\r\n");
}
