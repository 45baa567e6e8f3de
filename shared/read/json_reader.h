#pragma once
// JSON from transcript APIs and datasets -> the calls it holds (README.md,
// "JSON"). A call is any object with a transcript body: a "Name: text" string
// or lists of speaker turns. Objects and arrays around calls (an array of
// calls, {year: {quarter: [...]}}, an API envelope) are walked, and the
// metadata fields met on the way down apply to the calls below them. JSON
// Lines (one value a line) is read line by line. Field names are matched by
// the table in json_reader.cpp, ignoring case, '_' and '-'.

#include <cstddef>
#include <string_view>
#include <vector>

#include "read/call_text.h"

namespace callsearch {

// Nesting deeper than this is refused: calls sit a few levels down, and the
// walk over the parsed value must stay bounded.
inline constexpr int kMaxJsonDepth = 64;
// More values than this (strings, numbers, objects ... together) are refused
// while parsing, before they cost memory: a call is a few hundred, so this
// allows thousands of calls per file.
inline constexpr std::size_t kMaxJsonValues = 2'000'000;

// Throws InputError: not JSON (with the parser's message and offset), too
// deep, too many values, or no call found.
[[nodiscard]] std::vector<CallText> read_json_calls(std::string_view bytes);

}  // namespace callsearch
