// Build-time generator of the Traditional -> Simplified table that
// shared/analyze/chinese_normalizer.cpp compiles in (README, "Chinese search").
//
// Building ICU's "Traditional-Simplified" transliterator costs a Chinese query
// about 15 ms per process, several times the rest of the search; the table
// holds the same conversion as plain sorted arrays. It is taken from ICU itself
// so that an index built before and after this table holds the same terms:
//  - single characters: every code point the transform can touch (its source
//    set) and every Han code point is run through the transform alone;
//  - phrases: the transform's own rules with a source of several characters
//    (計畫 -> 计划 while 畫 -> 画), read from its rule text. ICU refuses rule
//    sets where an earlier rule masks a later one, so among rules matching at
//    one place the longest comes first: applying the longest match left to
//    right, as the normalizer does, is what ICU does. Identity phrases
//    (于思 -> 于思) are kept, since they keep their characters from starting
//    another phrase.
// Any rule shape other than "source > target;" without context or variables
// would need more than longest match, so the generator fails rather than emit a
// table that could disagree with ICU; every phrase is also checked against the
// transform applied to it.
//
// Usage: simplified_table_generator OUTPUT.cpp

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>

namespace {

std::u32string to_u32(const icu::UnicodeString& s) {
    std::u32string out;
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

icu::UnicodeString from_u32(const std::u32string& s) {
    icu::UnicodeString out;
    for (char32_t c : s) out.append(static_cast<UChar32>(c));
    return out;
}

std::string literal(const std::u32string& s) {
    std::ostringstream out;
    out << "U\"";
    for (char32_t c : s) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, c > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(c));
        out << buffer;
    }
    out << '"';
    return out.str();
}

std::string hex(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%04X", static_cast<unsigned>(c));
    return buffer;
}

// One "source > target;" rule of the transform.
struct Rule {
    std::u32string source;
    std::u32string target;
};

// Rule syntax (quotes, escapes, contexts, cursors, variables, sets) is all
// ASCII, so a side made only of non-ASCII, non-space characters is literal text.
bool plain_text(const std::u32string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char32_t c) {
        return c > 0x7F && !u_isUWhiteSpace(static_cast<UChar32>(c));
    });
}

std::vector<Rule> parse_rules(const std::u32string& text) {
    std::vector<Rule> rules;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(U';', at);
        if (end == std::u32string::npos) end = text.size();
        std::u32string statement = text.substr(at, end - at);
        at = end + 1;
        auto blank = [](char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; };
        while (!statement.empty() && blank(statement.front())) statement.erase(statement.begin());
        while (!statement.empty() && blank(statement.back())) statement.pop_back();
        if (statement.empty()) continue;
        const std::size_t arrow = statement.find(U" > ");
        Rule rule;
        if (arrow != std::u32string::npos) {
            rule.source = statement.substr(0, arrow);
            rule.target = statement.substr(arrow + 3);
        }
        if (arrow == std::u32string::npos || !plain_text(rule.source) || !plain_text(rule.target)) {
            std::string shown;
            from_u32(statement).toUTF8String(shown);
            throw std::runtime_error("rule the table cannot express (not a plain \"source > target;\"): " + shown);
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

std::u32string transliterate(const icu::Transliterator& transform, const std::u32string& text) {
    icu::UnicodeString s = from_u32(text);
    transform.transliterate(s);
    return to_u32(s);
}

int generate(const char* output_path) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transform(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transform) {
        throw std::runtime_error(std::string("ICU Traditional-Simplified transform unavailable: ") +
                                 u_errorName(status));
    }
    if (transform->getFilter() != nullptr || transform->countElements() != 0) {
        throw std::runtime_error("the ICU transform is filtered or compound: the table cannot express it");
    }

    icu::UnicodeString rule_text;
    transform->toRules(rule_text, false);
    const std::vector<Rule> rules = parse_rules(to_u32(rule_text));

    // Single characters: the transform applied to each one alone.
    icu::UnicodeSet walked;
    transform->getSourceSet(walked);
    icu::UnicodeSet han;
    han.applyIntPropertyValue(UCHAR_SCRIPT, USCRIPT_HAN, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU Han set: ") + u_errorName(status));
    walked.addAll(han);
    std::map<char32_t, char32_t> chars;
    std::size_t walked_count = 0;
    for (int32_t r = 0; r < walked.getRangeCount(); ++r) {
        for (UChar32 c = walked.getRangeStart(r); c <= walked.getRangeEnd(r); ++c) {
            ++walked_count;
            const std::u32string one(1, static_cast<char32_t>(c));
            const std::u32string out = transliterate(*transform, one);
            if (out == one) continue;
            if (out.size() != 1) {
                throw std::runtime_error("U+" + hex(static_cast<char32_t>(c)) +
                                         " becomes several characters: the table cannot express it");
            }
            chars[static_cast<char32_t>(c)] = out.front();
        }
    }

    std::map<std::u32string, std::u32string> phrases;
    for (const Rule& rule : rules) {
        if (rule.source.size() == 1) {
            const auto found = chars.find(rule.source.front());
            const char32_t walked_to = found == chars.end() ? rule.source.front() : found->second;
            if (rule.target.size() != 1 || walked_to != rule.target.front()) {
                throw std::runtime_error("a single-character rule disagrees with the transform applied to it");
            }
            continue;
        }
        if (transliterate(*transform, rule.source) != rule.target) {
            throw std::runtime_error("a phrase rule disagrees with the transform applied to it");
        }
        if (!phrases.emplace(rule.source, rule.target).second) {
            throw std::runtime_error("a phrase rule appears twice");
        }
    }
    transform.reset();

    std::ofstream out(output_path);
    out << "// Generated at build time by tools/simplified_table_generator from ICU " << U_ICU_VERSION
        << "'s\n// \"Traditional-Simplified\" transform: " << walked_count << " code points walked, "
        << chars.size() << " characters and " << phrases.size() << " phrases. Do not edit.\n"
        << "#include \"analyze/simplified_table.h\"\n\n"
        << "namespace callsearch::analyze::simplified_table {\n\nnamespace {\n\n"
        << "constexpr CharMapping kChars[] = {\n";
    for (const auto& [from, to] : chars) out << "    {" << hex(from) << ", " << hex(to) << "},\n";
    out << "};\n\n// Sorted by source.\nconstexpr PhraseMapping kPhrases[] = {\n";
    std::size_t longest = 0;
    for (const auto& [from, to] : phrases) {
        out << "    {" << literal(from) << ", " << literal(to) << "},\n";
        longest = std::max(longest, from.size());
    }
    out << "};\n\n}  // namespace\n\n"
        << "const std::span<const CharMapping> chars{kChars};\n"
        << "const std::span<const PhraseMapping> phrases{kPhrases};\n"
        << "const std::size_t longest_phrase = " << longest << ";\n"
        << "const char* const icu_version = \"" << U_ICU_VERSION << "\";\n\n"
        << "}  // namespace callsearch::analyze::simplified_table\n";
    out.close();
    if (!out) throw std::runtime_error(std::string("cannot write ") + output_path);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: simplified_table_generator OUTPUT.cpp\n";
        return 2;
    }
    int rc = 0;
    try {
        rc = generate(argv[1]);
    } catch (const std::exception& e) {
        std::cerr << "simplified_table_generator: error: " << e.what() << '\n';
        std::remove(argv[1]);
        rc = 1;
    }
    u_cleanup();  // ICU's caches, so that a leak checker sees nothing left
    return rc;
}
