#include <doctest/doctest.h>

#include "parse/speaker_header.h"

using callsearch::is_stage_direction;
using callsearch::parse_inline_prefix;
using callsearch::parse_numbered_header;
using callsearch::strip_qa_marker;

TEST_CASE("StreetEvents numbered headers") {
    struct Case {
        const char* line;
        const char* name;
        const char* title;
        const char* affiliation;
    };
    const Case cases[] = {
        {"Lisa Su,  AMD - President and CEO    [3]", "Lisa Su", "President and CEO", "AMD"},
        {"Operator    [1]", "Operator", "", ""},
        {"Mark Lipacis,  Jefferies LLC - Analyst    [2]", "Mark Lipacis", "Analyst", "Jefferies LLC"},
        {"Amy E. Hood,  Microsoft Corporation - Executive VP & CFO    [7]", "Amy E. Hood", "Executive VP & CFO",
         "Microsoft Corporation"},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        const auto h = parse_numbered_header(c.line);
        REQUIRE(h.has_value());
        CHECK(h->name == c.name);
        CHECK(h->title == c.title);
        CHECK(h->affiliation == c.affiliation);
    }
    CHECK_FALSE(parse_numbered_header("See the appendix [3]").has_value());
    CHECK_FALSE(parse_numbered_header("Revenue grew [a]").has_value());
}

TEST_CASE("inline prefixes of IR sites, APIs, Bloomberg and Chinese calls") {
    struct Case {
        const char* line;
        const char* name;
        const char* affiliation;
        const char* title;
        const char* text;
    };
    const Case cases[] = {
        {"SATYA NADELLA: Thank you, Brett.", "SATYA NADELLA", "", "", "Thank you, Brett."},
        {"KEITH WEISS, Morgan Stanley:  Excellent. Thank you for taking the question.", "KEITH WEISS", "Morgan Stanley", "",
         "Excellent. Thank you for taking the question."},
        {"Suhasini Chandramouli: Good afternoon, and welcome", "Suhasini Chandramouli", "", "", "Good afternoon, and welcome"},
        {"Operator: Thank you for standing by.", "Operator", "", "", "Thank you for standing by."},
        {"<Q - Glenn Schorr>: Hi. Thanks very much.", "Glenn Schorr", "", "", "Hi. Thanks very much."},
        {"<A - R. Martin Chavez>: Sure, Glenn.", "R. Martin Chavez", "", "", "Sure, Glenn."},
        {"张伟（首席财务官）：谢谢大家。", "张伟", "", "首席财务官", "谢谢大家。"},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        const auto h = parse_inline_prefix(c.line);
        REQUIRE(h.has_value());
        CHECK(h->name == c.name);
        CHECK(h->affiliation == c.affiliation);
        CHECK(h->title == c.title);
        CHECK(h->text == c.text);
    }
    // Prose with a colon is no prefix.
    for (const char* line : {"Revenue was up 12%: a record.", "Note that at 10:30 we start.", "http://example.com is ours",
                             "**Date:** 2025-07-31", "So the answer is: yes, we will."}) {
        INFO(line);
        CHECK_FALSE(parse_inline_prefix(line).has_value());
    }
}

TEST_CASE("Q and A markers before a name") {
    CHECK(strip_qa_marker("A - Fred Smith") == "Fred Smith");
    CHECK(strip_qa_marker("Q - Glenn Schorr") == "Glenn Schorr");
    CHECK_FALSE(strip_qa_marker("A - great quarter for us").has_value());
}

TEST_CASE("stage directions") {
    CHECK(is_stage_direction("(Operator Direction.)"));
    CHECK(is_stage_direction("[Operator Instructions]"));
    CHECK_FALSE(is_stage_direction("(Goldman Sachs)"));
}
