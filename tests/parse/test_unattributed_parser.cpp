#include <doctest/doctest.h>

#include <string>

#include "parse/transcript_parser.h"
#include "parse/unattributed_parser.h"

using callsearch::Layout;
using callsearch::parse_transcript;
using callsearch::parse_unattributed;
using callsearch::ParseError;
using callsearch::reads_as_call;

TEST_CASE("sentence-per-line text is a call with the speaker unknown") {
    const std::string text =
        "I'm pleased to report another quarter of strong operating performance and continued positive momentum at the "
        "Aaron's Company.\n"
        "Continued investments in our best-in-class e-commerce channel are driving greater productivity and growth in our "
        "business.\n"
        "Since 1955, Aaron's has been committed to serving a customer base that has too often been overlooked.\n"
        "Revenue for the third quarter grew 5% and our margin expanded, so we are raising our guidance for the year.\n"
        "Aaron's e-commerce revenues grew 24% in the quarter, and Aaron's lease renewals were strong.\n";
    const auto t = parse_transcript(text, "AAN_q3_2021.txt");
    CHECK(t.call.layout == Layout::Unattributed);
    REQUIRE(t.turns.size() == 1);
    CHECK(t.turns[0].speaker.empty());
    CHECK(t.turns[0].roles.empty());
    CHECK(t.call.company == "Aaron's");
    CHECK(t.call.ticker == "AAN");
    CHECK(t.call.quarter == 3);
    CHECK(t.call.year == 2021);
}

TEST_CASE("speech-to-text: timestamps kept apart from the text, spaced Chinese joined") {
    const std::string text =
        "[30.440 --> 33.020] 一 开始 是 公 司 的 免 责 说 明\n"
        "[33.020 --> 37.620] 我 们 的 营 收 与 毛 利 都 有 成 长 ， 谢 谢 大 家\n"
        "[40.000 --> 44.380] 本 季 度 公 司 的 回 购 计 划 持 续 进 行 ， 客 户 需 求 增 长\n"
        "[44.380 --> 48.580] 接 下 来 是 问 题 的 时 间 ， 我 们 的 产 品 利 润\n";
    const auto t = parse_transcript(text, "4104_20260915_clean.txt");
    CHECK(t.call.layout == Layout::Unattributed);
    REQUIRE(t.turns.size() == 1);
    const auto& paragraphs = t.turns[0].paragraphs;
    // A pause of over two seconds (37.62 to 40.0) starts a paragraph.
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].text.find("公司的免责说明") != std::string::npos);
    CHECK(paragraphs[0].text.find("-->") == std::string::npos);
    CHECK(paragraphs[0].start_seconds == doctest::Approx(30.44));
    CHECK(paragraphs[1].start_seconds == doctest::Approx(40.0));
    CHECK(paragraphs[1].text.find("回购计划") != std::string::npos);
    CHECK(paragraphs[1].lang == callsearch::Lang::Zh);
    CHECK(t.call.ticker == "4104");
    CHECK(t.call.date == "2026-09-15");
}

TEST_CASE("files that are not transcripts are refused with a reason") {
    struct Case {
        const char* what;
        std::string text;
        const char* reason;
    };
    const Case cases[] = {
        {"a README", "# callsearch\n\nA search engine for earnings calls: revenue, quarter, guidance.\n\n| a | b |\n|---|---|\n"
                     "- install it\n- run `searcher revenue`\n- read the margin and growth of each quarter\n",
         "formatted document"},
        {"a CSV of numbers", "date,open,close,volume\n2021-01-04,133.52,129.41,143301900\n2021-01-05,128.89,131.01,97664900\n"
                             "2021-01-06,127.72,126.60,155088000\n",
         "not a transcript"},
        {"source code", "#include <stdio.h>\nint main() {\n  int revenue = 0;\n  printf(\"quarter\");\n  return 0;\n}\n",
         "not a transcript"},
        {"a novel", "It was the best of times, it was the worst of times.\nCall me Ishmael.\nThe sea was calm that night.\n",
         "not a transcript"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK_THROWS_WITH_AS((void)parse_transcript(c.text, "file.txt"), doctest::Contains(c.reason), ParseError);
    }
    std::string why;
    CHECK_FALSE(reads_as_call("def f():\n    return 1;\n", &why));
    CHECK_FALSE(why.empty());
}

TEST_CASE("parse_unattributed groups lines into paragraphs of about 120 words") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "We grew revenue and margin in the quarter, and our guidance is strong today.\n";
    const auto t = parse_unattributed(text, "x.txt");
    REQUIRE(t.turns.size() == 1);
    // 60 lines of 14 words: 840 words.
    CHECK(t.turns[0].paragraphs.size() >= 6);
    CHECK(t.turns[0].paragraphs.size() <= 8);
}
