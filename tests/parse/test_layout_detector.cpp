#include <doctest/doctest.h>

#include <string>

#include "parse/layout_detector.h"
#include "parse/transcript_parser.h"
#include "support/seed_text.h"

using callsearch::detect_layout;
using callsearch::Layout;
using callsearch::parse_transcript;
using callsearch::ParseError;
using test_support::read_seed;

namespace {

constexpr const char* kProse =
    "The quick brown fox jumps over the lazy dog.\n"
    "It was the best of times, it was the worst of times -- it was the age of wisdom.\n"
    "Call me Ishmael.\n";

}  // namespace

TEST_CASE("detect_layout recognizes both seeds") {
    CHECK(detect_layout(read_seed(test_support::kBilingualSeed)) == Layout::Bilingual);
    CHECK(detect_layout(read_seed(test_support::kMotleyFoolSeed)) == Layout::MotleyFool);
}

TEST_CASE("detect_layout knows a Motley Fool page by its speaker lines alone") {
    const std::string text =
        "Operator\n\nWelcome to the call.\n\nShan-Nen Bong -- Chief Financial Officer\n\nThanks.\n";
    CHECK(detect_layout(text) == Layout::MotleyFool);
}

TEST_CASE("detect_layout needs repeated speaker lines and Chinese for the bilingual layout") {
    const std::string bilingual = "Operator\nOperator\nWelcome.\n歡迎。\nShan-Nen Bong - CFO\nShan-Nen Bong - CFO\n"
                                  "Thanks.\n謝謝。\n";
    CHECK(detect_layout(bilingual) == Layout::Bilingual);
    // Repeated lines without any Chinese are not the bilingual layout.
    CHECK_FALSE(detect_layout("Operator\nOperator\nWelcome.\n").has_value());
}

TEST_CASE("detect_layout finds nothing in prose or in an empty text") {
    CHECK_FALSE(detect_layout(kProse).has_value());
    CHECK_FALSE(detect_layout("").has_value());
    CHECK_FALSE(detect_layout("\n\n  \n").has_value());
}

TEST_CASE("parse_transcript throws ParseError, saying why, for text that is not a transcript") {
    CHECK_THROWS_WITH_AS((void)parse_transcript("", "empty.txt"), doctest::Contains("empty"), ParseError);
    CHECK_THROWS_WITH_AS((void)parse_transcript(kProse, "prose.txt"), doctest::Contains("not a transcript"), ParseError);
    // A Motley Fool page frame with no speaker in it.
    CHECK_THROWS_WITH_AS((void)parse_transcript("Image source: The Motley Fool.\n\nPrepared Remarks:\n\n", "frame.txt"),
                         doctest::Contains("no speaker turns"), ParseError);
}

TEST_CASE("parse_transcript records the source path and the detected layout") {
    const auto bilingual = parse_transcript(read_seed(test_support::kBilingualSeed), "corpus/000.txt");
    CHECK(bilingual.call.source_path == "corpus/000.txt");
    CHECK(bilingual.call.layout == Layout::Bilingual);
    const auto fool = parse_transcript(read_seed(test_support::kMotleyFoolSeed), "corpus/003.txt");
    CHECK(fool.call.source_path == "corpus/003.txt");
    CHECK(fool.call.layout == Layout::MotleyFool);
}
