#pragma once
// What the index remembers of each source file it holds (Xapian metadata,
// committed together with the file's documents): enough to tell, on the next
// run, whether the file is new, changed, unchanged or gone.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace callsearch {

struct FileRecord {
    std::string path;          // absolute path as indexed
    std::string content_hash;  // hex digest of the raw bytes (and manifest overrides), see content_hash()
    std::size_t paragraphs = 0;
    std::size_t calls = 1;     // call records the file has (schema::call_digest 0 .. calls-1)

    friend bool operator==(const FileRecord&, const FileRecord&) = default;
};

inline constexpr std::string_view kFileRecordKeyPrefix = "callsearch.file:";

[[nodiscard]] std::string encode_file_record(const FileRecord& record);
// nullopt for data that is not a record (a damaged index: --check reports it).
[[nodiscard]] std::optional<FileRecord> decode_file_record(std::string_view data);

// Every file `db` holds, by file key.
[[nodiscard]] std::map<std::string, FileRecord> read_file_records(const Xapian::Database& db);

// 128-bit digest (two independent 64-bit FNV-1a lanes) of a file's bytes, as
// hex. Detects changed files; not meant to resist deliberate collisions.
[[nodiscard]] std::string content_hash(std::string_view bytes);

}  // namespace callsearch
