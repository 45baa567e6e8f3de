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

TEST_CASE("find_quarter_year reads every vendor's way of naming the quarter") {
    struct Case {
        const char* text;
        int quarter;
        int year;
    };
    const Case cases[] = {
        {"Q1 2016 Advanced Micro Devices Inc Earnings Call", 1, 2016},
        {"Microsoft Corp. (NASDAQ:MSFT) Q3 2018 Earnings Call", 3, 2018},
        {"Microsoft FY24 Fourth Quarter Earnings Conference Call", 4, 2024},
        {"the AMD first-quarter 2021 earnings call", 1, 2021},
        {"1Q23 FINANCIAL RESULTS", 1, 2023},
        {"FQ2 2024 Earnings Call Transcripts", 2, 2024},
        {"Apple Q3 Fiscal Year 2025 Earnings Conference Call", 3, 2025},
        {"FedEx Corporation First Quarter Fiscal Year 2019 Earnings Conference Call", 1, 2019},
        {"Deutsche Bank Q1 2023 Analyst Conference Call", 1, 2023},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto qy = callsearch::find_quarter_year(c.text);
        REQUIRE(qy.has_value());
        CHECK(qy->quarter == c.quarter);
        CHECK(qy->year == c.year);
    }
    CHECK_FALSE(callsearch::find_quarter_year("revenue grew in the quarter").has_value());
    CHECK_FALSE(callsearch::find_quarter_year("Q3").has_value());
}

TEST_CASE("find_date reads the dates vendors print") {
    struct Case {
        const char* text;
        const char* iso;
    };
    const Case cases[] = {
        {"APRIL 21, 2016 / 9:00PM GMT", "2016-04-21"},
        {"Dec. 21, 2022 8:06 PM ET", "2022-12-21"},
        {"Tuesday, April 27, 2021", "2021-04-27"},
        {"Thursday, 27 April 2023 | 11:00 CEST", "2023-04-27"},
        {"**Date:** 2025-07-31", "2025-07-31"},
        {"Jul 21, 2021,9:00 a.m. ET", "2021-07-21"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(callsearch::find_date(c.text) == std::optional<std::string>(c.iso));
    }
}

TEST_CASE("call_info_from_title_block reads each layout's title") {
    struct Case {
        std::vector<std::string_view> lines;
        const char* company;
        const char* ticker;
        int quarter;
        int year;
        const char* date;
    };
    const Case cases[] = {
        {{"Thomson Reuters StreetEvents Event Transcript", "Q1 2016 Advanced Micro Devices Inc Earnings Call",
          "APRIL 21, 2016 / 9:00PM GMT"},
         "Advanced Micro Devices Inc", "", 1, 2016, "2016-04-21"},
        {{"Microsoft Corp. (NASDAQ:MSFT) Q3 2018 Earnings Call April 26, 2018  5:30 PM ET"}, "Microsoft Corp.", "MSFT", 3, 2018,
         "2018-04-26"},
        {{"Micron Technology, Inc. ( NASDAQ: MU) Q1 2023 Results Conference Call December", "21, 2022 4:30 PM ET"},
         "Micron Technology, Inc.", "MU", 1, 2023, ""},
        {{"Microsoft FY24 Fourth Quarter Earnings Conference Call", "Brett Iversen, Satya Nadella, Amy Hood",
          "Tuesday, July 30, 2024"},
         "Microsoft", "", 4, 2024, "2024-07-30"},
        {{"ASML HOLDING NV(ASML2.17%)Q2 2021 Earnings CallJul 21, 2021,9:00 a.m. ET"}, "ASML HOLDING NV", "ASML", 2, 2021,
         "2021-07-21"},
        {{"# AAPL Q3 2025 Earnings Call Transcript", "**Date:** 2025-07-31", "**Company:** AAPL", "**Quarter:** Q3 2025"}, "",
         "AAPL", 3, 2025, "2025-07-31"},
        {{"Company Name: Goldman Sachs", "Company Ticker: GS US", "Date: 2018-07-17", "Event Description: Q2 2018 Earnings Call"},
         "Goldman Sachs", "GS", 2, 2018, "2018-07-17"},
        {{"Digital Realty Trust, Inc. NYSE:DLR", "FQ2 2024 Earnings Call Transcripts", "Thursday, July 25, 2024 9:00 PM GMT"},
         "Digital Realty Trust, Inc.", "DLR", 2, 2024, "2024-07-25"},
    };
    for (const auto& c : cases) {
        INFO(c.lines.front());
        const auto info = callsearch::call_info_from_title_block(c.lines);
        CHECK(info.company == c.company);
        CHECK(info.ticker == c.ticker);
        CHECK(info.quarter == c.quarter);
        CHECK(info.year == c.year);
        CHECK(info.date.value_or("") == c.date);
    }
}

TEST_CASE("call_info_from_file_name reads what common file names say") {
    struct Case {
        const char* path;
        const char* company;
        const char* ticker;
        int quarter;
        int year;
        const char* date;
    };
    const Case cases[] = {
        {"/calls/2018-Apr-26-MSFT.txt", "", "MSFT", 0, 0, "2018-04-26"},
        {"Q3_2022_Equinix_Inc_Earnings_Call.txt", "Equinix Inc", "", 3, 2022, ""},
        {"Q3_2022_AGNC_Investment_Corp_Earnings_Call.txt", "AGNC Investment Corp", "", 3, 2022, ""},
        {"CT_KO_2018_q2.txt", "", "KO", 2, 2018, ""},
        {"AAPL_q3_2023.txt", "", "AAPL", 3, 2023, ""},
        {"mu_q1_2023.txt", "", "MU", 1, 2023, ""},
        {"TranscriptFY21Q3.txt", "", "", 3, 2021, ""},
        {"20150226_ADSK_text.txt", "", "ADSK", 0, 0, "2015-02-26"},
        // Nothing about a call: nothing taken.
        {"000_a04c82ed83b00c07.txt", "", "", 0, 0, ""},
        {"notes.txt", "", "", 0, 0, ""},
    };
    for (const auto& c : cases) {
        INFO(c.path);
        const auto info = callsearch::call_info_from_file_name(c.path);
        CHECK(info.company == c.company);
        CHECK(info.ticker == c.ticker);
        CHECK(info.quarter == c.quarter);
        CHECK(info.year == c.year);
        CHECK(info.date.value_or("") == c.date);
    }
}

TEST_CASE("Chinese title blocks give the company, quarter, year, date and stock code") {
    const std::vector<std::string_view> lines = {"证券代码：300888    证券简称：星河智造", "华辰新能源科技股份有限公司",
                                                 "2024年第三季度业绩电话会议", "2024年11月12日"};
    const auto info = callsearch::call_info_from_title_block(lines);
    CHECK(info.company == "华辰新能源科技股份有限公司");
    CHECK(info.ticker == "300888");
    CHECK(info.quarter == 3);
    CHECK(info.year == 2024);
    CHECK(info.date == "2024-11-12");
    // A half-year call: the year, no quarter.
    const std::vector<std::string_view> half = {"云岭医药集团 2024年上半年业绩说明会"};
    const auto h = callsearch::call_info_from_title_block(half);
    CHECK(h.company == "云岭医药集团");
    CHECK(h.quarter == 0);
    CHECK(h.year == 2024);
}

TEST_CASE("half-year and fiscal-year calls give the year alone") {
    const std::vector<std::string_view> a = {"Aurelia Group SA", "1H25 Results Conference Call", "24 July 2025"};
    const auto info = callsearch::call_info_from_title_block(a);
    CHECK(info.company == "Aurelia Group SA");
    CHECK(info.quarter == 0);
    CHECK(info.year == 2025);
    CHECK(info.date == "2025-07-24");
    const std::vector<std::string_view> b = {"Kasumi Electronics Co., Ltd.",
                                             "Financial Results Briefing for the First Half of the Fiscal Year Ending March 2025"};
    const auto k = callsearch::call_info_from_title_block(b);
    CHECK(k.company == "Kasumi Electronics Co., Ltd.");
    CHECK(k.year == 2025);
}
