#include <doctest/doctest.h>

#include <fstream>

#include "match/index_parts.h"
#include "match/matcher.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("index_parts: a stub's lines, in Xapian's syntax and ours") {
    test_support::TempDir tmp;
    fs::create_directories(tmp.path / "local");
    write(tmp.path / "all.stub",
          "# two machines and one folder\n"
          "remote :10.0.0.2:7001\n"
          "remote db3.example:7002\n"
          "\n"
          "remote xapian-progsrv /srv/part-04\n"
          "auto local\n");
    const auto parts = index_parts({(tmp.path / "all.stub").string()});
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].kind == IndexPart::Kind::Tcp);
    CHECK(parts[0].host == "10.0.0.2");
    CHECK(parts[0].port == 7001);
    CHECK(parts[0].name == "10.0.0.2:7001");
    CHECK(parts[1].kind == IndexPart::Kind::Tcp);
    CHECK(parts[1].host == "db3.example");
    CHECK(parts[2].kind == IndexPart::Kind::Program);
    CHECK(parts[2].program == "xapian-progsrv");
    CHECK(parts[2].arguments == "/srv/part-04");
    CHECK(parts[3].kind == IndexPart::Kind::Local);
    CHECK(parts[3].path == tmp.path / "local");  // relative to the stub's folder
}

TEST_CASE("index_parts: an index folder in parts opens as its parts; one generation as itself") {
    test_support::TempDir tmp;
    write(tmp.path / "idx" / "XAPIANDB", "auto part-01\nauto part-02\n");
    write(tmp.path / "idx" / "part-01" / "XAPIANDB", "auto gen-000003\n");
    write(tmp.path / "idx" / "part-02" / "XAPIANDB", "auto gen-000001\n");
    write(tmp.path / "one" / "XAPIANDB", "auto gen-000002\n");
    const auto parts = index_parts({(tmp.path / "idx").string(), (tmp.path / "one").string()});
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].path == tmp.path / "idx" / "part-01");
    CHECK(parts[1].path == tmp.path / "idx" / "part-02");
    CHECK(parts[2].path == tmp.path / "one");
}

TEST_CASE("index_parts: what cannot be read is an error naming it") {
    test_support::TempDir tmp;
    write(tmp.path / "bad.stub", "remote :10.0.0.2:7001\nflint /old\n");
    CHECK_THROWS_WITH_AS((void)index_parts({(tmp.path / "bad.stub").string()}),
                         doctest::Contains("line 2: unknown database type 'flint'"), DatabaseError);
    CHECK_THROWS_WITH_AS((void)index_parts({(tmp.path / "nowhere").string()}), doctest::Contains("no index at"),
                         DatabaseError);
    write(tmp.path / "loop.stub", "auto loop.stub\n");
    CHECK_THROWS_WITH_AS((void)index_parts({(tmp.path / "loop.stub").string()}), doctest::Contains("loop"),
                         DatabaseError);
}

TEST_CASE("index_parts: a part nobody serves is named, or left out with partial") {
    test_support::TempDir tmp;
    // Port 1 on localhost: refused at once.
    write(tmp.path / "down.stub", "remote :127.0.0.1:1\n");
    IndexAccess access{{(tmp.path / "down.stub").string()}, std::chrono::milliseconds(500), false};
    CHECK_THROWS_WITH_AS((void)open_index_parts(access), doctest::Contains("cannot reach index part 127.0.0.1:1"),
                         DatabaseError);
    access.partial = true;  // and no other part: still an error
    CHECK_THROWS_WITH_AS((void)open_index_parts(access), doctest::Contains("no other part"), DatabaseError);
}

TEST_CASE("index_parts: parts opened at once are still reported in the stub's order") {
    test_support::TempDir tmp;
    write(tmp.path / "down.stub", "remote :127.0.0.1:1\nremote :127.0.0.1:2\nremote :127.0.0.1:3\n");
    IndexAccess access{{(tmp.path / "down.stub").string()}, std::chrono::milliseconds(500), false};
    for (int round = 0; round < 5; ++round) {
        try {
            (void)open_index_parts(access);
            FAIL("opened");
        } catch (const DatabaseError& e) {
            CHECK(std::string(e.what()).rfind("cannot reach index part 127.0.0.1:1:", 0) == 0);
        }
    }
}
