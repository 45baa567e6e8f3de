// Traditional -> Simplified: what lets a query in either script find the other.
#include <doctest/doctest.h>

#include <string>

#include "analyze/chinese_normalizer.h"

using callsearch::analyze::ChineseNormalizer;

TEST_SUITE("analyze") {

TEST_CASE("chinese normalizer: Traditional finance words become Simplified") {
    ChineseNormalizer normalizer;
    const struct {
        const char* traditional;
        const char* simplified;
    } cases[] = {
        {"訂閱服務", "订阅服务"}, {"財務長", "财务长"}, {"回購", "回购"},
        {"財報", "财报"},         {"監控", "监控"},     {"營運支出", "营运支出"},
    };
    for (const auto& c : cases) {
        INFO(c.traditional);
        CHECK(normalizer.to_simplified(c.traditional) == c.simplified);
    }
}

TEST_CASE("chinese normalizer: Simplified and Latin text pass through unchanged") {
    ChineseNormalizer normalizer;
    for (const char* text : {"订阅服务收入为人民币4,050万元", "adjusted EBITDA improved by 42%",
                             "Aurora Mobile, Q2 2023: non-GAAP.", "", "，。、（）"}) {
        CAPTURE(text);
        CHECK(normalizer.to_simplified(text) == text);
    }
}

TEST_CASE("chinese normalizer: mixed text keeps its Latin part") {
    ChineseNormalizer normalizer;
    CHECK(normalizer.to_simplified("我們海外EngageLab產品的最新狀況。") == "我们海外EngageLab产品的最新状况。");
}

TEST_CASE("chinese normalizer: phrase rules depend on context, so normalize whole texts") {
    // 畫 alone is 画, but 計畫 (plan) is 计划: normalizing character by character
    // would disagree with normalizing the paragraph.
    ChineseNormalizer normalizer;
    CHECK(normalizer.to_simplified("畫") == "画");
    CHECK(normalizer.to_simplified("計畫") == "计划");
    CHECK(normalizer.to_simplified("股票回購計畫的最新情況") == "股票回购计划的最新情况");
}

}  // TEST_SUITE
