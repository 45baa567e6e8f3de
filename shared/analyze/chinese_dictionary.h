#pragma once
// ICU's dictionary of Chinese and Japanese words with their costs: the data
// its word break iterator segments Han text with, read directly so that a
// process can segment without building the break iterator's dictionary
// engine (several UnicodeSets from property patterns, the larger part of a
// Chinese query's start-up cost).

#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>

namespace callsearch::analyze {

class ChineseDictionary {
public:
    // Opens the dictionary ICU's data names for Han script; throws
    // std::runtime_error if the data is missing or not in the expected form.
    ChineseDictionary();
    ~ChineseDictionary();
    ChineseDictionary(const ChineseDictionary&) = delete;
    ChineseDictionary& operator=(const ChineseDictionary&) = delete;

    struct Word {
        std::size_t length;  // in code points
        std::int32_t cost;   // lower is likelier
    };

    // The dictionary words `text` begins with, shortest first, into `out`
    // (cleared first: one buffer serves a whole text).
    void prefixes(std::u32string_view text, std::vector<Word>& out) const;

private:
    UDataMemory* data_ = nullptr;
    const char16_t* trie_ = nullptr;  // into data_
};

}  // namespace callsearch::analyze
