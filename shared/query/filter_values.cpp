#include "query/filter_values.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>
#include <vector>

#include "parse/roles.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

constexpr std::array<std::pair<std::string_view, Field>, 10> kFieldNames = {{
    {"speaker", Field::Speaker}, {"role", Field::Role},       {"company", Field::Company},
    {"ticker", Field::Ticker},   {"year", Field::Year},       {"quarter", Field::Quarter},
    {"lang", Field::Lang},       {"section", Field::Section}, {"call", Field::Call},
    {"date", Field::Date},
}};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::optional<int> parse_int(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}

Xapian::Query all_of(const std::vector<std::string>& terms) {
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

QueryError bad_value(Field field, std::string_view value, std::string_view expected) {
    return QueryError(std::string("invalid ") + field_name(field) + " '" + std::string(value) + "': expected " +
                      std::string(expected));
}

Xapian::Query speaker_query(std::string_view value) {
    const std::string full = schema::normalize_name(value);
    if (full.empty()) throw bad_value(Field::Speaker, value, "a name");
    const std::string prefix(schema::kSpeakerPrefix);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < full.size()) {
        const std::size_t space = std::min(full.find(' ', start), full.size());
        words.push_back(prefix + full.substr(start, space - start));
        start = space + 1;
    }
    // The full name is one term; so is each word of it, so several words
    // ("Kelly Wall" for "C. Kelly Wall") can match as a conjunction.
    if (words.size() == 1) return Xapian::Query(words[0]);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(prefix + full), all_of(words));
}

Xapian::Query year_query(std::string_view value) {
    const auto dots = value.find("..");
    const auto first = parse_int(value.substr(0, dots));
    const auto last = dots == std::string_view::npos ? first : parse_int(value.substr(dots + 2));
    if (!first || !last || *first < 1900 || *last > 2200 || *first > *last || *last - *first > 300) {
        throw bad_value(Field::Year, value, "a year such as 2021 or a range such as 2020..2021");
    }
    std::vector<std::string> terms;
    for (int y = *first; y <= *last; ++y) terms.push_back(schema::year_term(y));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// A real calendar date written YYYY-MM-DD, the form the index stores
// (schema::kSlotDate), so that string order is date order.
bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const auto year = parse_int(s.substr(0, 4));
    const auto month = parse_int(s.substr(5, 2));
    const auto day = parse_int(s.substr(8, 2));
    if (!year || !month || !day || *year < 1900 || *month < 1 || *month > 12 || *day < 1) return false;
    constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    const int days = *month == 2 && !leap ? 28 : kDays[*month - 1];
    return *day <= days;
}

Xapian::Query date_query(std::string_view value) {
    const auto dots = value.find("..");
    const std::string_view first = value.substr(0, dots);
    const std::string_view last = dots == std::string_view::npos ? first : value.substr(dots + 2);
    const bool first_ok = first.empty() || is_iso_date(first);
    const bool last_ok = last.empty() || is_iso_date(last);
    if (!first_ok || !last_ok || (first.empty() && last.empty()) || (!first.empty() && !last.empty() && first > last)) {
        throw bad_value(Field::Date, value,
                        "a date YYYY-MM-DD such as 2021-09-09, or a range such as 2021-01-01..2021-12-31");
    }
    // A call without a date has no value in the slot, which no range matches.
    if (first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, std::string(last));
    if (last.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string(first));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, std::string(first), std::string(last));
}

}  // namespace

std::optional<Field> field_from_name(std::string_view name) {
    const std::string lowered = lower_ascii(name);
    for (const auto& [text, field] : kFieldNames) {
        if (lowered == text) return field;
    }
    return std::nullopt;
}

const char* field_name(Field field) {
    for (const auto& [text, f] : kFieldNames) {
        if (f == field) return text.data();
    }
    return "field";
}

Xapian::Query filter_query(const FilterSpec& filter) {
    const std::string value = trimmed(filter.value);
    if (value.empty()) throw QueryError(std::string("empty value for ") + field_name(filter.field));
    const std::string lowered = lower_ascii(value);
    switch (filter.field) {
    case Field::Speaker:
        return speaker_query(value);
    case Field::Role: {
        const auto role = role_from_query(value);
        if (!role) {
            throw bad_value(Field::Role, value,
                            "a role such as ceo, cfo, coo, cto, president, chairman, ir, gm, analyst, operator, "
                            "executive (or its title, in English or Chinese)");
        }
        return Xapian::Query(schema::role_term(*role));
    }
    case Field::Company: {
        const auto terms = schema::company_terms(value);
        if (terms.empty()) throw bad_value(Field::Company, value, "a company name");
        return all_of(terms);
    }
    case Field::Ticker:
        return Xapian::Query(schema::ticker_term(value));
    case Field::Year:
        return year_query(lowered);
    case Field::Quarter: {
        const std::string_view digits = lowered[0] == 'q' ? std::string_view(lowered).substr(1) : lowered;
        const auto q = parse_int(digits);
        if (!q || *q < 1 || *q > 4) throw bad_value(Field::Quarter, value, "1-4 or Q1-Q4");
        return Xapian::Query(schema::quarter_term(*q));
    }
    case Field::Lang:
        if (lowered == "en" || lowered == "english") return Xapian::Query(schema::lang_term(Lang::En));
        if (lowered == "zh" || lowered == "chinese" || value == "中文") return Xapian::Query(schema::lang_term(Lang::Zh));
        throw bad_value(Field::Lang, value, "en or zh");
    case Field::Section:
        if (lowered == "prepared" || lowered == "prepared remarks" || lowered == "remarks") {
            return Xapian::Query(schema::section_term(Section::Prepared));
        }
        if (lowered == "qa" || lowered == "q&a" || lowered == "questions" || lowered == "questions and answers" ||
            lowered == "questions & answers") {
            return Xapian::Query(schema::section_term(Section::QA));
        }
        throw bad_value(Field::Section, value, "prepared or qa");
    case Field::Call:
        return Xapian::Query(schema::call_term(lowered));
    case Field::Date:
        return date_query(lowered);
    }
    throw QueryError("unknown field");
}

}  // namespace callsearch
