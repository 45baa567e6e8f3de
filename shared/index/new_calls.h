#pragma once
// Which calls an index run added or changed: what is new to someone who knew
// the index before the run (indexer --watch, README.md "Watch lists").
//
// A call is new unless the index already held it as it is:
//  - a file whose bytes (and manifest row: FileRecord::content_hash) the index
//    held before, under its own path or another one (an unchanged file a
//    rebuild reads again, a moved or copied file), brings nothing new;
//  - of a file held before with other bytes, only the calls whose content
//    (call fields and every stored passage) none of the file's calls had
//    before are new: a JSON file that gained a call reports that call;
//  - every call of any other file is new.
// Files removed, skipped or carried over bring nothing new. A rebuild is
// judged against the generation it replaces, so it reports what an update of
// the same files would have.

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/file_records.h"
#include "index/stored_paragraph.h"
#include "schema/filter_terms.h"

namespace callsearch {

class NewCallTracker {
public:
    // `before`: the file records of the index as the run found it (kept by reference).
    explicit NewCallTracker(const std::map<std::string, FileRecord>& before);

    // Any thread: `file_key` was written with these calls and documents
    // (IndexWriter::replace_file's arguments).
    void written(const std::string& file_key, const FileRecord& record, const std::vector<StoredCall>& calls,
                 const std::vector<Xapian::Document>& docs);

    // The new calls, sorted. `before_db` is the index as the run found it
    // (null when there was none, or it could not be read): the files held
    // before with other bytes are compared with what it holds of them.
    // `before_of(file_key)`: the database that held the file's calls before
    // the run (the part it was in), or null.
    [[nodiscard]] std::vector<schema::CallRef> new_calls(
        const std::function<const Xapian::Database*(const std::string&)>& before_of) const;

private:
    // A file held before with other bytes: its calls and their fingerprints.
    struct Rewritten {
        std::string file_key;
        std::vector<std::pair<std::string, std::string>> calls;  // call key, fingerprint
    };

    const std::map<std::string, FileRecord>& before_;
    std::set<std::string> hashes_before_;

    std::mutex mutex_;  // guards what follows
    std::vector<schema::CallRef> added_;
    std::vector<Rewritten> rewritten_;
};

// What makes two versions of a call the same call: its stored fields and its
// documents' stored data in order, without the digests naming where they are
// kept (a call that moved within its file is the same call). A digest, as hex.
// `docs` are the call's documents' data.
[[nodiscard]] std::string call_fingerprint(const StoredCall& call, const std::vector<std::string>& docs);

}  // namespace callsearch
