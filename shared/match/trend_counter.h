#pragma once
// Counting a mention trend (match/trend_buckets.h) against one state of the
// index. Every count is exact: the whole match set is read (Enquire with
// every document as its check-at-least, never Xapian's estimates), collapsed
// on translated pairs as --count is. What is read, and why it is cheap:
//  - the calls and their fields: the call records in metadata (one per call
//    of a file, schema "callsearch.call:"), not the documents;
//  - per matching passage: its call key (value slot kSlotCall) and, only when
//    a speaker, role or section key is asked for, its stored data;
//  - the calls of a bucket under the command-line filters: the filters' own
//    matches collapsed on the call slot (none read without filters), and for
//    a speaker, role or section bucket, the postings of its filter term.
// An index in parts (match/index_parts.h): call records are read from every
// part (metadata of a combined database comes from its first alone), and
// call slots from the documents (no value streams over remote parts).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "match/trend_buckets.h"

namespace callsearch {

// Every call with a call record, by call key (a call stored in several files
// is one call, as --per-call counts it).
[[nodiscard]] std::map<std::string, TrendCall> indexed_calls(const std::vector<Xapian::Database>& parts);

// `query`: the whole query (words and filters); `filters`: the command-line
// filters alone (nullopt when there are none), which decide the calls each
// bucket holds. Xapian errors pass through (the matcher retries them).
// `db` combines `parts` (one part: the same database).
[[nodiscard]] TrendTable count_trend(const Xapian::Database& db, const std::vector<Xapian::Database>& parts,
                                     const Xapian::Query& query, const std::optional<Xapian::Query>& filters,
                                     const TrendSpec& spec);

}  // namespace callsearch
