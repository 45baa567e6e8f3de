#include "parse/speaker_names.h"

#include <algorithm>
#include <vector>

#include "parse/line_text.h"

namespace callsearch {
namespace {

std::vector<std::string> key_words(std::string_view name) {
    const std::string key = name_key(name);
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < key.size()) {
        const auto end = std::min(key.find(' ', i), key.size());
        if (end > i) words.push_back(key.substr(i, end - i));
        i = end + 1;
    }
    static const std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd", "cpa", "md", "cfa"};
    while (words.size() > 1 && std::find(std::begin(kSuffixes), std::end(kSuffixes), words.back()) != std::end(kSuffixes)) {
        words.pop_back();
    }
    return words;
}

bool nickname_of(std::string_view a, std::string_view b) {
    static const std::pair<std::string_view, std::string_view> kNicknames[] = {
        {"bob", "robert"}, {"rob", "robert"}, {"bill", "william"}, {"will", "william"}, {"jim", "james"},
        {"jamie", "james"}, {"mike", "michael"}, {"tom", "thomas"}, {"dick", "richard"}, {"rick", "richard"},
        {"rich", "richard"}, {"chuck", "charles"}, {"charlie", "charles"}, {"ken", "kenneth"}, {"andy", "andrew"},
        {"drew", "andrew"}, {"tony", "anthony"}, {"joe", "joseph"}, {"steve", "stephen"}, {"steve", "steven"},
        {"chris", "christopher"}, {"matt", "matthew"}, {"dan", "daniel"}, {"dave", "david"}, {"pete", "peter"},
        {"sam", "samuel"}, {"ben", "benjamin"}, {"kate", "katherine"}, {"kathy", "kathleen"}, {"kathy", "katherine"},
        {"liz", "elizabeth"}, {"beth", "elizabeth"}, {"jeff", "jeffrey"}, {"greg", "gregory"}, {"ed", "edward"},
        {"ted", "edward"}, {"fred", "frederick"}, {"frank", "francis"}, {"alex", "alexander"}, {"nick", "nicholas"},
        {"doug", "douglas"}, {"larry", "lawrence"}, {"jerry", "gerald"}, {"ron", "ronald"}, {"don", "donald"},
        {"tim", "timothy"}, {"sandy", "sandra"}, {"sue", "susan"}, {"peggy", "margaret"}, {"meg", "margaret"},
    };
    for (const auto& [nick, full] : kNicknames) {
        if ((a == nick && b == full) || (b == nick && a == full)) return true;
    }
    return false;
}

bool given_names_agree(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() == 1 || b.size() == 1) return a.front() == b.front();
    if (nickname_of(a, b)) return true;
    const std::size_t common = std::min(a.size(), b.size());
    return common >= 3 && a.substr(0, 3) == b.substr(0, 3);
}

}  // namespace

std::string name_key(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '.' || c == ',' || c == '"') {
            c = ' ';
        }
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += ascii_lower(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    for (std::string_view honorific : {"mr ", "mrs ", "ms ", "dr ", "prof "}) {
        if (out.starts_with(honorific)) {
            out.erase(0, honorific.size());
            break;
        }
    }
    return out;
}

std::string family_key(std::string_view name) {
    const auto words = key_words(name);
    return words.empty() ? std::string() : words.back();
}

bool same_person(std::string_view a, std::string_view b) {
    const auto wa = key_words(a);
    const auto wb = key_words(b);
    if (wa.empty() || wb.empty()) return false;
    if (wa == wb) return true;
    if (wa.size() < 2 || wb.size() < 2) return false;
    if (wa.back() != wb.back()) return false;
    if (given_names_agree(wa.front(), wb.front())) return true;
    // Known by a middle name: "R. Martin Chavez" is "Marty Chavez".
    auto by_middle = [](const std::vector<std::string>& full, const std::string& given) {
        if (full.front().size() != 1) return false;
        for (std::size_t i = 1; i + 1 < full.size(); ++i) {
            if (full[i].size() > 1 && given.size() > 1 && given_names_agree(full[i], given)) return true;
        }
        return false;
    };
    return by_middle(wa, wb.front()) || by_middle(wb, wa.front());
}

bool is_all_caps(std::string_view name) {
    bool letters = false;
    for (char c : name) {
        if (is_lower(c)) return false;
        if (is_upper(c)) letters = true;
    }
    return letters;
}

std::string title_case(std::string_view name) {
    std::string out(name);
    bool start = true;
    for (char& c : out) {
        if (is_upper(c) || is_lower(c)) {
            c = start ? c : ascii_lower(c);
            if (start && is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
            start = false;
        } else {
            start = c == ' ' || c == '-' || c == '\'' || c == '.';
        }
    }
    return out;
}

}  // namespace callsearch
