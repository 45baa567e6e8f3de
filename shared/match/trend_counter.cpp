#include "match/trend_counter.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "index/stored_paragraph.h"
#include "match/passage_match.h"
#include "parse/roles.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

// The call keys of the documents `query` matches, one document read per call.
std::set<std::string> calls_matching(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(schema::kSlotCall);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::set<std::string> calls;
    for (auto it = mset.begin(); it != mset.end(); ++it) calls.insert(it.get_collapse_key());
    return calls;
}

// The calls (of `calls`) holding a document with `term`, exactly, at the
// lesser of two costs: walking the term's postings (reading each one's call
// key from its value slot, as collapsing would), or, for a term most
// documents hold (a section, a common role), asking of each call whether its
// postings and the term's meet (a leapfrog of skip_to on both, which stops
// at the first common document): the cost then follows the calls, not the
// documents.
std::set<std::string> calls_with_term(const Xapian::Database& db, const std::string& term,
                                      const std::map<std::string, TrendCall>& calls, bool streams) {
    // A leapfrog costs a few posting-list lookups per call; a posting walked, a value read.
    constexpr Xapian::doccount kPostingsPerCall = 16;
    std::set<std::string> out;
    if (!streams) {
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            out.insert(db.get_document(*p).get_value(schema::kSlotCall));
        }
        return out;
    }
    if (db.get_termfreq(term) <= kPostingsPerCall * calls.size()) {
        Xapian::ValueIterator value = db.valuestream_begin(schema::kSlotCall);
        const Xapian::ValueIterator values_end = db.valuestream_end(schema::kSlotCall);
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && value != values_end; ++p) {
            value.skip_to(*p);
            if (value != values_end && value.get_docid() == *p) out.insert(*value);
        }
        return out;
    }
    for (const auto& entry : calls) {
        const std::string call_term = schema::call_term(entry.first);
        auto a = db.postlist_begin(call_term);
        const auto a_end = db.postlist_end(call_term);
        auto b = db.postlist_begin(term);
        const auto b_end = db.postlist_end(term);
        while (a != a_end && b != b_end) {
            if (*a == *b) {
                out.insert(entry.first);
                break;
            }
            if (*a < *b) {
                a.skip_to(*b);
            } else {
                b.skip_to(*a);
            }
        }
    }
    return out;
}

Xapian::Query lacking_prefix(const Xapian::Database& db, std::string_view prefix) {
    std::vector<Xapian::Query> terms;
    for (auto t = db.allterms_begin(std::string(prefix)); t != db.allterms_end(std::string(prefix)); ++t) {
        terms.emplace_back(*t);
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
}

// The one filter term of a part, when it is one (a known speaker, role or section).
std::optional<std::string> part_term(const TrendSpec& spec, const TrendPassagePart& part) {
    if (part.size() != 1 || part[0].id.empty()) return std::nullopt;
    for (const TrendKey key : spec.keys) {
        if (key == TrendKey::Speaker) return schema::speaker_name_term(part[0].name);
        if (key == TrendKey::Role) return schema::role_term(part[0].id);
        if (key == TrendKey::Section) return std::string(schema::kSectionPrefix) + part[0].id;
    }
    return std::nullopt;
}

// The passages of a bucket's speaker, role and section values.
Xapian::Query part_query(const Xapian::Database& db, const TrendSpec& spec, const TrendPassagePart& part) {
    std::vector<Xapian::Query> terms;
    std::size_t p = 0;
    for (const TrendKey key : spec.keys) {
        if (is_call_key(key)) continue;
        const TrendValue& v = part[p++];
        if (key == TrendKey::Speaker) {
            terms.push_back(v.id.empty() ? lacking_prefix(db, schema::kSpeakerNamePrefix)
                                         : Xapian::Query(schema::speaker_name_term(v.name)));
        } else if (key == TrendKey::Role) {
            if (v.id.empty()) {
                std::vector<Xapian::Query> roles;
                for (const std::string_view role : kRoles) roles.emplace_back(schema::role_term(role));
                terms.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                   Xapian::Query(Xapian::Query::OP_OR, roles.begin(), roles.end()));
            } else {
                terms.emplace_back(schema::role_term(v.id));
            }
        } else {
            terms.emplace_back(std::string(schema::kSectionPrefix) + v.id);
        }
    }
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

}  // namespace

std::map<std::string, TrendCall> indexed_calls(const std::vector<Xapian::Database>& parts) {
    std::map<std::string, TrendCall> calls;
    const std::string prefix = call_record_key("");
    for (const Xapian::Database& db : parts) {
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            try {
                const StoredCall call = decode_call_record(db.get_metadata(*it));
                calls.try_emplace(call.call, TrendCall{call.company, call.ticker, call.year, call.quarter});
            } catch (const std::runtime_error&) {
                // A damaged record is --check's business; its call is not counted.
            }
        }
    }
    return calls;
}

TrendTable count_trend(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                       const Xapian::Query& query, const std::optional<Xapian::Query>& filters,
                       const TrendSpec& spec) {
    std::map<std::string, TrendCall> calls = indexed_calls(parts);
    // Value streams are read from one database (and a remote one has none):
    // an index in parts reads each match's call slot from its document.
    const bool streams = parts.size() <= 1;
    if (filters) {
        const std::set<std::string> allowed = calls_matching(db, *filters);
        std::erase_if(calls, [&](const auto& c) { return !allowed.count(c.first); });
    }
    TrendTally tally(spec, std::move(calls));

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // The passages --count counts (match/passage_match.h).
    weigh_for_counting(enquire, query);
    // A translated pair is one passage, as --count has it (both sides share
    // call, speaker and section, so the side kept does not matter).
    if (db.get_value_freq(schema::kSlotPair) > 0) enquire.set_collapse_key(schema::kSlotPair);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::vector<Xapian::docid> matches(mset.begin(), mset.end());
    std::sort(matches.begin(), matches.end());
    const bool passage_fields = tally.has_passage_keys();
    // In docid order, the call slot is read as one stream, not document by document.
    Xapian::ValueIterator value = streams ? db.valuestream_begin(schema::kSlotCall) : Xapian::ValueIterator();
    const Xapian::ValueIterator values_end = streams ? db.valuestream_end(schema::kSlotCall) : Xapian::ValueIterator();
    // Without passage keys, a call's consecutive matches are added at once.
    TrendPassage run;
    std::size_t run_length = 0;
    for (const Xapian::docid did : matches) {
        TrendPassage passage;
        if (streams && value != values_end) value.skip_to(did);
        if (streams && value != values_end && value.get_docid() == did) {
            passage.call = *value;
        } else {
            passage.call = db.get_document(did).get_value(schema::kSlotCall);
        }
        if (passage_fields) {
            StoredParagraph p = decode_paragraph_data(db.get_document(did).get_data()).paragraph;
            passage.speaker = std::move(p.speaker);
            passage.roles = std::move(p.roles);
            passage.section = std::move(p.section);
            tally.add(passage);
            continue;
        }
        if (run_length > 0 && passage.call != run.call) {
            tally.add(run, run_length);
            run_length = 0;
        }
        if (run_length == 0) run = std::move(passage);
        ++run_length;
    }
    if (run_length > 0) tally.add(run, run_length);

    std::vector<std::set<std::string>> part_calls;
    for (const TrendPassagePart& part : tally.passage_parts()) {
        const auto term = part_term(spec, part);
        if (term && !filters) {
            part_calls.push_back(calls_with_term(db, *term, tally.calls(), streams));
            continue;
        }
        const Xapian::Query q = part_query(db, spec, part);
        part_calls.push_back(calls_matching(db, filters ? Xapian::Query(Xapian::Query::OP_FILTER, q, *filters) : q));
    }
    return tally.table(part_calls);
}

}  // namespace callsearch
