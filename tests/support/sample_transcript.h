#pragma once
// A small transcript model built from real lines of seed 000 (Aurora Mobile
// Q2 2023), for tests of the stages after parsing.

#include "model/transcript.h"

namespace test_support {

inline callsearch::Transcript sample_transcript() {
    using namespace callsearch;
    Transcript t;
    t.call.company = "Aurora Mobile";
    t.call.ticker = "JG";
    t.call.quarter = 2;
    t.call.year = 2023;
    t.call.source_path = "/corpus/000_a04c82ed83b00c07.txt";
    t.call.layout = Layout::Bilingual;

    Turn op;
    op.speaker = "Operator";
    op.roles = {"operator"};
    op.paragraphs = {{"Our next question comes from Brian Kinstlinger with Alliance Global Partners.", Lang::En, {}, {}}};
    op.section = Section::QA;

    Turn analyst;
    analyst.speaker = "Unidentified Analyst";
    analyst.roles = {"analyst"};
    analyst.section = Section::QA;
    analyst.paragraphs = {
        {"And the second question is related to your EngageLab product.", Lang::En, {}, {}},
        {"第二個問題與您的 EngageLab 產品有關。", Lang::Zh, 0, {}},
    };

    Turn cfo;
    cfo.speaker = "Shan-Nen Bong";
    cfo.title = "CFO";
    cfo.roles = {"cfo"};
    cfo.section = Section::QA;
    cfo.paragraphs = {
        {"Subscription Services revenue were RMB 40.5 million, up 6% year-over-year, mainly driven by "
         "increasing ARPU.",
         Lang::En, {}, {}},
        {"訂閱服務收入為人民幣4,050萬元,較去年成長6%,主要受到ARPU成長的推動。", Lang::Zh, 0, {}},
        {"In the quarter ended June 30, 2023, we repurchased 443,000 ADSs.", Lang::En, {}, {}},
        {"截至 2023 年 6 月 30 日的季度,我們回購了 443,000 股美國存託股。", Lang::Zh, 2, {}},
    };
    t.turns = {op, analyst, cfo};
    return t;
}

}  // namespace test_support
