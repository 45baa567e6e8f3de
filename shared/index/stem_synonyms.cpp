#include "index/stem_synonyms.h"

#include "schema/index_schema.h"

namespace callsearch {

void StemSynonyms::add_words_of(const Xapian::Document& doc, Xapian::WritableDatabase& db) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        // Prefixed terms (filters) start with an upper-case letter; words never do.
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
        if (!seen_.insert(term).second) continue;
        const std::string stem = stemmer_.stem_of(term);
        if (!stem.empty()) db.add_synonym(schema::stem_key(stem), term);
    }
}

}  // namespace callsearch
