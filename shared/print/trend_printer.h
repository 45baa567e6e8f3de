#pragma once
// Mention trends printed (README.md, "Trends"): a bar chart for people, one
// JSON object per bucket for scripts, and the CSV columns of those objects.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "match/trend_buckets.h"

namespace callsearch {

// One bucket as JSON, without the newline: "bucket" (its label), the key
// fields by name ("year" and "quarter" for a quarter; "company", "ticker",
// "speaker", "role", "section": null when unknown), then "passages",
// "calls", "calls_in_bucket" and "per_call" (null when the bucket holds no call).
[[nodiscard]] std::string format_trend_json_row(const TrendSpec& spec, const TrendRow& row);

// The fields of those objects, in order (CSV columns).
[[nodiscard]] std::vector<std::string> trend_columns(const TrendSpec& spec);

// The label of a bucket as the chart shows it ("Apple Inc · 2021 Q3").
[[nodiscard]] std::string trend_bucket_label(const TrendSpec& spec, const TrendBucket& bucket);

// A horizontal bar chart of per-call mentions, `width` columns wide (at
// least 50 are used): a header saying what was counted, then one line per
// bucket with its bar (eighth blocks) and its numbers, readable without colour.
[[nodiscard]] std::string format_trend_chart(const TrendTable& table, std::string_view query, std::size_t width);

}  // namespace callsearch
