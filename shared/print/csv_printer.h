#pragma once
// Hits and trend rows as CSV rows (print/csv_writer.h): the fields of their
// JSON objects (README.md, "CSV"), in a fixed column order. Flattening:
//  - an object's fields are columns of their own, "question.speaker";
//  - an array is its elements joined by "; ", a [start, end) span written
//    "start-end" (roles "chairman; ceo", highlights "0-5; 17-29");
//  - null is an empty cell; numbers are written as JSON writes them.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "match/matcher.h"
#include "print/highlighter.h"

namespace callsearch {

// The columns of a hit: every field of a --json hit, `call_matches` last with --per-call.
[[nodiscard]] std::vector<std::string> csv_hit_columns(bool per_call);

// The cells of `object` for `columns` ("a.b" is field b of object a).
[[nodiscard]] std::vector<std::string> csv_cells(const nlohmann::json& object, const std::vector<std::string>& columns);

// One hit as a CSV row (CRLF included), the same values as format_json_hit.
[[nodiscard]] std::string format_csv_hit(const Hit& hit, const std::vector<Span>& highlights, bool per_call);

}  // namespace callsearch
