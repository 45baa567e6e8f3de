#pragma once
// The match stage: a parsed query against the index -> ranked hits.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "index/stored_paragraph.h"
#include "match/exchanges.h"
#include "match/trend_buckets.h"
#include "match/index_parts.h"
#include "query/query_parser.h"

namespace callsearch {

// The index cannot be opened or read. The message names the path and says why.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class SortOrder { Relevance, Newest, Oldest };

// How hits are ordered by relevance (README.md, "Ranking"). The defaults are
// what the known-item benchmark (tests/bench/known_item_benchmark.cpp)
// measured best; it varies them to print the alternatives beside each other.
struct Ranking {
    // BM25 (the default), or one of Xapian's other schemes the benchmark
    // compares with: query likelihood with Dirichlet smoothing, and DPH
    // (divergence from randomness, parameter-free).
    enum class Model { BM25, LMDirichlet, DPH };
    Model model = Model::BM25;
    double k1 = 1.2;  // BM25: how fast repeated words saturate
    double b = 0.75;  // BM25: document-length normalisation (0 = none)
    // Weight of the proximity boost (match/proximity.h) on the best
    // `rerank_depth` hits; 0 = none. Off: on the known-item benchmark it
    // measured the same as without (within noise) at twice the match cost.
    double proximity = 0.0;
    Xapian::doccount rerank_depth = 100;
    double mu = 100;  // LMDirichlet: smoothing
    // A bare word's form as typed, beside its stem's other forms (analyze/
    // text_analyzer.h): applied by whoever parses the query (search/search_job).
    double exact_form_weight = analyze::kExactFormWeight;
};

struct MatchOptions {
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    SortOrder sort = SortOrder::Relevance;
    Ranking ranking;
    // One hit per call: its best passage, with Hit::call_matches. offset and
    // limit then count calls.
    bool per_call = false;
    // With each hit on a question (an analyst's turn in Q&A), the answers it
    // got (Hit::answers).
    bool answers = false;
};

// The analyst question a Q&A answer replies to, as shown above the answer.
struct Question {
    std::string speaker;
    std::string firm;  // "" when unknown
    std::string text;  // its first sentences (about 40 words)
    int turn = 0;      // the question's turn in the call
    // With asked:, the question's passage that matched it best (whole), to
    // show where the asked words are; "" otherwise.
    std::string matched;
    friend bool operator==(const Question&, const Question&) = default;
};

struct Hit {
    Xapian::doccount rank = 0;  // 1-based, counting from the first result (offset included)
    double score = 0.0;
    StoredParagraph paragraph;
    Xapian::doccount call_matches = 0;  // with MatchOptions::per_call: the call's matching passages
    std::optional<Question> question{};  // for an answer in Q&A (StoredParagraph::question_turn)
    std::vector<Answer> answers{};       // with MatchOptions::answers, for a question
};

struct MatchResult {
    std::vector<Hit> hits;
    Xapian::doccount estimated_total = 0;
};

class Matcher {
public:
    // Throws DatabaseError if `dir` holds no readable index of our schema.
    // Each query answers from the newest committed state of the index, even
    // when the Matcher has lived through updates and rebuilds.
    explicit Matcher(const std::filesystem::path& dir);
    // An index in parts, local or remote (match/index_parts.h): the same
    // answers as one local index built from the same files.
    explicit Matcher(const IndexAccess& access);

    // With IndexAccess::partial: the parts left out ("NAME: why"), as of the
    // last query; empty when every part answered.
    [[nodiscard]] const std::vector<std::string>& missing_parts() const { return parts_.missing; }
    // The opened parts, for readers beside the matcher (spelling, aggregations).
    [[nodiscard]] const IndexParts& parts() const { return parts_; }

    [[nodiscard]] MatchResult match(const ParsedQuery& query, const MatchOptions& options);

    // Exact number of hits: matching passages (a translated pair once), or
    // with `per_call` the calls holding any.
    [[nodiscard]] Xapian::doccount count(const ParsedQuery& query, bool per_call = false);

    // Parses (through `parse`, whose bare words expand via stem_expander())
    // and matches against one and the same state of the index, parsing again
    // if a writer's commit forces a reopen: expanded words and matched
    // documents always come from the same state. `parsed` receives the query.
    using QuerySource = std::function<ParsedQuery()>;
    [[nodiscard]] MatchResult match(const QuerySource& parse, const MatchOptions& options, ParsedQuery& parsed);
    [[nodiscard]] Xapian::doccount count(const QuerySource& parse, bool per_call = false);

    // Exact counts per bucket (match/trend_counter.h). `filters`: the
    // command-line filters alone (nullopt: none), which decide the calls a
    // bucket holds.
    [[nodiscard]] TrendTable trend(const QuerySource& parse, const std::optional<Xapian::Query>& filters,
                                   const TrendSpec& spec);

    // The words filed under an English stem in the state the matcher holds
    // (as of its last query), for TextAnalyzer::set_stem_expander.
    [[nodiscard]] std::vector<std::string> words_with_stem(const std::string& stem);

    // An expander reading this matcher's index; the matcher must outlive it.
    [[nodiscard]] analyze::StemExpander stem_expander();

private:
    template <typename F>
    auto with_retry(F&& f);
    void refresh();
    void open();
    [[nodiscard]] MatchResult match_current(const ParsedQuery& query, const MatchOptions& options);
    [[nodiscard]] MatchResult match_resolved(const ParsedQuery& query, const MatchOptions& options,
                                             const AskedQuestions* asked);
    [[nodiscard]] MatchResult match_per_call(const ParsedQuery& query, const MatchOptions& options,
                                             const AskedQuestions* asked);
    // Where the question of an answer (document answer_did) should be; 0: nowhere known.
    [[nodiscard]] Xapian::docid question_guess(const StoredParagraph& answer, Xapian::docid answer_did) const;
    // `guess`: the paragraph at question_guess(), if any; searched for when it is not the question.
    [[nodiscard]] std::optional<Question> question_of(const StoredParagraph& answer,
                                                      const std::optional<StoredParagraph>& guess);
    [[nodiscard]] static Question question_summary(const StoredParagraph& question);
    // asked: resolved against the state held: the query of the answers to
    // the questions it matches (the query itself when there is no asked:).
    struct Resolved {
        ParsedQuery query;
        std::shared_ptr<const AskedQuestions> asked;  // null without asked:
    };
    [[nodiscard]] Resolved resolve(const ParsedQuery& query, const Ranking& ranking);
    // The question (and with asked:, its matched passage) and answers of a hit.
    void complete(Hit& hit, Xapian::docid did, const std::optional<StoredParagraph>& question_guessed,
                  const MatchOptions& options, const AskedQuestions* asked);
    // The hits of `dids` (rank and score left to the caller), completed.
    [[nodiscard]] std::vector<Hit> read_hits(const std::vector<Xapian::docid>& dids, const MatchOptions& options,
                                             const AskedQuestions* asked);
    [[nodiscard]] Xapian::doccount count_current(const ParsedQuery& query, bool per_call);

    IndexAccess access_;
    std::string name_;        // for errors: the location(s)
    std::string generation_;  // the generations db_ was opened on (IndexParts::generation_token)
    IndexParts parts_;
    Xapian::Database db_;     // parts_.all
    // When the parts were opened: a query right after needs no reopen (which
    // costs a round trip per remote part, and a whole-process search made one
    // per query for nothing).
    std::chrono::steady_clock::time_point opened_at_{};
    bool fresh_ = false;
};

}  // namespace callsearch
