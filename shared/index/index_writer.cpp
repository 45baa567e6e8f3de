#include "index/index_writer.h"

#include "index/write_failure.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

constexpr std::string_view kTickerKeyPrefix = "callsearch.ticker:";

// What a new database stores for a distinct term of a passage: its posting,
// its termlist entry, its positions and its share of the tables' blocks.
// Scratch shards measured 28 bytes a term beyond the documents' data on the
// bench (321 MB for 64 MB of data and 9.3 million terms) and 34 on synthetic
// calls; 40 keeps the estimate above what a commit writes.
constexpr std::uintmax_t kBytesPerTerm = 40;
// And whatever a commit adds: a few 8 KiB blocks in each of the tables it
// touches (40 KiB measured for one small call).
constexpr std::uintmax_t kBytesPerCommit = 96 << 10;

template <typename F>
void writing(const std::filesystem::path& dir, F&& f) {
    try {
        f();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write index " + dir.string() + ": " + describe_write_failure(e, dir));
    }
}

}  // namespace

std::string schema_problem(const Xapian::Database& db, const std::filesystem::path& dir) {
    const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version == schema::kSchemaVersion) return {};
    if (version.empty() && db.get_doccount() == 0) return {};
    return "index " + dir.string() + " has schema version " + (version.empty() ? "(none)" : version) +
           " but this program uses version " + std::string(schema::kSchemaVersion) +
           "; rebuild it: indexer --rebuild --db " + dir.string() + " PATH...";
}

IndexWriter::IndexWriter(const std::filesystem::path& generation_dir, Mode mode) : dir_(generation_dir), mode_(mode) {
    std::error_code ec;
    std::filesystem::create_directories(generation_dir.parent_path(), ec);
    // A shard is scratch: no fsync, and updated in place (DB_DANGEROUS) rather than
    // copy-on-write, which saves about 5% of writing it.
    const int flags = mode == Mode::Shard ? Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS
                                          : Xapian::DB_CREATE_OR_OPEN;
    try {
        db_ = Xapian::WritableDatabase(generation_dir.string(), flags);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + generation_dir.string() + " for writing: " +
                         describe_write_failure(e, generation_dir));
    }
    // The advice names the index folder, not the generation inside it.
    if (std::string problem = schema_problem(db_, generation_dir.parent_path()); !problem.empty()) {
        throw IndexError(problem);
    }
    // A transaction: Xapian spills large changes to its tables without
    // committing them, so memory stays bounded, and readers never see half a
    // run. A shard needs one too: without it, Xapian's destructor commits what
    // is pending, and after a failed write (a full disk) that commit can end
    // the process (index/disk_room.h).
    writing(dir_, [&] {
        db_.begin_transaction();
        db_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
    });
}

IndexWriter::~IndexWriter() {
    // A shard's transaction is left to Xapian's destructor, which drops it.
    // (Cancelling here fails under DB_DANGEROUS after marking the transaction
    // ended, and the destructor would then commit it.)
    if (mode_ == Mode::Shard) return;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // Already committed (no transaction), or the database is gone: nothing to undo.
    }
}

std::size_t IndexWriter::calls_held(std::string_view file_key) const {
    const auto record = decode_file_record(db_.get_metadata(std::string(kFileRecordKeyPrefix) + std::string(file_key)));
    return record ? record->calls : 1;
}

void IndexWriter::replace_file(std::string_view file_key, const std::vector<Xapian::Document>& docs,
                               const FileRecord& record, const std::vector<StoredCall>& calls) {
    writing(dir_, [&] {
        // A new shard holds nothing to replace: skip the lookups.
        const std::size_t before = mode_ == Mode::Transaction ? calls_held(file_key) : 0;
        if (mode_ == Mode::Transaction) db_.delete_document(schema::file_term(file_key));
        for (const Xapian::Document& doc : docs) add(doc);
        db_.set_metadata(std::string(kFileRecordKeyPrefix) + std::string(file_key), encode_file_record(record));
        for (std::size_t i = 0; i < calls.size(); ++i) {
            db_.set_metadata(call_record_key(schema::call_digest(file_key, i)), encode_call_record(calls[i]));
        }
        for (std::size_t i = calls.size(); i < before; ++i) {
            db_.set_metadata(call_record_key(schema::call_digest(file_key, i)), std::string());
        }
    });
}

void IndexWriter::remove_file(std::string_view file_key) {
    writing(dir_, [&] {
        const std::size_t calls = calls_held(file_key);
        db_.delete_document(schema::file_term(file_key));
        db_.set_metadata(std::string(kFileRecordKeyPrefix) + std::string(file_key), std::string());
        for (std::size_t i = 0; i < calls; ++i) {
            db_.set_metadata(call_record_key(schema::call_digest(file_key, i)), std::string());
        }
    });
}

void IndexWriter::copy_file(const Xapian::Database& source, std::string_view file_key) {
    const std::string term = schema::file_term(file_key);
    const std::string key = std::string(kFileRecordKeyPrefix) + std::string(file_key);
    writing(dir_, [&] {
        db_.delete_document(term);
        for (auto it = source.postlist_begin(term); it != source.postlist_end(term); ++it) {
            add(source.get_document(*it));
        }
        const std::string record = source.get_metadata(key);
        db_.set_metadata(key, record);
        const auto decoded = decode_file_record(record);
        for (std::size_t i = 0; i < (decoded ? decoded->calls : 1); ++i) {
            const std::string call_key = call_record_key(schema::call_digest(file_key, i));
            db_.set_metadata(call_key, source.get_metadata(call_key));
        }
    });
}

std::map<std::string, std::string> read_known_tickers(const Xapian::Database& db) {
    std::map<std::string, std::string> out;
    const std::string prefix(kTickerKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        out[(*it).substr(prefix.size())] = db.get_metadata(*it);
    }
    return out;
}

void IndexWriter::remember_ticker(std::string_view company_key, std::string_view ticker) {
    if (company_key.empty() || ticker.empty()) return;
    writing(dir_, [&] { db_.set_metadata(std::string(kTickerKeyPrefix) + std::string(company_key), std::string(ticker)); });
}

void IndexWriter::mirror_stems() {
    const std::string prefix(schema::kStemPrefix);
    writing(dir_, [&] {
        for (auto key = db_.synonym_keys_begin(prefix); key != db_.synonym_keys_end(prefix); ++key) {
            std::string words;
            for (auto w = db_.synonyms_begin(*key); w != db_.synonyms_end(*key); ++w) words.append(*w).push_back('\n');
            const std::string meta = schema::stem_metadata_key((*key).substr(prefix.size()));
            if (db_.get_metadata(meta) != words) db_.set_metadata(meta, words);
        }
    });
}

void IndexWriter::add(const Xapian::Document& doc) {
    synonyms_.add_words_of(doc, db_);
    db_.add_document(doc);
    if (pending_bytes_ == 0) pending_bytes_ = kBytesPerCommit;
    pending_bytes_ += doc.get_data().size() + std::uintmax_t{doc.termlist_count()} * kBytesPerTerm;
}

void IndexWriter::commit() {
    try {
        db_.commit_transaction();
        db_.begin_transaction();
        pending_bytes_ = 0;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot commit index " + dir_.string() + ": " + describe_write_failure(e, dir_));
    }
}

}  // namespace callsearch
