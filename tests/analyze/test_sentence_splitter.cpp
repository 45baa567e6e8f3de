// Where sentences end: the boundaries the index learns through position gaps.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyze/sentence_splitter.h"

using callsearch::analyze::split_sentences;

namespace {

std::vector<std::string> sentences(std::string_view text) {
    std::vector<std::string> out;
    for (const std::string_view s : split_sentences(text)) out.emplace_back(s);
    return out;
}

}  // namespace

TEST_CASE("sentences end at . ! ? before white space, and at every 。！？") {
    struct Case {
        const char* text;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"Revenue grew. Margins held.", {"Revenue grew. ", "Margins held."}},
        {"Did it? Yes! Fine", {"Did it? ", "Yes! ", "Fine"}},
        {"Growth was 3.5% in the U.S. market.", {"Growth was 3.5% in the U.S. market."}},
        {"Mr. Luo and Dr. Chen spoke. Thanks.", {"Mr. Luo and Dr. Chen spoke. ", "Thanks."}},
        {"Acme Inc. reported. Then J. Smith asked.", {"Acme Inc. reported. ", "Then J. Smith asked."}},
        {"He said \"we are done.\" Next.", {"He said \"we are done.\" ", "Next."}},
        {"Wait... really?! OK", {"Wait... ", "really?! ", "OK"}},
        {"see fool.com for more", {"see fool.com for more"}},
        {"营收增长了。回购完成！好吗？", {"营收增长了。", "回购完成！", "好吗？"}},
        {"", {}},
        {"   ", {"   "}},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(sentences(c.text) == c.expected);
    }
}

TEST_CASE("the sentences cover the text exactly") {
    const std::string text = "One. Two! Three? 四。五 six";
    std::string joined;
    for (const std::string_view s : split_sentences(text)) joined += s;
    CHECK(joined == text);
}
