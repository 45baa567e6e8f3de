#include <doctest/doctest.h>

#include <fstream>

#include <xapian.h>

#include "index/index_layout.h"
#include "index/index_writer.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

void make_generation(const fs::path& path, const std::string& marker) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_boolean_term(marker);
    db.add_document(doc);
    db.commit();
}

}  // namespace

TEST_CASE("a new folder has no live generation and numbers its first one 1") {
    test_support::TempDir dir;
    const IndexLayout layout(dir.path / "index");
    CHECK(!layout.live_generation());
    CHECK(layout.new_generation().filename() == "gen-000001");
}

TEST_CASE("publishing points the stub, and Xapian readers, at the new generation") {
    test_support::TempDir dir;
    const IndexLayout layout(dir.path);
    const fs::path first = layout.new_generation();
    make_generation(first, "Xfirst");
    layout.publish(first);
    CHECK(Xapian::Database(dir.path.string()).get_termfreq("Xfirst") == 1);

    const fs::path second = layout.new_generation();
    CHECK(second.filename() == "gen-000002");
    make_generation(second, "Xsecond");
    CHECK(Xapian::Database(dir.path.string()).get_termfreq("Xsecond") == 0);  // not live yet
    layout.publish(second);
    CHECK(layout.live_generation()->filename() == "gen-000002");
    CHECK(Xapian::Database(dir.path.string()).get_termfreq("Xsecond") == 1);
    CHECK(!fs::exists(dir.path / "XAPIANDB.tmp"));
}

TEST_CASE("stale generations are removed, the live one and the one being built are kept") {
    test_support::TempDir dir;
    const IndexLayout layout(dir.path);
    for (int i = 1; i <= 3; ++i) make_generation(layout.new_generation(), "X");
    layout.publish(dir.path / "gen-000002");
    layout.remove_stale_generations(dir.path / "gen-000003");
    CHECK(!fs::exists(dir.path / "gen-000001"));
    CHECK(fs::exists(dir.path / "gen-000002"));
    CHECK(fs::exists(dir.path / "gen-000003"));
    layout.remove_stale_generations();
    CHECK(!fs::exists(dir.path / "gen-000003"));
}

TEST_CASE("a folder that is not an index is never written into") {
    test_support::TempDir dir;
    std::ofstream(dir.path / "thesis.tex") << "x";
    CHECK_THROWS_AS(IndexLayout(dir.path).check_writable_here(), IndexError);
    CHECK_NOTHROW(IndexLayout(dir.path / "new").check_writable_here());
    fs::create_directories(dir.path / "empty");
    CHECK_NOTHROW(IndexLayout(dir.path / "empty").check_writable_here());
}

TEST_CASE("a stub that names something else is an error") {
    test_support::TempDir dir;
    std::ofstream(dir.path / "XAPIANDB") << "auto /etc\n";
    CHECK_THROWS_AS((void)IndexLayout(dir.path).live_generation(), IndexError);
}

TEST_CASE("index layout: a file's part depends on its key alone, and every part is used") {
    std::vector<int> used(3);
    for (int i = 0; i < 60; ++i) {
        const std::string key = "/calls/file-" + std::to_string(i) + ".txt";
        const std::size_t part = part_of(key, 3);
        REQUIRE(part < 3);
        CHECK(part_of(key, 3) == part);
        ++used[part];
    }
    for (const int n : used) CHECK(n > 5);
    CHECK(part_of("/calls/a.txt", 1) == 0);
    CHECK(part_dir_name(0) == "part-01");
    CHECK(part_dir_name(11) == "part-12");
}

TEST_CASE("index layout: an index in parts lists them, and names no generation of its own") {
    test_support::TempDir tmp;
    const IndexLayout layout(tmp.path);
    layout.publish_parts(3);
    const auto parts = layout.parts();
    REQUIRE(parts.size() == 3);
    CHECK(parts[2] == tmp.path / "part-03");
    CHECK_FALSE(layout.live_generation());
    CHECK_NOTHROW(layout.check_writable_here());
    fs::create_directories(tmp.path / "part-04");
    layout.remove_parts_from(3);
    CHECK_FALSE(fs::exists(tmp.path / "part-04"));
}
