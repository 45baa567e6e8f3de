#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "index/document_builder.h"
#include "index/stored_paragraph.h"
#include "schema/filter_terms.h"
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
    CHECK(has_term(cfo_zh, schema::file_term("/corpus/000.txt")));
    for (const char* term : {"XKjg_q2_2023", "XCaurora", "XCmobile", "XTjg", "XY2023", "XQ2",
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
    const StoredParagraph en = decode_paragraph_data(docs[5].get_data()).paragraph;
    const StoredParagraph zh = decode_paragraph_data(docs[6].get_data()).paragraph;
    CHECK(en.lang == "en");
    CHECK(zh.lang == "zh");
    CHECK(en.paragraph == 2);
    CHECK(zh.paragraph == 2);
    REQUIRE(en.translation);
    REQUIRE(zh.translation);
    CHECK(*en.translation == zh.text);
    CHECK(*zh.translation == en.text);
    const StoredParagraph op = decode_paragraph_data(docs[0].get_data()).paragraph;
    CHECK(!op.translation);
    CHECK(op.turn == 1);
}

TEST_CASE("each document names its source file by one short digest term") {
    analyze::TextAnalyzer analyzer;
    const std::string long_path = "/calls/" + std::string(150, 'x') + ".txt";
    const auto docs = build_documents(test_support::sample_transcript(), long_path, analyzer);
    const std::string term = schema::file_term(long_path);
    CHECK(term.size() == schema::kFilePrefix.size() + 16);
    CHECK(term != schema::file_term("/calls/other.txt"));
    for (const auto& doc : docs) {
        std::vector<std::string> file_terms;
        auto it = doc.termlist_begin();
        for (it.skip_to(std::string(schema::kFilePrefix)); it != doc.termlist_end(); ++it) {
            if ((*it).rfind(schema::kFilePrefix, 0) != 0) break;
            file_terms.push_back(*it);
        }
        CHECK(file_terms == std::vector<std::string>{term});
    }
}

TEST_CASE("a paragraph over 150 words becomes one document per passage, its text stored once") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();
    // Real prepared remarks of seed 000 repeated into one over-long paragraph.
    std::string remarks;
    for (int i = 0; i < 12; ++i) {
        remarks += (i ? " " : "") + std::string("Subscription Services revenue were RMB 40.5 million, up 6% "
                                                "year-over-year, mainly driven by increasing ARPU.");
    }
    transcript.turns[0].paragraphs = {{remarks, Lang::En, {}, {}}};
    const auto docs = build_documents(transcript, "k", analyzer);
    // 12 sentences of 15 words: 180 words, two passages of six sentences.
    REQUIRE(docs.size() == 2 + 6);
    const StoredParagraph a = decode_paragraph_data(docs[0].get_data()).paragraph;
    const StoredParagraph b = decode_paragraph_data(docs[1].get_data()).paragraph;
    CHECK(a.paragraph == 1);
    CHECK(b.paragraph == 1);
    CHECK(a.passage == 1);
    CHECK(b.passage == 2);
    CHECK(a.passages == 2);
    CHECK(b.passages == 2);
    CHECK(a.text + " " + b.text == remarks);
    CHECK(Xapian::sortable_unserialise(docs[1].get_value(schema::kSlotPassage)) == 2);
    // Positions start again in each passage.
    auto first_word = docs[1].termlist_begin();
    first_word.skip_to("subscription");
    REQUIRE(first_word != docs[1].termlist_end());
    CHECK(*first_word.positionlist_begin() == 2);
}

TEST_CASE("each passage of a cut paragraph holds the other passages' words, with no weight and no positions") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();
    // Seed 000's prepared remarks: one sentence about subscriptions, then
    // sentences about marketing, cut into two passages.
    std::string remarks = "Subscription Services revenue were RMB 40.5 million, up 6% year-over-year.";
    for (int i = 0; i < 15; ++i) remarks += " Marketing Services revenue grew with our developer services in the quarter.";
    transcript.turns[0].paragraphs = {{remarks, Lang::En, {}, {}}};
    const auto docs = build_documents(transcript, "k", analyzer);
    const StoredParagraph b = decode_paragraph_data(docs[1].get_data()).paragraph;
    REQUIRE(b.passages == 2);
    REQUIRE(b.text.find("Subscription") == std::string::npos);
    // "subscription" stands in passage 1 only; passage 2 holds it as wdf 0.
    auto term = docs[1].termlist_begin();
    term.skip_to("subscription");
    REQUIRE(term != docs[1].termlist_end());
    CHECK(*term == "subscription");
    CHECK(term.get_wdf() == 0);
    CHECK(term.positionlist_count() == 0);
    // The document's length, what BM25 normalises by, is its own words'.
    Xapian::termcount length_1 = 0, length_2 = 0;
    for (auto t = docs[0].termlist_begin(); t != docs[0].termlist_end(); ++t) length_1 += t.get_wdf();
    for (auto t = docs[1].termlist_begin(); t != docs[1].termlist_end(); ++t) length_2 += t.get_wdf();
    CHECK(length_2 < length_1 + 20);
    // A word of both passages keeps each passage's own positions.
    auto own = docs[0].termlist_begin();
    own.skip_to("marketing");
    REQUIRE(own != docs[0].termlist_end());
    CHECK(own.get_wdf() > 0);
    CHECK(own.positionlist_count() == own.get_wdf());
    // An uncut paragraph holds nothing of the others.
    const auto whole = build_documents(test_support::sample_transcript(), "k", analyzer);
    for (const auto& doc : whole) {
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if (schema::is_free_text_term(*t)) CHECK(t.get_wdf() > 0);
        }
    }
}

TEST_CASE("a paragraph with a translation stays whole, however long") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();
    std::string remarks;
    for (int i = 0; i < 12; ++i) remarks += "In the quarter ended June 30, 2023, we repurchased 443,000 ADSs. ";
    auto& cfo = transcript.turns[2].paragraphs;
    cfo[2].text = remarks;
    const auto docs = build_documents(transcript, "k", analyzer);
    REQUIRE(docs.size() == 7);
    const StoredParagraph en = decode_paragraph_data(docs[5].get_data()).paragraph;
    CHECK(en.text == remarks);
    CHECK(en.passages == 1);
}

TEST_CASE("an answer in Q&A points at the analyst turn it replies to, across the operator's lines") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();  // operator, analyst, CFO: all Q&A
    Turn operator_again = transcript.turns[0];
    Turn ceo = transcript.turns[2];
    ceo.speaker = "Weidong Luo";
    ceo.roles = {"ceo"};
    // A long answer is cut into passages: each passage's offset counts from its own document.
    Paragraph long_answer = ceo.paragraphs.front();
    long_answer.text.clear();
    for (int i = 0; i < 30; ++i) long_answer.text += "Our subscription revenue grew again in the quarter, and margins held up well. ";
    ceo.paragraphs.push_back(long_answer);
    // operator, analyst, CFO, operator, CEO: both answers reply to turn 2.
    transcript.turns.push_back(operator_again);
    transcript.turns.push_back(ceo);
    Turn prepared = transcript.turns[2];
    prepared.section = Section::Prepared;
    transcript.turns.insert(transcript.turns.begin(), prepared);  // remarks before Q&A answer nothing
    const auto docs = build_documents(transcript, "k", analyzer);
    std::map<int, int> question_of_turn;
    int max_passage = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const StoredParagraph p = decode_paragraph_data(docs[i].get_data()).paragraph;
        question_of_turn[p.turn] = p.question_turn;
        if (p.question_turn == 0) continue;
        // The offset leads to the question's first passage in the answer's language.
        REQUIRE(p.question_offset > 0);
        const StoredParagraph q = decode_paragraph_data(docs[i - static_cast<std::size_t>(p.question_offset)].get_data()).paragraph;
        CHECK(q.turn == p.question_turn);
        CHECK(q.lang == p.lang);
        CHECK(q.paragraph == 1);
        CHECK(q.passage == 1);
        max_passage = std::max(max_passage, p.passage);
    }
    CHECK(max_passage > 2);
    CHECK(question_of_turn == std::map<int, int>{{1, 0}, {2, 0}, {3, 0}, {4, 3}, {5, 0}, {6, 3}});
}

TEST_CASE("a question's passages carry its id and its answers' passages name it, so --asked can join them") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();  // operator, analyst, CFO: all Q&A
    Turn operator_again = transcript.turns[0];
    Turn second_analyst = transcript.turns[1];
    Turn ceo = transcript.turns[2];
    ceo.speaker = "Weidong Luo";
    ceo.roles = {"ceo"};
    // operator, analyst, CFO, operator, analyst, CEO, CFO: the CEO and the
    // second CFO turn reply to turn 5.
    transcript.turns.push_back(operator_again);
    transcript.turns.push_back(second_analyst);
    transcript.turns.push_back(ceo);
    transcript.turns.push_back(transcript.turns[2]);
    const auto docs = build_documents(transcript, "k", analyzer);
    const std::string digest = schema::call_digest("k", 0);
    std::map<int, std::pair<std::string, std::string>> slots;  // turn -> (question id, answers to)
    for (const Xapian::Document& doc : docs) {
        const StoredParagraph p = decode_paragraph_data(doc.get_data()).paragraph;
        const auto value = std::make_pair(doc.get_value(schema::kSlotQuestion), doc.get_value(schema::kSlotAnswerTo));
        // Every passage of a turn carries the same link.
        if (slots.count(p.turn)) CHECK(slots[p.turn] == value);
        slots[p.turn] = value;
    }
    using Link = std::pair<std::string, std::string>;
    CHECK(slots == std::map<int, Link>{{1, {"", ""}},
                                        {2, {schema::question_id(digest, 2), ""}},
                                        {3, {"", schema::question_id(digest, 2)}},
                                        {4, {"", ""}},
                                        {5, {schema::question_id(digest, 5), ""}},
                                        {6, {"", schema::question_id(digest, 5)}},
                                        {7, {"", schema::question_id(digest, 5)}}});
}

TEST_CASE("prepared remarks neither ask nor answer") {
    analyze::TextAnalyzer analyzer;
    auto transcript = test_support::sample_transcript();
    for (Turn& t : transcript.turns) t.section = Section::Prepared;
    for (const Xapian::Document& doc : build_documents(transcript, "k", analyzer)) {
        CHECK(doc.get_value(schema::kSlotQuestion).empty());
        CHECK(doc.get_value(schema::kSlotAnswerTo).empty());
    }
}
