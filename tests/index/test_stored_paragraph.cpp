#include <doctest/doctest.h>

#include "index/stored_paragraph.h"
#include "support/sample_hit.h"

using namespace callsearch;

TEST_CASE("a stored paragraph survives encoding and decoding unchanged") {
    // The Chinese side, with the characters JSON must escape.
    StoredParagraph p = test_support::cfo_paragraph();
    p.lang = "zh";
    p.text = "訂閱服務收入為人民幣4,050萬元 \"quoted\" \\ back";
    p.translation = "Subscription Services revenue";
    CHECK(decode_stored_paragraph(encode_stored_paragraph(p)) == p);

    // Date and firm set, no translation.
    p = test_support::analyst_paragraph();
    CHECK(decode_stored_paragraph(encode_stored_paragraph(p)) == p);
}

TEST_CASE("data that is not a stored paragraph is refused") {
    CHECK_THROWS((void)decode_stored_paragraph("not json"));
    CHECK_THROWS((void)decode_stored_paragraph("{\"file\": 3}"));
}
