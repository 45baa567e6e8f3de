#pragma once
// Paragraphs as the index stores them and hits as the matcher returns them,
// from real lines of the seeds, for tests of storing and printing.

#include <optional>
#include <utility>

#include "index/stored_paragraph.h"
#include "match/matcher.h"

namespace test_support {

// Ryan Roberts's question in seed 003 (Motley Fool, Q2 2021): an analyst
// with a firm and a call date, English, no translation.
inline callsearch::StoredParagraph analyst_paragraph() {
    return {.file = "/c/003.txt", .call = "jg_q2_2021", .company = "Aurora Mobile Ltd", .ticker = "JG",
            .year = 2021, .quarter = 2, .date = "2021-09-09",
            .speaker = "Ryan Roberts", .title = "Navis Capital -- Analyst", .roles = {"analyst"},
            .firm = "Navis Capital", .section = "qa", .lang = "en",
            .text = "What's the current ad load \"looking\" like?\n", .translation = std::nullopt,
            .turn = 12, .paragraph = 1};
}

// Shan-Nen Bong's answer in seed 000 (bilingual, Q2 2023): the CFO, English
// with its Chinese translation, no call date.
inline callsearch::StoredParagraph cfo_paragraph() {
    return {.file = "/c/000.txt", .call = "jg_q2_2023", .company = "Aurora Mobile", .ticker = "JG",
            .year = 2023, .quarter = 2, .date = std::nullopt,
            .speaker = "Shan-Nen Bong", .title = "CFO", .roles = {"cfo"}, .firm = "", .section = "qa", .lang = "en",
            .text = "We are pleased with EngageLab.", .translation = "我們對 EngageLab 感到滿意。",
            .turn = 9, .paragraph = 4};
}

inline callsearch::Hit hit_of(callsearch::StoredParagraph paragraph, Xapian::doccount rank, double score) {
    return {.rank = rank, .score = score, .paragraph = std::move(paragraph)};
}

}  // namespace test_support
