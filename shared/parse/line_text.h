#pragma once
// Byte-level helpers the parse stage recognizes lines with. Only ASCII letters
// have a case here: layout marks, titles and speaker lines are matched in
// English, and bytes of other scripts pass through untouched.
// Header-only, for the .cpp files of shared/parse/ (not included by their headers).

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

// The text without the spaces and tabs at either end.
[[nodiscard]] inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// 'A'-'Z'.
[[nodiscard]] constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// 'a'-'z'.
[[nodiscard]] constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// '0'-'9'.
[[nodiscard]] constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An ASCII letter or digit.
[[nodiscard]] constexpr bool is_ascii_alnum(char c) { return is_upper(c) || is_lower(c) || is_digit(c); }

// A byte of a multi-byte UTF-8 character.
[[nodiscard]] constexpr bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// 'A'-'Z' lowered; every other byte as it is.
[[nodiscard]] constexpr char ascii_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// A copy with 'A'-'Z' lowered.
[[nodiscard]] inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

// Equal but for the case of ASCII letters, without a copy.
[[nodiscard]] inline bool equals_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// True when the text holds any byte outside ASCII.
[[nodiscard]] inline bool contains_non_ascii(std::string_view s) { return std::any_of(s.begin(), s.end(), is_non_ascii); }

// Every line of the text, trimmed; blank lines kept (they carry structure),
// so line numbers stay those of the text.
[[nodiscard]] inline std::vector<std::string_view> split_trimmed_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(trim(text.substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

// The ASCII letter-and-digit runs of the text, lowered: "SVP, CFO & IR" -> {svp, cfo, ir}.
[[nodiscard]] inline std::vector<std::string> lower_ascii_words(std::string_view s) {
    std::vector<std::string> words;
    std::string word;
    for (char c : s) {
        if (is_ascii_alnum(c)) {
            word += ascii_lower(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

}  // namespace callsearch
