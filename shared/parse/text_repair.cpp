#include "parse/text_repair.h"

#include <array>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parse/line_text.h"

namespace callsearch {
namespace {

// U+FB00..U+FB06 are EF AC 80..86 in UTF-8.
constexpr std::array<std::string_view, 7> kLigatures = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

bool is_letter(char c) { return is_upper(c) || is_lower(c); }

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b = static_cast<unsigned char>(s[i]);
    len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) {
        len = 1;
        return 0xFFFD;
    }
    char32_t cp = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : len == 2 ? (b & 0x1Fu) : b;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return cp;
}

bool han(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

// The Han character ending just before byte `end`, if any.
bool han_before(std::string_view s, std::size_t end) {
    std::size_t start = end;
    while (start > 0 && end - start < 4) {
        --start;
        if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
    }
    if (start == end) return false;
    std::size_t len = 0;
    const char32_t cp = decode_at(s, start, len);
    return start + len == end && han(cp);
}

bool han_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    std::size_t len = 0;
    return han(decode_at(s, i, len));
}

struct Word {
    std::size_t begin;
    std::size_t end;
};

std::vector<Word> ascii_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_letter(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && is_letter(text[i])) ++i;
        words.push_back(Word{start, i});
    }
    return words;
}

}  // namespace

std::string expand_ligatures(std::string_view text, std::size_t* count) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) == 0xEF && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xAC) {
            const auto c = static_cast<unsigned char>(text[i + 2]);
            if (c >= 0x80 && c <= 0x86) {
                out += kLigatures[c - 0x80];
                if (count) ++*count;
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string join_split_words(std::string_view text, std::size_t* count) {
    const auto words = ascii_words(text);
    auto word_at = [&](std::size_t k) { return lower_ascii(text.substr(words[k].begin, words[k].end - words[k].begin)); };
    auto split_pair = [&](std::size_t k) {
        return words[k + 1].begin == words[k].end + 1 && text[words[k].end] == ' ' && is_lower(text[words[k + 1].begin]);
    };
    // How often each word occurs, and how often in exactly this pair: a
    // piece is a word of the text only if it also occurs outside the pair
    // ("dif fer" twice and "dif" nowhere else: a split).
    std::unordered_map<std::string, std::size_t> vocabulary;
    std::unordered_map<std::string, std::size_t> pairs;  // "first second"
    for (std::size_t k = 0; k < words.size(); ++k) {
        ++vocabulary[word_at(k)];
        if (k + 1 < words.size() && split_pair(k)) ++pairs[word_at(k) + ' ' + word_at(k + 1)];
    }
    auto occurrences = [](const std::unordered_map<std::string, std::size_t>& m, const std::string& w) -> std::size_t {
        const auto it = m.find(w);
        return it == m.end() ? 0 : it->second;
    };
    // Short words of their own that a split never leaves behind.
    static const std::unordered_set<std::string> kShortWords = {
        "a", "an", "in", "on", "to", "at", "be", "by", "of", "or", "so", "we", "us", "it", "is", "as", "up", "no",
        "do", "go", "me", "my", "he", "if", "the", "and", "for", "are", "was", "our", "you", "but", "not", "all"};

    std::unordered_set<std::size_t> joins;  // byte offsets of spaces to drop
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (!split_pair(k)) continue;
        const Word a = words[k];
        const std::string first = word_at(k);
        const std::string second = word_at(k + 1);
        if (kShortWords.contains(first) || kShortWords.contains(second)) continue;
        // A lone letter stands alone, not at the end of "GDDR6X".
        const bool stands_alone = a.begin == 0 || !is_ascii_alnum(text[a.begin - 1]);
        if (a.end - a.begin == 1 && (!stands_alone || is_lower(text[a.begin]))) continue;
        const bool lone_capital = a.end - a.begin == 1 && is_upper(text[a.begin]) && text[a.begin] != 'A' &&
                                  text[a.begin] != 'I';
        const std::size_t together = occurrences(pairs, first + ' ' + second);
        const bool first_is_word = occurrences(vocabulary, first) > together;
        const bool second_is_word = occurrences(vocabulary, second) > together;
        bool join = false;
        if (lone_capital && !second_is_word) {
            join = true;
        } else if (occurrences(vocabulary, first + second) > 0 && (!first_is_word || !second_is_word)) {
            join = true;
        }
        if (join) joins.insert(a.end);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (joins.contains(i)) {
            if (count) ++*count;
            continue;
        }
        // "speaker ," -> "speaker,"
        if (text[i] == ' ' && i + 1 < text.size() && i > 0 && is_ascii_alnum(text[i - 1])) {
            const char next = text[i + 1];
            const bool closes = next == ',' || next == '.' || next == ';' || next == ':' || next == '?' ||
                                next == '!' || next == ')';
            const bool ends_there = i + 2 >= text.size() || text[i + 2] == ' ' || text[i + 2] == '\n';
            if (closes && ends_there) continue;
        }
        out += text[i];
    }
    return out;
}

std::string join_spaced_han(std::string_view text, std::size_t* count) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && i > 0 && han_before(text, i) && han_at(text, i + 1)) {
            if (count) ++*count;
            continue;
        }
        out += text[i];
    }
    return out;
}

RepairedText repair_text(std::string_view text) {
    RepairedText r;
    r.text = expand_ligatures(text, &r.ligatures);

    // PDF extraction shows as ligatures or as lone capitals split from the
    // rest of their word ("W e", "T echnology"), several times in a file.
    std::size_t lone_capitals = 0;
    for (std::size_t i = 1; i + 2 < r.text.size(); ++i) {
        const char c = r.text[i];
        if (is_upper(c) && c != 'A' && c != 'I' && !is_letter(r.text[i - 1]) && r.text[i - 1] != '.' &&
            r.text[i + 1] == ' ' && is_lower(r.text[i + 2])) {
            ++lone_capitals;
        }
    }
    r.pdf_like = r.ligatures >= 3 || lone_capitals >= 5;
    if (r.pdf_like) r.text = join_split_words(r.text, &r.split_words);

    std::size_t han_chars = 0;
    std::size_t spaced = 0;
    for (std::size_t i = 0; i < r.text.size();) {
        std::size_t len = 0;
        const char32_t cp = decode_at(r.text, i, len);
        if (han(cp)) {
            ++han_chars;
            if (i + len + 1 < r.text.size() && r.text[i + len] == ' ' && han_at(r.text, i + len + 1)) ++spaced;
        }
        i += len;
    }
    if (han_chars >= 20 && spaced * 3 >= han_chars) r.text = join_spaced_han(r.text, &r.spaced_han);
    return r;
}

}  // namespace callsearch
