// Chinese word segmentation: feeds ranking only, and the first cases show why
// it cannot drive matching. The rest pin the dictionary path to ICU's break
// iterator, which the index was cut with before it and which is its reference.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "analyze/chinese_normalizer.h"
#include "analyze/chinese_segmenter.h"
#include "analyze/script.h"
#include "support/han_text.h"
#include "support/seed_text.h"

using callsearch::analyze::ChineseSegmenter;
using test_support::seed_line;

namespace {

// The Han runs of every line of every file under `folder`, as written and
// converted to Simplified (the index cuts the latter).
std::vector<std::string> han_runs_under(const std::filesystem::path& folder) {
    std::vector<std::string> runs;
    for (const std::string& line : test_support::han_lines_under(folder)) {
        for (const std::string& text : {line, callsearch::analyze::to_simplified(line)}) {
            for (const auto& run : callsearch::analyze::split_han_runs(text)) {
                if (run.han) runs.push_back(text.substr(run.begin, run.end - run.begin));
            }
        }
    }
    return runs;
}

// How many of `texts` the segmenter cuts otherwise than ICU's break iterator.
std::size_t disagreements(ChineseSegmenter& segmenter, const std::vector<std::string>& texts) {
    std::size_t differ = 0;
    for (const std::string& text : texts) {
        const std::vector<std::string> ours = segmenter.segment(text);
        const std::vector<std::string> icu = segmenter.segment_with_break_iterator(text);
        if (ours == icu) continue;
        if (++differ <= 5) {
            std::string a, b;
            for (const std::string& w : ours) a += w + "|";
            for (const std::string& w : icu) b += w + "|";
            MESSAGE("ours " << a << " ICU " << b);
        }
    }
    return differ;
}

}  // namespace

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

TEST_CASE("chinese segmenter: cuts every Han run of the seeds as ICU's break iterator does") {
    ChineseSegmenter segmenter;
    const std::vector<std::string> runs = han_runs_under(CALLSEARCH_CORPUS_DIR);
    REQUIRE(runs.size() > 500);
    CHECK(disagreements(segmenter, runs) == 0);
}

TEST_CASE("chinese segmenter: cuts every Han run of ../shared/wild as ICU's break iterator does") {
    const std::filesystem::path wild = std::filesystem::path(CALLSEARCH_SHARED_DIR) / "wild";
    if (!std::filesystem::is_directory(wild)) {
        MESSAGE("SKIPPED: no " << wild.string());
        return;
    }
    ChineseSegmenter segmenter;
    const std::vector<std::string> runs = han_runs_under(wild);
    MESSAGE(runs.size() << " Han runs under " << wild.string());
    CHECK(disagreements(segmenter, runs) == 0);
}

TEST_CASE("chinese segmenter: agrees with ICU on real words run together in random orders") {
    // Back-to-back words make the cheapest cut a close call: ties, and words
    // that straddle their neighbours.
    ChineseSegmenter segmenter;
    std::vector<std::string> words;
    for (const std::string& run : han_runs_under(CALLSEARCH_CORPUS_DIR)) {
        for (std::string& word : segmenter.segment_with_break_iterator(run)) words.push_back(std::move(word));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    REQUIRE(words.size() > 300);
    std::mt19937 random(20261201);
    std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1), count(2, 12);
    std::vector<std::string> texts;
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        for (std::size_t n = count(random); n > 0; --n) text += words[pick(random)];
        texts.push_back(std::move(text));
    }
    CHECK(disagreements(segmenter, texts) == 0);
}

TEST_CASE("chinese segmenter: agrees with ICU on every unified ideograph, in runs of neighbours") {
    // Supplementary planes included; most of these have no word of their own.
    ChineseSegmenter segmenter;
    std::vector<std::string> texts(1);
    std::size_t ideographs = 0;
    for (char32_t c = 0x3400; c <= 0x3FFFF; ++c) {
        if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_UNIFIED_IDEOGRAPH)) continue;
        ++ideographs;
        texts.back() += test_support::utf8(c);
        if (ideographs % 40 == 0) texts.emplace_back();
    }
    MESSAGE(ideographs << " unified ideographs");
    REQUIRE(ideographs > 90000);
    CHECK(disagreements(segmenter, texts) == 0);
}

TEST_CASE("chinese segmenter: a character the dictionary lacks alone costs what ICU charges for it") {
    // 讧 and 馀 are in the dictionary only inside words, so how dear they are
    // alone decides between "内讧" and "内|讧".
    ChineseSegmenter segmenter;
    CHECK(segmenter.segment("公司内讧加剧") == std::vector<std::string>{"公司", "内讧", "加剧"});
    CHECK(segmenter.segment("剩馀价值") == std::vector<std::string>{"剩馀", "价值"});
    CHECK(disagreements(segmenter, {"内讧", "讧", "剩馀", "馀", "业馀者", "中坜市", "内讧剩馀"}) == 0);
}

TEST_CASE("chinese segmenter: text that is not all ideographs is cut as ICU's break iterator cuts it") {
    // Iteration marks, compatibility ideographs and Latin words take ICU's own path.
    ChineseSegmenter segmenter;
    CHECK(segmenter.segment("人々") == std::vector<std::string>{"人々"});
    CHECK(segmenter.segment("ABC公司") == std::vector<std::string>{"ABC", "公司"});
    CHECK(segmenter.segment("订阅 服务") == std::vector<std::string>{"订阅", "服务"});
}

}  // TEST_SUITE
