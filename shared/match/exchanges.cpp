#include "match/exchanges.h"

#include <algorithm>
#include <utility>

#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// The answer passages whose kSlotAnswerTo names one of the questions: a walk
// of that slot's value stream (every answer passage, in docid order), which
// skips cheaply when ANDed with rarer words, and costs one lookup per answer
// passage when alone (about 2 ms for the bench's 70,000).
class AnswerSource : public Xapian::PostingSource {
public:
    AnswerSource(std::shared_ptr<const AskedQuestions> questions, bool weighted)
        : questions_(std::move(questions)), weighted_(weighted) {}

    void init(const Xapian::Database& db) override {
        db_ = db;
        it_ = db_.valuestream_begin(schema::kSlotAnswerTo);
        end_ = db_.valuestream_end(schema::kSlotAnswerTo);
        started_ = false;
        double best = 0.0;
        if (weighted_) {
            for (const auto& [id, match] : questions_->by_id) best = std::max(best, match.score);
        }
        set_maxweight(best);
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_max() const override { return db_.get_value_freq(schema::kSlotAnswerTo); }
    Xapian::doccount get_termfreq_est() const override {
        // About three answer passages per question, at most all of them.
        const auto all = db_.get_value_freq(schema::kSlotAnswerTo);
        return std::min<Xapian::doccount>(all, static_cast<Xapian::doccount>(questions_->by_id.size() * 3));
    }

    void next(double) override {
        if (started_) ++it_;
        started_ = true;
        settle();
    }

    void skip_to(Xapian::docid did, double) override {
        started_ = true;
        it_.skip_to(did);
        settle();
    }

    bool check(Xapian::docid did, double) override {
        started_ = true;
        if (!it_.check(did)) return false;  // no value there: next() moves on
        return accept();
    }

    bool at_end() const override { return it_ == end_; }
    Xapian::docid get_docid() const override { return it_.get_docid(); }
    double get_weight() const override { return weight_; }

    AnswerSource* clone() const override { return new AnswerSource(questions_, weighted_); }
    std::string name() const override { return "callsearch::AnswerSource"; }
    std::string get_description() const override {
        return "AnswerSource(" + std::to_string(questions_->by_id.size()) + " questions)";
    }

private:
    // Whether the passage under it_ answers one of the questions (its weight kept).
    bool accept() {
        const auto found = questions_->by_id.find(*it_);
        if (found == questions_->by_id.end()) return false;
        weight_ = weighted_ ? found->second.score : 0.0;
        return true;
    }

    void settle() {
        while (it_ != end_ && !accept()) ++it_;
    }

    std::shared_ptr<const AskedQuestions> questions_;
    bool weighted_;
    Xapian::Database db_;
    Xapian::ValueIterator it_, end_;
    bool started_ = false;
    double weight_ = 0.0;
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
    Xapian::ValueIterator values = db.valuestream_begin(schema::kSlotQuestion);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotQuestion);
    for (const auto& [did, score] : found) {
        values.skip_to(did);
        if (values == end) break;
        if (values.get_docid() != did) continue;
        auto [at, added] = out.by_id.try_emplace(*values, AskedQuestions::Match{score, did});
        if (!added && score > at->second.score) at->second = {score, did};
    }
    return out;
}

Xapian::Query answers_query(std::shared_ptr<const AskedQuestions> questions, bool weighted) {
    if (questions->by_id.empty()) return Xapian::Query::MatchNothing;
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

std::vector<Answer> answers_to(const Xapian::Database& db, Xapian::docid question, const StoredParagraph& stored,
                               StoredParagraphReader& reader) {
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
        StoredParagraph p = reader.read(db.get_document(*doc));
        if (p.lang == stored.lang) passages.push_back(std::move(p));
    }
    return group_answers(passages);
}

}  // namespace callsearch
