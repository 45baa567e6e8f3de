#pragma once
// Read-only views of an index folder for jobs and their operators:
// `indexer --check` (is it sound?) and `indexer --stats` (what does it hold?).

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace callsearch {

struct CheckReport {
    std::string generation;
    Xapian::doccount documents = 0;
    std::size_t files = 0;
    std::vector<std::string> problems;  // empty: the index is sound
};

// Verifies the folder layout, Xapian's own structure check, the schema
// version, and that documents and file records agree. Holds the writer lock
// meanwhile (waiting up to `wait`), since a commit during the check would look
// like damage. Throws IndexError when there is nothing to check (no index at
// `dir`), IndexBusyError when a writer keeps the lock.
[[nodiscard]] CheckReport check_index(const std::filesystem::path& dir,
                                      std::chrono::milliseconds wait = std::chrono::milliseconds(0));

struct IndexStats {
    std::string generation;
    std::string schema_version;
    std::size_t files = 0;
    std::size_t calls = 0;
    std::size_t calls_without_date = 0;  // what --since/--until/date: always leave out
    Xapian::doccount paragraphs = 0;
    std::map<std::string, std::map<int, std::size_t>> calls_by_company_year;
    std::map<std::string, Xapian::doccount> paragraphs_by_lang;
    std::map<std::string, Xapian::doccount> paragraphs_by_section;
    std::map<std::string, Xapian::doccount> paragraphs_by_role;
    std::size_t speakers = 0;
    std::vector<std::pair<std::string, Xapian::doccount>> top_speakers;  // name, paragraphs; most first
};

// Throws IndexError when `dir` holds no readable index.
[[nodiscard]] IndexStats index_stats(const std::filesystem::path& dir, std::size_t top_speakers = 10);

[[nodiscard]] std::string format_stats_text(const IndexStats& stats);
[[nodiscard]] std::string format_stats_json(const IndexStats& stats);

}  // namespace callsearch
