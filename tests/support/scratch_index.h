#pragma once
// A small on-disk Xapian database for tests that index a few paragraphs and
// query them through the analyzer: it files words under their stems the way
// the indexer does (index/stem_synonyms.h), which the in-memory backend
// cannot, having no synonym table.

#include <string>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "index/stem_synonyms.h"
#include "schema/index_schema.h"
#include "support/temp_dir.h"

namespace test_support {

class ScratchIndex {
public:
    Xapian::docid add(const Xapian::Document& doc) {
        synonyms_.add_words_of(doc, db);
        const Xapian::docid id = db.add_document(doc);
        db.commit();
        return id;
    }

    // Bare words of `analyzer` expand through this index's stems from now on.
    void expand_stems_for(callsearch::analyze::TextAnalyzer& analyzer) {
        analyzer.set_stem_expander([this](const std::string& stem) {
            const std::string key = callsearch::schema::stem_key(stem);
            return std::vector<std::string>(db.synonyms_begin(key), db.synonyms_end(key));
        });
    }

private:
    TempDir dir_;

public:
    Xapian::WritableDatabase db{(dir_.path / "db").string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC};

private:
    callsearch::StemSynonyms synonyms_;
};

}  // namespace test_support
