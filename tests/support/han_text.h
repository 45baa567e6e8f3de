#pragma once
// Chinese text for the tests that hold our Chinese code to ICU's: lines of
// real transcripts, and single code points as UTF-8.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/script.h"

namespace test_support {

// Lines holding Han text from every transcript of a folder (walked recursively).
inline std::vector<std::string> han_lines_under(const std::filesystem::path& folder) {
    std::vector<std::string> lines;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        for (std::string line; std::getline(in, line);) {
            if (callsearch::analyze::contains_han(line)) lines.push_back(line);
        }
    }
    return lines;
}

inline std::string utf8(char32_t c) {
    std::string out;
    callsearch::analyze::append_utf8(out, c);
    return out;
}

}  // namespace test_support
