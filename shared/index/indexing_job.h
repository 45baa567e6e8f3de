#pragma once
// One run of the indexer: paths in, index updated, summary out. The indexer
// program only parses options and prints; all the work is here.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

struct IndexJobConfig {
    std::filesystem::path db_dir;
    std::vector<std::string> inputs;  // files or directories
};

struct IndexSummary {
    std::size_t files = 0;       // files found
    std::size_t calls = 0;       // transcripts indexed
    std::size_t turns = 0;
    std::size_t paragraphs = 0;
    std::size_t skipped = 0;     // files that could not be read or parsed
    double seconds = 0.0;
};

// Receives one line per problem: "PATH: reason". The job goes on after each.
using WarningSink = std::function<void(std::string_view)>;

// Throws IndexError (index/index_writer.h) when the index itself cannot be
// opened or written; problems with single input files go to `warn`.
[[nodiscard]] IndexSummary run_index_job(const IndexJobConfig& config, const WarningSink& warn);

// Company name reduced for matching calls of the same company whose files
// spell it differently ("Aurora Mobile Ltd" and "Aurora Mobile" -> "aurora mobile").
[[nodiscard]] std::string company_key(std::string_view company);

}  // namespace callsearch
