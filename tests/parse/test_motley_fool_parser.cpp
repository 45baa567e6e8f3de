#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/motley_fool_parser.h"
#include "parse/transcript_parser.h"
#include "support/hostile_text.h"
#include "support/seed_text.h"

using callsearch::is_motley_fool_boilerplate;
using callsearch::Layout;
using callsearch::parse_motley_fool;
using callsearch::parse_participant_list;
using callsearch::Section;
using callsearch::Transcript;
using test_support::read_seed;

namespace {

const Transcript& seed003() {
    static const Transcript transcript = parse_motley_fool(read_seed(test_support::kMotleyFoolSeed));
    return transcript;
}

using Roles = std::vector<std::string>;

}  // namespace

TEST_CASE("Motley Fool: call metadata comes from the header block") {
    const auto& call = seed003().call;
    CHECK(call.company == "Aurora Mobile Ltd");
    CHECK(call.ticker == "JG");
    CHECK(call.quarter == 2);
    CHECK(call.year == 2021);
    CHECK(call.date == std::optional<std::string>("2021-09-09"));
    CHECK(call.layout == Layout::MotleyFool);
}

TEST_CASE("Motley Fool: participants come from the list at the end of the page") {
    const auto& participants = seed003().participants;
    REQUIRE(participants.size() == 7);
    CHECK(participants[0].name == "Rene Vanguestaine");
    CHECK(participants[0].title == "Investor Relations");
    CHECK(participants[5].name == "Ryan Roberts");
    CHECK(participants[5].title == "Navis Capital -- Analyst");
    CHECK(participants[6].name == "Unknown speaker");
    CHECK(participants[6].title.empty());
}

TEST_CASE("Motley Fool: turns carry speaker, title as written, roles and firm") {
    const auto& turns = seed003().turns;
    REQUIRE(turns.size() == 60);
    CHECK(turns[0].speaker == "Operator");
    CHECK(turns[0].roles == Roles{"operator"});
    CHECK(turns[0].paragraphs.size() == 2);
    CHECK(turns[0].paragraphs[0].text.starts_with("Ladies and gentlemen, thank you for standing by"));
    CHECK(turns[2].speaker == "Weidong Luo");
    CHECK(turns[2].title == "Chairman and Chief Executive Officer");
    CHECK(turns[2].roles == Roles{"ceo", "chairman"});
    CHECK(turns[6].speaker == "Jacob Silverman");
    CHECK(turns[6].title == "Alliance Global Partners -- Analyst");
    CHECK(turns[6].roles == Roles{"analyst"});
    CHECK(turns[6].firm == "Alliance Global Partners");
    for (const auto& turn : turns) {
        for (const auto& paragraph : turn.paragraphs) CHECK(paragraph.lang == callsearch::Lang::En);
    }
}

TEST_CASE("Motley Fool: speech that mentions people or has a dash stays speech") {
    const auto& turns = seed003().turns;
    const auto& rene = turns[1];
    REQUIRE(rene.speaker == "Rene Vanguestaine");
    REQUIRE(rene.paragraphs.size() == 5);
    CHECK(rene.paragraphs[1].text.starts_with("Weidong Luo, chairman and chief executive officer; Mr. Fei Chen"));
    bool found = false;
    for (const auto& turn : turns) {
        for (const auto& paragraph : turn.paragraphs) {
            if (paragraph.text == "OK. So it sounds like also -- you go ahead.") {
                found = true;
                CHECK(turn.speaker == "Jacob Silverman");
            }
        }
    }
    CHECK(found);
}

TEST_CASE("Motley Fool: the advertisement block inside a turn is dropped and the turn goes on") {
    const auto& rene = seed003().turns[1];
    REQUIRE(rene.paragraphs.size() == 5);
    CHECK(rene.paragraphs[1].text.ends_with("during the Q&A session that will follow."));
    CHECK(rene.paragraphs[2].text.starts_with("Before we begin, I'd like to remind you"));
}

TEST_CASE("Motley Fool: no boilerplate line becomes a paragraph") {
    const char* const marks[] = {"Logo of jester cap", "Image source", "Contents:", "Prepared Remarks",
                                 "stocks we like better than", "award-winning analyst team",
                                 "They just revealed", "See the 10 stocks", "Stock Advisor returns",
                                 "Duration:", "Call participants", "More JG analysis",
                                 "All earnings call transcripts", "Questions & Answers:",
                                 "Ryan Roberts -- Navis Capital -- Analyst"};
    for (const auto& turn : seed003().turns) {
        for (const auto& paragraph : turn.paragraphs) {
            for (const char* mark : marks) {
                CAPTURE(paragraph.text);
                CHECK(paragraph.text.find(mark) == std::string::npos);
            }
        }
    }
    const auto& last = seed003().turns.back();
    CHECK(last.speaker == "Operator");
    REQUIRE(last.paragraphs.size() == 1);
    CHECK(last.paragraphs[0].text == "[Operator signoff]");
}

TEST_CASE("Motley Fool: sections follow the headings") {
    const auto& turns = seed003().turns;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        CAPTURE(i);
        CHECK(turns[i].section == (i < 5 ? Section::Prepared : Section::QA));
    }
    CHECK(turns[5].speaker == "Operator");
    CHECK(turns[5].paragraphs[0].text.starts_with("[Operator instructions] We have the first question."));
}

TEST_CASE("is_motley_fool_boilerplate knows the page furniture and the advertisement") {
    for (const char* line : {
             "Logo of jester cap with thought bubble.",
             "Image source: The Motley Fool.",
             "Contents:",
             "  \u2022 Prepared Remarks",
             "10 stocks we like better than Aurora Mobile Ltd",
             "When our award-winning analyst team has a stock tip, it can pay to listen.",
             "They just revealed what they believe are the ten best stocks for investors to buy right now...",
             "See the 10 stocks",
             "*Stock Advisor returns as of August 9, 2021",
             "Duration: 59 minutes",
             "Call participants:",
             "More JG analysis",
             "All earnings call transcripts",
         }) {
        CAPTURE(std::string(line));
        CHECK(is_motley_fool_boilerplate(line));
    }
    for (const char* line : {"Operator", "We like better margins than 10 stocks we know.",
                             "Thank you. More analysis will follow in the next quarter, and then some more of it.",
                             "[Operator signoff]"}) {
        CAPTURE(std::string(line));
        CHECK_FALSE(is_motley_fool_boilerplate(line));
    }
}

TEST_CASE("parse_participant_list splits each entry at its first separator and stops at the footer") {
    const std::vector<std::string_view> lines = {"Call participants:", "", "Fei Chen -- President", "",
                                                 "Ryan Roberts -- Navis Capital -- Analyst", "", "Unknown speaker",
                                                 "", "More JG analysis", "", "All earnings call transcripts"};
    const auto participants = parse_participant_list(lines);
    REQUIRE(participants.size() == 3);
    CHECK(participants[0].name == "Fei Chen");
    CHECK(participants[0].title == "President");
    CHECK(participants[1].title == "Navis Capital -- Analyst");
    CHECK(participants[2].name == "Unknown speaker");
    CHECK(participants[2].title.empty());
}

TEST_CASE("Motley Fool: untitled speakers count when set off like the page's sure speaker lines") {
    // As in bench files whose participant list is empty: bare names, two blank lines before each speaker.
    const std::string text =
        "Acme Corp (ACME)\nQ1 2021 Earnings Call\n\nPrepared Remarks:\n\n\nOperator\n\nWelcome to the call.\n\n\n"
        "David Lim\n\nThank you. We will take your questions after the remarks.\n\nOkay\n\n\nOperator\n\n"
        "Our first question comes from Rod Lache.\n\n\nRod Lache\n\nHi. A question on margins.\n\n\n"
        "Operator\n\n[Operator Closing Remarks]\n\nDuration: 20 minutes\n\nCall participants:\n\n"
        "More ACME analysis\n\nAll earnings call transcripts\n";
    const auto transcript = parse_motley_fool(text);
    REQUIRE(transcript.turns.size() == 5);
    CHECK(transcript.turns[1].speaker == "David Lim");
    CHECK(transcript.turns[1].title.empty());
    CHECK(transcript.turns[1].roles.empty());
    // "Okay" after a single blank line is speech.
    CHECK(transcript.turns[1].paragraphs.size() == 2);
    CHECK(transcript.turns[3].speaker == "Rod Lache");
    // Without a participant list, the participants are the speakers.
    REQUIRE(transcript.participants.size() == 2);
    CHECK(transcript.participants[0].name == "David Lim");
    // No Q&A heading: Q&A starts with the operator after the mention of questions.
    CHECK(transcript.turns[1].section == Section::Prepared);
    CHECK(transcript.turns[2].section == Section::QA);
    CHECK(transcript.turns[4].section == Section::QA);
}

TEST_CASE("Motley Fool: a speaker line repeated with nothing between leaves no empty turn") {
    const std::string text =
        "Operator\n\nWelcome.\n\nDerek Han -- KBW -- Analyst\n\nGot it.\n\nOperator\n\n\nOperator\n\nNext question.\n";
    const auto transcript = parse_motley_fool(text);
    REQUIRE(transcript.turns.size() == 3);
    CHECK(transcript.turns[1].paragraphs.size() == 1);
    CHECK(transcript.turns[2].speaker == "Operator");
    CHECK(transcript.turns[2].paragraphs[0].text == "Next question.");
}

TEST_CASE("Motley Fool: no-break spaces do not hide the header block, paragraphs keep the text as written") {
    const std::string text =
        "Aurora Mobile Ltd\u00a0(JG)\nQ2\u00a02021 Earnings Call\n\nPrepared Remarks:\n\nOperator\n\n"
        "Tsushima\u00a0Financial grew.\n";
    const auto transcript = parse_motley_fool(text);
    CHECK(transcript.call.company == "Aurora Mobile Ltd");
    CHECK(transcript.call.ticker == "JG");
    CHECK(transcript.call.quarter == 2);
    REQUIRE(transcript.turns.size() == 1);
    CHECK(transcript.turns[0].paragraphs[0].text == "Tsushima\u00a0Financial grew.");
}

TEST_CASE("Motley Fool: a text without speaker lines gives no turns") {
    CHECK(parse_motley_fool("").turns.empty());
    CHECK(parse_motley_fool("Image source: The Motley Fool.\n\nJust some words here.\n").turns.empty());
}

TEST_CASE("Motley Fool: thousands of header-like lines are refused or give one turn each, never speech") {
    // Parsing time is not asserted here; these inputs once cost their square.
    constexpr std::size_t kCount = 20'000;
    const std::string header = "Firstname Lastname -- Chief Executive Officer";
    struct Case {
        const char* what;
        std::string text;
        std::size_t turns;  // 0: refused as not a transcript
    };
    const Case cases[] = {
        {"header lines", test_support::repeated(header + "\n", kCount), 0},
        {"header lines between blank lines", test_support::repeated(header + "\n\n", kCount), 0},
        {"header lines, each with a paragraph", test_support::repeated(header + "\n\nThank you.\n\n", kCount), kCount},
        {"Operator lines", header + "\n" + test_support::repeated("Operator\n", kCount), 0},
        {"Operator lines, each with a paragraph", header + "\n" + test_support::repeated("Operator\nNext question.\n", kCount),
         kCount},
        {"distinct speakers, each with a paragraph",
         test_support::distinct_speaker_turns(kCount, " -- Chief Executive Officer", 1, "Thank you.\n"), kCount},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        std::optional<Transcript> transcript;
        try {
            transcript = callsearch::parse_transcript(c.text, "hostile.txt");
        } catch (const callsearch::ParseError&) {
        }
        if (c.turns == 0) {
            CHECK_FALSE(transcript.has_value());
            continue;
        }
        REQUIRE(transcript.has_value());
        CHECK(transcript->turns.size() == c.turns);
        const auto paragraphs = test_support::paragraphs_of(*transcript);
        CHECK(paragraphs.size() == c.turns);
        CHECK(std::none_of(paragraphs.begin(), paragraphs.end(), [](const callsearch::Paragraph* p) {
            return p->text.find(" -- ") != std::string::npos || p->text == "Operator";
        }));
    }
}

TEST_CASE("Motley Fool: thousands of distinct speakers are each a participant once") {
    // Each speaks twice, so a participant list built by a scan would be quadratic and a wrong one doubled.
    const std::string round = test_support::distinct_speaker_turns(20'000, " -- Chief Executive Officer", 1, "Thank you.\n");
    const auto transcript = parse_motley_fool(round + round);
    CHECK(transcript.turns.size() == 40'000);
    REQUIRE(transcript.participants.size() == 20'000);
    CHECK(transcript.participants[0].name == test_support::person_name(0));
    CHECK(transcript.participants[19'999].name == test_support::person_name(19'999));
}
