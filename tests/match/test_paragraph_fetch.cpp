// A page of hits read from the parts of an index: in the order asked, each
// from its own part, with nothing for a docid that holds no document.
#include <doctest/doctest.h>

#include <fstream>

#include "index/index_writer.h"
#include "index/stored_paragraph.h"
#include "match/paragraph_fetch.h"
#include "support/sample_hit.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

// An index folder of one generation holding `paragraphs`, one document each.
void write_part(const fs::path& dir, const std::vector<StoredParagraph>& paragraphs) {
    fs::create_directories(dir);
    std::ofstream(dir / "XAPIANDB") << "auto gen-000001\n";
    IndexWriter writer(dir / "gen-000001");
    std::vector<Xapian::Document> docs;
    for (const StoredParagraph& p : paragraphs) {
        Xapian::Document doc;
        doc.set_data(encode_paragraph_data(p, "digest"));
        docs.push_back(doc);
    }
    writer.replace_file("f-" + dir.filename().string(), docs, FileRecord{dir.string(), "h", docs.size(), 1},
                        StoredCall{});
    writer.commit();
}

StoredParagraph numbered(int turn) {
    StoredParagraph p = test_support::cfo_paragraph();
    p.turn = turn;
    return p;
}

}  // namespace

TEST_CASE("paragraph fetch: hits come back in the order asked, each read from its part") {
    test_support::TempDir tmp;
    write_part(tmp.path / "a", {numbered(1), numbered(3)});
    write_part(tmp.path / "b", {numbered(2), numbered(4)});
    const IndexParts parts = open_index_parts(IndexAccess{{(tmp.path / "a").string(), (tmp.path / "b").string()}});
    REQUIRE(parts.parts.size() == 2);
    // Combined docids interleave the parts: 1 = a#1, 2 = b#1, 3 = a#2, 4 = b#2.
    const auto got = fetch_paragraphs(parts, {4, 1, 0, 3, 2, 99});
    REQUIRE(got.size() == 6);
    CHECK(got[0]->turn == 4);
    CHECK(got[1]->turn == 1);
    CHECK_FALSE(got[2].has_value());  // 0: no document asked for
    CHECK(got[3]->turn == 3);
    CHECK(got[4]->turn == 2);
    CHECK_FALSE(got[5].has_value());  // no such document
    CHECK(*got[0] == numbered(4));
}

TEST_CASE("paragraph fetch: one index reads from itself") {
    test_support::TempDir tmp;
    write_part(tmp.path / "a", {numbered(7)});
    const IndexParts parts = open_index_parts(IndexAccess{{(tmp.path / "a").string()}});
    const auto got = fetch_paragraphs(parts, {1, 2});
    CHECK(got[0] == numbered(7));
    CHECK_FALSE(got[1].has_value());
}
