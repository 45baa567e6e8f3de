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
