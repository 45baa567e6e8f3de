#pragma once
// English stems, for both sides of stemmed matching. The index holds words as
// written (with positions); each distinct word is also filed under its stem in
// the synonym table (index/stem_synonyms.h), and a bare query word is expanded
// through that table into the words sharing its stem. One definition of "the
// stem of a word" keeps the two sides in step.

#include <string>
#include <string_view>

#include <xapian.h>

namespace callsearch::analyze {

class Stemmer {
public:
    // The stem of a lower-cased index word, or an empty string when the word
    // only matches as written: words not starting with a letter (numbers such
    // as "4,050" or "2023") and Han text, whose characters are their own terms.
    [[nodiscard]] std::string stem_of(std::string_view word) const;

private:
    Xapian::Stem stem_{"english"};
};

}  // namespace callsearch::analyze
