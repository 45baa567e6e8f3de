#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "parse/bilingual_parser.h"
#include "parse/speaker_line.h"
#include "parse/transcript_parser.h"
#include "support/hostile_text.h"
#include "support/seed_text.h"

using callsearch::is_translation_disclaimer;
using callsearch::Lang;
using callsearch::Layout;
using callsearch::line_language;
using callsearch::parse_bilingual;
using callsearch::qa_start_by_operator_cue;
using callsearch::Section;
using callsearch::Transcript;
using test_support::read_seed;

namespace {

const Transcript& seed000() {
    static const Transcript transcript = parse_bilingual(read_seed(test_support::kBilingualSeed));
    return transcript;
}

using Roles = std::vector<std::string>;

callsearch::Turn turn_saying(const char* speaker, const char* title, const char* text) {
    auto turn = callsearch::make_turn({speaker, title}, Section::Prepared);
    turn.paragraphs.push_back({text, Lang::En, std::nullopt, {}});
    return turn;
}

}  // namespace

TEST_CASE("Bilingual: the operator's welcome names company, quarter and year, no ticker or date") {
    const auto& call = seed000().call;
    CHECK(call.company == "Aurora Mobile");
    CHECK(call.quarter == 2);
    CHECK(call.year == 2023);
    CHECK(call.ticker.empty());
    CHECK_FALSE(call.date.has_value());
    CHECK(call.layout == Layout::Bilingual);
}

TEST_CASE("Bilingual: each repeated speaker line opens one turn") {
    const auto& turns = seed000().turns;
    REQUIRE(turns.size() == 24);
    CHECK(turns[0].speaker == "Operator");
    CHECK(turns[0].roles == Roles{"operator"});
    CHECK(turns[1].speaker == "Rene Vanguestaine");
    CHECK(turns[1].title == "Chairman & CEO");
    CHECK(turns[2].speaker == "Weidong Luo");
    CHECK(turns[2].title == "Co-Founder, Chairman & CEO");
    CHECK(turns[2].roles == Roles{"ceo", "chairman"});
    CHECK(turns[3].speaker == "Shan-Nen Bong");
    CHECK(turns[3].roles == Roles{"cfo"});
    CHECK(turns[5].speaker == "Unidentified Analyst");
    CHECK(turns[5].roles == Roles{"analyst"});
    CHECK(turns[9].speaker == "Brian David Kinstlinger");
    CHECK(turns[9].roles == Roles{"analyst"});
    for (const auto& turn : turns) {
        for (const auto& paragraph : turn.paragraphs) {
            // Neither the repeated speaker line nor the disclaimer is a paragraph.
            CHECK(paragraph.text != turn.speaker);
            CHECK(paragraph.text.find("使用警語") == std::string::npos);
        }
    }
}

TEST_CASE("Bilingual: paragraphs alternate English and Chinese, each translation linked to its original") {
    for (const auto& turn : seed000().turns) {
        CAPTURE(turn.speaker);
        REQUIRE(turn.paragraphs.size() % 2 == 0);
        for (std::size_t i = 0; i < turn.paragraphs.size(); ++i) {
            const auto& paragraph = turn.paragraphs[i];
            if (i % 2 == 0) {
                CHECK(paragraph.lang == Lang::En);
                CHECK_FALSE(paragraph.translates.has_value());
            } else {
                CHECK(paragraph.lang == Lang::Zh);
                CHECK(paragraph.translates == std::optional<std::size_t>(i - 1));
            }
        }
    }
    const auto& opening = seed000().turns[0].paragraphs;
    CHECK(opening[0].text.starts_with("Ladies and gentlemen, thank you for standing by"));
    CHECK(opening[1].text.starts_with("女士們、先生們"));
}

TEST_CASE("Bilingual: Q&A starts where the operator opens the floor") {
    const auto& turns = seed000().turns;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        CAPTURE(i);
        CHECK(turns[i].section == (i < 4 ? Section::Prepared : Section::QA));
    }
    CHECK(turns[4].paragraphs[0].text == "(Operator Instructions) Our first question comes from (inaudible).");
}

TEST_CASE("Bilingual: participants are the speakers, once each, without the operator") {
    const auto& participants = seed000().participants;
    REQUIRE(participants.size() == 5);
    CHECK(participants[0].name == "Rene Vanguestaine");
    CHECK(participants[3].name == "Unidentified Analyst");
    CHECK(participants[4].title == "MD, Director of Research, Head of TMT Research & Senior Technology Analyst");
}

TEST_CASE("line_language: Chinese lines keep Latin words and are still Chinese") {
    struct Case {
        const char* line;
        Lang lang;
    };
    const Case cases[] = {
        {"Thank you for your comments on the positive adjusted EBITDA. It's very clear.", Lang::En},
        {"感謝您對正調整 EBITDA 的評論。非常清楚。", Lang::Zh},
        {"(操作員說明)", Lang::Zh},
        {"我們的下一個問題來自 Alliance Global Partners 的 Brian Kinstlinger。", Lang::Zh},
        {"We partnered with JPush (极光推送) to reach more developers across many provinces of China.", Lang::En},
        {"", Lang::En},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.line));
        CHECK(line_language(c.line) == c.lang);
    }
}

TEST_CASE("is_translation_disclaimer") {
    CHECK(is_translation_disclaimer("使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"));
    CHECK_FALSE(is_translation_disclaimer("謝謝你,米歇爾。"));
    CHECK_FALSE(is_translation_disclaimer("We use Google Cloud for hosting."));
}

TEST_CASE("qa_start_by_operator_cue: the first operator turn after someone mentions questions") {
    const std::vector<callsearch::Turn> turns = {
        turn_saying("Operator", "", "Welcome. There will be a question-and-answer session later."),
        turn_saying("Rene Vanguestaine", "IR", "They will answer your questions after the remarks."),
        turn_saying("Weidong Luo", "CEO", "Revenue grew."),
        turn_saying("Operator", "", "Our first question comes from Brian."),
        turn_saying("Brian Kinstlinger", "Analyst", "Thanks."),
    };
    CHECK(qa_start_by_operator_cue(turns) == std::optional<std::size_t>(3));
    // The operator's own mention of questions does not count.
    const std::vector<callsearch::Turn> no_cue = {turns[0], turns[2], turns[3]};
    CHECK_FALSE(qa_start_by_operator_cue(no_cue).has_value());
}

TEST_CASE("Bilingual: a translation that leaves the English unchanged adds no paragraph") {
    const std::string text = "使用警語:中文譯文來源為 Google 翻譯\nOperator\nOperator\nEBITDA?\nEBITDA?\n"
                             "Thank you.\n謝謝。\n";
    const auto transcript = parse_bilingual(text);
    REQUIRE(transcript.turns.size() == 1);
    const auto& paragraphs = transcript.turns[0].paragraphs;
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text == "EBITDA?");
    CHECK(paragraphs[1].lang == Lang::En);
    CHECK(paragraphs[2].translates == std::optional<std::size_t>(1));
}

TEST_CASE("Bilingual: a text without speaker lines gives no turns") {
    CHECK(parse_bilingual("").turns.empty());
    CHECK(parse_bilingual("使用警語:中文譯文來源為 Google 翻譯\n只是一段文字。\n").turns.empty());
}

TEST_CASE("Bilingual: thousands of speaker lines parse to sane turns, never to speech") {
    // Parsing time is not asserted here; a turn of Chinese lines once cost its square.
    constexpr std::size_t kCount = 20'000;
    const std::string disclaimer = "使用警語:中文譯文來源為 Google 翻譯\n";
    struct Case {
        const char* what;
        std::string text;
        std::size_t turns;
        std::size_t paragraphs;
        std::size_t participants;
    };
    const Case cases[] = {
        {"one speaker line, each twice", disclaimer + test_support::repeated("A B - CFO\nA B - CFO\n", kCount) + "你好。\n",
         1, 1, 1},
        {"two speakers alternating, each line twice",
         disclaimer + test_support::repeated("A B - CFO\nA B - CFO\nC D - CEO\nC D - CEO\n", kCount / 2) + "你好。\n", 1, 1, 1},
        {"speaker lines, each with a paragraph and its translation",
         disclaimer + test_support::repeated("A B - CFO\nA B - CFO\nThank you.\n謝謝。\n", kCount), kCount, 2 * kCount, 1},
        {"one turn of Chinese lines", "A B - CFO\nA B - CFO\n" + test_support::repeated("謝謝你們。\n", kCount), 1, kCount, 1},
        {"distinct speakers", disclaimer + test_support::distinct_speaker_turns(kCount, " - CFO", 2, "Thank you.\n謝謝。\n"),
         kCount, 2 * kCount, kCount},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        const Transcript transcript = callsearch::parse_transcript(c.text, "hostile.txt");
        CHECK(transcript.call.layout == Layout::Bilingual);
        CHECK(transcript.turns.size() == c.turns);
        CHECK(transcript.participants.size() == c.participants);
        const auto paragraphs = test_support::paragraphs_of(transcript);
        CHECK(paragraphs.size() == c.paragraphs);
        CHECK(std::none_of(paragraphs.begin(), paragraphs.end(),
                           [](const callsearch::Paragraph* p) { return p->text.find(" - ") != std::string::npos; }));
        // A translation points at the English just before it; a Chinese run without English at nothing.
        std::size_t misaligned = 0;
        for (const auto& turn : transcript.turns) {
            for (std::size_t k = 0; k < turn.paragraphs.size(); ++k) {
                const bool english_before = k > 0 && turn.paragraphs[k - 1].lang == Lang::En;
                if (turn.paragraphs[k].lang == Lang::Zh && turn.paragraphs[k].translates.has_value() != english_before) {
                    ++misaligned;
                }
            }
        }
        CHECK(misaligned == 0);
    }
}
