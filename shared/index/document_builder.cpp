#include "index/document_builder.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>

#include "analyze/passages.h"
#include "index/question_links.h"
#include "index/stored_paragraph.h"
#include "parse/transcript_parser.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// Xapian refuses terms over 245 bytes, and one refused term would fail the
// whole run's commit: a transcript with such a field is refused on its own.
constexpr std::size_t kMaxTermBytes = 245;

void add_filter(Xapian::Document& doc, const std::string& term) {
    if (term.size() > kMaxTermBytes) {
        throw ParseError("a header field is too long to index (" + std::to_string(term.size()) + " bytes)");
    }
    doc.add_boolean_term(term);
}

// For each paragraph of a turn, the index of the paragraph aligned with it in
// the other language (both directions), if any.
std::vector<std::optional<std::size_t>> aligned_paragraphs(const Turn& turn) {
    std::vector<std::optional<std::size_t>> aligned(turn.paragraphs.size());
    for (std::size_t i = 0; i < turn.paragraphs.size(); ++i) {
        const auto& target = turn.paragraphs[i].translates;
        if (!target || *target >= turn.paragraphs.size() || *target == i) continue;
        aligned[i] = *target;
        if (!aligned[*target]) aligned[*target] = i;
    }
    return aligned;
}

void add_call_terms(Xapian::Document& doc, const CallInfo& call, std::string_view key) {
    add_filter(doc, schema::call_term(key));
    for (const std::string& term : schema::company_terms(call.company)) add_filter(doc, term);
    if (!call.ticker.empty()) add_filter(doc, schema::ticker_term(call.ticker));
    if (call.year > 0) add_filter(doc, schema::year_term(call.year));
    if (call.quarter > 0) add_filter(doc, schema::quarter_term(call.quarter));
    doc.add_value(schema::kSlotCallOrder, Xapian::sortable_serialise(call.year * 10 + call.quarter));
    doc.add_value(schema::kSlotCall, std::string(key));
    if (call.date) doc.add_value(schema::kSlotDate, *call.date);
}

// schema::kSlotOrder: where the document stands, whatever part holds it.
std::string order_value(std::string_view file_key, std::size_t call_index, std::size_t doc_index) {
    std::string value = schema::file_digest(file_key);
    for (int shift = 8; shift >= 0; shift -= 8) value += static_cast<char>((call_index >> shift) & 0xff);
    for (int shift = 24; shift >= 0; shift -= 8) value += static_cast<char>((doc_index >> shift) & 0xff);
    return value;
}

std::string six_digits(int n) {
    char out[16];
    std::snprintf(out, sizeof out, "%06d", std::clamp(n, 0, 999999));
    return out;
}

std::string complemented(std::string s) {
    for (char& c : s) c = static_cast<char>(255 - static_cast<unsigned char>(c));
    return s;
}

// The sort keys of schema::kSlotCallDate, kSlotOldestKey and kSlotNewestKey.
void add_sort_keys(Xapian::Document& doc, const CallInfo& call, int turn, int paragraph, int passage,
                   const std::string& order) {
    const std::string call_order = six_digits(call.year * 10 + call.quarter);
    const std::string date = call.date && call.date->size() == 10 ? *call.date : std::string(10, ' ');
    const std::string within = six_digits(turn) + six_digits(paragraph) + six_digits(passage) + order;
    doc.add_value(schema::kSlotCallDate, call_order + date);
    doc.add_value(schema::kSlotOldestKey, call_order + date + within);
    doc.add_value(schema::kSlotNewestKey,
                  complemented(call_order) + (call.date ? complemented(date) : std::string(10, '\xff')) + within);
}

bool has_role(const Turn& turn, std::string_view role) {
    return std::find(turn.roles.begin(), turn.roles.end(), role) != turn.roles.end();
}

// Each passage of a cut paragraph also holds the words of the paragraph's
// other passages, with wdf 0 and no positions (schema/index_schema.h): a
// query's words then match across the passages of one paragraph, as they did
// before paragraphs were cut, while ranking (BM25 gives a wdf of 0 no weight,
// and document length is the sum of wdfs), phrases, NEAR and SENTENCE() see
// the passage alone. Called before any filter term is added, so every term
// here is a free-text one.
void add_paragraph_words(std::vector<Xapian::Document>& passage_docs) {
    std::vector<std::string> words;
    for (const Xapian::Document& doc : passage_docs) {
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) words.push_back(*t);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::vector<std::string> own, missing;
    for (Xapian::Document& doc : passage_docs) {
        own.assign(doc.termlist_begin(), doc.termlist_end());  // sorted, as `words`
        missing.clear();
        std::set_difference(words.begin(), words.end(), own.begin(), own.end(), std::back_inserter(missing));
        for (const std::string& word : missing) doc.add_term(word, 0);
    }
}

}  // namespace

std::vector<Xapian::Document> build_documents(const Transcript& transcript, std::string_view file_key,
                                              analyze::TextAnalyzer& analyzer, std::size_t call_index) {
    const CallInfo& call = transcript.call;
    const std::string key = schema::call_key(call);
    const std::string digest = schema::call_digest(file_key, call_index);
    const StoredCall call_fields = stored_call(call, key);
    std::vector<Xapian::Document> docs;
    const std::vector<int> questions = question_turns(transcript);
    // Index in `docs` of each turn's first document per language (en, zh).
    std::vector<std::array<std::optional<std::size_t>, 2>> first_doc(transcript.turns.size());

    for (std::size_t t = 0; t < transcript.turns.size(); ++t) {
        const Turn& turn = transcript.turns[t];
        const auto aligned = aligned_paragraphs(turn);
        int count_en = 0;
        int count_zh = 0;
        for (std::size_t p = 0; p < turn.paragraphs.size(); ++p) {
            const Paragraph& para = turn.paragraphs[p];
            const int number = para.lang == Lang::En ? ++count_en : ++count_zh;

            StoredParagraph stored;
            apply_call(call_fields, stored);
            stored.speaker = turn.speaker;
            stored.title = turn.title;
            stored.roles = turn.roles;
            stored.firm = turn.firm;
            stored.section = to_string(turn.section);
            stored.lang = to_string(para.lang);
            if (aligned[p]) stored.translation = turn.paragraphs[*aligned[p]].text;
            stored.turn = static_cast<int>(t + 1);
            stored.paragraph = number;
            stored.start_ms = para.start_seconds ? static_cast<std::int64_t>(*para.start_seconds * 1000.0 + 0.5) : -1;
            stored.question_turn = questions[t];
            const std::size_t lang_index = para.lang == Lang::En ? 0 : 1;
            const auto& question_doc =
                questions[t] > 0 ? first_doc[static_cast<std::size_t>(questions[t] - 1)][lang_index] : std::nullopt;
            if (!first_doc[t][lang_index]) first_doc[t][lang_index] = docs.size();

            // A paragraph with a translation stays whole, so that the pair
            // stays aligned; others are cut into passages when over-long.
            std::vector<analyze::TextRange> passages;
            if (!aligned[p]) passages = analyze::split_passages(para.text);
            if (passages.size() <= 1) passages = {{0, para.text.size()}};  // the paragraph as parsed
            stored.passages = static_cast<int>(passages.size());
            std::vector<Xapian::Document> passage_docs(passages.size());
            for (std::size_t k = 0; k < passages.size(); ++k) {
                analyzer.index_text(passage_docs[k],
                                    std::string_view(para.text).substr(passages[k].begin, passages[k].end - passages[k].begin));
            }
            if (passages.size() > 1) add_paragraph_words(passage_docs);
            for (std::size_t k = 0; k < passages.size(); ++k) {
                const std::string_view text =
                    std::string_view(para.text).substr(passages[k].begin, passages[k].end - passages[k].begin);
                stored.text = std::string(text);
                stored.passage = static_cast<int>(k + 1);
                // Counted from this passage's own document, the k-th of its paragraph.
                stored.question_offset = question_doc ? static_cast<int>(docs.size() - *question_doc) : 0;

                Xapian::Document& doc = passage_docs[k];
                add_filter(doc, schema::file_term(file_key));
                add_call_terms(doc, call, key);
                for (const std::string& term : schema::speaker_terms(turn.speaker)) add_filter(doc, term);
                if (!turn.speaker.empty()) add_filter(doc, schema::speaker_name_term(turn.speaker));
                for (const std::string& role : turn.roles) add_filter(doc, schema::role_term(role));
                add_filter(doc, schema::lang_term(para.lang));
                add_filter(doc, schema::section_term(turn.section));
                doc.add_value(schema::kSlotTurn, Xapian::sortable_serialise(stored.turn));
                doc.add_value(schema::kSlotParagraph, Xapian::sortable_serialise(number));
                doc.add_value(schema::kSlotPassage, Xapian::sortable_serialise(stored.passage));
                if (turn.section == Section::QA && has_role(turn, "analyst")) {
                    doc.add_value(schema::kSlotQuestion, schema::question_id(digest, stored.turn));
                } else if (stored.question_turn > 0) {
                    doc.add_value(schema::kSlotAnswerTo, schema::question_id(digest, stored.question_turn));
                }
                if (aligned[p]) {
                    doc.add_value(schema::kSlotPair,
                                  digest + ":" + std::to_string(stored.turn) + ":" + std::to_string(number));
                }
                const std::string order = order_value(file_key, call_index, docs.size());
                doc.add_value(schema::kSlotOrder, order);
                add_sort_keys(doc, call, stored.turn, number, stored.passage, order);
                doc.set_data(encode_paragraph_data(stored, digest));
                docs.push_back(std::move(doc));
            }
        }
    }
    return docs;
}

}  // namespace callsearch
