// The layout-independent reader on short excerpts of real layouts (a few
// lines of each, typed in), and on layouts made up for the test: what it
// must find is what the file marks, never more.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/marked_parser.h"
#include "parse/transcript_parser.h"
#include "support/hostile_text.h"

using callsearch::Layout;
using callsearch::parse_marked;
using callsearch::parse_transcript;
using callsearch::Section;
using callsearch::Transcript;

namespace {

std::vector<std::string> speakers(const Transcript& t) {
    std::vector<std::string> out;
    for (const auto& turn : t.turns) out.push_back(turn.speaker);
    return out;
}

bool has_role(const Transcript& t, const std::string& speaker, const std::string& role) {
    for (const auto& turn : t.turns) {
        if (turn.speaker == speaker && std::find(turn.roles.begin(), turn.roles.end(), role) != turn.roles.end()) return true;
    }
    return false;
}

const char* const kStreetEvents =
    "Thomson Reuters StreetEvents Event Transcript\n"
    "E D I T E D   V E R S I O N\n\n"
    "Q1 2016 Advanced Micro Devices Inc Earnings Call\n"
    "APRIL 21, 2016 / 9:00PM GMT\n\n"
    "================================================================================\n"
    "Corporate Participants\n"
    "================================================================================\n\n"
    " * Lisa Su\n   AMD - President and CEO\n"
    " * Devinder Kumar\n   AMD - SVP, CFO, and Treasurer\n\n"
    "================================================================================\n"
    "Conference Call Participiants\n"
    "================================================================================\n\n"
    " * Mark Lipacis\n   Jefferies LLC - Analyst\n\n"
    "================================================================================\n"
    "Presentation\n"
    "================================================================================\n"
    "--------------------------------------------------------------------------------\n"
    "Operator    [1]\n"
    "--------------------------------------------------------------------------------\n\n"
    "          Greetings, and welcome to the Advanced Micro Devices first-quarter 2016 earnings conference call.\n\n"
    "--------------------------------------------------------------------------------\n"
    "Lisa Su,  AMD - President and CEO    [2]\n"
    "--------------------------------------------------------------------------------\n\n"
    "          Thank you, and good afternoon to all those listening in today.\n"
    "Revenue decreased 2% sequentially.\n\n"
    "--------------------------------------------------------------------------------\n"
    "Devinder Kumar,  AMD - SVP, CFO, and Treasurer    [3]\n"
    "--------------------------------------------------------------------------------\n\n"
    "          Thank you, Lisa. Operator, we would be very happy for you to poll the audience for questions.\n\n"
    "================================================================================\n"
    "Questions and Answers\n"
    "================================================================================\n"
    "--------------------------------------------------------------------------------\n"
    "Operator    [1]\n"
    "--------------------------------------------------------------------------------\n\n"
    "          (Operator Instructions) Mark Lipacis, Jefferies.\n\n"
    "--------------------------------------------------------------------------------\n"
    "Mark Lipacis,  Jefferies LLC - Analyst    [2]\n"
    "--------------------------------------------------------------------------------\n\n"
    "          Thanks for taking my question.\n\n"
    "================================================================================\n"
    "Definitions\n"
    "================================================================================\n"
    "PRELIMINARY TRANSCRIPT: \"Preliminary Transcript\" indicates that the Transcript has been published in near real-time.\n";

}  // namespace

TEST_CASE("StreetEvents text: numbered headers, sections by heading, definitions dropped") {
    const Transcript t = parse_transcript(kStreetEvents, "2016-Apr-21-AMD.txt");
    CHECK(t.call.layout == Layout::Refinitiv);
    CHECK(speakers(t) == std::vector<std::string>{"Operator", "Lisa Su", "Devinder Kumar", "Operator", "Mark Lipacis"});
    CHECK(t.turns[1].title == "President and CEO");
    CHECK(has_role(t, "Devinder Kumar", "cfo"));
    CHECK(t.turns[4].firm == "Jefferies LLC");
    CHECK(t.turns[2].section == Section::Prepared);
    CHECK(t.turns[3].section == Section::QA);
    CHECK(t.turns[1].paragraphs.size() == 2);
    CHECK(t.call.company == "Advanced Micro Devices Inc");
    CHECK(t.call.ticker == "AMD");  // from the file name
    CHECK(t.call.quarter == 1);
    CHECK(t.call.year == 2016);
    CHECK(t.call.date == "2016-04-21");
    for (const auto& turn : t.turns) {
        for (const auto& p : turn.paragraphs) CHECK(p.text.find("PRELIMINARY") == std::string::npos);
    }
}

TEST_CASE("Refinitiv PDF text: name then 'Company - Title' line, hard-wrapped lines joined") {
    const std::string text =
        "CORPORATE PARTICIPANTS\n \nKatrina Rymill\nEquinix, Inc. - VP of IR\n \nKeith D. Taylor\nEquinix, Inc. - CFO\n"
        "CONFERENCE CALL PARTICIPANTS\n \nJonathan Atkin\nRBC Capital Markets, Research Division - MD & Senior Analyst\n"
        "PRESENTATION\n \nOperator\n"
        "Good afternoon, and welcome to the Equinix Third Quarter Earnings Conference Call. (Operator Instructions) Also, today's conference is\n"
        "being recorded. (Operator Instructions)\n \nKatrina Rymill\nEquinix, Inc. - VP of IR\n"
        "Good afternoon, and welcome to today's conference call. Before we get started, I'd like to remind everyone that some of the statements\n"
        "we'll be making today are forward-looking in nature and involve risks and uncertainties. Actual results may vary significantly from those\n"
        "statements and may be affected by the risks we identified in today's press release and those identified in our filings with the SEC,\n"
        "including our most recent Form 10-K filed on February 18, 2022, and 10-Q filed on July 29, 2022. Equinix assumes no obligation and does\n"
        "not intend to update or comment on forward-looking statements made on this call. In addition, in light of Regulation Fair Disclosure, it is\n"
        "Equinix' policy not to comment on its financial guidance during the quarter, unless it is done through an exclusive public disclosure.\n"
        "With us today are Charles Meyers, Equinix' CEO and President; and Keith Taylor, Chief Financial Officer. Following our prepared remarks,\n"
        "we'll be taking questions from sell-side analysts. (Operator Instructions)\n \nKeith D. Taylor\nEquinix, Inc. - CFO\n"
        "Thanks, Katrina. We had another outstanding quarter as global demand for digital infrastructure continues to grow, and\n"
        "customer preferences trend convincingly toward architectures that are highly distributed, persistently hybrid, deeply\n"
        "cloud connected and increasingly on demand, all factors fueling the Equinix position as a trusted partner in digital\n"
        "transformation. This vigorous demand backdrop fueled another great quarter, delivering record gross and net bookings with\n"
        "strong demand across all 3 regions, resulting in our 79th quarter of consecutive revenue growth and further demonstrating\n"
        "the resiliency and durability of our business even in the face of a complex and challenging macro environment. So let\n"
        "me stop there and open it up for questions.\n"
        "QUESTIONS AND ANSWERS\n \nOperator\n"
        "(Operator Instructions) Our first question is from Jon Atkin from RBC Capital Markets. Thank you very much for joining us all.\n \n"
        "Jonathan Atkin\nRBC Capital Markets, Research Division - MD & Senior Analyst\n"
        "So I was interested in the pricing environment and what you are seeing across the regions this quarter, thanks a lot.\n"
        "Thank you for the question and for all of the other questions that we have received today on the call, which is long.\n"
        "And another line of text that is long enough to count as a wrapped line in the statistics of this file, thank you.\n"
        "And yet another line of text that is long enough to count as a wrapped line in the statistics of this file, thanks.\n"
        "And one more line of text that is long enough to count as a wrapped line in the statistics of this file, thank you.\n"
        "And a last line of text that is long enough to count as a wrapped line in the statistics of this file, thank you all.\n";
    const Transcript t = parse_transcript(text, "Q3_2022_Equinix_Inc_Earnings_Call.txt");
    CHECK(t.call.layout == Layout::TwoLineHeader);
    CHECK(speakers(t) ==
          std::vector<std::string>{"Operator", "Katrina Rymill", "Keith D. Taylor", "Operator", "Jonathan Atkin"});
    CHECK(has_role(t, "Katrina Rymill", "ir"));
    CHECK(has_role(t, "Jonathan Atkin", "analyst"));
    // The wrapped operator paragraph is one paragraph again.
    REQUIRE(t.turns[0].paragraphs.size() == 1);
    CHECK(t.turns[0].paragraphs[0].text.find("is being recorded.") != std::string::npos);
    CHECK(t.turns[3].section == Section::QA);
    // The operator's welcome names the company before the file name does.
    CHECK(t.call.company == "Equinix");
    CHECK(t.call.quarter == 3);
    CHECK(t.call.year == 2022);
}

TEST_CASE("Seeking Alpha: bare name lines known from the lists, analysts missing from them known by introduction") {
    const std::string text =
        "Amazon.com, Inc. (NASDAQ:AMZN) Q4 2021 Earnings Conference Call February 3, 2022 5:30 PM ET\n\n"
        "Company Participants\n\nDave Fildes - Director, IR\n\nBrian Olsavsky - CFO\n\n"
        "Conference Call Participants\n\nEric Sheridan - Goldman Sachs\n\n"
        "Operator\n\nThank you for standing by. Good day, everyone, and welcome to the Amazon.com Q4 2021 Financial Results "
        "Teleconference.\n\n"
        "Dave Fildes\n\nHello, and welcome to our Q4 2021 financial results conference call.\n\n"
        "Brian Olsavsky\n\nThank you, Dave. Let me start with our results.\n\n"
        "Question-and-Answer Session\n\nOperator\n\nThank you. [Operator Instructions] Our first question is coming from Eric "
        "Sheridan with Goldman Sachs.\n\nEric Sheridan\n\nThanks so much for taking the question.\n\n"
        "Brian Olsavsky\n\nThanks, Eric.\n\nOperator\n\nOur next question comes from Justin Post with Bank of America.\n\n"
        "Justin Post\n\nGreat. Thank you.\n\nBrian Olsavsky\n\nThanks, Justin.\n";
    const Transcript t = parse_transcript(text, "2022-Feb-03-AMZN.txt");
    CHECK(t.call.layout == Layout::NameLines);
    CHECK(speakers(t) == std::vector<std::string>{"Operator", "Dave Fildes", "Brian Olsavsky", "Operator", "Eric Sheridan",
                                                  "Brian Olsavsky", "Operator", "Justin Post", "Brian Olsavsky"});
    CHECK(has_role(t, "Brian Olsavsky", "cfo"));
    CHECK(has_role(t, "Eric Sheridan", "analyst"));
    // Not in any list, but the operator just introduced him.
    CHECK(has_role(t, "Justin Post", "analyst"));
    CHECK(t.turns[7].firm == "Bank of America");
    CHECK(t.turns[3].section == Section::QA);
    CHECK(t.call.company == "Amazon.com, Inc.");
    CHECK(t.call.ticker == "AMZN");
    CHECK(t.call.quarter == 4);
    CHECK(t.call.year == 2021);
    CHECK(t.call.date == "2022-02-03");
}

TEST_CASE("IR transcripts: upper-case prefixes, roles from the host's introduction, Q&A from the hand-over") {
    const std::string text =
        "Microsoft FY21 Third Quarter Earnings Conference Call\nBrett Iversen, Satya Nadella, Amy Hood\nTuesday, April 27, 2021\n\n"
        "BRETT IVERSEN: Good afternoon. On the call with me are Satya Nadella, chief executive officer, Amy Hood, chief "
        "financial officer, and Keith Dolliver, deputy general counsel.\n\n"
        "SATYA NADELLA: Thank you, Brett.\n\nAMY HOOD: Thank you, Satya, and good afternoon everyone.\n\n"
        "BRETT IVERSEN:  Thanks, Amy. We'll now move to Q&A.\n(Operator Direction.)\n"
        "KEITH WEISS, Morgan Stanley:  Excellent. Thank you for taking the question.\n"
        "SATYA NADELLA:  Thank you, Keith, for the question.\n"
        "KEITH WEISS, Morgan Stanley:  Thanks, you guys.\n";
    const Transcript t = parse_transcript(text, "TranscriptFY21Q3.txt");
    CHECK(t.call.layout == Layout::InlinePrefix);
    REQUIRE(t.turns.size() == 7);
    // Shown as the call writes the names.
    CHECK(speakers(t) == std::vector<std::string>{"Brett Iversen", "Satya Nadella", "Amy Hood", "Brett Iversen",
                                                  "Keith Weiss", "Satya Nadella", "Keith Weiss"});
    CHECK(has_role(t, "Satya Nadella", "ceo"));
    CHECK(has_role(t, "Amy Hood", "cfo"));
    CHECK(has_role(t, "Keith Weiss", "analyst"));
    CHECK(t.turns[4].firm == "Morgan Stanley");
    // The host's own role is not said: empty, not guessed.
    CHECK(t.turns[0].roles.empty());
    CHECK(t.turns[3].section == Section::Prepared);
    CHECK(t.turns[4].section == Section::QA);
    CHECK(t.call.company == "Microsoft");
    CHECK(t.call.quarter == 3);
    CHECK(t.call.year == 2021);
}

TEST_CASE("API dumps: 'Name: text' lines under a markdown header, the header wins over the file name") {
    const std::string text =
        "# AMZN Q2 2025 Earnings Call Transcript\n\n**Date:** 2025-07-31\n**Company:** AMZN\n**Quarter:** Q2 2025\n\n---\n\n"
        "Operator: Good day, everyone, and welcome to the Amazon.com Second Quarter 2025 Financial Results Teleconference. "
        "I will be turning the call over to the Vice President of Investor Relations, Mr. Dave Fildes.\n"
        "Dave Fildes: Hello. Joining us today to answer your questions is Andy Jassy, our CEO; and Brian Olsavsky, our CFO.\n"
        "Andrew R. Jassy: Thanks, Dave.\n"
        "Brian T. Olsavsky: Thank you, Andy.\n"
        "Operator: [Operator Instructions] Our first question comes from Doug Anmuth with JPMorgan.\n"
        "Douglas Till Anmuth: Thanks for taking the questions.\n"
        "Andy Jassy: Thanks, Doug.\n";
    const Transcript t = parse_transcript(text, "AMZN_Q3_2024.md.txt");
    CHECK(t.call.layout == Layout::InlinePrefix);
    REQUIRE(t.turns.size() == 7);
    // "Andy Jassy" and "Andrew R. Jassy" are one speaker.
    CHECK(speakers(t) == std::vector<std::string>{"Operator", "Dave Fildes", "Andrew R. Jassy", "Brian T. Olsavsky",
                                                  "Operator", "Douglas Till Anmuth", "Andrew R. Jassy"});
    CHECK(has_role(t, "Andrew R. Jassy", "ceo"));
    CHECK(has_role(t, "Brian T. Olsavsky", "cfo"));
    CHECK(has_role(t, "Dave Fildes", "ir"));
    CHECK(has_role(t, "Douglas Till Anmuth", "analyst"));
    CHECK(t.turns[5].firm == "JPMorgan");
    CHECK(t.turns[4].section == Section::QA);
    CHECK(t.call.company == "Amazon.com");
    CHECK(t.call.ticker == "AMZN");
    CHECK(t.call.quarter == 2);
    CHECK(t.call.year == 2025);
}

TEST_CASE("fool.com scraped without headings: 'Name--Title' lines, Q&A from the operator's cue") {
    const std::string text =
        "Image source: The Motley Fool.\n\n"
        "Advanced Micro Devices(AMD2.67%)Q1 2021 Earnings CallApr 27, 2021,5:00 p.m. ET\n\n"
        "Operator\n\nHello, and welcome to the AMD first-quarter 2021 earnings call and webcast.\n\n"
        "Ruth Cotter--Senior Vice President, Worldwide Marketing, Human Resources, and Investor Relations\n\n"
        "Thank you. We will take questions after the prepared remarks.\n\n"
        "Lisa Su--President and Chief Executive Officer\n\nThank you, Ruth.\n\n"
        "Operator\n\n[Operator instructions] Our first question comes from Vivek Arya with Bank of America.\n\n"
        "Vivek Arya--Bank of America Merrill Lynch -- Analyst\n\nThanks for taking my question.\n\n"
        "Duration: 63 minutes\n\nRuth Cotter--Senior Vice President, Worldwide Marketing, Human Resources, and Investor Relations\n\n"
        "Lisa Su--President and Chief Executive Officer\n\nVivek Arya--Bank of America Merrill Lynch -- Analyst\n\n"
        "More AMD analysis\n";
    const Transcript t = parse_transcript(text, "x.txt");
    CHECK(t.call.layout == Layout::DashedLines);
    CHECK(speakers(t) == std::vector<std::string>{"Operator", "Ruth Cotter", "Lisa Su", "Operator", "Vivek Arya"});
    CHECK(has_role(t, "Ruth Cotter", "ir"));
    CHECK(has_role(t, "Lisa Su", "ceo"));
    CHECK(has_role(t, "Vivek Arya", "analyst"));
    CHECK(t.turns[3].section == Section::QA);
    CHECK(t.turns[2].section == Section::Prepared);
    CHECK(t.call.company == "Advanced Micro Devices");
    CHECK(t.call.ticker == "AMD");
    CHECK(t.call.date == "2021-04-27");
}

TEST_CASE("Simplified-Chinese calls: '张伟（首席财务官）：' prefixes map to roles") {
    const std::string text =
        "主持人：欢迎参加本公司2023年第二季度业绩电话会议。\n"
        "王强（首席执行官）：谢谢大家。本季度营收增长百分之十二。\n"
        "张伟（首席财务官）：谢谢王总。毛利率为百分之四十。\n"
        "主持人：现在进入问答环节。\n"
        "李明（分析师）：请问回购计划的进展如何？\n"
        "张伟（首席财务官）：我们本季度回购了一百万股。\n";
    const Transcript t = parse_transcript(text, "call.txt");
    CHECK(t.call.layout == Layout::InlinePrefix);
    CHECK(speakers(t) == std::vector<std::string>{"主持人", "王强", "张伟", "主持人", "李明", "张伟"});
    CHECK(has_role(t, "王强", "ceo"));
    CHECK(has_role(t, "张伟", "cfo"));
    CHECK(has_role(t, "李明", "analyst"));
    CHECK(t.turns[0].paragraphs[0].lang == callsearch::Lang::Zh);
}

TEST_CASE("prose whose lines start with capitalized names opens no turns") {
    const std::string text =
        "Tim Cook said revenue grew in the quarter, and margins held up well.\n"
        "Amy Hood: a name with a colon inside a sentence does not a speaker make, said the analyst.\n"
        "Lisa Su expects growth in data center, which the company called its fastest business.\n"
        "Revenue: up 12% in the quarter, with margins at a record.\n";
    const Transcript t = parse_marked(text, "notes.txt");
    CHECK(t.turns.empty());
}

TEST_CASE("thousands of header-like lines cost a linear pass, and each is one turn at most") {
    // Time is not asserted; these shapes once made lookups quadratic.
    constexpr std::size_t kCount = 20'000;
    std::string numbered;
    std::string listed = "Corporate Participants\n";
    std::string body = "Presentation\n";
    for (std::size_t i = 0; i < kCount; ++i) {
        const std::string name = test_support::person_name(i);
        numbered += name + ",  Acme - Chief Executive Officer    [" + std::to_string(i % 900 + 1) + "]\n\nThank you.\n\n";
        listed += " * " + name + "\n   Acme - Chief Financial Officer\n";
        body += name + "\nWe had a good quarter.\n";
    }
    const Transcript a = parse_marked(numbered, "a.txt");
    CHECK(a.turns.size() == kCount);
    const Transcript b = parse_marked(listed + body, "b.txt");
    CHECK(b.turns.size() == kCount);
    CHECK(b.participants.size() == kCount);
}

TEST_CASE("layouts made up for the test are read from their evidence") {
    struct Case {
        const char* what;
        std::string text;
        std::vector<std::string> speakers;
        const char* speaker_with_role;
        const char* role;
    };
    const std::vector<Case> cases = {
        {"markdown bold names",
         "**Operator:** Welcome to the Example Widgets call. I will hand over to our CFO, Jane Roe.\n\n"
         "**Jane Roe:** Thanks. Revenue grew 4% and our margin held in the quarter.\n\n"
         "**Operator:** Our first question comes from John Doe with Sample Securities.\n\n"
         "**John Doe:** Thanks. What about the margin next year?\n\n**Jane Roe:** It should hold.\n",
         {"Operator", "Jane Roe", "Operator", "John Doe", "Jane Roe"}, "Jane Roe", "cfo"},
        {"titles in parentheses",
         "Jane Roe (Chief Financial Officer): Revenue grew 4% in the quarter.\n"
         "Rick Poe (Chief Executive Officer): And we are raising guidance.\n"
         "John Doe (Sample Securities): What about margins?\n"
         "Jane Roe (Chief Financial Officer): Margins held.\n",
         {"Jane Roe", "Rick Poe", "John Doe", "Jane Roe"}, "Rick Poe", "ceo"},
        {"'Name, Title' lines above the speech",
         "Jane Roe, Chief Financial Officer\nRevenue grew 4% in the quarter, and our margin held.\n\n"
         "Rick Poe, Chief Executive Officer\nWe are raising our guidance for the year.\n\n"
         "Jane Roe, Chief Financial Officer\nThank you all for joining.\n",
         {"Jane Roe", "Rick Poe", "Jane Roe"}, "Jane Roe", "cfo"},
        {"Rev.com: a time in parentheses after the name",
         "Jenna Liu (00:18):\nThank you. With me is our CFO, Tanya Brooks. Revenue grew 9% this quarter.\n\n"
         "Tanya Brooks (00:31):\nThanks, Jenna. Gross margin was 52%.\n\n"
         "Jenna Liu (01:02):\nWe will now take questions.\n\n"
         "Derek Wu (01:10):\nWhat about demand next quarter?\n",
         {"Jenna Liu", "Tanya Brooks", "Jenna Liu", "Derek Wu"}, "Tanya Brooks", "cfo"},
        {"Otter.ai: a name line ending in the time",
         "Alan Whitfield  00:14\nThanks, everyone. I'm Alan Whitfield, our CEO. Revenue grew in the quarter.\n\n"
         "Sara Jensen  01:20\nThanks, Alan. Margins held up well.\n\n"
         "Alan Whitfield  02:45\nWe will now take questions.\n\n"
         "Mark Duvall  03:01\nHow is demand looking?\n",
         {"Alan Whitfield", "Sara Jensen", "Alan Whitfield", "Mark Duvall"}, "", ""},
        {"WebVTT: one speaker's run of cues is one turn",
         "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nOperator: Welcome to the Quillfield first quarter call.\n\n"
         "00:00:05.000 --> 00:00:09.000\nOperator: I will hand over to our CEO, Robert Lindqvist.\n\n"
         "00:00:09.800 --> 00:00:16.400\nRobert Lindqvist: Thank you. Revenue grew 12% this quarter.\n\n"
         "00:00:16.400 --> 00:00:20.000\nRobert Lindqvist: And our margin expanded.\n\n"
         "00:00:20.000 --> 00:00:24.000\nOperator: Our first question comes from Julia Brandt with Eastgate Research.\n\n"
         "00:00:24.000 --> 00:00:28.000\nJulia Brandt: Thanks. What about pricing?\n",
         {"Operator", "Robert Lindqvist", "Operator", "Julia Brandt"}, "Robert Lindqvist", "ceo"},
        {"'Name (Title)' lines, analysts as '(Firm - Analyst)'",
         "Operator (Operator)\nWelcome to the Pelham Water third quarter 2024 call.\n\n"
         "Frank Adler (President, Chief Executive Officer, Director)\nThank you. Revenue grew 6%.\n\n"
         "Operator (Operator)\nOur first question comes from Daniel Roth.\n\n"
         "Daniel Roth (Kingsbridge Securities - Analyst)\nThanks. How is demand?\n",
         {"Operator", "Frank Adler", "Operator", "Daniel Roth"}, "Daniel Roth", "analyst"},
        {"Investing.com: 'Name, Title, Company:' prefixes",
         "Operator: Welcome to the Brightwell Retail third quarter 2024 earnings call.\n"
         "Christopher Dunn, Chief Executive Officer, Brightwell Retail: Thank you. Sales grew 3%.\n"
         "Maya Forbes, Chief Financial Officer, Brightwell Retail: Thanks, Chris. Margin was 31%.\n"
         "Operator: Our first question comes from Kevin Marsh with Bayfront Securities.\n"
         "Kevin Marsh, Analyst, Bayfront Securities: Thanks. What about holiday demand?\n"
         "Christopher Dunn, Chief Executive Officer, Brightwell Retail: It looks strong.\n",
         {"Operator", "Christopher Dunn", "Maya Forbes", "Operator", "Kevin Marsh", "Christopher Dunn"}, "Christopher Dunn",
         "ceo"},
        {"diarized speech-to-text with timestamps",
         "[00:00:05] Speaker 1: Welcome to the second quarter call. Our revenue grew this quarter.\n"
         "[00:00:21] Speaker 2: Thank you. Our margin was stable and guidance is unchanged.\n"
         "[00:01:02] Speaker 1: We will now take questions.\n"
         "[00:01:10] Speaker 3: What about demand next quarter?\n",
         {"Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3"}, "", ""},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.what));
        const Transcript t = parse_transcript(c.text, "call.txt");
        std::string got;
        for (const auto& s : speakers(t)) got += s + "; ";
        INFO(got);
        CHECK(speakers(t) == c.speakers);
        if (*c.speaker_with_role) CHECK(has_role(t, c.speaker_with_role, c.role));
        for (const auto& turn : t.turns) {
            for (const auto& p : turn.paragraphs) CHECK(p.text.find("**") == std::string::npos);
            for (const auto& p : turn.paragraphs) CHECK(p.text.find("[00:") == std::string::npos);
        }
    }
}

TEST_CASE("Simplified-Chinese calls: '张伟 - 首席财务官' lines above the speech") {
    const std::string text =
        "主持人\n欢迎参加本公司2023年第二季度业绩电话会议。\n\n"
        "王强 - 首席执行官\n谢谢大家。本季度营收增长百分之十二。\n\n"
        "张伟 - 首席财务官\n谢谢王总。毛利率为百分之四十。\n\n"
        "主持人\n现在进入问答环节。\n\n"
        "李明 - 分析师\n请问回购计划的进展如何？\n\n"
        "张伟 - 首席财务官\n我们本季度回购了一百万股。\n";
    const Transcript t = parse_transcript(text, "call.txt");
    CHECK(speakers(t) == std::vector<std::string>{"主持人", "王强", "张伟", "主持人", "李明", "张伟"});
    CHECK(has_role(t, "王强", "ceo"));
    CHECK(has_role(t, "张伟", "cfo"));
    CHECK(has_role(t, "李明", "analyst"));
    CHECK(has_role(t, "主持人", "operator"));
    CHECK(t.turns[4].section == Section::QA);
}
