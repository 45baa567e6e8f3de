#include "index/index_writer.h"

#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

constexpr std::string_view kTickerKeyPrefix = "callsearch.ticker:";

}  // namespace

std::string schema_problem(const Xapian::Database& db, const std::filesystem::path& dir) {
    const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version == schema::kSchemaVersion) return {};
    if (version.empty() && db.get_doccount() == 0) return {};
    return "index " + dir.string() + " has schema version " + (version.empty() ? "(none)" : version) +
           " but this program uses version " + std::string(schema::kSchemaVersion) +
           "; rebuild it: remove that folder and run indexer again";
}

IndexWriter::IndexWriter(const std::filesystem::path& dir) : dir_(dir) {
    try {
        db_ = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + dir.string() + " for writing: " + e.get_msg());
    }
    if (std::string problem = schema_problem(db_, dir); !problem.empty()) throw IndexError(problem);
    db_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
}

void IndexWriter::replace_file(std::string_view file_key, const std::vector<Xapian::Document>& docs) {
    try {
        db_.delete_document(schema::file_term(file_key));
        for (const Xapian::Document& doc : docs) db_.add_document(doc);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot write index " + dir_.string() + ": " + e.get_msg());
    }
}

std::map<std::string, std::string> IndexWriter::known_tickers() const {
    std::map<std::string, std::string> out;
    const std::string prefix(kTickerKeyPrefix);
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;
        out[key.substr(prefix.size())] = db_.get_metadata(key);
    }
    return out;
}

void IndexWriter::remember_ticker(std::string_view company_key, std::string_view ticker) {
    if (company_key.empty() || ticker.empty()) return;
    db_.set_metadata(std::string(kTickerKeyPrefix) + std::string(company_key), std::string(ticker));
}

void IndexWriter::commit() {
    try {
        db_.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot commit index " + dir_.string() + ": " + e.get_msg());
    }
}

}  // namespace callsearch
