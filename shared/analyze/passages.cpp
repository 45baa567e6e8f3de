#include "analyze/passages.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <string>

namespace callsearch::analyze {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }

// Words after which a dot is not a sentence end, lower-cased, without the dot.
// Not "no": "No. We don't guide to that." is a common answer.
constexpr std::string_view kAbbreviations[] = {"mr",  "mrs", "ms",  "messrs", "dr", "prof", "sr",  "jr",
                                               "st",  "inc", "co",  "corp",   "ltd", "llc", "plc", "vs",
                                               "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec"};

// UTF-8 closing quotes ’ ” and » after the punctuation; ASCII ones too.
std::size_t skip_closers(std::string_view text, std::size_t i) {
    for (;;) {
        if (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == ')' || text[i] == ']')) {
            ++i;
        } else if (text.compare(i, 3, "\u2019") == 0 || text.compare(i, 3, "\u201d") == 0) {
            i += 3;
        } else if (text.compare(i, 2, "\u00bb") == 0) {
            i += 2;
        } else {
            return i;
        }
    }
}

bool starts_sentence(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    const char c = text[i];
    if (is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == '$') return true;
    // “ ‘ and any non-ASCII letter (accented capitals, Han): a new sentence.
    return static_cast<unsigned char>(c) >= 0x80;
}

// Whether the dot at `dot` ends an abbreviation rather than a sentence.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && (is_letter(text[start - 1]) || is_digit(text[start - 1]) || text[start - 1] == '.')) --start;
    const std::string_view word = text.substr(start, dot - start);
    if (word.empty()) return false;
    // Initials and dotted abbreviations: "U.S", "e.g", "J" (as in "J. Smith").
    if (word.find('.') != std::string_view::npos || (word.size() == 1 && is_letter(word[0]))) return true;
    // Quarters and halves: "Q2", "H1".
    if (word.size() == 2 && (word[0] == 'Q' || word[0] == 'H') && is_digit(word[1])) return true;
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), lower) != std::end(kAbbreviations);
}

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

std::size_t skip_space(std::string_view text, std::size_t i) {
    while (i < text.size() && is_space(text[i])) ++i;
    return i;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && is_space(text[end - 1])) --end;
    return end;
}

// A sentence too long to keep whole, cut every kMaxPassageWords words.
void cut_between_words(std::string_view text, TextRange range, std::vector<TextRange>& out) {
    std::size_t at = range.begin;
    while (at < range.end) {
        std::size_t words = 0, i = at;
        bool in_word = false;
        for (; i < range.end; ++i) {
            if (is_space(text[i])) {
                in_word = false;
            } else if (!in_word) {
                in_word = true;
                if (++words > kMaxPassageWords) break;
            }
        }
        out.push_back({at, trim_end(text, at, i)});
        at = skip_space(text, i);
    }
}

}  // namespace

std::vector<std::size_t> sentence_ends(std::string_view text) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        const std::size_t run = i;
        while (i + 1 < text.size() && (text[i + 1] == '.' || text[i + 1] == '!' || text[i + 1] == '?')) ++i;
        const std::size_t after = skip_closers(text, i + 1);
        if (after >= text.size() || !is_space(text[after])) continue;
        if (!starts_sentence(text, skip_space(text, after))) continue;
        // One dot may close an abbreviation; an ellipsis or "?!" ends a sentence.
        if (i == run && c == '.' && abbreviation_before(text, i)) continue;
        ends.push_back(after);
    }
    return ends;
}

std::vector<TextRange> split_passages(std::string_view text) {
    const std::size_t first = skip_space(text, 0);
    const std::size_t last = trim_end(text, first, text.size());
    if (count_words(text) <= kMaxPassageWords) return {{first, last}};

    std::vector<TextRange> sentences;
    std::size_t at = first;
    for (const std::size_t end : sentence_ends(text)) {
        if (end <= at) continue;
        sentences.push_back({at, end});
        at = skip_space(text, end);
    }
    if (at < last) sentences.push_back({at, last});

    // As many passages as the limit requires, of like length: whole sentences
    // are packed until a passage reaches its share of the words.
    const std::size_t total = count_words(text);
    const std::size_t count = (total + kMaxPassageWords - 1) / kMaxPassageWords;
    const std::size_t share = (total + count - 1) / count;
    std::vector<TextRange> passages;
    std::size_t words = 0;
    for (const TextRange& s : sentences) {
        const std::size_t n = count_words(text.substr(s.begin, s.end - s.begin));
        if (n > 2 * kMaxPassageWords) {
            cut_between_words(text, s, passages);
            words = kMaxPassageWords;  // nothing joins a cut sentence's last piece
            continue;
        }
        if (passages.empty() || words >= share || words + n > kMaxPassageWords) {
            passages.push_back(s);
            words = n;
        } else {
            passages.back().end = s.end;
            words += n;
        }
    }
    return passages;
}

}  // namespace callsearch::analyze
