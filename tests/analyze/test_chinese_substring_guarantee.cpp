// The guarantee the Chinese design exists for: a Chinese query finds exactly
// the paragraphs whose normalized text contains it, whatever ICU's dictionary
// does. Measured on seed 000 against a plain substring scan.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyze/chinese_segmenter.h"
#include "analyze/script.h"
#include "analyze/text_analyzer.h"

using namespace callsearch::analyze;

namespace {

std::vector<std::string> han_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (contains_han(line)) lines.push_back(line);
    }
    return lines;
}

// The Han runs of a text, each as a string of code points.
std::vector<std::u32string> han_runs(const std::string& text) {
    std::vector<std::u32string> runs;
    for (const ScriptRun& run : split_han_runs(text)) {
        if (run.han) runs.push_back(to_utf32(std::string_view(text).substr(run.begin, run.end - run.begin)));
    }
    return runs;
}

}  // namespace

TEST_SUITE("analyze") {

TEST_CASE("chinese substring guarantee: word_query finds exactly the paragraphs containing it") {
    const std::vector<std::string> paragraphs =
        han_lines(std::string(CALLSEARCH_CORPUS_DIR) + "/000_a04c82ed83b00c07.txt");
    REQUIRE(paragraphs.size() > 50);

    TextAnalyzer analyzer;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<std::string> normalized;  // by docid - 1
    for (const std::string& text : paragraphs) {
        Xapian::Document doc;
        analyzer.index_text(doc, text);
        db.add_document(doc);
        normalized.push_back(analyzer.to_simplified(text));
    }

    // Queries: every distinct ICU word of the corpus, plus every distinct 2-, 3-
    // and 4-character Han substring of every 3rd paragraph, taken from the
    // original (mostly Traditional) text so the query side normalizes too.
    std::set<std::string> queries;
    ChineseSegmenter segmenter;
    for (const std::string& text : normalized) {
        for (const std::u32string& run : han_runs(text)) {
            for (std::string& word : segmenter.segment(to_utf8(run))) queries.insert(std::move(word));
        }
    }
    const std::size_t icu_words = queries.size();
    for (std::size_t p = 0; p < paragraphs.size(); p += 3) {
        for (const std::u32string& run : han_runs(paragraphs[p])) {
            for (std::size_t length = 2; length <= 4; ++length) {
                for (std::size_t i = 0; i + length <= run.size(); ++i) {
                    queries.insert(to_utf8(run.substr(i, length)));
                }
            }
        }
    }
    REQUIRE(queries.size() > 2000);

    Xapian::Enquire enquire(db);
    std::size_t expected_total = 0, found_expected = 0;     // recall
    std::size_t found_multi = 0, found_multi_correct = 0;   // precision, 2+ characters
    std::vector<std::string> failures;
    for (const std::string& query : queries) {
        std::set<Xapian::docid> expected;
        const std::string needle = analyzer.to_simplified(query);
        for (std::size_t i = 0; i < normalized.size(); ++i) {
            if (normalized[i].find(needle) != std::string::npos) expected.insert(static_cast<Xapian::docid>(i + 1));
        }
        HighlightTerms highlight;
        enquire.set_query(analyzer.word_query(query, highlight));
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        std::set<Xapian::docid> found(mset.begin(), mset.end());

        std::size_t hits = 0;
        for (Xapian::docid id : found) hits += expected.count(id);
        expected_total += expected.size();
        found_expected += hits;
        if (to_utf32(query).size() >= 2) {
            found_multi += found.size();
            found_multi_correct += hits;
        }
        if ((hits != expected.size() || hits != found.size()) && failures.size() < 10) {
            failures.push_back(query + ": expected " + std::to_string(expected.size()) + ", found " +
                               std::to_string(found.size()) + ", both " + std::to_string(hits));
        }
    }
    const double recall = expected_total == 0 ? 100.0 : 100.0 * static_cast<double>(found_expected) /
                                                             static_cast<double>(expected_total);
    const double precision = found_multi == 0 ? 100.0 : 100.0 * static_cast<double>(found_multi_correct) /
                                                            static_cast<double>(found_multi);
    std::cout << "chinese substring guarantee: " << queries.size() << " queries (" << icu_words
              << " ICU words) over " << paragraphs.size() << " paragraphs, recall " << recall
              << "%, precision (>=2 chars) " << precision << "%\n";
    for (const std::string& failure : failures) MESSAGE(failure);
    CHECK(found_expected == expected_total);
    CHECK(found_multi_correct == found_multi);
    CHECK(recall == 100.0);
    CHECK(precision == 100.0);
}

}  // TEST_SUITE
