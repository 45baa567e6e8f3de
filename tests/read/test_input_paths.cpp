#include <doctest/doctest.h>

#include <fstream>

#include <sys/stat.h>

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
    CHECK(found.passed_over.empty());
}

TEST_CASE("a missing path is a warning naming it, and the others are still collected") {
    test_support::TempDir dir;
    std::ofstream(dir.path / "ok.txt") << "x";
    const auto found = collect_input_paths({(dir.path / "missing").string(), (dir.path / "ok.txt").string()});
    CHECK(found.files.size() == 1);
    REQUIRE(found.passed_over.size() == 1);
    CHECK(found.passed_over[0].path.find("missing") != std::string::npos);
    CHECK(found.passed_over[0].reason == "no such file or directory");
}

TEST_CASE("a symlink loop does not trap the walk") {
    test_support::TempDir dir;
    fs::create_directories(dir.path / "d");
    std::ofstream(dir.path / "d" / "t.txt") << "x";
    fs::create_directory_symlink(dir.path, dir.path / "d" / "loop");
    const auto found = collect_input_paths({dir.path.string()});
    CHECK(found.files.size() == 1);
}

TEST_CASE("special files and file symlink loops in a folder are passed over with the reason") {
    test_support::TempDir dir;
    ::mkfifo((dir.path / "pipe.txt").c_str(), 0644);
    fs::create_symlink(dir.path / "b.txt", dir.path / "a.txt");
    fs::create_symlink(dir.path / "a.txt", dir.path / "b.txt");
    const auto found = collect_input_paths({dir.path.string()});
    CHECK(found.files.empty());
    REQUIRE(found.passed_over.size() == 3);
    for (const auto& p : found.passed_over) {
        INFO(p.path);
        if (p.path.find("pipe.txt") != std::string::npos) {
            CHECK(p.reason == "not a regular file");
        } else {
            CHECK(p.reason.find("symbolic links") != std::string::npos);
        }
    }
}
