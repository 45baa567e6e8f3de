#pragma once
// The only code that writes a Xapian database (one generation of an index
// folder, see index/index_layout.h). Everything written between two commit()
// calls becomes visible to searchers at once, or, if the process dies first,
// not at all.

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/file_records.h"
#include "index/stem_synonyms.h"
#include "index/stored_paragraph.h"

namespace callsearch {

// The index cannot be opened, created or written. The message names the path.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class IndexWriter {
public:
    enum class Mode {
        // Opens (or creates) a live database and starts a transaction:
        // readers see all of a run or none of it.
        Transaction,
        // Creates a scratch shard that only this run reads (index/shard_set.h):
        // no fsync, since a crash discards it anyway.
        Shard,
    };

    // Opens the database at `generation_dir`. Throws IndexError if it cannot,
    // or if it was built with another schema version.
    explicit IndexWriter(const std::filesystem::path& generation_dir, Mode mode = Mode::Transaction);
    ~IndexWriter();  // without commit(), everything since the last commit is dropped
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Replaces everything `file_key` contributed with `docs`, its record and
    // its call records (index/stored_paragraph.h), calls[i] under
    // schema::call_digest(file_key, i); record.calls must be calls.size().
    void replace_file(std::string_view file_key, const std::vector<Xapian::Document>& docs, const FileRecord& record,
                      const std::vector<StoredCall>& calls);
    void replace_file(std::string_view file_key, const std::vector<Xapian::Document>& docs, const FileRecord& record,
                      const StoredCall& call) {
        replace_file(file_key, docs, record, std::vector<StoredCall>{call});
    }
    // Removes everything `file_key` contributed, and its record.
    void remove_file(std::string_view file_key);
    // Copies what `file_key` contributed to `source` (another generation), record included.
    void copy_file(const Xapian::Database& source, std::string_view file_key);

    [[nodiscard]] const Xapian::Database& database() const { return db_; }

    void remember_ticker(std::string_view company_key, std::string_view ticker);

    // Writes the synonym table's stems into metadata as well
    // (schema::stem_metadata_key), for the remote parts of an index in parts.
    void mirror_stems();

    // Commits the transaction and starts the next one.
    void commit();

    // About how many bytes the next commit writes for the documents added
    // since the last one, as a new database would store them (index/disk_room.h).
    [[nodiscard]] std::uintmax_t pending_bytes() const { return pending_bytes_; }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

private:
    void add(const Xapian::Document& doc);
    // Call records the file now holds (from its record; 1 when it has none).
    [[nodiscard]] std::size_t calls_held(std::string_view file_key) const;

    std::filesystem::path dir_;
    Mode mode_;
    Xapian::WritableDatabase db_;
    StemSynonyms synonyms_;
    std::uintmax_t pending_bytes_ = 0;
};

// Tickers learned from earlier runs, keyed by company_key() (index/indexing_job.h).
[[nodiscard]] std::map<std::string, std::string> read_known_tickers(const Xapian::Database& db);

// The schema check shared by both programs: empty string when `db` is usable,
// otherwise what is wrong and how to fix it.
[[nodiscard]] std::string schema_problem(const Xapian::Database& db, const std::filesystem::path& dir);

}  // namespace callsearch
