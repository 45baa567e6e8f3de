#pragma once
// The seed transcripts of corpus/, read as tests need them.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace test_support {

// Seed 000: Aurora Mobile Q2 2023, the bilingual layout.
inline constexpr std::string_view kBilingualSeed = "000_a04c82ed83b00c07.txt";
// Seed 003: Aurora Mobile Q2 2021, a Motley Fool page.
inline constexpr std::string_view kMotleyFoolSeed = "003_b62d8a1d2292034a.txt";

inline std::string seed_path(std::string_view name) {
    return std::string(CALLSEARCH_CORPUS_DIR) + "/" + std::string(name);
}

// The whole file, bytes as they are.
inline std::string read_seed(std::string_view name) {
    std::ifstream in(seed_path(name), std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Line `number` (1-based) of a seed, without its line end; tests cite seed
// lines by number so a reader can look them up.
inline std::string seed_line(int number, std::string_view name = kBilingualSeed) {
    std::ifstream in(seed_path(name));
    REQUIRE(in.good());
    std::string line;
    for (int i = 0; i < number; ++i) REQUIRE(std::getline(in, line));
    return line;
}

}  // namespace test_support
