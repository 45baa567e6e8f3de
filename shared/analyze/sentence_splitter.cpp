#include "analyze/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "analyze/script.h"

namespace callsearch::analyze {

namespace {

// Lower-cased words that a '.' follows without ending the sentence. Kept short
// on purpose: a missed abbreviation only splits a sentence in two, which makes
// SENTENCE() stricter there, never looser.
constexpr std::array<std::string_view, 24> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd",
    "vs", "etc", "no", "approx", "dept", "est", "fig", "jan", "feb", "aug", "sept", "oct",
};

bool is_closing(char32_t cp) {
    return cp == U'"' || cp == U'\'' || cp == U')' || cp == U']' || cp == U'\u201D' || cp == U'\u2019' ||
           cp == U'\u300D' || cp == U'\u300F' || cp == U'\uFF09';
}

bool is_cjk_end(char32_t cp) { return cp == U'\u3002' || cp == U'\uFF01' || cp == U'\uFF1F'; }

// Whether the word right before the '.' at byte `dot` is an abbreviation.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t begin = dot;
    while (begin > 0) {
        const unsigned char c = static_cast<unsigned char>(text[begin - 1]);
        if (c >= 0x80 || !(std::isalnum(c) || c == '.')) break;
        --begin;
    }
    const std::string_view word = text.substr(begin, dot - begin);
    if (word.empty()) return false;
    if (word.find('.') != std::string_view::npos) return true;  // "U.S", "e.g"
    if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return true;  // "J. Smith"
    std::string lowered(word);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), lowered) != kAbbreviations.end();
}

}  // namespace

std::vector<std::string_view> split_sentences(std::string_view text) {
    std::vector<std::string_view> sentences;
    std::size_t start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const CodePoint cp = decode_utf8(text, pos);
        std::size_t next = pos + cp.size;
        bool ends = false;
        if (is_cjk_end(cp.value)) {
            ends = true;
        } else if (cp.value == U'.' || cp.value == U'!' || cp.value == U'?') {
            std::size_t after = next;
            while (after < text.size()) {  // "...", "?!" and closing quotes stay with it
                const CodePoint c = decode_utf8(text, after);
                if (!(c.value == U'.' || c.value == U'!' || c.value == U'?' || is_closing(c.value))) break;
                after += c.size;
            }
            const bool space_after = after >= text.size() || is_space(decode_utf8(text, after).value);
            ends = space_after && !(cp.value == U'.' && abbreviation_before(text, pos));
            if (ends) next = after;
        }
        if (ends) {
            while (next < text.size()) {
                const CodePoint c = decode_utf8(text, next);
                if (!(is_space(c.value) || is_closing(c.value) || is_cjk_end(c.value))) break;
                next += c.size;
            }
            sentences.push_back(text.substr(start, next - start));
            start = next;
        }
        pos = next;
    }
    if (start < text.size()) sentences.push_back(text.substr(start));
    return sentences;
}

}  // namespace callsearch::analyze
