#include "analyze/chinese_normalizer.h"

#include <algorithm>

#include "analyze/script.h"
#include "analyze/simplified_table.h"

namespace callsearch::analyze {

namespace {

namespace table = simplified_table;

char32_t simplified_char(char32_t c) {
    const auto found = std::lower_bound(table::chars.begin(), table::chars.end(), c,
                                        [](const table::CharMapping& m, char32_t key) { return m.from < key; });
    return found != table::chars.end() && found->from == c ? found->to : c;
}

// The longest phrase starting at text[at], as ICU applies it: its rule set
// cannot hold a rule masked by an earlier one, so among phrases matching at
// one place the longest is the one ICU's rule order puts first.
const table::PhraseMapping* phrase_at(std::u32string_view text, std::size_t at) {
    const auto first = [](const table::PhraseMapping& m) { return m.from.front(); };
    const auto begin = std::lower_bound(table::phrases.begin(), table::phrases.end(), text[at],
                                        [&](const table::PhraseMapping& m, char32_t key) { return first(m) < key; });
    const table::PhraseMapping* best = nullptr;
    for (auto it = begin; it != table::phrases.end() && first(*it) == text[at]; ++it) {
        if (text.substr(at).starts_with(it->from) && (!best || it->from.size() > best->from.size())) best = &*it;
    }
    return best;
}

}  // namespace

std::string to_simplified(std::string_view text) {
    // Nothing below the table's lowest source changes (Latin text, punctuation).
    static const char32_t lowest = std::min(table::chars.front().from, table::phrases.front().from.front());
    const std::u32string chars = to_utf32(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < chars.size();) {
        if (chars[at] < lowest) {
            append_utf8(out, chars[at++]);
        } else if (const table::PhraseMapping* phrase = phrase_at(chars, at)) {
            for (char32_t c : phrase->to) append_utf8(out, c);
            at += phrase->from.size();
        } else {
            append_utf8(out, simplified_char(chars[at++]));
        }
    }
    return out;
}

}  // namespace callsearch::analyze
