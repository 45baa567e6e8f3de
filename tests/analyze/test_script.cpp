// UTF-8 decoding and script classification: the analyzer's run splitting rests on these.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyze/script.h"

using namespace callsearch::analyze;

TEST_SUITE("analyze") {

TEST_CASE("script: decode_utf8 reads 1- to 4-byte sequences") {
    const std::string text = "a\u00e9\u7522\U00020000";  // a é 產 𠀀
    const struct {
        std::size_t pos;
        char32_t value;
        std::size_t size;
    } cases[] = {{0, U'a', 1}, {1, U'\u00e9', 2}, {3, U'\u7522', 3}, {6, U'\U00020000', 4}};
    for (const auto& c : cases) {
        INFO(c.pos);
        const CodePoint cp = decode_utf8(text, c.pos);
        CHECK(cp.value == c.value);
        CHECK(cp.size == c.size);
    }
}

TEST_CASE("script: malformed UTF-8 decodes as U+FFFD and always advances") {
    const std::string text = "\xff\xe7\x94";  // stray byte, then a truncated 3-byte sequence
    std::size_t pos = 0;
    int steps = 0;
    while (pos < text.size()) {
        const CodePoint cp = decode_utf8(text, pos);
        CHECK(cp.value == U'\uFFFD');
        CHECK(cp.size >= 1);
        pos += cp.size;
        ++steps;
    }
    CHECK(pos == text.size());
    CHECK(steps <= 3);
}

TEST_CASE("script: utf8 <-> utf32 round trip") {
    const std::string text = "EngageLab產品，4,050萬元";
    CHECK(to_utf8(to_utf32(text)) == text);
    CHECK(to_utf32("產品") == U"產品");
}

TEST_CASE("script: is_han covers ideographs, not CJK punctuation, kana or Latin") {
    const struct {
        char32_t cp;
        bool han;
    } cases[] = {
        {U'產', true},  {U'产', true},  {U'\u3007', true} /* 〇 */, {U'\U00020000', true},
        {U'A', false},  {U'1', false},  {U'。', false},  {U'，', false}, {U'、', false},
        {U'·', false},  {U'あ', false}, {U'ア', false},  {U' ', false},
    };
    for (const auto& c : cases) {
        CAPTURE(static_cast<unsigned>(c.cp));
        CHECK(is_han(c.cp) == c.han);
    }
    CHECK(contains_han("Aurora 2023 年"));
    CHECK_FALSE(contains_han("Aurora Mobile, 2023."));
    CHECK_FALSE(contains_han(""));
}

TEST_CASE("script: word characters are Xapian's") {
    CHECK(is_word_char(U'a'));
    CHECK(is_word_char(U'7'));
    CHECK(is_word_char(U'_'));
    CHECK_FALSE(is_word_char(U'-'));
    CHECK_FALSE(is_word_char(U'，'));
    CHECK_FALSE(is_word_char(U'\''));
    CHECK(is_space(U' '));
    CHECK(is_space(U'\u3000'));  // ideographic space
    CHECK_FALSE(is_space(U'。'));
}

TEST_CASE("script: split_han_runs alternates Han and non-Han runs covering the text") {
    const std::string text = "海外EngageLab產品，2023 年";
    const std::vector<ScriptRun> runs = split_han_runs(text);
    std::vector<std::string> pieces;
    std::vector<bool> han;
    for (const ScriptRun& run : runs) {
        pieces.emplace_back(text.substr(run.begin, run.end - run.begin));
        han.push_back(run.han);
    }
    CHECK(pieces == std::vector<std::string>{"海外", "EngageLab", "產品", "，2023 ", "年"});
    CHECK(han == std::vector<bool>{true, false, true, false, true});
    CHECK(split_han_runs("").empty());
}

}  // TEST_SUITE
