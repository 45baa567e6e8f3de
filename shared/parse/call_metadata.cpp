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
    std::string_view ticker = line.substr(open + 2, line.size() - open - 3);
    // "Carnival Corp & plc (NYSE:CCL)": the exchange may come first.
    if (const auto colon = ticker.find(':'); colon != std::string_view::npos) ticker = trim(ticker.substr(colon + 1));
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
        // "Verdex Networks' earnings call": a plural possessive.
        while (!company.back().empty() && (company.back().back() == '\'')) company.back().pop_back();
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

namespace callsearch {
namespace {

// Lowered words of a title, split at spaces, hyphens, slashes, parentheses and
// commas; "Q3" and "2018" stay whole, "first-quarter" becomes two words.
std::vector<std::string> title_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == '\'')) word.pop_back();
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '(' || c == ')' || c == ',' || c == '_' || c == '|') {
            flush();
        } else {
            word += ascii_lower(c);
        }
    }
    flush();
    return words;
}

std::optional<int> year_of(std::string_view w) {
    if (w.starts_with("fy")) w.remove_prefix(2);
    if (w.size() == 4 && all_digits(w)) return plausible_year(w);
    if (w.size() == 2 && all_digits(w)) return 2000 + to_int(w);
    if (w.size() == 3 && w[0] == '\'' && all_digits(w.substr(1))) return 2000 + to_int(w.substr(1));
    return std::nullopt;
}

// "fy24", "fy2024", "2024" (4 digits only), "fiscal 2024", "fiscal year 2024".
std::optional<int> year_at(const std::vector<std::string>& w, std::size_t i, std::size_t& used) {
    used = 1;
    if (i >= w.size()) return std::nullopt;
    if (w[i].starts_with("fy") && w[i].size() > 2) return year_of(w[i]);
    if (w[i] == "fy" && i + 1 < w.size()) {
        used = 2;
        return year_of(w[i + 1]);
    }
    if (w[i] == "fiscal") {
        std::size_t j = i + 1;
        if (j < w.size() && w[j] == "year") ++j;
        if (j < w.size()) {
            if (auto y = year_of(w[j]); y && (w[j].size() == 4 || w[j].size() == 2)) {
                used = j - i + 1;
                return y;
            }
        }
        return std::nullopt;
    }
    if (w[i].size() == 4 && all_digits(w[i])) return plausible_year(w[i]);
    return std::nullopt;
}

// Quarter word at i: "q3", "3q", "third" + "quarter", "3rd" + "quarter";
// "3q23" / "q323" give the year too.
int quarter_at(const std::vector<std::string>& w, std::size_t i, std::size_t& used, int& year) {
    used = 1;
    year = 0;
    const std::string& s = w[i];
    if (s.size() >= 3 && s[0] == 'f' && s[1] == 'q' && s[2] >= '1' && s[2] <= '4') {
        // S&P Capital IQ: "FQ2 2024"
        std::vector<std::string> rest = {s.substr(1)};
        std::size_t u = 0;
        return quarter_at(rest, 0, u, year);
    }
    if (s.size() >= 2 && s[0] == 'q' && s[1] >= '1' && s[1] <= '4') {
        if (s.size() == 2) return s[1] - '0';
        const std::string_view rest = std::string_view(s).substr(2);
        if (auto y = year_of(rest); y && (rest.size() == 2 || rest.size() == 4 || rest.starts_with("fy"))) {
            year = *y;
            return s[1] - '0';
        }
        return 0;
    }
    if (s.size() >= 2 && s[1] == 'q' && s[0] >= '1' && s[0] <= '4') {
        if (s.size() == 2) return s[0] - '0';
        const std::string_view rest = std::string_view(s).substr(2);
        if (auto y = year_of(rest); y && (rest.size() == 2 || rest.size() == 4)) {
            year = *y;
            return s[0] - '0';
        }
        return 0;
    }
    if (const int q = ordinal_quarter(s); q && i + 1 < w.size() && w[i + 1].starts_with("quarter")) {
        used = 2;
        return q;
    }
    return 0;
}

std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
    std::string out;
    for (const auto p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

bool ticker_like(std::string_view t) {
    if (t.empty() || t.size() > 6) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return is_upper(c) || c == '.' || is_digit(c); }) &&
           is_upper(t.front());
}

// "(NASDAQ:MSFT)", "( NASDAQ: MU)", "(MU)", "(ASML2.17%)", "(NYSE:KO)".
std::optional<std::pair<std::size_t, std::string>> ticker_group(std::string_view line) {
    for (auto open = line.find('('); open != std::string_view::npos; open = line.find('(', open + 1)) {
        const auto close = line.find(')', open);
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view inner = trim(line.substr(open + 1, close - open - 1));
        if (const auto colon = inner.find(':'); colon != std::string_view::npos) inner = trim(inner.substr(colon + 1));
        // "ASML2.17%": the ticker is the letters before a price change.
        std::size_t letters = 0;
        while (letters < inner.size() && (is_upper(inner[letters]) || inner[letters] == '.')) ++letters;
        std::string_view ticker = inner.substr(0, letters);
        const std::string_view rest = inner.substr(letters);
        const bool price = !rest.empty() && rest.back() == '%';
        if (!rest.empty() && !price) continue;
        while (!ticker.empty() && ticker.back() == '.') ticker.remove_suffix(1);
        if (ticker_like(ticker)) return std::pair{open, std::string(ticker)};
    }
    return std::nullopt;
}

std::string clean_company(std::string_view s) {
    s = trim(s);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        for (std::string_view tail : {",", "-", ":", "|", "\u2014", "\u2013", "'", "\u2019"}) {
            if (s.ends_with(tail)) {
                s.remove_suffix(tail.size());
                s = trim(s);
                changed = true;
            }
        }
    }
    if (s.starts_with("# ")) s.remove_prefix(2);
    // "Micron Technology , Inc." as a PDF spaces it.
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ',') continue;
        out += s[i];
    }
    return out;
}

// Where a call's title words start ("Q1 2016 ... Earnings Call"): the company is before or after them.
struct TitleParse {
    int quarter = 0;
    int year = 0;
    std::string company;
    std::string ticker;
};

// Finds quarter and year among the words; `first`/`last` receive the word span used.
std::optional<QuarterYear> quarter_year_in(const std::vector<std::string>& w, std::size_t& first, std::size_t& last) {
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::size_t used = 0;
        int year = 0;
        const int q = quarter_at(w, i, used, year);
        if (!q) continue;
        if (year) {
            first = i;
            last = i + used;
            return QuarterYear{q, year};
        }
        // Year after ("Q3 2018", "Q3 FY2018", "fourth quarter fiscal 2023", "Q3 Fiscal Year 2025",
        // "first quarter and full year 2023") or before ("FY24 Fourth Quarter", "fiscal 2019 first quarter").
        for (std::size_t j = i + used; j < std::min(w.size(), i + used + 4); ++j) {
            std::size_t yu = 0;
            if (auto y = year_at(w, j, yu)) {
                first = i;
                last = j + yu;
                return QuarterYear{q, *y};
            }
            if (w[j] != "and" && w[j] != "full" && w[j] != "year" && w[j] != "of" && w[j] != "fiscal" && w[j] != "fy" &&
                w[j] != "calendar" && w[j] != ":") {
                break;
            }
        }
        for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
            std::size_t yu = 0;
            if (auto y = year_at(w, i - back, yu); y && i - back + yu <= i) {
                first = i - back;
                last = i + used;
                return QuarterYear{q, *y};
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<QuarterYear> find_quarter_year(std::string_view text) {
    const auto words = title_words(text);
    std::size_t first = 0;
    std::size_t last = 0;
    return quarter_year_in(words, first, last);
}

std::optional<std::string> find_date(std::string_view text) {
    const auto words = phrase_words(text);
    auto iso = [](int y, int m, int d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string_view w = words[i];
        // 2025-07-31 (phrase_words splits at '-', so look at the raw text too).
        if (w.size() == 4 && all_digits(w) && i + 2 < words.size() && all_digits(words[i + 1]) &&
            all_digits(words[i + 2]) && words[i + 1].size() <= 2 && words[i + 2].size() <= 2) {
            const auto y = plausible_year(w);
            const int m = to_int(words[i + 1]);
            const int d = to_int(words[i + 2]);
            if (y && m >= 1 && m <= 12 && d >= 1 && d <= 31 && text.find(std::string(w) + "-") != std::string_view::npos) {
                return iso(*y, m, d);
            }
        }
        if (const int m = month_number(w)) {
            if (i + 2 < words.size() && all_digits(words[i + 1]) && words[i + 1].size() <= 2) {
                // "April 21, 2016" ("21," already lost its comma)
                const int d = to_int(words[i + 1]);
                std::string_view ys = words[i + 2];
                if (ys.size() > 4 && all_digits(ys.substr(0, 4))) ys = ys.substr(0, 4);  // "2021,9:00"
                if (const auto y = plausible_year(ys); y && d >= 1 && d <= 31) return iso(*y, m, d);
            }
            if (i >= 1 && i + 1 < words.size() && all_digits(words[i - 1]) && words[i - 1].size() <= 2) {
                // "21 April 2016"
                const int d = to_int(words[i - 1]);
                if (const auto y = plausible_year(words[i + 1]); y && d >= 1 && d <= 31) return iso(*y, m, d);
            }
        }
    }
    return std::nullopt;
}

CallInfo call_info_from_title_block(std::span<const std::string_view> lines) {
    CallInfo info;
    // Fields first ("**Date:** 2025-07-31", "Company Ticker: GS US"): they say exactly what they hold.
    std::string field_company;
    for (const auto raw : lines) {
        const auto line = trim(raw);
        std::string key;
        std::string_view value;
        if (line.starts_with("**")) {
            const auto close = line.find(":**");
            if (close == std::string_view::npos) continue;
            key = lower_ascii(trim(line.substr(2, close - 2)));
            value = trim(line.substr(close + 3));
        } else if (const auto colon = line.find(": "); colon != std::string_view::npos && colon < 25) {
            key = lower_ascii(trim(line.substr(0, colon)));
            value = trim(line.substr(colon + 2));
            static const std::string_view kKeys[] = {"company", "company name", "ticker", "company ticker", "symbol",
                                                     "date", "call date", "event date", "quarter", "fiscal quarter",
                                                     "period", "fiscal period", "year", "fiscal year", "event description",
                                                     "event", "title"};
            if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) continue;
        } else {
            continue;
        }
        if (value.empty()) continue;
        if (key == "company" || key == "company name") field_company = std::string(value);
        if ((key == "ticker" || key == "symbol" || key == "company ticker") && info.ticker.empty()) {
            // "GS US": a ticker and the country of its listing.
            const auto space = value.find(' ');
            const std::string_view t = value.substr(0, space);
            if (ticker_like(t)) info.ticker = std::string(t);
        }
        if ((key == "event description" || key == "event" || key == "title") && info.quarter == 0) {
            if (auto qy = find_quarter_year(value)) {
                info.quarter = qy->quarter;
                info.year = qy->year;
            }
        }
        if (key == "event date") key = "date";
        if (key == "date" || key == "call date" || key == "event date") {
            if (auto d = find_date(value)) info.date = std::move(d);
        }
        if (key == "quarter" || key == "period" || key == "fiscal period" || key == "fiscal quarter") {
            if (auto qy = find_quarter_year(value)) {
                info.quarter = qy->quarter;
                info.year = qy->year;
            } else if (value.size() <= 2) {
                std::size_t used = 0;
                int year = 0;
                const std::vector<std::string> w = {lower_ascii(value)};
                if (const int q = quarter_at(w, 0, used, year)) info.quarter = q;
                else if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') info.quarter = value[0] - '0';
            }
        }
        if ((key == "year" || key == "fiscal year") && info.year == 0) {
            if (auto y = plausible_year(value.substr(0, 4))) info.year = *y;
        }
    }

    if (!field_company.empty() && !(ticker_like(field_company) && field_company.size() <= 5)) info.company = field_company;
    auto is_field = [](std::string_view line) {
        const auto colon = line.find(": ");
        return line.starts_with("**") || (colon != std::string_view::npos && colon < 25 &&
                                          line.substr(0, colon).find_first_of(".,") == std::string_view::npos &&
                                          std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), ' ') <= 2);
    };
    // The title line: the first that names a quarter and year, read joined
    // with the next line when it is wrapped.
    const std::size_t n = std::min<std::size_t>(lines.size(), 40);
    for (std::size_t i = 0; i < n && (info.quarter == 0 || info.company.empty()); ++i) {
        std::string line(trim(lines[i]));
        // A title is a line, not a paragraph that mentions a quarter.
        if (line.empty() || is_field(line) || line.size() > 160) continue;
        if (i + 1 < n && !trim(lines[i + 1]).empty() && !is_field(trim(lines[i + 1]))) {
            const std::string joined = line + " " + std::string(trim(lines[i + 1]));
            // Joined only when neither line names the call alone ("Deutsche Bank AG" above
            // "Deutsche Bank Q1 2023 Analyst Conference Call" is a line of its own).
            if (!find_quarter_year(line) && find_quarter_year(joined) && !find_quarter_year(trim(lines[i + 1]))) line = joined;
            else if (find_quarter_year(line) && lower_ascii(line).find("call") == std::string::npos &&
                     lower_ascii(joined).find("call") != std::string::npos) {
                line = joined;
            }
        }
        // "...Q2 2021 Earnings CallJul 21, 2021": words run together at the seams.
        std::string spaced;
        for (std::size_t k = 0; k < line.size(); ++k) {
            spaced += line[k];
            if (k + 1 < line.size() && is_lower(line[k]) && is_upper(line[k + 1]) && k >= 3 &&
                std::string_view(line).substr(k - 3, 4) == "Call") {
                spaced += ' ';
            }
            if (k + 1 < line.size() && line[k] == ')' && is_ascii_alnum(line[k + 1])) spaced += ' ';
        }
        line = spaced;
        const std::string lowered = lower_ascii(line);
        const bool titled = lowered.find("call") != std::string::npos || lowered.find("transcript") != std::string::npos ||
                            lowered.find("conference") != std::string::npos || lowered.find("earnings") != std::string::npos ||
                            lowered.find("results") != std::string::npos || lowered.find("briefing") != std::string::npos;
        if (!titled) continue;
        const auto words = title_words(line);
        std::size_t first = 0;
        std::size_t last = 0;
        const auto qy = quarter_year_in(words, first, last);
        if (!qy) continue;
        if (info.quarter == 0) {
            info.quarter = qy->quarter;
            info.year = qy->year;
        }
        if (!info.date) info.date = find_date(line);
        // Company: before the ticker group or the quarter words, else after
        // the quarter words up to "Earnings" ("Q1 2016 Advanced Micro Devices Inc Earnings Call").
        std::string company;
        if (const auto group = ticker_group(line)) {
            if (info.ticker.empty()) info.ticker = group->second;
            company = clean_company(std::string_view(line).substr(0, group->first));
        } else {
            // Map the quarter words back onto the line by searching their text.
            const std::string& qword = words[first];
            const auto at = lowered.find(qword);
            if (at != std::string::npos && at > 0) {
                company = clean_company(std::string_view(line).substr(0, at));
            } else if (at == 0) {
                std::size_t after = 0;
                for (std::size_t k = first; k < last; ++k) after = lowered.find(words[k], after) + words[k].size();
                std::string_view rest = std::string_view(line).substr(after);
                const std::string rest_lower = lower_ascii(rest);
                std::size_t stop = rest.size();
                for (std::string_view mark : {" earnings", " conference", " results", " financial", " call", " shareholder"}) {
                    stop = std::min(stop, rest_lower.find(mark));
                }
                company = clean_company(rest.substr(0, stop));
            }
        }
        // A markdown "# AAPL Q3 2025 ..." names the ticker, not the company.
        if (ticker_like(company) && info.ticker.empty() && company.size() <= 5) {
            info.ticker = company;
            company.clear();
        } else if (ticker_like(company) && company == info.ticker) {
            company.clear();
        }
        // A sentence that names the call is no title: "Welcome to the Pinecrest Bank second quarter ...".
        if (lower_ascii(company).starts_with("welcome") || lower_ascii(company).starts_with("good ") ||
            lower_ascii(company).starts_with("thank")) {
            company.clear();
        }
        // "FISCAL 2025 FIRST QUARTER ...": words of the period are no company.
        static const std::string_view kPeriodWords[] = {"fiscal", "first", "second", "third", "fourth", "full", "year",
                                                        "half", "quarter", "results", "earnings", "the"};
        const std::string lowered_company = lower_ascii(company);
        if (std::find(std::begin(kPeriodWords), std::end(kPeriodWords), lowered_company) != std::end(kPeriodWords)) {
            company.clear();
        }
        if (company.empty() && i > 0) {
            // The company on the line above the call's title ("Deutsche Bank AG", "GRANITE PEAK MINING LTD").
            std::size_t k = i;
            while (k > 0 && trim(lines[k - 1]).empty()) --k;
            if (k > 0) {
                const std::string_view above = trim(lines[k - 1]);
                if (above.size() <= 60 && !is_field(above) && !find_quarter_year(above) && !find_date(above) &&
                    above.find_first_of(".?!:") == std::string_view::npos && above.find(' ') != std::string_view::npos &&
                    (is_upper(above.front()) || is_digit(above.front()))) {
                    company = clean_company(above);
                }
            }
        }
        if (info.company.empty() && !company.empty() && company.size() <= 80) info.company = company;
    }
    if (info.company.empty()) {
        // "Digital Realty Trust, Inc. NYSE:DLR": a listing without parentheses.
        for (std::size_t i = 0; i < n && info.company.empty(); ++i) {
            const std::string_view line = trim(lines[i]);
            if (line.size() > 120) continue;
            for (std::string_view exchange : {" NYSE:", " NASDAQ:", " Nasdaq:", " NasdaqGS:", " NasdaqGM:", " AMEX:",
                                              " NYSEAM:", " TSX:", " LSE:", " NYSEArca:", " OTC:"}) {
                const auto at = line.find(exchange);
                if (at == std::string_view::npos || at == 0) continue;
                std::string_view t = trim(line.substr(at + exchange.size()));
                t = t.substr(0, t.find(' '));
                if (!ticker_like(t)) continue;
                info.company = clean_company(line.substr(0, at));
                if (info.ticker.empty()) info.ticker = std::string(t);
                break;
            }
        }
    }
    if (info.company.empty() && !field_company.empty()) {
        // "**Company:** AAPL" is a ticker.
        if (ticker_like(field_company) && field_company.size() <= 5) {
            if (info.ticker.empty()) info.ticker = field_company;
        } else {
            info.company = field_company;
        }
    }
    if (info.company.empty()) {
        // "Kasumi Electronics Co., Ltd." alone on the first lines.
        static const std::string_view kSuffixes[] = {" Inc.", " Inc", " Corp.", " Corp", " Co., Ltd.", " Ltd.", " Ltd", " plc",
                                                     " PLC", " AG", " SA", " S.A.", " N.V.", " SE", " Group", " Holdings",
                                                     " Corporation", " Company", " Limited", " LLC"};
        for (std::size_t i = 0; i < std::min<std::size_t>(n, 6) && info.company.empty(); ++i) {
            const std::string_view line = trim(lines[i]);
            if (line.size() > 70 || line.find(' ') == std::string_view::npos || !is_upper(line.front())) continue;
            for (const auto suffix : kSuffixes) {
                if (line.ends_with(suffix)) {
                    info.company = clean_company(line);
                    break;
                }
            }
        }
    }
    if (info.year == 0) {
        // A half-year or full-year call names a year and no quarter: "1H25", "H1 2024", "Half Year 2024", "FY2024",
        // "the Fiscal Year Ending March 2025".
        for (std::size_t i = 0; i < n && info.year == 0; ++i) {
            const std::string_view line = trim(lines[i]);
            if (line.size() > 160) continue;
            const std::string lowered = lower_ascii(line);
            if (lowered.find("call") == std::string::npos && lowered.find("results") == std::string::npos &&
                lowered.find("earnings") == std::string::npos && lowered.find("briefing") == std::string::npos) {
                continue;
            }
            const auto words = title_words(line);
            for (std::size_t k = 0; k < words.size() && info.year == 0; ++k) {
                const std::string& w = words[k];
                if ((w.size() == 4 && (w.starts_with("1h") || w.starts_with("2h"))) ||
                    (w.size() == 6 && (w.starts_with("1h") || w.starts_with("2h")))) {
                    if (auto y = year_of(std::string_view(w).substr(2))) info.year = *y;
                } else if ((w == "h1" || w == "h2" || w == "half" || w == "fy") && k + 1 < words.size()) {
                    std::size_t j = k + 1;
                    if (words[j] == "year" && j + 1 < words.size()) ++j;
                    if (words[j].size() == 4) {
                        if (auto y = year_of(words[j])) info.year = *y;
                    }
                } else if (w.starts_with("fy") && (w.size() == 4 || w.size() == 6)) {
                    if (auto y = year_of(w)) info.year = *y;
                } else if (w == "ending" && k + 2 < words.size() && month_number(words[k + 1]) && words[k + 2].size() == 4) {
                    if (auto y = year_of(words[k + 2])) info.year = *y;
                }
            }
        }
    }
    if (!info.date) {
        for (std::size_t i = 0; i < n && !info.date; ++i) {
            const auto line = trim(lines[i]);
            if (line.size() < 60) info.date = find_date(line);
        }
    }
    add_chinese_call_info(lines, info);
    return info;
}

namespace {

// Han numerals of a quarter: 一 二 三 四.
int chinese_quarter(std::string_view s) {
    if (s.starts_with("一") || s.starts_with("1")) return 1;
    if (s.starts_with("二") || s.starts_with("2")) return 2;
    if (s.starts_with("三") || s.starts_with("3")) return 3;
    if (s.starts_with("四") || s.starts_with("4")) return 4;
    return 0;
}

// The four digits ending right before byte `end`, as a plausible year.
std::optional<int> year_before(std::string_view s, std::size_t end) {
    if (end < 4) return std::nullopt;
    return plausible_year(s.substr(end - 4, 4));
}

// Digits starting at `at`; `len` receives how many.
int digits_at(std::string_view s, std::size_t at, std::size_t& len) {
    len = 0;
    int v = 0;
    while (at + len < s.size() && is_digit(s[at + len]) && len < 4) v = v * 10 + (s[at + len++] - '0');
    return v;
}

}  // namespace

void add_chinese_call_info(std::span<const std::string_view> lines, CallInfo& info) {
    const std::size_t n = std::min<std::size_t>(lines.size(), 20);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view line = trim(lines[i]);
        // "2024年第三季度", "2025年第一季度"; "2024年上半年" / "2024年年度" give the year alone.
        for (auto at = line.find("年"); at != std::string_view::npos; at = line.find("年", at + 3)) {
            const auto year = year_before(line, at);
            if (!year) continue;
            const std::string_view after = line.substr(at + 3);
            if (info.quarter == 0 && after.starts_with("第")) {
                const std::string_view q = after.substr(3);
                if (const int quarter = chinese_quarter(q); quarter && q.find("季") != std::string_view::npos) {
                    info.quarter = quarter;
                    info.year = *year;
                }
            }
            if (info.year == 0 && (after.starts_with("上半年") || after.starts_with("下半年") || after.starts_with("年度") ||
                                   after.starts_with("半年"))) {
                info.year = *year;
            }
            // "2024年11月12日"
            if (!info.date) {
                std::size_t len = 0;
                const int month = digits_at(after, 0, len);
                if (len > 0 && month >= 1 && month <= 12 && after.substr(len).starts_with("月")) {
                    std::size_t dlen = 0;
                    const int day = digits_at(after, len + 3, dlen);
                    if (dlen > 0 && day >= 1 && day <= 31 && after.substr(len + 3 + dlen).starts_with("日")) {
                        char buf[16];
                        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, month, day);
                        info.date = buf;
                    }
                }
            }
        }
        // "股票代码：688123", "证券代码：300888"
        for (std::string_view key : {"股票代码", "证券代码", "股票代碼", "證券代碼"}) {
            const auto at = line.find(key);
            if (at == std::string_view::npos || !info.ticker.empty()) continue;
            std::string_view rest = line.substr(at + key.size());
            if (rest.starts_with("：")) rest.remove_prefix(3);
            else if (rest.starts_with(":")) rest.remove_prefix(1);
            rest = trim(rest);
            std::size_t len = 0;
            while (len < rest.size() && (is_ascii_alnum(rest[len]) || rest[len] == '.')) ++len;
            if (len >= 4 && len <= 9) info.ticker = std::string(rest.substr(0, len));
        }
        // The company: a name ending in 股份有限公司 or 有限公司 (anywhere on a
        // short line), or in 集团 ending a word; never a sentence about "the company".
        if (info.company.empty() && line.size() <= 150) {
            for (std::string_view suffix : {"股份有限公司", "有限公司", "集团", "集團"}) {
                const auto at = line.find(suffix);
                if (at == std::string_view::npos || at == 0) continue;
                const std::size_t end = at + suffix.size();
                const bool strong = suffix.size() > 6;
                if (!strong && end < line.size() && line[end] != ' ') continue;
                std::size_t start = line.rfind(' ', at);
                start = start == std::string_view::npos ? 0 : start + 1;
                if (const auto colon = line.rfind("：", at); colon != std::string_view::npos && colon + 3 > start) start = colon + 3;
                const std::string_view name = line.substr(start, end - start);
                if (name.size() >= 9 && name.size() <= 90) info.company = std::string(name);
                break;
            }
        }
    }
}

void merge_call_sources(const CallInfo& title, const CallInfo& welcome, const CallInfo& file, CallInfo& call,
                        ParseNotes& notes) {
    auto pick = [](std::string& field, std::string& from, const std::string& value, const char* source) {
        if (field.empty() && !value.empty()) {
            field = value;
            from = source;
        }
    };
    pick(call.company, notes.company_from, title.company, "title block");
    pick(call.company, notes.company_from, welcome.company, "operator's welcome");
    pick(call.company, notes.company_from, file.company, "file name");
    pick(call.ticker, notes.ticker_from, title.ticker, "title block");
    pick(call.ticker, notes.ticker_from, file.ticker, "file name");
    for (const auto& [info, source] : {std::pair<const CallInfo&, const char*>{title, "title block"},
                                       std::pair<const CallInfo&, const char*>{file, "file name"},
                                       std::pair<const CallInfo&, const char*>{welcome, "operator's welcome"}}) {
        if (call.quarter == 0 && info.quarter != 0 && info.year != 0) {
            call.quarter = info.quarter;
            call.year = info.year;
            notes.quarter_from = notes.year_from = source;
        }
    }
    if (call.year == 0) {
        if (title.year != 0) {
            call.year = title.year;
            notes.year_from = "title block";
        } else if (file.year != 0) {
            call.year = file.year;
            notes.year_from = "file name";
        }
    }
    if (!call.date && title.date) {
        call.date = title.date;
        notes.date_from = "title block";
    } else if (!call.date && file.date) {
        call.date = file.date;
        notes.date_from = "file name";
    }
}

CallInfo call_info_from_file_name(std::string_view path) {
    CallInfo info;
    std::string_view name = path;
    if (const auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    // Every extension: "AAPL_Q3_2024.md.txt".
    if (const auto dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);

    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == '_' || name[i] == '-' || name[i] == ' ')) ++i;
        const std::size_t start = i;
        while (i < name.size() && name[i] != '_' && name[i] != '-' && name[i] != ' ') ++i;
        if (i > start) tokens.push_back(name.substr(start, i - start));
    }
    // "TranscriptFY21Q3": split off an embedded FYnnQn.
    std::vector<std::string_view> expanded;
    for (const auto t : tokens) {
        const std::string lowered = lower_ascii(t);
        const auto fy = lowered.find("fy");
        if (fy != std::string::npos && fy > 0 && fy + 2 < lowered.size() && is_digit(lowered[fy + 2])) {
            expanded.push_back(t.substr(0, fy));
            expanded.push_back(t.substr(fy));
        } else {
            expanded.push_back(t);
        }
    }
    tokens = std::move(expanded);

    std::vector<bool> used(tokens.size(), false);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string t = lower_ascii(tokens[k]);
        // "20150226"
        if (t.size() == 8 && all_digits(t)) {
            const auto y = plausible_year(t.substr(0, 4));
            const int m = to_int(t.substr(4, 2));
            const int d = to_int(t.substr(6, 2));
            if (y && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, m, d);
                info.date = buf;
                used[k] = true;
                continue;
            }
        }
        // "2018-Apr-26"
        if (t.size() == 4 && all_digits(t) && k + 2 < tokens.size() && month_number(tokens[k + 1]) &&
            all_digits(tokens[k + 2]) && tokens[k + 2].size() <= 2) {
            if (const auto y = plausible_year(t)) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, month_number(tokens[k + 1]), to_int(tokens[k + 2]));
                info.date = buf;
                used[k] = used[k + 1] = used[k + 2] = true;
                continue;
            }
        }
        // "FY21Q3", "Q3", "q2", "2018", "FY2021"
        if (t.starts_with("fy") && t.size() >= 4) {
            const auto q = t.find('q');
            const std::string_view ys = std::string_view(t).substr(2, (q == std::string::npos ? t.size() : q) - 2);
            if (auto y = year_of(ys)) {
                info.year = *y;
                used[k] = true;
                if (q != std::string::npos && q + 1 < t.size() && t[q + 1] >= '1' && t[q + 1] <= '4') info.quarter = t[q + 1] - '0';
            }
            continue;
        }
        std::size_t qused = 0;
        int qyear = 0;
        const std::vector<std::string> one = {t};
        if (const int q = quarter_at(one, 0, qused, qyear); q && !info.quarter) {
            info.quarter = q;
            if (qyear) info.year = qyear;
            used[k] = true;
            continue;
        }
        if (t.size() == 4 && all_digits(t) && !info.year) {
            if (const auto y = plausible_year(t)) {
                info.year = *y;
                used[k] = true;
            }
        }
    }
    if (info.quarter == 0 || info.year == 0) {
        // A quarter without a year (or the reverse) is not a call's name.
        if (info.quarter == 0) info.year = 0;
        if (info.year == 0) info.quarter = 0;
    }
    // Ticker: a lone upper-case (or short lower-case, or numeric) token next
    // to the quarter, year or date tokens; company: a run of words with
    // lower-case letters ("Q3_2022_Equinix_Inc_Earnings_Call").
    const bool dated = info.quarter != 0 || info.date.has_value();
    if (!dated) return CallInfo{};
    static const std::string_view kNoise[] = {"earnings", "call", "transcript", "conference", "text", "clean",
                                              "final", "edited", "raw", "results", "presentation"};
    auto noise = [&](std::string_view t) {
        const std::string lowered = lower_ascii(t);
        return std::find(std::begin(kNoise), std::end(kNoise), lowered) != std::end(kNoise);
    };
    std::vector<std::string_view> company;
    bool mixed_case = false;
    std::optional<std::size_t> ticker_at;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (used[k]) continue;
        if (noise(tokens[k])) {
            if (!company.empty()) break;
            continue;
        }
        const bool near = (k > 0 && used[k - 1]) || (k + 1 < tokens.size() && used[k + 1]);
        const bool upper = ticker_like(tokens[k]) && tokens[k].size() <= 5;
        const bool digits = tokens[k].size() >= 4 && tokens[k].size() <= 6 && all_digits(tokens[k]);
        const bool lower_short = tokens[k].size() <= 4 && std::all_of(tokens[k].begin(), tokens[k].end(), is_lower);
        if (near && !ticker_at && (upper || digits || lower_short)) ticker_at = k;
        if (is_upper(tokens[k].front()) || is_digit(tokens[k].front())) {
            company.push_back(tokens[k]);
            if (std::any_of(tokens[k].begin(), tokens[k].end(), is_lower)) mixed_case = true;
        }
    }
    if (mixed_case && company.size() >= 2 && info.quarter != 0) {
        info.company = join(company, " ");
    } else if (ticker_at) {
        info.ticker = std::string(tokens[*ticker_at]);
        for (char& c : info.ticker) c = is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return info;
}

}  // namespace callsearch
