#include <doctest/doctest.h>

#include "index/stored_paragraph.h"
#include "support/sample_hit.h"
#include "support/temp_dir.h"

using namespace callsearch;

TEST_CASE("a paragraph's fields and its call's survive encoding and decoding unchanged") {
    // The Chinese side, with bytes a text format would have to escape.
    StoredParagraph p = test_support::cfo_paragraph();
    p.lang = "zh";
    p.text = std::string("訂閱服務收入為人民幣4,050萬元 \"quoted\" \\ back \0 nul", 60);
    p.translation = "Subscription Services revenue";
    ParagraphData data = decode_paragraph_data(encode_paragraph_data(p, "0123456789abcdef"));
    CHECK(data.file_digest == "0123456789abcdef");
    CHECK(data.paragraph.text == p.text);
    CHECK(data.paragraph == p);

    // Date and firm set, no translation, several roles.
    p = test_support::analyst_paragraph();
    p.roles = {"analyst", "ir"};
    data = decode_paragraph_data(encode_paragraph_data(p, "d"));
    CHECK(data.paragraph == p);

    // A call without a date or ticker.
    p.date.reset();
    p.ticker.clear();
    CHECK(decode_paragraph_data(encode_paragraph_data(p, "d")).paragraph == p);
}

TEST_CASE("a call record survives encoding and decoding unchanged") {
    const StoredCall with_date{"/calls/jg.txt", "jg_q2_2023", "Aurora Mobile Ltd", "JG", 2023, 2, "2023-08-29"};
    CHECK(decode_call_record(encode_call_record(with_date)) == with_date);
    const StoredCall without{"/calls/x.txt", "unknown_q0_0", "", "", 0, 0, std::nullopt};
    CHECK(decode_call_record(encode_call_record(without)) == without);
}

TEST_CASE("data that is not a stored paragraph or call record is refused") {
    const std::string good = encode_paragraph_data(test_support::cfo_paragraph(), "d");
    CHECK_THROWS((void)decode_paragraph_data(""));
    CHECK_THROWS((void)decode_paragraph_data("{\"file\": 3}"));           // the old JSON form
    CHECK_THROWS((void)decode_paragraph_data(good.substr(0, good.size() - 1)));  // truncated
    CHECK_THROWS((void)decode_paragraph_data(good + "x"));               // trailing bytes
    CHECK_THROWS((void)decode_call_record(good));                         // the other record
    CHECK_THROWS((void)decode_call_record(std::string("\x02\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11)));
}

TEST_CASE("a document reads back whole without its call record: a remote part needs no metadata round trip") {
    test_support::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    const StoredParagraph p = test_support::cfo_paragraph();
    Xapian::Document doc;
    doc.set_data(encode_paragraph_data(p, "aaaa"));
    db.add_document(doc);
    Xapian::Document damaged;
    damaged.set_data(encode_paragraph_data(p, "bbbb").substr(0, 20));
    db.add_document(damaged);
    db.commit();

    CHECK(read_paragraph(db.get_document(1)) == p);
    CHECK_THROWS_WITH((void)read_paragraph(db.get_document(2)), "malformed stored paragraph");
}
