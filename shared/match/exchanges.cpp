#include "match/exchanges.h"

#include <algorithm>
#include <utility>

#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// The answer passages of AskedQuestions::answers, in docid order.
class AnswerSource : public Xapian::PostingSource {
public:
    AnswerSource(std::shared_ptr<const AskedQuestions> questions, bool weighted)
        : questions_(std::move(questions)), weighted_(weighted) {}

    void init(const Xapian::Database& db) override {
        at_ = 0;
        started_ = false;
        in_part_ = false;
        const auto& uuids = questions_->part_uuids;
        if (uuids.size() > 1) {
            // Combined docid d lives in part (d - 1) mod n as (d - 1) / n + 1.
            const auto part = static_cast<Xapian::docid>(std::find(uuids.begin(), uuids.end(), db.get_uuid()) - uuids.begin());
            const auto n = static_cast<Xapian::docid>(uuids.size());
            local_.clear();
            for (const auto& [did, score] : questions_->answers) {
                if ((did - 1) % n == part) local_.emplace_back((did - 1) / n + 1, score);
            }
            in_part_ = true;
        }
        double best = 0.0;
        if (weighted_) {
            for (const auto& [did, score] : answers()) best = std::max(best, score);
        }
        set_maxweight(best);
    }

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(answers().size()); }
    Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
    Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }

    void next(double) override {
        if (started_) ++at_;
        started_ = true;
    }

    void skip_to(Xapian::docid did, double) override {
        started_ = true;
        const auto& a = answers();
        at_ = static_cast<std::size_t>(
            std::lower_bound(a.begin() + static_cast<std::ptrdiff_t>(at_), a.end(), did,
                             [](const std::pair<Xapian::docid, double>& e, Xapian::docid d) { return e.first < d; }) -
            a.begin());
    }

    bool at_end() const override { return at_ >= answers().size(); }
    Xapian::docid get_docid() const override { return answers()[at_].first; }
    double get_weight() const override { return weighted_ ? answers()[at_].second : 0.0; }

    AnswerSource* clone() const override { return new AnswerSource(questions_, weighted_); }
    std::string name() const override { return "callsearch::AnswerSource"; }
    std::string get_description() const override {
        return "AnswerSource(" + std::to_string(answers().size()) + " answer passages)";
    }

private:
    const std::vector<std::pair<Xapian::docid, double>>& answers() const {
        return in_part_ ? local_ : questions_->answers;
    }

    std::shared_ptr<const AskedQuestions> questions_;
    std::vector<std::pair<Xapian::docid, double>> local_;  // in one part: its docids
    bool in_part_ = false;
    bool weighted_;
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace

AskedQuestions find_asked_questions(const Xapian::Database& db, const Xapian::Query& asked,
                                    const Xapian::Weight& weight) {
    const Xapian::Query questions(Xapian::Query::OP_AND, Xapian::Query(schema::role_term("analyst")),
                                  Xapian::Query(schema::section_term(Section::QA)));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, asked, questions));
    enquire.set_weighting_scheme(weight);
    // Every match, but asked for as few as there can be: Xapian makes room for
    // as many as asked (the whole index would cost more than the search).
    const Xapian::doccount bound = enquire.get_mset(0, 0).get_matches_upper_bound();
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(bound, 1));
    // Each passage's question id, read by walking the slot's value stream in
    // docid order (a lookup per document would cost a B-tree descent each).
    std::vector<std::pair<Xapian::docid, double>> found;
    found.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) found.emplace_back(*it, it.get_weight());
    std::sort(found.begin(), found.end());
    AskedQuestions out;
    std::vector<std::pair<Xapian::docid, std::string>> firsts;  // each question's first matching passage
    Xapian::ValueIterator values = db.valuestream_begin(schema::kSlotQuestion);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotQuestion);
    for (const auto& [did, score] : found) {
        values.skip_to(did);
        if (values == end) break;
        if (values.get_docid() != did) continue;
        auto [at, added] = out.by_id.try_emplace(*values, AskedQuestions::Match{score, did});
        if (added) firsts.emplace_back(did, at->first);
        if (!added && score > at->second.score) at->second = {score, did};
    }
    // A question's answers follow it among its file's documents, before any
    // answer to a later question (documents of a file are in the order
    // spoken, as StoredParagraph::question_offset relies on): read the link
    // slot's values from the question on, until one names another question.
    // Only the answers are read, not the slot's every value. In an index of
    // several shards, docids interleave shards (shard = (docid - 1) mod n):
    // only the question's shard counts there, each question read afresh.
    const Xapian::doccount shards = std::max<Xapian::doccount>(static_cast<Xapian::doccount>(db.size()), 1);
    const Xapian::ValueIterator links_end = db.valuestream_end(schema::kSlotAnswerTo);
    Xapian::ValueIterator links = db.valuestream_begin(schema::kSlotAnswerTo);
    for (const auto& [first, id] : firsts) {
        if (shards > 1) links = db.valuestream_begin(schema::kSlotAnswerTo);
        const double score = out.by_id[id].score;
        for (links.skip_to(first + 1); links != links_end; ++links) {
            const Xapian::docid did = links.get_docid();
            if ((did - 1) % shards != (first - 1) % shards) continue;
            if (*links != id) break;
            out.answers.emplace_back(did, score);
        }
    }
    if (shards > 1) std::sort(out.answers.begin(), out.answers.end());
    return out;
}

Xapian::Query answers_query(std::shared_ptr<const AskedQuestions> questions, bool weighted) {
    if (questions->answers.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query((new AnswerSource(std::move(questions), weighted))->release());
}

std::vector<Answer> group_answers(const std::vector<StoredParagraph>& passages) {
    std::vector<Answer> out;
    int last_paragraph = 0;
    for (const StoredParagraph& p : passages) {
        if (out.empty() || out.back().turn != p.turn) {
            out.push_back(Answer{p.speaker, p.title, p.roles, p.firm, p.turn, {}});
            last_paragraph = 0;
        }
        std::string& text = out.back().text;
        if (!text.empty()) text += p.paragraph == last_paragraph ? " " : "\n\n";
        text += p.text;
        last_paragraph = p.paragraph;
    }
    return out;
}

std::vector<Answer> answers_to(const Xapian::Database& db, Xapian::docid question, const StoredParagraph& stored) {
    const std::string id = db.get_document(question).get_value(schema::kSlotQuestion);
    if (id.empty()) return {};
    // A file's documents are in the order spoken (as StoredParagraph::question_offset relies on), so
    // the answers follow the question, before any answer to a later one: walk
    // the file's documents from the question on, beside the link slot's value
    // stream. (A query on the slot's value would scan every answer passage of
    // the index: Xapian estimates one value's documents at next to none, and
    // lets them drive the AND.)
    const std::string file = schema::file_term(schema::file_key(stored.file));
    Xapian::PostingIterator doc = db.postlist_begin(file);
    const Xapian::PostingIterator docs_end = db.postlist_end(file);
    Xapian::ValueIterator link = db.valuestream_begin(schema::kSlotAnswerTo);
    const Xapian::ValueIterator links_end = db.valuestream_end(schema::kSlotAnswerTo);
    std::vector<StoredParagraph> passages;
    for (doc.skip_to(question + 1); doc != docs_end; ++doc) {
        link.skip_to(*doc);
        if (link == links_end) break;
        if (link.get_docid() != *doc) continue;  // no answer: the operator, another question
        if (*link != id) break;                  // an answer to a later question
        StoredParagraph p = read_paragraph(db.get_document(*doc));
        if (p.lang == stored.lang) passages.push_back(std::move(p));
    }
    return group_answers(passages);
}

}  // namespace callsearch
