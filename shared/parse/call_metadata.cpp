#include "parse/call_metadata.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "parse/line_text.h"

namespace callsearch {
namespace {

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

std::optional<int> plausible_year(std::string_view token) {
    if (token.size() != 4 || !all_digits(token)) return std::nullopt;
    const int year = to_int(token);
    if (year < 1990 || year > 2100) return std::nullopt;
    return year;
}

// Month number from "Sep", "Sept.", "September"; 0 when not a month.
int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"};
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3) return 0;
    const std::string lowered = lower_ascii(word);
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (lowered == kMonths[i] || lowered == kMonths[i].substr(0, 3) || (i == 8 && lowered == "sept")) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

// Words split on spaces, hyphens and the punctuation that may trail them.
std::vector<std::string> phrase_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && (word.back() == ',' || word.back() == ':' || word.back() == ')')) word.pop_back();
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '-' || c == '(') {
            flush();
        } else {
            word += c;
        }
    }
    flush();
    return words;
}

int ordinal_quarter(std::string_view lowered) {
    static constexpr std::array<std::pair<std::string_view, int>, 8> kOrdinals = {
        {{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"1st", 1}, {"2nd", 2}, {"3rd", 3}, {"4th", 4}}};
    for (const auto& [word, number] : kOrdinals) {
        if (lowered == word) return number;
    }
    return 0;
}

// "q2" or "2q" -> 2.
int short_quarter(std::string_view lowered) {
    if (lowered.size() == 2 && lowered[0] == 'q' && lowered[1] >= '1' && lowered[1] <= '4') return lowered[1] - '0';
    if (lowered.size() == 2 && lowered[1] == 'q' && lowered[0] >= '1' && lowered[0] <= '4') return lowered[0] - '0';
    return 0;
}

std::string strip_possessive(std::string word) {
    for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s")}) {
        if (word.size() > s.size() && std::string_view(word).ends_with(s)) {
            word.resize(word.size() - s.size());
            break;
        }
    }
    return word;
}

// Where the first sentence of `text` ends: at a ". " followed by a capital,
// unless the word before it is an abbreviation ("Acme Inc. Q3 ...").
std::size_t sentence_end(std::string_view text) {
    static const std::string_view kAbbreviations[] = {"inc", "co", "corp", "ltd", "mr", "mrs", "ms", "dr",
                                                       "st", "cos", "bros", "jr", "sr", "no", "plc"};
    for (auto pos = text.find(". "); pos != std::string_view::npos; pos = text.find(". ", pos + 1)) {
        const std::size_t next = pos + 2;
        if (next >= text.size() || !is_upper(text[next])) continue;
        const auto space = text.rfind(' ', pos);
        const std::size_t word_start = space == std::string_view::npos ? 0 : space + 1;
        const std::string word = lower_ascii(text.substr(word_start, pos - word_start));
        if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations)) continue;
        return pos;
    }
    return text.size();
}

}  // namespace

std::optional<CompanyTicker> parse_company_line(std::string_view line) {
    line = trim(line);
    if (line.size() < 4 || line.back() != ')') return std::nullopt;
    const auto open = line.rfind(" (");
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view ticker = line.substr(open + 2, line.size() - open - 3);
    if (ticker.empty() || ticker.size() > 10) return std::nullopt;
    const bool ticker_ok = std::all_of(ticker.begin(), ticker.end(),
                                       [](char c) { return is_upper(c) || is_digit(c) || c == '.' || c == '-'; });
    if (!ticker_ok || !is_upper(ticker.front())) return std::nullopt;
    return CompanyTicker{std::string(trim(line.substr(0, open))), std::string(ticker)};
}

std::optional<QuarterYear> parse_earnings_call_line(std::string_view line) {
    line = trim(line);
    // "Q2 2021 Earnings Call"
    if (line.size() < 7 || line[0] != 'Q' || line[1] < '1' || line[1] > '4' || line[2] != ' ') return std::nullopt;
    const auto year = plausible_year(line.substr(3, 4));
    if (!year) return std::nullopt;
    const std::string rest = lower_ascii(line.substr(7));
    if (rest.find("call") == std::string::npos) return std::nullopt;
    return QuarterYear{line[1] - '0', *year};
}

std::optional<std::string> parse_call_date(std::string_view line) {
    // "Sep 09, 2021, 7:30 a.m. ET"
    const auto words = phrase_words(trim(line));
    if (words.size() < 3) return std::nullopt;
    const int month = month_number(words[0]);
    if (month == 0 || !all_digits(words[1]) || words[1].size() > 2) return std::nullopt;
    const int day = to_int(words[1]);
    const auto year = plausible_year(words[2]);
    if (day < 1 || day > 31 || !year) return std::nullopt;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", *year, month, day);
    return std::string(iso);
}

CallInfo call_info_from_header(std::span<const std::string_view> lines) {
    CallInfo info;
    bool have_company = false;
    bool have_quarter = false;
    for (const auto raw : lines) {
        const auto line = trim(raw);
        if (line.empty()) continue;
        if (!have_company) {
            if (auto ct = parse_company_line(line)) {
                info.company = std::move(ct->company);
                info.ticker = std::move(ct->ticker);
                have_company = true;
                continue;
            }
        }
        if (!have_quarter) {
            if (auto qy = parse_earnings_call_line(line)) {
                info.quarter = qy->quarter;
                info.year = qy->year;
                have_quarter = true;
                continue;
            }
        }
        if (!info.date) {
            if (auto date = parse_call_date(line)) info.date = std::move(date);
        }
    }
    return info;
}

CallInfo call_info_from_welcome(std::string_view text) {
    CallInfo info;
    const std::string lowered = lower_ascii(text);
    const auto welcome = lowered.find("welcome");
    if (welcome == std::string::npos) return info;
    // "welcome to", "welcome everyone to", "welcome you all to".
    const auto to = lowered.find(" to ", welcome);
    if (to == std::string::npos || to - welcome > 30) return info;
    std::string_view phrase = text.substr(to + 4);
    // The name of the call ends with its sentence ("Inc. fourth-quarter" does not end one).
    for (std::string_view end : {"! ", "? ", "; "}) {
        if (const auto pos = phrase.find(end); pos != std::string_view::npos) phrase = phrase.substr(0, pos);
    }
    phrase = phrase.substr(0, sentence_end(phrase));
    if (!phrase.empty() && phrase.back() == '.') phrase.remove_suffix(1);

    static const std::string_view kStops[] = {"fiscal", "full",      "year",     "earnings", "conference", "call",
                                              "results", "financial", "quarterly", "annual",  "half",       "quarter",
                                              "webcast", "teleconference", "fy"};
    const auto words = phrase_words(phrase);
    std::size_t i = 0;
    if (i < words.size() && (lower_ascii(words[i]) == "the" || lower_ascii(words[i]) == "our")) ++i;
    std::vector<std::string> company;
    for (; i < words.size(); ++i) {
        const std::string w = lower_ascii(words[i]);
        const bool stop = ordinal_quarter(w) || short_quarter(w) || plausible_year(w) || w.starts_with("fy") ||
                          std::find(std::begin(kStops), std::end(kStops), w) != std::end(kStops);
        if (stop) break;
        company.push_back(words[i]);
    }
    if (!company.empty()) {
        company.back() = strip_possessive(company.back());
        std::string name;
        for (const auto& w : company) {
            if (!name.empty()) name += ' ';
            name += w;
        }
        info.company = std::move(name);
    }
    for (; i < words.size(); ++i) {
        std::string w = lower_ascii(words[i]);
        if (w == "call") break;
        if (!info.quarter) {
            if (const int q = ordinal_quarter(w); q && i + 1 < words.size() &&
                                                  lower_ascii(words[i + 1]).starts_with("quarter")) {
                info.quarter = q;
            } else if (const int s = short_quarter(w)) {
                info.quarter = s;
            }
        }
        if (!info.year) {
            if (w.starts_with("fy")) w = w.substr(2);
            w = strip_possessive(w);
            if (const auto year = plausible_year(w)) info.year = *year;
        }
    }
    return info;
}

}  // namespace callsearch
