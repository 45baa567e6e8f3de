#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "parse/text_repair.h"

using callsearch::expand_ligatures;
using callsearch::join_spaced_han;
using callsearch::join_split_words;
using callsearch::repair_text;

TEST_CASE("ligatures from PDF extraction become their letters") {
    std::size_t n = 0;
    CHECK(expand_ligatures("Chief Financial Of\uFB01cer, \uFB02at, e\uFB00ect", &n) == "Chief Financial Officer, flat, effect");
    CHECK(n == 3);
    CHECK(expand_ligatures("no ligature here") == "no ligature here");
}

TEST_CASE("words a PDF split are joined only where the split is certain") {
    struct Case {
        const char* text;
        const char* repaired;
    };
    const Case cases[] = {
        // A lone capital split from its word (Seeking Alpha printed to PDF).
        {"Micron T echnology , Inc. W e encourage you", "Micron Technology, Inc. We encourage you"},
        // The joined word occurs unsplit elsewhere, and a piece is no word of the text.
        {"results may dif fer materially. They differ.", "results may differ materially. They differ."},
        // Two real words stay apart even if together they make one ("in to" / "into").
        {"we turn in to the quarter. into", "we turn in to the quarter. into"},
        // "A" and "I" are words.
        {"A lot of I mean things", "A lot of I mean things"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(join_split_words(c.text) == c.repaired);
    }
}

TEST_CASE("spaced Chinese from speech-to-text is joined so that 回购 matches") {
    std::size_t n = 0;
    CHECK(join_spaced_han("公 司 的 回 购 计 划 IF R", &n) == "公司的回购计划 IF R");
    CHECK(n == 6);
}

TEST_CASE("repair_text leaves a clean file alone and repairs a PDF-like one") {
    const std::string clean = "Thank you, operator. Good afternoon, everyone.\nRevenue was $832 million.\n";
    const auto r = repair_text(clean);
    CHECK(r.text == clean);
    CHECK_FALSE(r.pdf_like);

    const std::string pdf =
        "Micron T echnology , Inc. (MU) Q1 2023\nEarnings Call T ranscript\nW e are under no duty to update.\n"
        "W e encourage you. W e expect. W ells Fargo. Micron Technology's quarter.\n";
    const auto p = repair_text(pdf);
    CHECK(p.pdf_like);
    CHECK(p.text.find("Micron Technology, Inc. (MU) Q1 2023\nEarnings Call Transcript") == 0);
    CHECK(p.text.find("We are under no duty") != std::string::npos);
    // Lines are kept: the parser's line numbers stay valid.
    CHECK(std::count(p.text.begin(), p.text.end(), '\n') == std::count(pdf.begin(), pdf.end(), '\n'));

    const std::string asr = "[33.020 --> 37.620] 一 切 的 简 报 内 容 是 依 据 公 开 资 讯\n[37.620 --> 44.380] 完 整 的 内 容 和 数 据 依 照 依 据 公 开 资 讯\n";
    const auto a = repair_text(asr);
    CHECK(a.text.find("一切的简报内容是依据公开资讯") != std::string::npos);
}
