#include <doctest/doctest.h>

#include "print/text_printer.h"
#include "support/sample_hit.h"

using namespace callsearch;

namespace {

// The CFO's answer with its translation, ranked first.
Hit sample_hit() { return test_support::hit_of(test_support::cfo_paragraph(), 1, 2.0); }

}  // namespace

TEST_CASE("a text hit shows call, speaker, the paragraph with matches marked, and the translation beneath") {
    const std::string out = format_text_hit(sample_hit(), {{20, 29}}, {{10, 19}}, TextStyle{false});
    CHECK(out.find("Aurora Mobile (JG) Q2 2023 · Q&A") != std::string::npos);
    CHECK(out.find("Shan-Nen Bong — CFO") != std::string::npos);
    CHECK(out.find("We are pleased with [EngageLab].") != std::string::npos);
    CHECK(out.find("↳ 我們對 [EngageLab] 感到滿意。") != std::string::npos);
    CHECK(out.find("\x1b[") == std::string::npos);
    CHECK(out.find("We are") > out.find("Shan-Nen Bong"));
}

TEST_CASE("with colour, matches are painted instead of bracketed") {
    const std::string out = format_text_hit(sample_hit(), {{20, 29}}, {}, TextStyle{true});
    CHECK(out.find("\x1b[1;31mEngageLab\x1b[0m") != std::string::npos);
    CHECK(out.find("[EngageLab]") == std::string::npos);
}

TEST_CASE("spans out of range are ignored rather than cutting text") {
    const std::string out = format_text_hit(sample_hit(), {{25, 500}}, {}, TextStyle{false});
    CHECK(out.find("We are pleased with EngageLab.") != std::string::npos);
}

TEST_CASE("a long passage shows its snippet, wrapped at word boundaries and indented; --full shows it all") {
    Hit hit = sample_hit();
    hit.paragraph.translation.reset();
    // Seed 003, line 53, as one passage.
    hit.paragraph.text =
        "The number of paying customers increased to 2,634 from 2,281 a year ago, up 15% year over year. Revenue were "
        "RMB 89 million, up 34% year over year. Group gross margin was 75.7%, which is more than 1.8 times compared "
        "with 41% from a year ago. Gross profit was RMB 67.4 million, up 33% year over year, and adjusted EBITDA was "
        "negative RMB 13.3 million, a substantial improvement of 27% from a year ago demonstrating our strong "
        "operating leverage.";
    const std::size_t at = hit.paragraph.text.find("adjusted EBITDA");
    const std::vector<Span> spans = {{at, at + 8}, {at + 9, at + 15}};
    const std::string out = format_text_hit(hit, spans, {}, TextStyle{false, 60, false});
    CHECK(out.find("Revenue were RMB 89 million") == std::string::npos);
    CHECK(out.find("   … Gross profit") != std::string::npos);
    CHECK(out.find("[adjusted EBITDA]") != std::string::npos);
    // Every line of the text fits 60 columns, indented by three spaces, unbroken words.
    std::size_t lines = 0;
    for (std::size_t b = out.find("   …"); b < out.size();) {
        const std::size_t e = out.find('\n', b);
        const std::string line = out.substr(b, e - b);
        if (line.empty()) break;
        CAPTURE(line);
        CHECK(line.rfind("   ", 0) == 0);
        CHECK(line.size() <= 60 + 2);  // brackets of the match
        CHECK(line.back() != ' ');
        ++lines;
        b = e + 1;
    }
    CHECK(lines >= 3);
    const std::string full = format_text_hit(hit, spans, {}, TextStyle{false, 0, true});
    CHECK(full.find("Revenue were RMB 89 million, up 34% year over year. Group gross margin") != std::string::npos);
}

TEST_CASE("Chinese text wraps between characters") {
    Hit hit = sample_hit();
    hit.paragraph.text = "訂閱服務收入為人民幣4,050萬元,較去年成長6%,主要受到ARPU成長的推動。";
    hit.paragraph.translation.reset();
    const std::string out = format_text_hit(hit, {}, {}, TextStyle{false, 30, false});
    // 27 columns after the indent: ten Han characters count two each.
    CHECK(out.find("   訂閱服務收入為人民幣4,050萬\n   元,較去年成長6%,主要受到\n   ARPU成長的推動。\n") !=
          std::string::npos);
}
