#pragma once
// Expands the indexer's PATH arguments into the list of transcript files.

#include <filesystem>
#include <string>
#include <vector>

namespace callsearch {

struct PassedOver {
    std::string path;
    std::string reason;
};

struct InputPaths {
    std::vector<std::filesystem::path> files;        // sorted, absolute, each once
    std::vector<std::filesystem::path> directories;  // the folder arguments, absolute
    std::vector<PassedOver> passed_over;             // what could not be taken (absolute paths), and why
};

// Files are taken as given; directories are walked recursively for regular
// files (hidden entries skipped, symlinked directories not followed so a loop
// cannot trap the walk). A missing or unreadable argument is a warning, not an
// error: the rest is still indexed.
[[nodiscard]] InputPaths collect_input_paths(const std::vector<std::string>& arguments);

}  // namespace callsearch
