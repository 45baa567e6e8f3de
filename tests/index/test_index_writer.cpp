#include <doctest/doctest.h>

#include <fstream>

#include "index/document_builder.h"
#include "index/index_writer.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"
#include "support/sample_transcript.h"
#include "support/temp_dir.h"

using namespace callsearch;

TEST_CASE("replacing a file's documents leaves exactly the new ones") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "f1", analyzer);
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_file("f1", docs);
        writer.replace_file("f2", build_documents(test_support::sample_transcript(), "f2", analyzer));
        writer.commit();
        writer.replace_file("f1", {docs[0]});
        writer.commit();
    }
    Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == docs.size() + 1);
    CHECK(db.get_termfreq(schema::file_term("f1")) == 1);
    CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion);
}

TEST_CASE("an index of another schema version is refused with how to rebuild") {
    test_support::TempDir dir;
    {
        Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.set_metadata(std::string(schema::kSchemaVersionKey), "0");
        db.commit();
    }
    try {
        IndexWriter writer(dir.path / "db");
        FAIL("opened");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()).find("schema version 0") != std::string::npos);
        CHECK(std::string(e.what()).find("rebuild") != std::string::npos);
    }
}

TEST_CASE("tickers learned in one run are remembered for the next") {
    test_support::TempDir dir;
    {
        IndexWriter writer(dir.path / "db");
        writer.remember_ticker("aurora mobile", "JG");
        writer.commit();
    }
    IndexWriter writer(dir.path / "db");
    CHECK(writer.known_tickers().at("aurora mobile") == "JG");
}

TEST_CASE("a path that cannot hold an index is an IndexError naming it") {
    test_support::TempDir dir;
    const auto file = dir.path / "plain-file";
    { std::ofstream(file) << "x"; }
    try {
        IndexWriter writer(file);
        FAIL("opened");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()).find(file.string()) != std::string::npos);
    }
}
