#include "parse/roles.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <utility>

#include "parse/line_text.h"

namespace callsearch {
namespace {

constexpr std::size_t role_index(std::string_view role) {
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
        if (kRoles[i] == role) return i;
    }
    return kRoles.size();
}

// Roles as a bit set in kRoles order, so the result comes out sorted and unique.
class RoleSet {
public:
    void add(std::string_view role) { bits_ |= 1u << role_index(role); }
    [[nodiscard]] bool empty() const { return bits_ == 0; }
    [[nodiscard]] int count() const { return std::popcount(bits_); }
    [[nodiscard]] std::vector<std::string> to_vector() const {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < kRoles.size(); ++i) {
            if (bits_ & (1u << i)) out.emplace_back(kRoles[i]);
        }
        return out;
    }

private:
    unsigned bits_ = 0;
};

// Lowercase words; '&' reads as "and", any other ASCII punctuation (hyphens
// included: "Co-Founder", "Vice-President") separates words. Bytes of
// non-ASCII characters stay inside words.
std::vector<std::string> title_words(std::string_view title) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (char c : title) {
        if (is_ascii_alnum(c) || is_non_ascii(c)) {
            word += ascii_lower(c);
        } else {
            flush();
            if (c == '&') words.emplace_back("and");
        }
    }
    flush();
    return words;
}

bool has_word(const std::vector<std::string>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Chinese titles, longest first so that 行政總裁 (CEO) or 副總裁 (vice
// president) are taken before the 總裁 they contain.
struct ChineseTitle {
    std::string_view text;
    std::string_view role;
};
constexpr ChineseTitle kChineseTitles[] = {
    {"首席財務官", "cfo"},     {"首席财务官", "cfo"},     {"首席執行官", "ceo"},
    {"首席执行官", "ceo"},     {"首席運營官", "coo"},     {"首席运营官", "coo"},
    {"首席營運官", "coo"},     {"首席营运官", "coo"},     {"首席技術官", "cto"},
    {"首席技术官", "cto"},     {"投資者關係", "ir"},      {"投资者关系", "ir"},
    {"投資人關係", "ir"},      {"投资人关系", "ir"},      {"高階主管", "executive"},
    {"高阶主管", "executive"}, {"行政總裁", "ceo"},       {"行政总裁", "ceo"},
    {"財務總監", "cfo"},       {"财务总监", "cfo"},       {"副總經理", "executive"},
    {"副总经理", "executive"}, {"副董事長", "executive"}, {"副董事长", "executive"},
    {"財務長", "cfo"},         {"财务长", "cfo"},         {"執行長", "ceo"},
    {"执行长", "ceo"},         {"營運長", "coo"},         {"营运长", "coo"},
    {"技術長", "cto"},         {"技术长", "cto"},         {"董事長", "chairman"},
    {"董事长", "chairman"},    {"總經理", "gm"},          {"总经理", "gm"},
    {"副總裁", "executive"},   {"副总裁", "executive"},   {"分析師", "analyst"},
    {"分析师", "analyst"},     {"操作員", "operator"},    {"操作员", "operator"},
    {"接線員", "operator"},    {"接线员", "operator"},    {"主持人", "operator"},
    {"總裁", "president"},     {"总裁", "president"},     {"高管", "executive"},
};

void add_chinese_roles(std::string text, RoleSet& roles) {
    for (const auto& entry : kChineseTitles) {
        for (auto pos = text.find(entry.text); pos != std::string::npos; pos = text.find(entry.text, pos)) {
            roles.add(entry.role);
            // Blank out the match so a shorter entry inside it does not fire too.
            text.replace(pos, entry.text.size(), entry.text.size(), ' ');
        }
    }
}

// The specific roles a title names (no `executive` fallback).
RoleSet specific_roles(std::string_view title) {
    RoleSet roles;
    const std::string lowered = lower_ascii(title);
    if (lowered.find("analyst") != std::string::npos) {
        // Analysts are only analysts; also catches run-together "SecuritiesAnalyst".
        roles.add("analyst");
        return roles;
    }
    if (contains_non_ascii(title)) add_chinese_roles(std::string(title), roles);

    const auto words = title_words(title);
    const std::size_t n = words.size();
    auto at = [&](std::size_t i) -> std::string_view { return i < n ? std::string_view(words[i]) : ""; };
    bool investor = false;
    bool relations = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = words[i];
        const std::string_view prev = i > 0 ? at(i - 1) : "";
        const std::string_view next = at(i + 1);
        if (w == "ceo") roles.add("ceo");
        if (w == "cfo") roles.add("cfo");
        if (w == "coo") roles.add("coo");
        if (w == "cto") roles.add("cto");
        if (w == "ir") roles.add("ir");
        if (w == "gm") roles.add("gm");
        if (w == "chief") {
            if (next == "executive") roles.add("ceo");
            if (next == "financial" || next == "finance") roles.add("cfo");
            if (next == "operating" || next == "operations") roles.add("coo");
            if (next == "technology" || next == "technical" || next == "technologies") roles.add("cto");
        }
        if ((w == "finance" || w == "financial") && next == "director") roles.add("cfo");
        if ((w == "president" || w == "presidents") && prev != "vice") roles.add("president");
        if ((w == "chairman" || w == "chairwoman" || w == "chairperson" || w == "chair") && prev != "vice") {
            roles.add("chairman");
        }
        if (w == "general" && (next == "manager" || next == "managers")) roles.add("gm");
        if (w == "investor" || w == "investors" || w == "shareholder") investor = true;
        if (w == "relations" || w == "relation") relations = true;
    }
    if (investor && relations) roles.add("ir");
    return roles;
}

// Words that make a title a company post even when it names none of the
// specific roles ("Executive Vice President", "Treasurer").
bool names_a_company_post(const std::vector<std::string>& words) {
    static const std::string_view kPostWords[] = {
        "officer",  "president", "vice",      "vp",        "evp",        "svp",
        "executive", "director", "manager",   "head",      "treasurer",  "controller",
        "secretary", "counsel",  "founder",   "chief",     "chairman",   "chair",
    };
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return std::find(std::begin(kPostWords), std::end(kPostWords), w) != std::end(kPostWords);
    });
}

// Words that mark a title as an outside firm's name ("Palisade Capital Management").
bool names_a_firm(const std::vector<std::string>& words) {
    static const std::string_view kFirmWords[] = {
        "capital", "securities", "partners", "research", "llc",      "llp",       "inc",
        "markets", "advisors",   "advisers", "co",       "companies", "investments", "management",
        "bank",    "ag",         "plc",      "ltd",      "limited",  "fund",      "funds",
        "asset",   "equity",     "equities", "associates", "holdings", "news",    "journal",
        // Sell-side houses that often stand alone as a "title".
        "morgan",  "barclays",   "goldman",  "citi",     "citigroup", "jpmorgan", "ubs",
        "jefferies", "suisse",   "deutsche", "fargo",    "evercore", "bofa",      "keybanc",
        "rbc",     "cowen",      "piper",    "stifel",   "baird",    "oppenheimer", "wolfe",
        "bernstein", "mizuho",   "nomura",   "macquarie", "hsbc",    "truist",    "needham",
        "wedbush", "btig",       "guggenheim", "canaccord", "sidoti", "cantor",   "janney",
    };
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return std::find(std::begin(kFirmWords), std::end(kFirmWords), w) != std::end(kFirmWords);
    });
}

}  // namespace

std::vector<std::string> roles_for(std::string_view speaker, std::string_view title) {
    speaker = trim(speaker);
    title = trim(title);
    const std::string speaker_lower = lower_ascii(speaker);
    RoleSet roles;

    if (title.empty() || lower_ascii(title) == "operator") {
        if (speaker_lower == "operator" || lower_ascii(title) == "operator") {
            roles.add("operator");
            return roles.to_vector();
        }
        const auto words = title_words(speaker);
        const bool anonymous = !words.empty() && (words.front() == "unidentified" || words.front() == "unknown");
        if (speaker_lower == "analyst" || (anonymous && has_word(words, "analyst"))) {
            roles.add("analyst");
        } else if (anonymous && (has_word(words, "representative") || has_word(words, "executive") ||
                                 has_word(words, "management"))) {
            roles.add("executive");
        }
        return roles.to_vector();
    }

    if (speaker_lower.find("analyst") != std::string::npos &&
        (speaker_lower.starts_with("unidentified") || speaker_lower.starts_with("unknown"))) {
        roles.add("analyst");
        return roles.to_vector();
    }

    // "Firm -- Position" is an outside participant; one naming no specific
    // role asks questions, so a bank's "Managing Director" is no executive.
    std::string_view position = title;
    bool outside = false;
    if (const auto sep = title.rfind(" -- "); sep != std::string_view::npos) {
        position = trim(title.substr(sep + 4));
        outside = true;
    }
    roles = specific_roles(title);
    if (!roles.empty()) return roles.to_vector();

    const auto words = title_words(position);
    if (outside || (names_a_firm(words) && !names_a_company_post(words))) {
        roles.add("analyst");
    } else {
        roles.add("executive");
    }
    return roles.to_vector();
}

std::optional<std::string> role_from_query(std::string_view value) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    // Collapse inner whitespace so "investor  relations" matches too.
    std::string key;
    for (char c : value) {
        if (c == ' ' || c == '\t') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += ascii_lower(c);
        }
    }

    static const std::pair<std::string_view, std::string_view> kNames[] = {
        {"ceo", "ceo"},
        {"cfo", "cfo"},
        {"coo", "coo"},
        {"cto", "cto"},
        {"president", "president"},
        {"chairman", "chairman"},
        {"chairwoman", "chairman"},
        {"chair", "chairman"},
        {"ir", "ir"},
        {"investor relations", "ir"},
        {"gm", "gm"},
        {"general manager", "gm"},
        {"analyst", "analyst"},
        {"analysts", "analyst"},
        {"operator", "operator"},
        {"executive", "executive"},
        {"executives", "executive"},
        {"exec", "executive"},
    };
    for (const auto& [name, role] : kNames) {
        if (key == name) return std::string(role);
    }
    for (const auto& entry : kChineseTitles) {
        if (key == entry.text) return std::string(entry.role);
    }

    const RoleSet roles = specific_roles(key);
    if (roles.count() == 1) return roles.to_vector().front();
    if (roles.empty() && !contains_non_ascii(key) && names_a_company_post(title_words(key))) return "executive";
    return std::nullopt;
}

}  // namespace callsearch
