#pragma once
// Mention trends (`searcher --trend BY`, README.md "Trends"): what a bucket
// is, the order buckets come in, and how matching passages add up into rows.
// Pure: the counter (match/trend_counter.h) feeds it what it read from the
// index, so the rules here are unit-tested without one.
//
// A row counts, for one bucket: `passages` (matching passages, a translated
// pair once, as --count counts them), `calls` (calls holding at least one of
// them) and `calls_in_bucket` (the calls the index holds in the bucket under
// the command-line filters); per_call = passages / calls_in_bucket.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

enum class TrendKey { Year, Quarter, Company, Ticker, Speaker, Role, Section };

// One or two distinct keys, in the order the user gave them ("company,quarter").
struct TrendSpec {
    std::vector<TrendKey> keys;
    friend bool operator==(const TrendSpec&, const TrendSpec&) = default;
};

// "year", "quarter", ..., or two joined by ','. Throws QueryError naming the bad part.
[[nodiscard]] TrendSpec parse_trend_spec(std::string_view text);
[[nodiscard]] const char* trend_key_name(TrendKey key);
// A call's own field (year, quarter, company, ticker), as opposed to a
// passage's (speaker, role, section).
[[nodiscard]] bool is_call_key(TrendKey key);
[[nodiscard]] bool is_time_key(TrendKey key);  // year, quarter: their empty buckets are shown

// One key's value in a bucket. Year: `year`; Quarter: `year` and `quarter`
// (0 = unknown); the others: `name` ("" = unknown), speakers identified by
// `id` (their normalized name) and shown by `name` as first met.
struct TrendValue {
    std::string id;
    std::string name;
    int year = 0;
    int quarter = 0;
    friend bool operator==(const TrendValue& a, const TrendValue& b) {
        return a.id == b.id && a.year == b.year && a.quarter == b.quarter;
    }
};
[[nodiscard]] TrendValue trend_value(TrendKey key, std::string_view name, int year = 0, int quarter = 0);
// Natural order: years and quarters in time, names alphabetically (case
// aside), roles in a fixed order (executives first, then analyst, operator),
// prepared remarks before Q&A; unknown values last.
[[nodiscard]] bool trend_value_less(TrendKey key, const TrendValue& a, const TrendValue& b);
// "2021", "2021 Q3", "Apple Inc", "cfo", "qa"; unknown: "(unknown)", "2021 Q?".
[[nodiscard]] std::string trend_label(TrendKey key, const TrendValue& value);

using TrendBucket = std::vector<TrendValue>;  // one value per TrendSpec key

struct TrendRow {
    TrendBucket bucket;
    std::size_t passages = 0;
    std::size_t calls = 0;
    std::size_t calls_in_bucket = 0;
    [[nodiscard]] std::optional<double> per_call() const {
        if (calls_in_bucket == 0) return std::nullopt;
        return static_cast<double>(passages) / static_cast<double>(calls_in_bucket);
    }
};

struct TrendTable {
    TrendSpec spec;
    std::vector<TrendRow> rows;      // in natural order
    std::size_t passages = 0;        // all matching passages (= searcher --count)
    std::size_t calls = 0;           // calls holding any
    std::size_t calls_allowed = 0;   // calls the filters allow (every bucket's calls together)
};

// A call's own fields, as the call record holds them.
struct TrendCall {
    std::string company;
    std::string ticker;
    int year = 0;
    int quarter = 0;
};

// A matching passage's own fields.
struct TrendPassage {
    std::string call;  // call key
    std::string speaker;
    std::vector<std::string> roles;
    std::string section;
};

// The passage-field part of a bucket (its speaker, role and section values,
// in spec order), which only the index can say the calls of.
using TrendPassagePart = std::vector<TrendValue>;

class TrendTally {
public:
    // `calls`: every call the filters allow, by call key.
    TrendTally(TrendSpec spec, std::map<std::string, TrendCall> calls);

    // `count` passages alike (for call keys alone, a call's run of matches at once).
    void add(const TrendPassage& passage, std::size_t count = 1);

    // The passage parts of the buckets that matched: the counter finds the
    // calls holding each and hands them to rows(). Empty when the spec has
    // only call keys.
    [[nodiscard]] std::vector<TrendPassagePart> passage_parts() const;
    [[nodiscard]] bool has_passage_keys() const;
    // The calls the filters allow, by call key.
    [[nodiscard]] const std::map<std::string, TrendCall>& calls() const { return calls_; }

    // `part_calls[i]`: the call keys holding passage_parts()[i] (under the
    // filters). Rows: every bucket that matched, and with a year or quarter
    // key, every other bucket of the same non-time values that holds calls.
    [[nodiscard]] TrendTable table(const std::vector<std::set<std::string>>& part_calls = {}) const;

private:
    struct Matched {
        std::size_t passages = 0;
        std::set<std::string> calls;
    };
    [[nodiscard]] TrendValue call_value(TrendKey key, const TrendCall& call) const;
    [[nodiscard]] std::vector<TrendBucket> buckets_of(const TrendPassage& passage) const;
    [[nodiscard]] TrendBucket bucket_for_call(const TrendPassagePart& part, const TrendCall& call) const;
    [[nodiscard]] TrendPassagePart part_of(const TrendBucket& bucket) const;
    [[nodiscard]] TrendBucket without_time(const TrendBucket& bucket) const;
    [[nodiscard]] bool bucket_less(const TrendBucket& a, const TrendBucket& b) const;

    TrendSpec spec_;
    std::map<std::string, TrendCall> calls_;
    std::vector<std::pair<TrendBucket, Matched>> matched_;  // in the order first met
    std::map<std::string, std::size_t> index_;              // bucket identity -> matched_ position
    std::map<std::string, std::string> speaker_names_;      // id -> name as first met
    std::set<std::string> matched_calls_;
    std::size_t passages_ = 0;
};

}  // namespace callsearch
