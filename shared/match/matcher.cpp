#include "match/matcher.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>

#include "index/index_layout.h"
#include "index/index_writer.h"
#include "analyze/passages.h"
#include "match/paragraph_fetch.h"
#include "match/passage_match.h"
#include "match/proximity.h"
#include "match/trend_counter.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// A writer committing while we read can invalidate our snapshot
// (DatabaseModifiedError), and a rebuild can remove the generation we opened:
// open the index afresh and run the whole query again.
constexpr int kMaxReopens = 10;

void pause_before_retry(int attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * (attempt + 1)));
}

// BM25 (k2 = 0, k3 = 1: a query word counts once however often it is
// typed). Xapian's default min_normlen 0.5 keeps very short paragraphs from
// being boosted without bound.
std::unique_ptr<Xapian::Weight> weighting(const Ranking& r) {
    switch (r.model) {
    case Ranking::Model::LMDirichlet:
        return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::DIRICHLET_SMOOTHING, r.mu, 0.0);
    case Ranking::Model::DPH: return std::make_unique<Xapian::DPHWeight>();
    case Ranking::Model::BM25: break;
    }
    return std::make_unique<Xapian::BM25Weight>(r.k1, 0, 1, r.b, 0.5);
}

void set_sort(Xapian::Enquire& enquire, const Xapian::Database& db, SortOrder sort, bool per_call = false) {
    if (sort == SortOrder::Relevance) return;
    // Later calls first (or last), and within a call, in the order spoken; per
    // call, by relevance within it, so that a call's best passage stands for it.
    const bool newest = sort == SortOrder::Newest;
    if (db.get_value_freq(schema::kSlotCallDate) > 0) {
        // One value per order (schema::kSlotOldestKey ...): remote parts can sort by them.
        if (per_call) {
            enquire.set_sort_by_value_then_relevance(schema::kSlotCallDate, newest);
        } else {
            enquire.set_sort_by_value_then_relevance(newest ? schema::kSlotNewestKey : schema::kSlotOldestKey, false);
        }
        return;
    }
    auto* keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(schema::kSlotCallOrder, newest);
    keys->add_value(schema::kSlotDate, newest);
    if (!per_call) {
        keys->add_value(schema::kSlotTurn, false);
        keys->add_value(schema::kSlotParagraph, false);
        keys->add_value(schema::kSlotPassage, false);
    }
    enquire.set_sort_by_key_then_relevance(keys->release(), false);
}

// Equal scores in an order no partition of the index changes.
void set_ties(Xapian::Enquire& enquire, SortOrder sort) {
    if (sort == SortOrder::Relevance) enquire.set_sort_by_relevance_then_value(schema::kSlotOrder, false);
}

// A translated pair is one hit: its better-scoring side. Collapsing reads the
// slot of every candidate (about an eighth more time for a query set on the
// bench), so an index without pairs skips it. Asking the index costs a network
// round trip per remote part, though, and collapsing on a slot no document
// holds changes nothing: `assume_pairs` collapses without asking.
bool collapse_pairs(Xapian::Enquire& enquire, const Xapian::Database& db, bool assume_pairs = false) {
    if (!assume_pairs && db.get_value_freq(schema::kSlotPair) == 0) return false;
    enquire.set_collapse_key(schema::kSlotPair);
    return true;
}

}  // namespace

Matcher::Matcher(const std::filesystem::path& dir) : Matcher(IndexAccess{{dir.string()}}) {}

Matcher::Matcher(const IndexAccess& access) : access_(access) {
    for (const std::string& location : access_.locations) name_ += (name_.empty() ? "" : ", ") + location;
    open();
}

void Matcher::open() {
    // The token first: a switch after it is seen at the next query.
    IndexParts opened = open_index_parts(access_);
    generation_ = opened.generation_token();
    parts_ = std::move(opened);
    db_ = parts_.all;
    opened_at_ = std::chrono::steady_clock::now();
    fresh_ = true;
}

void Matcher::refresh() {
    if (std::exchange(fresh_, false) &&
        std::chrono::steady_clock::now() - opened_at_ < std::chrono::milliseconds(200)) {
        return;
    }
    if (parts_.generation_token() != generation_) {
        open();
    } else {
        db_.reopen();
    }
}

template <typename F>
auto Matcher::with_retry(F&& f) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (attempt == 0) refresh();
            return f();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= kMaxReopens) throw DatabaseError("index " + name_ + " keeps changing: " + e.get_msg());
        } catch (const Xapian::DatabaseOpeningError& e) {
            // The generation we had open was replaced by a rebuild and removed.
            if (attempt >= kMaxReopens) throw DatabaseError("cannot read index " + name_ + ": " + e.get_msg());
        } catch (const Xapian::NetworkError& e) {
            // A remote part went away (or stopped answering) after it opened.
            std::vector<std::string> gone = unreachable_parts(parts_);
            if (gone.empty()) gone.push_back("cannot search index " + name_ + ": " + e.get_msg());
            if (!access_.partial || attempt >= kMaxReopens) throw DatabaseError(gone.front());
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot search index " + name_ + ": " + e.get_msg());
        }
        pause_before_retry(attempt);
        open();
    }
}

Xapian::docid Matcher::question_guess(const StoredParagraph& answer, Xapian::docid answer_did) const {
    if (answer.question_turn <= 0 || answer.question_offset <= 0) return 0;
    const Xapian::docid local = parts_.local_docid(answer_did);
    if (local <= static_cast<Xapian::docid>(answer.question_offset)) return 0;
    return parts_.combined_docid(parts_.part_of(answer_did), local - static_cast<Xapian::docid>(answer.question_offset));
}

std::optional<Question> Matcher::question_of(const StoredParagraph& answer, const std::optional<StoredParagraph>& guess) {
    if (answer.question_turn <= 0) return std::nullopt;
    const auto summary = [&](const StoredParagraph& q) { return question_summary(q); };
    // The document the index builder saw it at (question_guess), if it still is that one.
    if (guess && guess->file == answer.file && guess->turn == answer.question_turn && guess->lang == answer.lang &&
        guess->paragraph == 1 && guess->passage == 1) {
        return summary(*guess);
    }
    // Else search for it: the question turn's first passage in the answer's language.
    const std::string turn = Xapian::sortable_serialise(answer.question_turn);
    const std::vector<Xapian::Query> parts = {
        Xapian::Query(schema::file_term(schema::file_key(answer.file))),
        Xapian::Query(std::string(schema::kLangPrefix) + answer.lang),
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotTurn, turn, turn)};
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (db_.get_value_freq(schema::kSlotOldestKey) > 0) {
        enquire.set_sort_by_value(schema::kSlotOldestKey, false);  // within the turn: paragraph, passage
    } else {
        auto* keys = new Xapian::MultiValueKeyMaker();
        keys->add_value(schema::kSlotParagraph, false);
        keys->add_value(schema::kSlotPassage, false);
        enquire.set_sort_by_key(keys->release(), false);
    }
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) return std::nullopt;
    return summary(read_paragraph(mset.begin().get_document()));
}

Question Matcher::question_summary(const StoredParagraph& q) {
    // Its first sentences, up to about 40 words (the first always).
    std::size_t end = q.text.size(), words = 0, at = 0;
    for (const std::size_t e : analyze::sentence_ends(q.text)) {
        words += static_cast<std::size_t>(std::count(q.text.begin() + static_cast<std::ptrdiff_t>(at),
                                                     q.text.begin() + static_cast<std::ptrdiff_t>(e), ' ')) + 1;
        if (words > 40 && at > 0) {
            end = at;
            break;
        }
        at = e;
    }
    std::string text = q.text.substr(0, end);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (end < q.text.size() || q.passages > 1) text += " \u2026";
    return Question{q.speaker, q.firm, std::move(text), q.turn, {}};
}

Matcher::Resolved Matcher::resolve(const ParsedQuery& query, const Ranking& ranking) {
    Resolved out{query, nullptr};
    if (!query.asked) return out;
    const auto weight = weighting(ranking);
    AskedQuestions found = find_asked_questions(db_, *query.asked, *weight);
    if (parts_.parts.size() > 1) {
        for (std::size_t p = 0; p < parts_.parts.size(); ++p) {
            // Xapian's servers run no posting source of ours.
            if (parts_.where[p].kind != IndexPart::Kind::Local) {
                throw DatabaseError("asked: needs the index's parts on this machine; " + parts_.where[p].name +
                                    " is remote (Xapian's servers cannot run the answer filter)");
            }
            found.part_uuids.push_back(parts_.parts[p].get_uuid());
        }
    }
    out.asked = std::make_shared<const AskedQuestions>(std::move(found));
    // With words of its own the query ranks, the question only filters; alone
    // (filters aside), answers rank by how well their question matched.
    const Xapian::Query answers = answers_query(out.asked, !query.has_text);
    out.query.query = query.has_text ? Xapian::Query(Xapian::Query::OP_FILTER, query.query, answers)
                                     : Xapian::Query(Xapian::Query::OP_FILTER, answers, query.query);
    return out;
}

std::vector<Hit> Matcher::read_hits(const std::vector<Xapian::docid>& dids, const MatchOptions& options,
                                    const AskedQuestions* asked) {
    std::vector<std::optional<StoredParagraph>> stored = fetch_paragraphs(parts_, dids);
    std::vector<Xapian::docid> guesses(dids.size(), 0);
    for (std::size_t i = 0; i < dids.size(); ++i) {
        if (!stored[i]) throw std::runtime_error("cannot read document " + std::to_string(dids[i]) + " of index " + name_);
        guesses[i] = question_guess(*stored[i], dids[i]);
    }
    // The questions' documents, in one round of reads as the hits' were.
    const std::vector<std::optional<StoredParagraph>> questions = fetch_paragraphs(parts_, guesses);
    std::vector<Hit> hits(dids.size());
    for (std::size_t i = 0; i < dids.size(); ++i) {
        hits[i].paragraph = std::move(*stored[i]);
        complete(hits[i], dids[i], questions[i], options, asked);
    }
    return hits;
}

void Matcher::complete(Hit& hit, Xapian::docid did, const std::optional<StoredParagraph>& question_guessed,
                       const MatchOptions& options, const AskedQuestions* asked) {
    hit.question = question_of(hit.paragraph, question_guessed);
    if (asked && hit.question) {
        const auto found = asked->by_id.find(db_.get_document(did).get_value(schema::kSlotAnswerTo));
        if (found != asked->by_id.end()) hit.question->matched = read_paragraph(db_.get_document(found->second.passage)).text;
    }
    if (options.answers) hit.answers = answers_to(db_, did, hit.paragraph);
}

MatchResult Matcher::match_per_call(const ParsedQuery& query, const MatchOptions& options,
                                    const AskedQuestions* asked) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query.query);
    const auto weight = weighting(options.ranking);
    enquire.set_weighting_scheme(*weight);
    drop_passages_without_words(enquire, query.query);
    enquire.set_collapse_key(schema::kSlotCall);
    set_ties(enquire, options.sort);
    set_sort(enquire, db_, options.sort, true);
    // Looking at every match makes the collapse counts exact.
    const Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, db_.get_doccount());
    MatchResult result;
    result.estimated_total = mset.get_matches_estimated();
    std::vector<Hit> hits = read_hits(std::vector<Xapian::docid>(mset.begin(), mset.end()), options, asked);
    std::size_t i = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit& hit = hits[i++];
        hit.rank = it.get_rank() + 1;
        hit.score = it.get_weight();
        // Passages as the list would show them (a translated pair once), not
        // the documents collapsed into this one.
        Xapian::Enquire in_call(db_);
        in_call.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query.query,
                                        Xapian::Query(schema::call_term(hit.paragraph.call))));
        weigh_for_counting(in_call, query.query);
        (void)collapse_pairs(in_call, db_, parts_.any_remote());
        hit.call_matches = std::max<Xapian::doccount>(1, in_call.get_mset(0, db_.get_doccount()).size());
    }
    result.hits = std::move(hits);
    return result;
}

MatchResult Matcher::match_current(const ParsedQuery& query, const MatchOptions& options) {
    const Resolved resolved = resolve(query, options.ranking);
    return match_resolved(resolved.query, options, resolved.asked.get());
}

MatchResult Matcher::match_resolved(const ParsedQuery& query, const MatchOptions& options,
                                    const AskedQuestions* asked) {
    if (options.per_call) return match_per_call(query, options, asked);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query.query);
    const auto weight = weighting(options.ranking);
    enquire.set_weighting_scheme(*weight);
    drop_passages_without_words(enquire, query.query);
    (void)collapse_pairs(enquire, db_, parts_.any_remote());
    set_ties(enquire, options.sort);
    set_sort(enquire, db_, options.sort);
    const Ranking& ranking = options.ranking;
    std::vector<ProximityGroup> groups;
    if (options.sort == SortOrder::Relevance && ranking.proximity > 0) groups = proximity_groups(query.query, db_);
    const Xapian::doccount wanted = options.offset + options.limit;

    MatchResult result;
    if (groups.empty()) {
        const Xapian::MSet mset = enquire.get_mset(options.offset, options.limit);
        result.estimated_total = mset.get_matches_estimated();
        result.hits = read_hits(std::vector<Xapian::docid>(mset.begin(), mset.end()), options, asked);
        std::size_t i = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
            result.hits[i].rank = it.get_rank() + 1;  // get_rank() already counts the offset
            result.hits[i].score = it.get_weight();
        }
        return result;
    }

    // Rerank the best BM25 hits by proximity. Every page of a query reranks the
    // same top (as long as it lies within rerank_depth), so pages agree.
    const Xapian::MSet mset = enquire.get_mset(0, std::max(wanted, ranking.rerank_depth));
    result.estimated_total = mset.get_matches_estimated();
    struct Candidate {
        Xapian::docid did;
        double score;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(mset.size());
    const double average_length = std::max(db_.get_avlength(), 1.0);
    const ProximityParams params{ranking.k1, ranking.b, ranking.proximity};
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::docid did = *it;
        const double length_ratio = static_cast<double>(db_.get_doclength(did)) / average_length;
        candidates.push_back(
            {did, it.get_weight() + proximity_score(groups, group_positions(db_, did, groups), length_ratio, params)});
    }
    // Stable: equal scores keep Xapian's order.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<Xapian::docid> shown;
    for (Xapian::doccount i = options.offset; i < std::min<Xapian::doccount>(wanted, candidates.size()); ++i) {
        shown.push_back(candidates[i].did);
    }
    result.hits = read_hits(shown, options, asked);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        result.hits[i].rank = options.offset + static_cast<Xapian::doccount>(i) + 1;
        result.hits[i].score = candidates[options.offset + i].score;
    }
    return result;
}

Xapian::doccount Matcher::count_current(const ParsedQuery& parsed, bool per_call) {
    const Resolved resolved = resolve(parsed, Ranking{});
    const ParsedQuery& query = resolved.query;
    Xapian::Enquire enquire(db_);
    enquire.set_query(query.query);
    weigh_for_counting(enquire, query.query);
    if (per_call) {
        enquire.set_collapse_key(schema::kSlotCall);
    } else if (!collapse_pairs(enquire, db_)) {
        // Nothing collapses: looking at every match makes the estimate exact.
        return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
    }
    // With collapsing, only the hits themselves are an exact count (the
    // estimates are not); no document is read for them.
    return enquire.get_mset(0, db_.get_doccount()).size();
}

MatchResult Matcher::match(const ParsedQuery& query, const MatchOptions& options) {
    return with_retry([&] { return match_current(query, options); });
}

Xapian::doccount Matcher::count(const ParsedQuery& query, bool per_call) {
    return with_retry([&] { return count_current(query, per_call); });
}

MatchResult Matcher::match(const QuerySource& parse, const MatchOptions& options, ParsedQuery& parsed) {
    return with_retry([&] {
        parsed = parse();
        return match_current(parsed, options);
    });
}

Xapian::doccount Matcher::count(const QuerySource& parse, bool per_call) {
    return with_retry([&] { return count_current(parse(), per_call); });
}

TrendTable Matcher::trend(const QuerySource& parse, const std::optional<Xapian::Query>& filters, const TrendSpec& spec) {
    return with_retry([&] { return count_trend(db_, parts_.parts, parse().query, filters, spec); });
}

}  // namespace callsearch

namespace callsearch {

std::vector<std::string> Matcher::words_with_stem(const std::string& stem) {
    // The snapshot the matcher holds, not a fresh one: a query's words must be
    // expanded against the same state of the index it is then matched on.
    return parts_.words_with_stem(stem);
}

analyze::StemExpander Matcher::stem_expander() {
    return [this](const std::string& stem) { return words_with_stem(stem); };
}

}  // namespace callsearch
