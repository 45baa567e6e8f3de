#include "match/trend_buckets.h"

#include <algorithm>
#include <array>
#include <tuple>

#include <xapian.h>

#include "query/filter_values.h"
#include "schema/filter_terms.h"

namespace callsearch {

namespace {

constexpr std::array<std::pair<std::string_view, TrendKey>, 7> kKeyNames = {{
    {"year", TrendKey::Year},
    {"quarter", TrendKey::Quarter},
    {"company", TrendKey::Company},
    {"ticker", TrendKey::Ticker},
    {"speaker", TrendKey::Speaker},
    {"role", TrendKey::Role},
    {"section", TrendKey::Section},
}};

// The company's speakers before the people who question them.
constexpr std::array<std::string_view, 11> kRoleOrder = {"ceo",       "cfo",       "coo", "cto", "president", "chairman",
                                                         "ir",        "gm",        "executive", "analyst", "operator"};

std::size_t role_rank(std::string_view role) {
    const auto it = std::find(kRoleOrder.begin(), kRoleOrder.end(), role);
    return role.empty() ? kRoleOrder.size() + 1 : static_cast<std::size_t>(it - kRoleOrder.begin());
}

std::size_t section_rank(std::string_view section) {
    if (section == "prepared") return 0;
    if (section == "qa") return 1;
    return section.empty() ? 3 : 2;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

std::string folded(std::string_view s) { return Xapian::Unicode::tolower(std::string(s)); }

// A bucket's identity as one map key.
std::string identity(const TrendBucket& bucket) {
    std::string out;
    for (const TrendValue& v : bucket) {
        out += v.id;
        out += '\x1f';
        out += std::to_string(v.year);
        out += '\x1f';
        out += std::to_string(v.quarter);
        out += '\x1e';
    }
    return out;
}

}  // namespace

TrendSpec parse_trend_spec(std::string_view text) {
    TrendSpec spec;
    std::size_t at = 0;
    while (true) {
        const std::size_t comma = text.find(',', at);
        const std::string part = folded(trim(text.substr(at, comma == std::string_view::npos ? text.npos : comma - at)));
        const auto it = std::find_if(kKeyNames.begin(), kKeyNames.end(), [&](const auto& k) { return k.first == part; });
        if (it == kKeyNames.end()) {
            throw QueryError("--trend '" + std::string(text) + "': " + (part.empty() ? "an empty key" : "'" + part + "'") +
                             " is not one of year, quarter, company, ticker, speaker, role, section");
        }
        if (std::find(spec.keys.begin(), spec.keys.end(), it->second) != spec.keys.end()) {
            throw QueryError("--trend '" + std::string(text) + "': " + part + " is given twice");
        }
        spec.keys.push_back(it->second);
        if (comma == std::string_view::npos) break;
        at = comma + 1;
    }
    if (spec.keys.size() > 2) throw QueryError("--trend '" + std::string(text) + "': at most two keys, e.g. company,quarter");
    const auto has = [&](TrendKey k) { return std::find(spec.keys.begin(), spec.keys.end(), k) != spec.keys.end(); };
    if (has(TrendKey::Year) && has(TrendKey::Quarter)) {
        throw QueryError("--trend '" + std::string(text) + "': quarter already holds the year; use quarter alone");
    }
    return spec;
}

const char* trend_key_name(TrendKey key) {
    for (const auto& [name, k] : kKeyNames) {
        if (k == key) return name.data();
    }
    return "?";
}

bool is_call_key(TrendKey key) {
    return key == TrendKey::Year || key == TrendKey::Quarter || key == TrendKey::Company || key == TrendKey::Ticker;
}

bool is_time_key(TrendKey key) { return key == TrendKey::Year || key == TrendKey::Quarter; }

TrendValue trend_value(TrendKey key, std::string_view name, int year, int quarter) {
    TrendValue v;
    switch (key) {
    case TrendKey::Year: v.year = year; break;
    case TrendKey::Quarter:
        v.year = year;
        v.quarter = quarter;
        break;
    case TrendKey::Speaker:
        v.name = trim(name);
        v.id = schema::normalize_name(v.name);
        break;
    default:
        v.name = trim(name);
        v.id = v.name;
        break;
    }
    return v;
}

bool trend_value_less(TrendKey key, const TrendValue& a, const TrendValue& b) {
    switch (key) {
    case TrendKey::Year: return std::tuple(a.year == 0, a.year) < std::tuple(b.year == 0, b.year);
    case TrendKey::Quarter:
        return std::tuple(a.year == 0, a.year, a.quarter == 0, a.quarter) <
               std::tuple(b.year == 0, b.year, b.quarter == 0, b.quarter);
    case TrendKey::Role: return std::tuple(role_rank(a.id), a.id) < std::tuple(role_rank(b.id), b.id);
    case TrendKey::Section: return std::tuple(section_rank(a.id), a.id) < std::tuple(section_rank(b.id), b.id);
    default:
        return std::tuple(a.id.empty(), folded(a.id), a.id) < std::tuple(b.id.empty(), folded(b.id), b.id);
    }
}

std::string trend_label(TrendKey key, const TrendValue& value) {
    switch (key) {
    case TrendKey::Year: return value.year ? std::to_string(value.year) : "(unknown)";
    case TrendKey::Quarter:
        if (value.year == 0 && value.quarter == 0) return "(unknown)";
        return (value.year ? std::to_string(value.year) : std::string("????")) + " Q" +
               (value.quarter ? std::to_string(value.quarter) : std::string("?"));
    default: return value.name.empty() ? "(unknown)" : value.name;
    }
}

TrendTally::TrendTally(TrendSpec spec, std::map<std::string, TrendCall> calls)
    : spec_(std::move(spec)), calls_(std::move(calls)) {}

TrendValue TrendTally::call_value(TrendKey key, const TrendCall& call) const {
    switch (key) {
    case TrendKey::Company: return trend_value(key, call.company);
    case TrendKey::Ticker: return trend_value(key, call.ticker);
    default: return trend_value(key, "", call.year, call.quarter);
    }
}

std::vector<TrendBucket> TrendTally::buckets_of(const TrendPassage& passage) const {
    const auto found = calls_.find(passage.call);
    const TrendCall call = found == calls_.end() ? TrendCall{} : found->second;
    std::vector<TrendBucket> out{TrendBucket{}};
    for (const TrendKey key : spec_.keys) {
        std::vector<TrendValue> values;
        if (is_call_key(key)) {
            values.push_back(call_value(key, call));
        } else if (key == TrendKey::Speaker) {
            values.push_back(trend_value(key, passage.speaker));
        } else if (key == TrendKey::Section) {
            values.push_back(trend_value(key, passage.section));
        } else if (passage.roles.empty()) {
            values.push_back(trend_value(key, ""));
        } else {
            // A passage of a "Chairman & CEO" counts for both roles.
            for (const std::string& role : passage.roles) values.push_back(trend_value(key, role));
        }
        std::vector<TrendBucket> next;
        for (const TrendBucket& b : out) {
            for (const TrendValue& v : values) {
                next.push_back(b);
                next.back().push_back(v);
            }
        }
        out = std::move(next);
    }
    return out;
}

void TrendTally::add(const TrendPassage& passage, std::size_t count) {
    passages_ += count;
    matched_calls_.insert(passage.call);
    for (TrendBucket& bucket : buckets_of(passage)) {
        for (std::size_t i = 0; i < spec_.keys.size(); ++i) {
            if (spec_.keys[i] != TrendKey::Speaker) continue;
            // The first spelling met names the speaker ("Tim Cook", "TIM COOK").
            auto [it, fresh] = speaker_names_.try_emplace(bucket[i].id, bucket[i].name);
            if (!fresh) bucket[i].name = it->second;
        }
        const std::string id = identity(bucket);
        auto [it, fresh] = index_.try_emplace(id, matched_.size());
        if (fresh) matched_.emplace_back(std::move(bucket), Matched{});
        Matched& m = matched_[it->second].second;
        m.passages += count;
        m.calls.insert(passage.call);
    }
}

bool TrendTally::has_passage_keys() const {
    return std::any_of(spec_.keys.begin(), spec_.keys.end(), [](TrendKey k) { return !is_call_key(k); });
}

TrendPassagePart TrendTally::part_of(const TrendBucket& bucket) const {
    TrendPassagePart part;
    for (std::size_t i = 0; i < spec_.keys.size(); ++i) {
        if (!is_call_key(spec_.keys[i])) part.push_back(bucket[i]);
    }
    return part;
}

TrendBucket TrendTally::without_time(const TrendBucket& bucket) const {
    TrendBucket out;
    for (std::size_t i = 0; i < spec_.keys.size(); ++i) {
        out.push_back(is_time_key(spec_.keys[i]) ? TrendValue{} : bucket[i]);
    }
    return out;
}

std::vector<TrendPassagePart> TrendTally::passage_parts() const {
    std::vector<TrendPassagePart> parts;
    if (!has_passage_keys()) return parts;
    std::set<std::string> seen;
    for (const auto& [bucket, m] : matched_) {
        TrendPassagePart part = part_of(bucket);
        if (seen.insert(identity(part)).second) parts.push_back(std::move(part));
    }
    return parts;
}

TrendBucket TrendTally::bucket_for_call(const TrendPassagePart& part, const TrendCall& call) const {
    TrendBucket bucket;
    std::size_t p = 0;
    for (const TrendKey key : spec_.keys) bucket.push_back(is_call_key(key) ? call_value(key, call) : part[p++]);
    return bucket;
}

bool TrendTally::bucket_less(const TrendBucket& a, const TrendBucket& b) const {
    for (std::size_t i = 0; i < spec_.keys.size(); ++i) {
        if (trend_value_less(spec_.keys[i], a[i], b[i])) return true;
        if (trend_value_less(spec_.keys[i], b[i], a[i])) return false;
    }
    return false;
}

TrendTable TrendTally::table(const std::vector<std::set<std::string>>& part_calls) const {
    const bool has_time = std::any_of(spec_.keys.begin(), spec_.keys.end(), is_time_key);
    // The non-time values that matched: with a time key, each of their
    // buckets that holds calls is a row, matched or not.
    std::set<std::string> matched_rest;
    for (const auto& [bucket, m] : matched_) matched_rest.insert(identity(without_time(bucket)));

    std::map<std::string, TrendRow> rows;
    for (const auto& [bucket, m] : matched_) {
        TrendRow& row = rows[identity(bucket)];
        row.bucket = bucket;
        row.passages = m.passages;
        row.calls = m.calls.size();
    }
    const auto count_call = [&](const TrendBucket& bucket) {
        const std::string id = identity(bucket);
        auto it = rows.find(id);
        if (it == rows.end()) {
            if (!has_time || !matched_rest.count(identity(without_time(bucket)))) return;
            it = rows.emplace(id, TrendRow{bucket, 0, 0, 0}).first;
        }
        ++it->second.calls_in_bucket;
    };
    if (!has_passage_keys()) {
        for (const auto& [key, call] : calls_) count_call(bucket_for_call({}, call));
    } else {
        const std::vector<TrendPassagePart> parts = passage_parts();
        for (std::size_t i = 0; i < parts.size() && i < part_calls.size(); ++i) {
            for (const std::string& key : part_calls[i]) {
                const auto call = calls_.find(key);
                if (call != calls_.end()) count_call(bucket_for_call(parts[i], call->second));
            }
        }
    }

    TrendTable table;
    table.spec = spec_;
    table.passages = passages_;
    table.calls = matched_calls_.size();
    table.calls_allowed = calls_.size();
    for (auto& [id, row] : rows) table.rows.push_back(std::move(row));
    std::sort(table.rows.begin(), table.rows.end(),
              [&](const TrendRow& a, const TrendRow& b) { return bucket_less(a.bucket, b.bucket); });
    return table;
}

}  // namespace callsearch
