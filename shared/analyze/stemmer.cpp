#include "analyze/stemmer.h"

#include "analyze/script.h"

namespace callsearch::analyze {

std::string Stemmer::stem_of(std::string_view word) const {
    if (word.empty()) return {};
    const char32_t first = decode_utf8(word, 0).value;
    if (is_han(first)) return {};
    // The rule Xapian's TermGenerator applies before stemming (STEM_SOME):
    // only words that start with a letter get a stem.
    switch (Xapian::Unicode::get_category(static_cast<unsigned>(first))) {
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
            return stem_(std::string(word));
        default:
            return {};
    }
}

}  // namespace callsearch::analyze
