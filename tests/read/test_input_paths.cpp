#include <doctest/doctest.h>

#include <fstream>

#include "read/input_paths.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

TEST_CASE("directories are walked recursively, hidden entries skipped, each file once and sorted") {
    test_support::TempDir dir;
    fs::create_directories(dir.path / "a" / "b");
    fs::create_directories(dir.path / ".git");
    for (const auto& p : {dir.path / "z.txt", dir.path / "a" / "b" / "y.txt", dir.path / ".hidden.txt",
                          dir.path / ".git" / "x.txt"}) {
        std::ofstream(p) << "x";
    }
    const auto found = collect_input_paths({dir.path.string(), (dir.path / "z.txt").string()});
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[0].filename() == "y.txt");
    CHECK(found.files[1].filename() == "z.txt");
    CHECK(found.warnings.empty());
}

TEST_CASE("a missing path is a warning naming it, and the others are still collected") {
    test_support::TempDir dir;
    std::ofstream(dir.path / "ok.txt") << "x";
    const auto found = collect_input_paths({(dir.path / "missing").string(), (dir.path / "ok.txt").string()});
    CHECK(found.files.size() == 1);
    REQUIRE(found.warnings.size() == 1);
    CHECK(found.warnings[0].find("missing") != std::string::npos);
}

TEST_CASE("a symlink loop does not trap the walk") {
    test_support::TempDir dir;
    fs::create_directories(dir.path / "d");
    std::ofstream(dir.path / "d" / "t.txt") << "x";
    fs::create_directory_symlink(dir.path, dir.path / "d" / "loop");
    const auto found = collect_input_paths({dir.path.string()});
    CHECK(found.files.size() == 1);
}
