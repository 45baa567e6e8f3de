#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parse/call_metadata.h"

using callsearch::call_info_from_header;
using callsearch::call_info_from_welcome;
using callsearch::parse_call_date;
using callsearch::parse_company_line;
using callsearch::parse_earnings_call_line;

TEST_CASE("parse_company_line takes the ticker from the trailing parentheses") {
    const auto jg = parse_company_line("Aurora Mobile Ltd (JG)");
    REQUIRE(jg.has_value());
    CHECK(jg->company == "Aurora Mobile Ltd");
    CHECK(jg->ticker == "JG");

    const auto possessive = parse_company_line("American Eagle Outfitters' (AEO)");
    REQUIRE(possessive.has_value());
    CHECK(possessive->company == "American Eagle Outfitters'");

    const auto dotted = parse_company_line("Brookfield Asset Management (BAM.A)");
    REQUIRE(dotted.has_value());
    CHECK(dotted->ticker == "BAM.A");

    for (const char* line : {"Logo of jester cap with thought bubble.", "Ulrich (Bob) Trogele", "(JG)",
                             "Revenue was up (see slide 4)", "Q2 2021 Earnings Call"}) {
        CAPTURE(std::string(line));
        CHECK_FALSE(parse_company_line(line).has_value());
    }
}

TEST_CASE("parse_earnings_call_line reads quarter and year") {
    const auto q2 = parse_earnings_call_line("Q2 2021 Earnings Call");
    REQUIRE(q2.has_value());
    CHECK(q2->quarter == 2);
    CHECK(q2->year == 2021);
    CHECK(parse_earnings_call_line("Q4 2019 Earnings Call")->quarter == 4);
    CHECK_FALSE(parse_earnings_call_line("Q5 2021 Earnings Call").has_value());
    CHECK_FALSE(parse_earnings_call_line("Q2 results were strong").has_value());
    CHECK_FALSE(parse_earnings_call_line("Aurora Mobile Ltd (JG)").has_value());
}

TEST_CASE("parse_call_date gives ISO dates") {
    struct Case {
        const char* line;
        const char* iso;
    };
    const Case cases[] = {
        {"Sep 09, 2021, 7:30 a.m. ET", "2021-09-09"},
        {"Sept. 9, 2021, 7:30 a.m. ET", "2021-09-09"},
        {"January 28, 2021, 5:00 p.m. ET", "2021-01-28"},
        {"Dec 1, 2020", "2020-12-01"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.line));
        CHECK(parse_call_date(c.line) == std::optional<std::string>(c.iso));
    }
    for (const char* line : {"Q2 2021 Earnings Call", "May I ask a question?", "Sep 41, 2021", "Mar 3, 21"}) {
        CAPTURE(std::string(line));
        CHECK_FALSE(parse_call_date(line).has_value());
    }
}

TEST_CASE("call_info_from_header reads the Motley Fool header block of seed 003") {
    const std::vector<std::string_view> lines = {
        "Logo of jester cap with thought bubble.", "", "Image source: The Motley Fool.", "",
        "Aurora Mobile Ltd (JG)", "Q2 2021 Earnings Call", "Sep 09, 2021, 7:30 a.m. ET", "", "Contents:",
    };
    const auto info = call_info_from_header(lines);
    CHECK(info.company == "Aurora Mobile Ltd");
    CHECK(info.ticker == "JG");
    CHECK(info.quarter == 2);
    CHECK(info.year == 2021);
    CHECK(info.date == std::optional<std::string>("2021-09-09"));
}

TEST_CASE("call_info_from_header leaves out what the page does not give") {
    const std::vector<std::string_view> lines = {"Aaron's Company (AAN)", "Q1 2021 Earnings Call", "", "Contents:"};
    const auto info = call_info_from_header(lines);
    CHECK(info.company == "Aaron's Company");
    CHECK(info.quarter == 1);
    CHECK_FALSE(info.date.has_value());
}

TEST_CASE("call_info_from_welcome reads company, quarter and year from the operator's opening") {
    struct Case {
        const char* text;
        const char* company;
        int quarter;
        int year;
    };
    const Case cases[] = {
        {"Ladies and gentlemen, thank you for standing by, and welcome to the Aurora Mobile Second Quarter 2023 "
         "Earnings Conference Call. At this time, all participants are a listen-only mode.",
         "Aurora Mobile", 2, 2023},
        {"Thank you for standing by and welcome to the Aaron's Company First Quarter 2021 Earnings Conference Call.",
         "Aaron's Company", 1, 2021},
        {"Good day and welcome to Acme's Q3 2022 earnings call.", "Acme", 3, 2022},
        {"Hello and welcome everyone to the Foo Bar Inc. fourth-quarter and full year 2020 results call.",
         "Foo Bar Inc.", 4, 2020},
        {"Welcome to the Widget Co Fiscal 2024 Second Quarter Conference Call.", "Widget Co", 2, 2024},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.text));
        const auto info = call_info_from_welcome(c.text);
        CHECK(info.company == std::string(c.company));
        CHECK(info.quarter == c.quarter);
        CHECK(info.year == c.year);
        CHECK(info.ticker.empty());
        CHECK_FALSE(info.date.has_value());
    }
    const auto nothing = call_info_from_welcome("Thanks, Rene. Good morning.");
    CHECK(nothing.company.empty());
    CHECK(nothing.quarter == 0);
}
