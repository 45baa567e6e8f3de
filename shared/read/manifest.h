#pragma once
// `indexer --manifest FILE`: a CSV file that supplies or overrides the call
// metadata of the files it names, for sources whose files say too little.
//
//     path,company,ticker,quarter,year,date
//     qec_ubs_2023_1Q.pdf,UBS Group AG,UBS,1,2023,2023-04-25
//
// A header row naming the columns (any subset, in any order, "path" required;
// names case-insensitive), then one row per file. Paths are relative to the
// manifest's folder (or absolute). An empty cell supplies nothing. quarter is
// 1-4 or Q1-Q4, year four digits, date YYYY-MM-DD. Fields are RFC 4180: quoted
// when they hold commas, quotes doubled inside. A row for a file that does not
// exist is a warning; anything else wrong is a ManifestError.

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// The manifest cannot be used; the message names the file and line.
class ManifestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CallOverrides {
    std::optional<std::string> company;
    std::optional<std::string> ticker;
    std::optional<int> quarter;
    std::optional<int> year;
    std::optional<std::string> date;

    // Sets every field given; a file's other fields stay as parsed.
    void apply_to(CallInfo& call) const;
    // Changes whenever a field does: part of the file's content hash, so that
    // editing the manifest re-indexes the file.
    [[nodiscard]] std::string fingerprint() const;
};

struct Manifest {
    std::map<std::string, CallOverrides> by_path;  // absolute, lexically normal paths
    std::vector<std::string> warnings;             // "FILE line N: no such file: PATH"

    [[nodiscard]] const CallOverrides* find(const std::filesystem::path& file) const;
};

// Throws ManifestError: cannot be read, no or bad header, a row with a wrong
// number of cells, an unclosed quote, a bad quarter, year or date, a path
// listed twice.
[[nodiscard]] Manifest read_manifest(const std::filesystem::path& path);

// The same on text already read; `shown` names the manifest in messages and
// `base` is the folder relative paths start from.
[[nodiscard]] Manifest parse_manifest(std::string_view text, const std::filesystem::path& base, std::string_view shown);

}  // namespace callsearch
