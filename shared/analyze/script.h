#pragma once
// UTF-8 walking and character classes shared by the analyzer and the
// highlighter. They must agree exactly on where Han text starts and ends and on
// what counts as a word character, or highlighted spans and index positions
// would drift apart; hence one definition here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch::analyze {

// One decoded code point and how many bytes it took.
struct CodePoint {
    char32_t value = 0;
    std::size_t size = 0;
};

// Decodes the code point starting at byte `pos` (pos < text.size()). Malformed
// input decodes as U+FFFD one byte at a time, so a loop always advances and
// never reads past the end: transcripts come from scraped files.
[[nodiscard]] CodePoint decode_utf8(std::string_view text, std::size_t pos) noexcept;

// Appends the UTF-8 encoding of cp (invalid code points become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

// Decodes a whole string (malformed bytes as U+FFFD).
[[nodiscard]] std::u32string to_utf32(std::string_view text);
[[nodiscard]] std::string to_utf8(std::u32string_view text);

// Unicode script Han (ICU uscript_getScript), which covers all CJK ideograph
// blocks and the few ideographic symbols such as U+3007; CJK punctuation is
// script Common, so it is not Han.
[[nodiscard]] bool is_han(char32_t cp) noexcept;
[[nodiscard]] bool contains_han(std::string_view text) noexcept;

// A character Xapian's TermGenerator can put in a word (letters, marks,
// numbers, connector punctuation). Deliberately Xapian's own definition, so the
// position-jump rules agree with what the TermGenerator does.
[[nodiscard]] bool is_word_char(char32_t cp) noexcept;

// White space as Xapian sees it.
[[nodiscard]] bool is_space(char32_t cp) noexcept;

// A maximal run of Han or of non-Han text, as byte offsets into the string it
// was cut from.
struct ScriptRun {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool han = false;
    friend bool operator==(const ScriptRun&, const ScriptRun&) = default;
};

// Cuts text into alternating Han / non-Han runs covering it completely.
[[nodiscard]] std::vector<ScriptRun> split_han_runs(std::string_view text);

}  // namespace callsearch::analyze
