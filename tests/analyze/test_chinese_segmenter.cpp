// ICU word segmentation: feeds ranking only, and these cases show why it
// cannot drive matching.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyze/chinese_normalizer.h"
#include "analyze/chinese_segmenter.h"
#include "support/seed_text.h"

using callsearch::analyze::ChineseSegmenter;
using test_support::seed_line;

TEST_SUITE("analyze") {

TEST_CASE("chinese segmenter: a real seed sentence, with 监控 cut into characters") {
    // Seed 000, line 43, last sentence.
    const std::string line = seed_line(43);
    const std::string sentence = "我們現在和未來都努力繼續嚴格監控和控制我們的營運支出。";
    REQUIRE(line.find(sentence) != std::string::npos);
    ChineseSegmenter segmenter;
    const std::vector<std::string> words = segmenter.segment(callsearch::analyze::to_simplified(sentence));
    const std::vector<std::string> expected = {"我们", "现在", "和", "未来", "都", "努力", "继续", "严格",
                                               "监", "控", "和", "控制", "我们", "的", "营运", "支出"};
    CHECK(words == expected);  // the final "。" is dropped: not a word
}

TEST_CASE("chinese segmenter: finance words split into single characters") {
    ChineseSegmenter segmenter;
    CHECK(segmenter.segment("回购") == std::vector<std::string>{"回", "购"});
    CHECK(segmenter.segment("财报") == std::vector<std::string>{"财", "报"});
}

TEST_CASE("chinese segmenter: drops spaces and punctuation, keeps Latin words") {
    ChineseSegmenter segmenter;
    CHECK(segmenter.segment("海外EngageLab产品，最新 状况") ==
          std::vector<std::string>{"海外", "EngageLab", "产品", "最新", "状况"});
    CHECK(segmenter.segment("").empty());
    CHECK(segmenter.segment("，。 ").empty());
}

TEST_CASE("chinese segmenter: reusable across calls") {
    ChineseSegmenter segmenter;
    for (int i = 0; i < 3; ++i) CHECK(segmenter.segment("订阅服务").size() == 2);
}

}  // TEST_SUITE
