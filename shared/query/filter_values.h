#pragma once
// Filter fields as users write them (`--role CFO`, `speaker:"Fei Chen"`,
// `quarter:Q2`) -> boolean Xapian queries over the schema's filter terms.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

namespace callsearch {

// A query the user must fix. The message says what is wrong with it.
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Field { Speaker, Role, Company, Ticker, Year, Quarter, Lang, Section, Call, Date };

// "speaker", "role", ... (case-insensitive); nullopt for anything else.
[[nodiscard]] std::optional<Field> field_from_name(std::string_view name);
[[nodiscard]] const char* field_name(Field field);

struct FilterSpec {
    Field field;
    std::string value;
};

// Throws QueryError for a value the field cannot take (unknown role, year "20x1").
// Speaker: full name or any single word of it; several words must all be in
// the name. Company: every word must be in the company name. Year: "2021" or
// a range "2020..2021". Quarter: "2" or "Q2". Lang: en|zh (english, chinese).
// Section: prepared|qa (also "q&a", "questions", "prepared remarks").
// Date: the call date, "2021-09-09", or an inclusive range "2021-01-01..2021-12-31"
// with either end left open ("2021-01-01.." is --since, "..2021-12-31" --until);
// calls without a date never match.
[[nodiscard]] Xapian::Query filter_query(const FilterSpec& filter);

}  // namespace callsearch
