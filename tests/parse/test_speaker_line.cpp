#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/speaker_line.h"

using callsearch::analyst_firm;
using callsearch::is_generic_speaker;
using callsearch::kBilingualSeparator;
using callsearch::kMotleyFoolSeparator;
using callsearch::looks_like_person_name;
using callsearch::make_turn;
using callsearch::parse_speaker_line;
using callsearch::participants_from_turns;
using callsearch::Section;
using callsearch::title_is_telling;

TEST_CASE("parse_speaker_line splits real Motley Fool speaker lines at the first separator") {
    struct Case {
        const char* line;
        const char* name;
        const char* title;
    };
    const Case cases[] = {
        {"Shan-Nen Bong -- Chief Financial Officer", "Shan-Nen Bong", "Chief Financial Officer"},
        {"Ryan Roberts -- Navis Capital -- Analyst", "Ryan Roberts", "Navis Capital -- Analyst"},
        {"C. Kelly Wall -- Chief Financial Officer", "C. Kelly Wall", "Chief Financial Officer"},
        {"Michael P. Dickerson -- Vice President, Corporate Communications and Investor Relations",
         "Michael P. Dickerson", "Vice President, Corporate Communications and Investor Relations"},
        {"Bradley B. Thomas -- KeyBanc Capital Markets, Inc. -- Analyst", "Bradley B. Thomas",
         "KeyBanc Capital Markets, Inc. -- Analyst"},
        {"Derik de Bruin -- Bank of America -- Analyst", "Derik de Bruin", "Bank of America -- Analyst"},
        {"John W. Gamble, Jr. -- Chief Financial Officer", "John W. Gamble, Jr.", "Chief Financial Officer"},
        {"Earl C. \"Duke\" Austin, Jr. -- President", "Earl C. \"Duke\" Austin, Jr.", "President"},
        {"Ulrich (Bob) Trogele -- Chief Operating Officer", "Ulrich (Bob) Trogele", "Chief Operating Officer"},
        {"Derek Han -- KBW -- Analyst.", "Derek Han", "KBW -- Analyst."},
        {"Operator", "Operator", ""},
        {"Unidentified Analyst", "Unidentified Analyst", ""},
        {"Unknown speaker", "Unknown speaker", ""},
        {"David Lim", "David Lim", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.line));
        const auto speaker = parse_speaker_line(c.line, kMotleyFoolSeparator);
        REQUIRE(speaker.has_value());
        CHECK(speaker->name == c.name);
        CHECK(speaker->title == c.title);
    }
}

TEST_CASE("parse_speaker_line reads the bilingual layout's single-dash lines, keeping hyphens in names") {
    const auto cfo = parse_speaker_line("Shan-Nen Bong - CFO", kBilingualSeparator);
    REQUIRE(cfo.has_value());
    CHECK(cfo->name == "Shan-Nen Bong");
    CHECK(cfo->title == "CFO");
    const auto analyst = parse_speaker_line(
        "Brian David Kinstlinger - MD, Director of Research, Head of TMT Research & Senior Technology Analyst",
        kBilingualSeparator);
    REQUIRE(analyst.has_value());
    CHECK(analyst->title == "MD, Director of Research, Head of TMT Research & Senior Technology Analyst");
}

TEST_CASE("parse_speaker_line refuses speech, even speech with a dash in it") {
    for (const char* line : {
             "OK. So it sounds like also -- you go ahead.",
             "Weidong Luo, chairman and chief executive officer; Mr. Fei Chen, president; and Mr. Shan-Nen Bong, "
             "chief financial officer.",
             "Thank you, Rohit.",
             "Okay",
             "Got it -- thanks.",
             "Yes -- and that is right.",
             "Please go ahead.",
             "Goodbye.",
             "[Operator signoff]",
             "Prepared Remarks:",
             "Questions & Answers:",
             "Duration: 59 minutes",
             "More JG analysis",
             "Q2 2021 Earnings Call",
             "See the 10 stocks",
             "",
         }) {
        CAPTURE(std::string(line));
        CHECK_FALSE(parse_speaker_line(line, kMotleyFoolSeparator).has_value());
    }
}

TEST_CASE("looks_like_person_name and is_generic_speaker") {
    CHECK(looks_like_person_name("C. Kelly Wall"));
    CHECK(looks_like_person_name("TS Ng"));
    CHECK(looks_like_person_name("Julian E. (\"JAY\") Whitehurst"));
    CHECK_FALSE(looks_like_person_name("Thanks"));
    CHECK_FALSE(looks_like_person_name("Unknown speaker"));
    CHECK_FALSE(looks_like_person_name("Weidong Luo, chairman"));
    CHECK_FALSE(looks_like_person_name("Call 2021"));

    CHECK(is_generic_speaker("Operator"));
    CHECK(is_generic_speaker("Unidentified Analyst"));
    CHECK(is_generic_speaker("Unknown speaker"));
    CHECK(is_generic_speaker("Unidentified Company Representative"));
    CHECK_FALSE(is_generic_speaker("Fei Chen"));
}

TEST_CASE("title_is_telling: a post or an outside firm's position") {
    CHECK(title_is_telling("Chief Financial Officer"));
    CHECK(title_is_telling("CFO"));
    CHECK(title_is_telling("Navis Capital -- Analyst"));
    CHECK(title_is_telling("Investor Relations"));
    CHECK_FALSE(title_is_telling("Exactly."));
    CHECK_FALSE(title_is_telling("Navis Capital"));
}

TEST_CASE("analyst_firm takes what precedes the last separator") {
    CHECK(analyst_firm("Navis Capital -- Analyst") == "Navis Capital");
    CHECK(analyst_firm("Loop Capital Markets LLC -- Analyst") == "Loop Capital Markets LLC");
    CHECK(analyst_firm("KeyBanc Capital Markets, Inc. -- Analyst") == "KeyBanc Capital Markets, Inc.");
    CHECK(analyst_firm("UBS --Analyst") == "UBS");
    CHECK(analyst_firm("Scotiabank-- Analyst") == "Scotiabank");
    CHECK(analyst_firm("Alliance Global Partners - Analyst") == "Alliance Global Partners");
    CHECK(analyst_firm("Analyst").empty());
    CHECK(analyst_firm("MD, Director of Research, Head of TMT Research & Senior Technology Analyst").empty());
}

TEST_CASE("make_turn fills roles, and the firm only for analysts") {
    const auto analyst = make_turn({"Ryan Roberts", "Navis Capital -- Analyst"}, Section::QA);
    CHECK(analyst.speaker == "Ryan Roberts");
    CHECK(analyst.title == "Navis Capital -- Analyst");
    CHECK(analyst.roles == std::vector<std::string>{"analyst"});
    CHECK(analyst.firm == "Navis Capital");
    CHECK(analyst.section == Section::QA);
    CHECK(analyst.paragraphs.empty());

    const auto cfo = make_turn({"Shan-Nen Bong", "Chief Financial Officer"}, Section::Prepared);
    CHECK(cfo.roles == std::vector<std::string>{"cfo"});
    CHECK(cfo.firm.empty());
}

TEST_CASE("participants_from_turns lists each speaker once, in order, without the operator") {
    const std::vector<callsearch::Turn> turns = {
        make_turn({"Operator", ""}, Section::Prepared),
        make_turn({"Shan-Nen Bong", "CFO"}, Section::Prepared),
        make_turn({"Unidentified Analyst", ""}, Section::QA),
        make_turn({"Shan-Nen Bong", "CFO"}, Section::QA),
    };
    const auto participants = participants_from_turns(turns);
    REQUIRE(participants.size() == 2);
    CHECK(participants[0].name == "Shan-Nen Bong");
    CHECK(participants[0].title == "CFO");
    CHECK(participants[1].name == "Unidentified Analyst");
}
