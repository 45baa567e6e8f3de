#include "parse/role_evidence.h"

#include <algorithm>

#include "parse/line_text.h"
#include "parse/roles.h"
#include "parse/speaker_names.h"

namespace callsearch {
namespace {

bool word_char(char c) { return is_ascii_alnum(c) || c == '\'' || c == '-' || is_non_ascii(c); }

// The last word of a name, its suffix aside: what a mention is searched by.
std::string family_name(std::string_view name) {
    std::string key = name_key(name);
    static const std::string_view kSuffixes[] = {" jr", " sr", " ii", " iii", " iv", " phd"};
    for (auto s : kSuffixes) {
        if (key.size() > s.size() && std::string_view(key).ends_with(s)) key.resize(key.size() - s.size());
    }
    const auto space = key.rfind(' ');
    return space == std::string::npos ? key : key.substr(space + 1);
}

std::vector<std::string> specific_only(std::vector<std::string> roles) {
    std::erase_if(roles, [](const std::string& r) { return r == "executive" || r == "analyst" || r == "operator"; });
    return roles;
}

bool is_title_word(std::string_view w) {
    static const std::string_view kWords[] = {
        "chief", "ceo", "cfo", "coo", "cto", "president", "chairman", "chairwoman", "chair", "executive", "senior",
        "vice", "head", "director", "vp", "svp", "evp", "treasurer", "general", "founder", "co-founder", "investor",
        "ir", "managing", "group", "global", "corporate", "deputy", "interim", "principal", "controller", "cofounder"};
    const std::string lowered = lower_ascii(w);
    return std::find(std::begin(kWords), std::end(kWords), lowered) != std::end(kWords);
}

std::string_view first_word(std::string_view s) {
    s = trim(s);
    std::size_t i = 0;
    while (i < s.size() && word_char(s[i])) ++i;
    return s.substr(0, i);
}

// Skips "our ", "the ", "its ", "Apple's " at the front.
std::string_view skip_determiner(std::string_view s) {
    s = trim(s);
    for (int k = 0; k < 2; ++k) {
        const auto w = first_word(s);
        const std::string lowered = lower_ascii(w);
        if (lowered == "our" || lowered == "the" || lowered == "its" || lowered == "their" || lowered == "his" ||
            lowered == "her" || lowered.ends_with("'s")) {
            s = trim(s.substr(w.size()));
        } else {
            break;
        }
    }
    return s;
}

// find_mention on text already lowered once by the caller, so that a loop
// over mentions stays linear in the text.
std::optional<Mention> mention_in(std::string_view text, const std::string& lowered, std::string_view name,
                                  std::size_t from) {
    const std::string family = family_name(name);
    if (family.size() < 2) return std::nullopt;
    for (auto pos = lowered.find(family, from); pos != std::string::npos; pos = lowered.find(family, pos + 1)) {
        const std::size_t end = pos + family.size();
        if (pos > 0 && word_char(lowered[pos - 1])) continue;
        if (end < lowered.size() && is_ascii_alnum(lowered[end])) continue;
        // Up to three words before the family name, as written.
        std::size_t begin = pos;
        for (int words = 0; words < 3 && begin > 0; ++words) {
            std::size_t b = begin;
            while (b > 0 && text[b - 1] == ' ') --b;
            std::size_t w = b;
            while (w > 0 && (word_char(text[w - 1]) || text[w - 1] == '.')) --w;
            if (w == b || !(is_upper(text[w]) || is_non_ascii(text[w]))) break;
            const std::string candidate(text.substr(w, end - w));
            begin = w;
            if (same_person(candidate, name)) return Mention{w, end};
        }
        // "Su" alone after "Dr." etc. is not enough: a family name alone
        // matches only a single-word name.
        if (same_person(text.substr(pos, end - pos), name)) return Mention{pos, end};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Mention> find_mention(std::string_view text, std::string_view name, std::size_t from) {
    return mention_in(text, lower_ascii(text), name, from);
}

std::vector<std::string> roles_from_introduction(std::string_view text, std::string_view name) {
    const std::string lowered = lower_ascii(text);
    std::size_t from = 0;
    while (auto mention = mention_in(text, lowered, name, from)) {
        from = mention->end;
        // After: ", our Chief Executive Officer;", " - CFO", " (CEO)".
        std::string_view after = text.substr(mention->end);
        // "Robert J. Hamilton Jr., Chief Executive Officer"
        for (std::string_view suffix : {", Jr.", " Jr.", ", Sr.", " Sr.", " III", " II"}) {
            if (after.starts_with(suffix)) {
                after.remove_prefix(suffix.size());
                break;
            }
        }
        if (after.starts_with(",") || after.starts_with(" (") || after.starts_with(" - ")) {
            after = after.substr(after.starts_with(",") ? 1 : 2);
            after = skip_determiner(after);
            // "Padraig McDonnell, Agilent President and CEO": the employer may come first.
            for (int k = 0; k < 2 && !is_title_word(first_word(after)); ++k) {
                const auto w = first_word(after);
                if (w.empty() || !is_upper(w.front()) || !is_title_word(first_word(after.substr(w.size())))) break;
                after = trim(after.substr(w.size()));
            }
            if (is_title_word(first_word(after))) {
                std::size_t stop = after.size();
                for (std::string_view end_mark : {";", ". ", ")", " who ", " will ", " to ", "\n"}) {
                    stop = std::min(stop, after.find(end_mark));
                }
                // A list "A, t1, and B, t2" goes on with the next name: stop at
                // a comma or "and" that a capitalized word other than a title
                // word follows ("..., and Alicia Romero, our CFO").
                for (std::size_t k = 0; k < stop; ++k) {
                    std::size_t next = std::string_view::npos;
                    if (after.compare(k, 2, ", ") == 0) next = k + 2;
                    else if (after.compare(k, 5, " and ") == 0) next = k + 5;
                    if (next == std::string_view::npos) continue;
                    std::string_view rest = after.substr(next);
                    if (rest.starts_with("and ")) rest.remove_prefix(4);
                    const auto w = first_word(skip_determiner(rest));
                    if (!w.empty() && is_upper(w.front()) && !is_title_word(w) && lower_ascii(w) != "and") {
                        stop = k;
                        break;
                    }
                }
                auto roles = specific_only(roles_for("", after.substr(0, stop)));
                if (!roles.empty()) return roles;
            }
        }
        // Before: "Apple's CEO, Tim Cook", "our CFO Kevan Parekh".
        std::string_view before = text.substr(0, mention->begin);
        while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
        // "Vice President of Investor Relations, Mr. Dave Fildes"
        for (std::string_view honorific : {" Mr.", " Ms.", " Mrs.", " Dr.", " Mr", " Ms"}) {
            if (before.ends_with(honorific)) {
                before.remove_suffix(honorific.size());
                while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
                break;
            }
        }
        const std::size_t window = std::min<std::size_t>(before.size(), 80);
        std::string_view tail = before.substr(before.size() - window);
        for (std::string_view mark : {";", ". ", ", and ", " and ", ", "}) {
            if (const auto p = tail.rfind(mark); p != std::string_view::npos) tail = tail.substr(p + mark.size());
        }
        std::size_t last = tail.size();
        while (last > 0 && !word_char(tail[last - 1])) --last;
        std::size_t start = last;
        while (start > 0 && word_char(tail[start - 1])) --start;
        if (last > start && is_title_word(tail.substr(start, last - start))) {
            auto roles = specific_only(roles_for("", tail));
            if (!roles.empty()) return roles;
        } else if (last > start) {
            const std::string w = lower_ascii(tail.substr(start, last - start));
            if (w == "officer" || w == "relations" || w == "treasurer") {
                auto roles = specific_only(roles_for("", tail));
                if (!roles.empty()) return roles;
            }
        }
    }
    return {};
}

std::optional<std::string> questioner_introduced(std::string_view text, std::string_view name) {
    const std::string lowered = lower_ascii(text);
    std::size_t from = 0;
    while (auto mention = mention_in(text, lowered, name, from)) {
        from = mention->end;
        // The sentence that names them must be about the next question.
        const std::size_t window = std::min<std::size_t>(mention->begin, 90);
        std::string before = lower_ascii(text.substr(mention->begin - window, window));
        if (const auto stop = before.rfind(". "); stop != std::string::npos) {
            const std::string tail = before.substr(stop);
            // "(Operator Instructions) Mark Lipacis, Jefferies." keeps its mark.
            if (tail.find("instructions") == std::string::npos) before = before.substr(stop + 2);
        }
        const bool introduces = before.find("question") != std::string::npos || before.find("line of") != std::string::npos ||
                                before.find("instructions)") != std::string::npos ||
                                before.find("instructions]") != std::string::npos || before.find("we'll go to") != std::string::npos ||
                                before.find("we will go to") != std::string::npos || before.find("next up") != std::string::npos;
        if (!introduces) continue;
        std::string_view after = text.substr(mention->end);
        for (std::string_view link : {" with ", " of ", " at ", " from ", ", "}) {
            if (!after.starts_with(link)) continue;
            std::string_view firm = after.substr(link.size());
            std::size_t stop = firm.size();
            for (std::string_view end_mark : {", ", ";", " please", " your", " you", " is ", " with ", "\n"}) {
                stop = std::min(stop, firm.find(end_mark));
            }
            // A sentence ends at ". ", but "J.P. Morgan" goes on after its initials.
            for (auto dot = firm.find(". "); dot != std::string_view::npos && dot < stop; dot = firm.find(". ", dot + 1)) {
                const bool initial = dot >= 1 && is_upper(firm[dot - 1]) && (dot == 1 || !is_ascii_alnum(firm[dot - 2]));
                if (!initial) {
                    stop = dot;
                    break;
                }
            }
            firm = trim(firm.substr(0, stop));
            while (!firm.empty() && (firm.back() == '.' || firm.back() == ',')) firm.remove_suffix(1);
            if (firm.starts_with("the ")) firm.remove_prefix(4);
            if (!firm.empty() && (is_upper(firm.front()) || is_digit(firm.front())) && firm.size() <= 60) {
                return std::string(firm);
            }
            break;
        }
        return std::string();
    }
    return std::nullopt;
}

}  // namespace callsearch
