#pragma once
// RFC 4180 output for spreadsheets (`searcher --csv`, README.md "CSV"):
// fields separated by ',', rows ended by CRLF; a field holding a comma, a
// double quote, CR or LF is enclosed in double quotes, its quotes doubled.
// Other fields are written as they are (no quotes), so numbers stay numbers.

#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

[[nodiscard]] std::string csv_field(std::string_view value);
// The fields as one row, CRLF included.
[[nodiscard]] std::string csv_row(const std::vector<std::string>& fields);

}  // namespace callsearch
