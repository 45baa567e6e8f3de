#pragma once
// The only code that writes the Xapian database.

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace callsearch {

// The index cannot be opened, created or written. The message names the path.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class IndexWriter {
public:
    // Opens the database at `dir`, creating it if absent. Throws IndexError if it
    // cannot, or if it was built with another schema version.
    explicit IndexWriter(const std::filesystem::path& dir);

    // Replaces everything `file_key` contributed with `docs` (none: removes it).
    void replace_file(std::string_view file_key, const std::vector<Xapian::Document>& docs);

    // Tickers learned from earlier runs, keyed by schema::company_words joined by ' '.
    [[nodiscard]] std::map<std::string, std::string> known_tickers() const;
    void remember_ticker(std::string_view company_key, std::string_view ticker);

    void commit();

private:
    std::filesystem::path dir_;
    Xapian::WritableDatabase db_;
};

// The schema check shared by both programs: empty string when `db` is usable,
// otherwise what is wrong and how to fix it.
[[nodiscard]] std::string schema_problem(const Xapian::Database& db, const std::filesystem::path& dir);

}  // namespace callsearch
