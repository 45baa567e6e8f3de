#include <doctest/doctest.h>

#include <algorithm>

#include "index/document_builder.h"
#include "index/stored_paragraph.h"
#include "schema/index_schema.h"
#include "support/sample_transcript.h"

using namespace callsearch;

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("every paragraph becomes one document with its filters and stored fields") {
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "/corpus/000.txt", analyzer);
    REQUIRE(docs.size() == 7);

    const Xapian::Document& cfo_zh = docs[4];
    for (const char* term : {"XF/corpus/000.txt", "XKjg_q2_2023", "XCaurora", "XCmobile", "XTjg", "XY2023", "XQ2",
                             "XPshan-nen bong", "XPbong", "XRcfo", "XLzh", "XSqa"}) {
        INFO(term);
        CHECK(has_term(cfo_zh, term));
    }
    CHECK(!has_term(cfo_zh, "XLen"));
    CHECK(Xapian::sortable_unserialise(cfo_zh.get_value(schema::kSlotTurn)) == 3);
    CHECK(Xapian::sortable_unserialise(cfo_zh.get_value(schema::kSlotCallOrder)) == 20232);
}

TEST_CASE("paragraphs and their translations point at each other and share a paragraph number") {
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "k", analyzer);
    const StoredParagraph en = decode_stored_paragraph(docs[5].get_data());
    const StoredParagraph zh = decode_stored_paragraph(docs[6].get_data());
    CHECK(en.lang == "en");
    CHECK(zh.lang == "zh");
    CHECK(en.paragraph == 2);
    CHECK(zh.paragraph == 2);
    REQUIRE(en.translation);
    REQUIRE(zh.translation);
    CHECK(*en.translation == zh.text);
    CHECK(*zh.translation == en.text);
    const StoredParagraph op = decode_stored_paragraph(docs[0].get_data());
    CHECK(!op.translation);
    CHECK(op.turn == 1);
}

TEST_CASE("each document has a unique id term") {
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "k", analyzer);
    std::vector<std::string> ids;
    for (const auto& doc : docs) {
        auto it = doc.termlist_begin();
        it.skip_to("Q");
        REQUIRE(it != doc.termlist_end());
        ids.push_back(*it);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}
