#include "match/matcher.h"

#include <system_error>

#include "index/index_writer.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// A writer committing while we read can invalidate our snapshot
// (DatabaseModifiedError): reopen and run the whole query again.
constexpr int kMaxReopens = 5;

void set_sort(Xapian::Enquire& enquire, SortOrder sort) {
    if (sort == SortOrder::Relevance) return;
    // Later calls first (or last), and within a call, in the order spoken.
    const bool newest = sort == SortOrder::Newest;
    auto* keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(schema::kSlotCallOrder, newest);
    keys->add_value(schema::kSlotDate, newest);
    keys->add_value(schema::kSlotTurn, false);
    keys->add_value(schema::kSlotParagraph, false);
    enquire.set_sort_by_key_then_relevance(keys->release(), false);
}

}  // namespace

Matcher::Matcher(const std::filesystem::path& dir) : dir_(dir) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        throw DatabaseError("no index at " + dir.string() + " (run indexer first, or pass --db)");
    }
    try {
        db_ = Xapian::Database(dir.string());
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open index " + dir.string() + ": " + e.get_msg());
    }
    if (std::string problem = schema_problem(db_, dir); !problem.empty()) throw DatabaseError(problem);
}

template <typename F>
auto Matcher::with_retry(F&& f) {
    for (int attempt = 0;; ++attempt) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= kMaxReopens) throw DatabaseError("index " + dir_.string() + " keeps changing; try again");
            db_.reopen();
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot search index " + dir_.string() + ": " + e.get_msg());
        }
    }
}

MatchResult Matcher::match(const ParsedQuery& query, const MatchOptions& options) {
    return with_retry([&] {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query.query);
        set_sort(enquire, options.sort);
        const Xapian::MSet mset = enquire.get_mset(options.offset, options.limit);
        MatchResult result;
        result.estimated_total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit;
            hit.rank = it.get_rank() + 1;  // get_rank() already counts the offset
            hit.score = it.get_weight();
            hit.paragraph = decode_stored_paragraph(it.get_document().get_data());
            result.hits.push_back(std::move(hit));
        }
        return result;
    });
}

Xapian::doccount Matcher::count(const ParsedQuery& query) {
    return with_retry([&] {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query.query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, 0, db_.get_doccount());
        return mset.get_matches_estimated();
    });
}

}  // namespace callsearch
