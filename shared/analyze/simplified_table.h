#pragma once
// The Traditional -> Simplified conversion as data, generated at build time
// from ICU's "Traditional-Simplified" transform by
// tools/simplified_table_generator (which explains how it is taken from ICU).
// Building the ICU transliterator itself costs about 15 ms per process; these
// arrays cost nothing to set up. Only chinese_normalizer.cpp reads them.

#include <cstddef>
#include <span>
#include <string_view>

namespace callsearch::analyze::simplified_table {

// One character that the transform changes when it stands alone.
struct CharMapping {
    char32_t from;
    char32_t to;
};

// A run of several characters the transform converts as a whole (計畫 -> 计划);
// `to` has as many characters as `from`.
struct PhraseMapping {
    std::u32string_view from;
    std::u32string_view to;
};

extern const std::span<const CharMapping> chars;      // sorted by `from`
extern const std::span<const PhraseMapping> phrases;  // sorted by `from`
extern const std::size_t longest_phrase;              // in characters
extern const char* const icu_version;                 // the ICU the table was taken from

}  // namespace callsearch::analyze::simplified_table
