#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "index/document_builder.h"
#include "index/index_writer.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"
#include "support/sample_transcript.h"
#include "support/temp_dir.h"

using namespace callsearch;

namespace {

FileRecord record_for(const std::string& path, std::size_t paragraphs) { return {path, "hash-" + path, paragraphs}; }

StoredCall sample_call() {
    const auto call = test_support::sample_transcript().call;
    return stored_call(call, schema::call_key(call));
}

}  // namespace

TEST_CASE("replacing a file's documents leaves exactly the new ones, with its record") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "f1", analyzer);
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_file("f1", docs, record_for("/f1", docs.size()), sample_call());
        writer.replace_file("f2", build_documents(test_support::sample_transcript(), "f2", analyzer),
                            record_for("/f2", docs.size()), sample_call());
        writer.commit();
        writer.replace_file("f1", {docs[0]}, record_for("/f1", 1), sample_call());
        writer.commit();
    }
    Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == docs.size() + 1);
    CHECK(db.get_termfreq(schema::file_term("f1")) == 1);
    CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion);
    const auto records = read_file_records(db);
    REQUIRE(records.size() == 2);
    CHECK(records.at("f1") == record_for("/f1", 1));
    // The call is kept once per file, and the paragraphs read back joined with it.
    CHECK(decode_call_record(db.get_metadata(call_record_key(schema::file_digest("f1")))) == sample_call());
    const StoredParagraph first = read_paragraph(db.get_document(*db.postlist_begin(schema::file_term("f1"))));
    CHECK(first.company == sample_call().company);
    CHECK(first.year == sample_call().year);
}

TEST_CASE("nothing written after the last commit survives the writer") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "f1", analyzer);
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_file("f1", docs, record_for("/f1", docs.size()), sample_call());
        writer.commit();
        writer.remove_file("f1");
        writer.replace_file("f2", docs, record_for("/f2", docs.size()), sample_call());
    }
    Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == docs.size());
    CHECK(read_file_records(db).count("f1") == 1);
    CHECK(read_file_records(db).count("f2") == 0);
}

TEST_CASE("a scratch shard keeps only what was committed, and the room a commit needs is known before it") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "f1", analyzer);
    const auto shard_bytes = [&] {
        std::uintmax_t bytes = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir.path / "shard")) bytes += e.file_size();
        return bytes;
    };
    {
        IndexWriter writer(dir.path / "shard", IndexWriter::Mode::Shard);
        CHECK(writer.pending_bytes() == 0);
        const std::uintmax_t empty = shard_bytes();
        writer.replace_file("f1", docs, record_for("/f1", docs.size()), sample_call());
        const std::uintmax_t estimate = writer.pending_bytes();
        writer.commit();
        CHECK(writer.pending_bytes() == 0);
        CHECK(shard_bytes() - empty <= estimate);
        CHECK(shard_bytes() - empty >= estimate / 4);  // an estimate, not a bound pulled from the air
        // Xapian's destructor would commit this if the shard had no transaction.
        writer.replace_file("f2", docs, record_for("/f2", docs.size()), sample_call());
    }
    Xapian::Database db((dir.path / "shard").string());
    CHECK(db.get_doccount() == docs.size());
    CHECK(read_file_records(db).count("f2") == 0);
}

TEST_CASE("removing a file removes its documents and its record") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_file("f1", build_documents(test_support::sample_transcript(), "f1", analyzer),
                            record_for("/f1", 7), sample_call());
        writer.commit();
        writer.remove_file("f1");
        writer.commit();
    }
    Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == 0);
    CHECK(read_file_records(db).empty());
    CHECK(db.get_metadata(call_record_key(schema::file_digest("f1"))).empty());
}

TEST_CASE("a file's documents and record can be copied from another generation") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const auto docs = build_documents(test_support::sample_transcript(), "f1", analyzer);
    {
        IndexWriter old_generation(dir.path / "old");
        old_generation.replace_file("f1", docs, record_for("/f1", docs.size()), sample_call());
        old_generation.commit();
    }
    {
        Xapian::Database old_db((dir.path / "old").string());
        IndexWriter writer(dir.path / "new");
        writer.copy_file(old_db, "f1");
        writer.commit();
    }
    Xapian::Database db((dir.path / "new").string());
    CHECK(db.get_doccount() == docs.size());
    CHECK(read_file_records(db).at("f1").paragraphs == docs.size());
    CHECK(decode_call_record(db.get_metadata(call_record_key(schema::file_digest("f1")))) == sample_call());
    // Stems of the copied words come along, so bare words still find them.
    CHECK(db.synonyms_begin(schema::stem_key("subscript")) != db.synonyms_end(schema::stem_key("subscript")));
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
        CHECK(std::string(e.what()).find("--rebuild") != std::string::npos);
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
    CHECK(read_known_tickers(writer.database()).at("aurora mobile") == "JG");
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

TEST_CASE("a file of several calls keeps a record per call -- replacing or removing it clears them all") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    Transcript second = test_support::sample_transcript();
    second.call.ticker = "SECOND";
    second.call.quarter = 4;
    const StoredCall second_call = stored_call(second.call, schema::call_key(second.call));
    std::vector<Xapian::Document> docs = build_documents(test_support::sample_transcript(), "multi", analyzer, 0);
    const std::size_t first_count = docs.size();
    for (auto& d : build_documents(second, "multi", analyzer, 1)) docs.push_back(d);
    const auto record = [](std::size_t paragraphs, std::size_t calls) {
        FileRecord r{"/multi.json", "h", paragraphs, calls};
        return r;
    };
    const auto call_record = [](const Xapian::Database& db, std::size_t i) {
        return db.get_metadata(call_record_key(schema::call_digest("multi", i)));
    };
    {
        IndexWriter writer(dir.path / "db");
        writer.replace_file("multi", docs, record(docs.size(), 2), std::vector<StoredCall>{sample_call(), second_call});
        writer.commit();
        Xapian::Database db((dir.path / "db").string());
        CHECK(read_file_records(db).at("multi").calls == 2);
        CHECK(decode_call_record(call_record(db, 1)) == second_call);
        // Each paragraph reads back with its own call.
        std::size_t of_second = 0;
        for (auto it = db.postlist_begin(schema::file_term("multi")); it != db.postlist_end(schema::file_term("multi")); ++it) {
            if (read_paragraph(db.get_document(*it)).ticker == "SECOND") ++of_second;
        }
        CHECK(of_second == docs.size() - first_count);

        const std::vector<Xapian::Document> only_first(docs.begin(), docs.begin() + static_cast<long>(first_count));
        writer.replace_file("multi", only_first, record(first_count, 1), sample_call());
        writer.commit();
        db.reopen();
        CHECK(call_record(db, 1).empty());
        CHECK(db.get_termfreq(schema::file_term("multi")) == first_count);

        writer.replace_file("multi", docs, record(docs.size(), 2), std::vector<StoredCall>{sample_call(), second_call});
        writer.remove_file("multi");
        writer.commit();
        db.reopen();
        CHECK(call_record(db, 0).empty());
        CHECK(call_record(db, 1).empty());
        CHECK(db.get_termfreq(schema::file_term("multi")) == 0);
    }
}
