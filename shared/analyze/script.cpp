#include "analyze/script.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <xapian.h>

namespace callsearch::analyze {

namespace {
constexpr char32_t kReplacement = 0xFFFD;
}

CodePoint decode_utf8(std::string_view text, std::size_t pos) noexcept {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    auto i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const auto consumed = static_cast<std::size_t>(i) - pos;
    if (c < 0) return {kReplacement, consumed == 0 ? 1 : consumed};
    return {static_cast<char32_t>(c), consumed};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    Xapian::Unicode::append_utf8(out, static_cast<unsigned>(cp));
}

std::u32string to_utf32(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        out.push_back(cp.value);
        pos += cp.size;
    }
    return out;
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t cp : text) append_utf8(out, cp);
    return out;
}

bool is_han(char32_t cp) noexcept {
    if (cp < 0x2E80) return false;  // nothing Han below the CJK radicals block
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool contains_han(std::string_view text) noexcept {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const CodePoint cp = decode_utf8(text, pos);
        if (is_han(cp.value)) return true;
        pos += cp.size;
    }
    return false;
}

bool is_word_char(char32_t cp) noexcept {
    return Xapian::Unicode::is_wordchar(static_cast<unsigned>(cp));
}

bool is_space(char32_t cp) noexcept {
    return Xapian::Unicode::is_whitespace(static_cast<unsigned>(cp));
}

std::vector<ScriptRun> split_han_runs(std::string_view text) {
    std::vector<ScriptRun> runs;
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        const bool han = is_han(cp.value);
        if (runs.empty() || runs.back().han != han) runs.push_back({pos, pos, han});
        pos += cp.size;
        runs.back().end = pos;
    }
    return runs;
}

}  // namespace callsearch::analyze
