#include "print/highlighter.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>
#include <xapian.h>

#include "analyze/script.h"

namespace callsearch {

namespace {

using analyze::CodePoint;
using analyze::decode_utf8;
using analyze::is_han;
using analyze::is_word_char;

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)) != 0; }

// One code point of `text` with where it came from.
struct Located {
    char32_t value = 0;
    std::size_t begin = 0;  // byte offsets into the original text
    std::size_t end = 0;
};

std::vector<Located> locate(std::string_view text) {
    std::vector<Located> out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        out.push_back({cp.value, pos, pos + cp.size});
        pos += cp.size;
    }
    return out;
}

// A word character for the English pass. ASCII, which is nearly all of an
// English paragraph, is answered here without calling into Xapian's Unicode
// tables; the answers are the same (letters, digits and '_' are word characters).
constexpr std::array<bool, 128> kAsciiWordChars = [] {
    std::array<bool, 128> table{};
    for (char32_t c = 0; c < 128; ++c) {
        table[c] = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'_';
    }
    return table;
}();

bool is_other_latin_word_char(char32_t c) { return is_word_char(c) && !is_han(c); }

inline bool is_latin_word_char(char32_t c) { return c < 0x80 ? kAsciiWordChars[c] : is_other_latin_word_char(c); }

char32_t lower(char32_t c) {
    if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c;
    return static_cast<char32_t>(Xapian::Unicode::tolower(static_cast<unsigned>(c)));
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// English words, split close to Xapian's TermGenerator: word characters, with
// apostrophes and '&' inside words and '.' or ',' inside numbers. Han text ends a
// word, as it does in the analyzer.
//
// Stemming every word of every printed paragraph used to cost more than the
// whole match. The English stemmer only ever removes or rewrites endings, so a
// word's stem starts with the word's first byte (checked over every word of the
// bench index; print/test_highlighter.cpp keeps a check): a word whose first
// byte starts no wanted stem is skipped without stemming it, and a word seen
// before in this text is not stemmed again (a hit repeats its matched word).
void highlight_words(std::string_view text, const analyze::HighlightTerms& terms, std::vector<Span>& spans) {
    std::string stem_initials;
    for (const std::string& stem : terms.stems) {
        if (!stem.empty() && stem_initials.find(stem.front()) == std::string::npos) stem_initials += stem.front();
    }
    // A word whose first letter starts neither a wanted stem nor a wanted word
    // cannot match: it is walked over without being built, which is most words.
    std::string initials = stem_initials;
    for (const std::string& w : terms.exact_words) {
        if (!w.empty() && initials.find(w.front()) == std::string::npos) initials += w.front();
    }
    const Xapian::Stem stemmer("english");
    std::unordered_map<std::string, bool> stem_matches;  // word -> its stem is wanted
    const auto stem_wanted = [&](const std::string& w) {
        const auto [it, inserted] = stem_matches.try_emplace(w, false);
        if (inserted) it->second = contains(terms.stems, stemmer(w));
        return it->second;
    };
    // Code points straight from the bytes; ASCII without a call.
    const auto at = [&](std::size_t pos) -> CodePoint {
        const auto byte = static_cast<unsigned char>(text[pos]);
        return byte < 0x80 ? CodePoint{byte, 1} : decode_utf8(text, pos);
    };
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint first = at(i);
        if (!is_latin_word_char(first.value)) {
            i += first.size;
            continue;
        }
        const char32_t initial = lower(first.value);
        const bool wanted = initial >= 0x80 || initials.find(static_cast<char>(initial)) != std::string::npos;
        word.clear();
        std::size_t j = i;
        std::size_t end = i;   // just past the word's last word character
        char32_t previous = 0;  // the last word character
        while (j < text.size()) {
            const CodePoint c = at(j);
            if (is_latin_word_char(c.value)) {
                if (wanted) {
                    const char32_t l = lower(c.value);
                    if (l < 0x80) {
                        word += static_cast<char>(l);
                    } else {
                        analyze::append_utf8(word, l);
                    }
                }
                previous = c.value;
                j += c.size;
                end = j;
                continue;
            }
            // Apostrophes and '&' inside words, '.' or ',' inside numbers.
            const std::size_t next = j + c.size;
            if (next >= text.size()) break;
            const char32_t after = at(next).value;
            const bool joins = is_latin_word_char(after) &&
                               (is_apostrophe(c.value) || c.value == U'&' ||
                                ((c.value == U'.' || c.value == U',') && is_digit(previous) && is_digit(after)));
            if (!joins) break;
            if (wanted) word += is_apostrophe(c.value) ? '\'' : static_cast<char>(c.value);
            j = next;
        }
        if (wanted) {
            const bool stem_possible = stem_initials.find(word.front()) != std::string::npos;
            if (contains(terms.exact_words, word) || (stem_possible && stem_wanted(word))) spans.push_back({i, end});
        }
        i = j;
    }
}

// The text's code points with Han runs turned Simplified, each still pointing at
// its original bytes. A run is normalized as a whole (the transform has phrase
// rules, as the analyzer applies them); should its length ever change, fall back
// to one character at a time so offsets stay exact.
std::vector<Located> normalized_chars(std::string_view text, analyze::TextAnalyzer& analyzer) {
    std::vector<Located> chars = locate(text);
    for (std::size_t i = 0; i < chars.size();) {
        if (!is_han(chars[i].value)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < chars.size() && is_han(chars[j].value)) ++j;
        const std::string original(text.substr(chars[i].begin, chars[j - 1].end - chars[i].begin));
        const std::u32string simplified = analyze::to_utf32(analyzer.to_simplified(original));
        if (simplified.size() == j - i) {
            for (std::size_t k = i; k < j; ++k) chars[k].value = simplified[k - i];
        } else {
            for (std::size_t k = i; k < j; ++k) {
                const std::u32string one = analyze::to_utf32(
                    analyzer.to_simplified(text.substr(chars[k].begin, chars[k].end - chars[k].begin)));
                if (one.size() == 1) chars[k].value = one.front();
            }
        }
        i = j;
    }
    return chars;
}

char32_t fold(char32_t c) {
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

// Latin next to Han: the analyzer treats "EngageLab產品" and "EngageLab 產品" alike,
// so the highlighter lets white space stand between them.
bool script_boundary(char32_t a, char32_t b) {
    return (is_han(a) && !is_han(b) && is_word_char(b)) || (is_han(b) && !is_han(a) && is_word_char(a));
}

void highlight_strings(const std::vector<Located>& chars, const std::vector<std::string>& strings,
                       std::vector<Span>& spans) {
    for (const std::string& s : strings) {
        std::u32string pattern = analyze::to_utf32(s);
        if (pattern.empty()) continue;
        for (char32_t& c : pattern) c = fold(c);
        for (std::size_t start = 0; start < chars.size(); ++start) {
            std::size_t j = start;
            bool matched = true;
            for (std::size_t k = 0; k < pattern.size(); ++k) {
                if (k > 0 && script_boundary(pattern[k - 1], pattern[k])) {
                    while (j < chars.size() && analyze::is_space(chars[j].value)) ++j;
                }
                if (j >= chars.size() || fold(chars[j].value) != pattern[k]) {
                    matched = false;
                    break;
                }
                ++j;
            }
            if (matched) spans.push_back({chars[start].begin, chars[j - 1].end});
        }
    }
}

// Where the words of each phrase stand together (nothing but punctuation and
// space between them, as the index's positions have it), one span each.
void highlight_phrases(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                       std::vector<Span>& spans) {
    analyze::HighlightTerms words;
    for (const auto& phrase : phrases) words.exact_words.insert(words.exact_words.end(), phrase.begin(), phrase.end());
    std::vector<Span> found;
    highlight_words(text, words, found);  // in text order
    std::vector<std::string> lowered;
    for (const Span& s : found) {
        std::string w;
        for (std::size_t pos = s.begin; pos < s.end;) {
            const CodePoint cp = decode_utf8(text, pos);
            const char32_t l = is_apostrophe(cp.value) ? U'\'' : lower(cp.value);
            analyze::append_utf8(w, l);
            pos += cp.size;
        }
        lowered.push_back(std::move(w));
    }
    const auto only_separators = [&](std::size_t from, std::size_t to) {
        for (std::size_t pos = from; pos < to;) {
            const CodePoint cp = decode_utf8(text, pos);
            if (is_word_char(cp.value)) return false;
            pos += cp.size;
        }
        return true;
    };
    for (const auto& phrase : phrases) {
        for (std::size_t i = 0; i + phrase.size() <= found.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k) {
                match = lowered[i + k] == phrase[k] &&
                        (k == 0 || only_separators(found[i + k - 1].end, found[i + k].begin));
            }
            if (match) spans.push_back({found[i].begin, found[i + phrase.size() - 1].end});
        }
    }
}

}  // namespace

std::vector<Span> find_highlights(std::string_view text, const analyze::HighlightTerms& terms,
                                  analyze::TextAnalyzer& analyzer) {
    std::vector<Span> spans;
    if (!terms.stems.empty() || !terms.exact_words.empty()) {
        highlight_words(text, terms, spans);
    }
    if (!terms.phrases.empty()) highlight_phrases(text, terms.phrases, spans);
    if (!terms.han_strings.empty()) {
        highlight_strings(normalized_chars(text, analyzer), terms.han_strings, spans);
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
    std::vector<Span> merged;
    for (const Span& span : spans) {
        if (!merged.empty() && span.begin <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, span.end);
        } else {
            merged.push_back(span);
        }
    }
    return merged;
}

}  // namespace callsearch
