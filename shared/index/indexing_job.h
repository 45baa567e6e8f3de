#pragma once
// One run of the indexer: paths in, index updated, summary out. The indexer
// program only parses options and prints; all the work is here.
//
// Incremental by default: new files are added, files whose content changed are
// re-indexed, unchanged ones are left alone, and files gone from a folder
// argument are removed. All of a run is one Xapian commit; files are read,
// parsed and analyzed on `jobs` threads and written by one. With `rebuild`
// (or into an empty index), a complete new generation is built beside the
// live one, written on `jobs` threads into shards that are merged into it
// (index/shard_set.h), and switched to atomically (index/index_layout.h).
//
// Memory: each thread holds the documents of at most one batch of files of
// about memory_mib / jobs / kMemoryPerInputByte bytes, whatever the corpus size.

#include <chrono>
#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/filter_terms.h"

namespace callsearch {

struct IndexJobConfig {
    std::filesystem::path db_dir;
    std::vector<std::string> inputs;  // files or directories
    bool rebuild = false;
    std::chrono::milliseconds wait{0};  // for another writer to finish
    unsigned jobs = 1;                  // worker threads for reading, analysis and writing
    std::size_t memory_mib = 256;       // budget for documents waiting to be written, all threads
    std::function<void(const struct IndexProgress&)> progress{};  // optional; called from any thread, serialized
    std::filesystem::path manifest{};  // optional CSV of metadata overrides (read/manifest.h)
    bool track_new_calls = false;      // fill IndexSummary::new_calls (index/new_calls.h)
    // Parts to share the calls out into (`--shards N`, index/index_layout.h):
    // 0 keeps what the index has (1 for a new one); 1 is the usual single
    // database. Changing it on an existing index needs `rebuild`.
    std::size_t shards = 0;
};

// How far a run has got, for a progress line (index/index_progress.h).
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uintmax_t bytes_done = 0;
    std::uintmax_t bytes_total = 0;
    double seconds = 0.0;   // since the run started
    bool merging = false;   // every file is done; shards are being merged
};

// Bytes of memory budgeted per byte of a batch's input. Measured on
// ../shared/bench, a thread's peak grew by about 1.7 bytes per input byte of
// its batch (140 MiB with 3.5 MB batches, 176 MiB with 13.9 MB batches, two
// threads, README.md "Performance"); 8 leaves room for paragraphs that
// analyze into more terms than those.
inline constexpr std::size_t kMemoryPerInputByte = 8;

struct SkippedFile {
    std::string path;
    std::string reason;
};

struct IndexSummary {
    std::size_t files = 0;      // input files found
    std::size_t added = 0;      // files indexed for the first time
    std::size_t updated = 0;    // files re-indexed because their content changed
    std::size_t unchanged = 0;  // files already indexed as they are
    std::size_t removed = 0;    // files gone from an indexed folder (or left out of a rebuild)
    std::vector<SkippedFile> skipped;  // could not be read or parsed; what they had in the index stays
    std::size_t calls = 0;      // transcripts (re)indexed by this run (a JSON file may hold several)
    std::size_t turns = 0;
    std::size_t paragraphs = 0;
    bool rebuild = false;
    std::string generation;     // the live generation after the run ("part-01/gen-000002 part-02/..." in parts)
    double seconds = 0.0;
    // With IndexJobConfig::track_new_calls: the calls this run added or
    // changed, sorted (index/new_calls.h says which count).
    std::vector<schema::CallRef> new_calls;
};

// Receives one line per problem or note: "PATH: reason". The job goes on after each.
using WarningSink = std::function<void(std::string_view)>;

// Throws ManifestError (read/manifest.h) for a manifest that cannot be used,
// before anything is written; IndexBusyError (index/writer_lock.h) when another
// writer holds the index, IndexError (index/index_writer.h) when the index
// itself cannot be opened or written. Problems with single input files go to `warn` and the summary.
[[nodiscard]] IndexSummary run_index_job(const IndexJobConfig& config, const WarningSink& warn);

// One line for people: "indexed 2 files: 2 added, 0 updated, ...".
[[nodiscard]] std::string format_summary_text(const IndexSummary& summary);
// One progress line for a terminal, without newline:
// "412/1104 files, 20.5/55.5 MB, 9.8 MB/s, 4 s left".
[[nodiscard]] std::string format_progress(const IndexProgress& progress);
// One JSON object for jobs (README.md, "Index jobs").
[[nodiscard]] std::string format_summary_json(const IndexSummary& summary);

// Company name reduced for matching calls of the same company whose files
// spell it differently ("Aurora Mobile Ltd" and "Aurora Mobile" -> "aurora mobile").
[[nodiscard]] std::string company_key(std::string_view company);

}  // namespace callsearch
