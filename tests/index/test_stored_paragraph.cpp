#include <doctest/doctest.h>

#include "index/stored_paragraph.h"

using namespace callsearch;

TEST_CASE("a stored paragraph survives encoding and decoding unchanged") {
    StoredParagraph p;
    p.file = "/c/000.txt";
    p.call = "jg_q2_2023";
    p.company = "Aurora Mobile";
    p.ticker = "JG";
    p.year = 2023;
    p.quarter = 2;
    p.speaker = "Shan-Nen Bong";
    p.title = "CFO";
    p.roles = {"cfo"};
    p.section = "qa";
    p.lang = "zh";
    p.text = "訂閱服務收入為人民幣4,050萬元 \"quoted\" \\ back";
    p.translation = "Subscription Services revenue";
    p.turn = 7;
    p.paragraph = 2;
    CHECK(decode_stored_paragraph(encode_stored_paragraph(p)) == p);

    p.date = "2021-09-09";
    p.translation.reset();
    CHECK(decode_stored_paragraph(encode_stored_paragraph(p)) == p);
}

TEST_CASE("data that is not a stored paragraph is refused") {
    CHECK_THROWS((void)decode_stored_paragraph("not json"));
    CHECK_THROWS((void)decode_stored_paragraph("{\"file\": 3}"));
}
