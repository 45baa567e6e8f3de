#pragma once
// Files every word a writer indexes under its English stem in the database's
// synonym table (schema::stem_key), which is what bare query words expand
// through (analyze/stemmer.h). One per writer; not thread-safe.

#include <string>
#include <unordered_set>

#include <xapian.h>

#include "analyze/stemmer.h"

namespace callsearch {

class StemSynonyms {
public:
    // Adds the words of `doc` this object has not filed before. Writing each
    // pair once per writer, not once per paragraph, keeps this off the
    // indexing profile.
    void add_words_of(const Xapian::Document& doc, Xapian::WritableDatabase& db);

private:
    analyze::Stemmer stemmer_;
    std::unordered_set<std::string> seen_;
};

}  // namespace callsearch
