#pragma once
// Call metadata: company, ticker, quarter, fiscal year and date.
// The Motley Fool pages state them in a header block:
//   Aurora Mobile Ltd (JG)
//   Q2 2021 Earnings Call
//   Sep 09, 2021, 7:30 a.m. ET
// The bilingual layout only has the operator's welcome
//   "... welcome to the Aurora Mobile Second Quarter 2023 Earnings Conference Call."

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/transcript.h"

namespace callsearch {

struct CompanyTicker {
    std::string company;  // "Aurora Mobile Ltd"
    std::string ticker;   // "JG"
};

struct QuarterYear {
    int quarter = 0;  // 1-4
    int year = 0;
};

// "Aurora Mobile Ltd (JG)" -> {Aurora Mobile Ltd, JG}; the ticker is 1-10
// upper-case letters, digits, '.' or '-'.
[[nodiscard]] std::optional<CompanyTicker> parse_company_line(std::string_view line);

// "Q2 2021 Earnings Call" -> {2, 2021}.
[[nodiscard]] std::optional<QuarterYear> parse_earnings_call_line(std::string_view line);

// "Sep 09, 2021, 7:30 a.m. ET" -> "2021-09-09"; month names full or
// abbreviated. nullopt when the line is not a date.
[[nodiscard]] std::optional<std::string> parse_call_date(std::string_view line);

// Company, ticker, quarter, year and date from the lines before the first
// turn of a Motley Fool page. Fields the lines do not give stay empty / 0.
// source_path and layout are left for the caller.
[[nodiscard]] CallInfo call_info_from_header(std::span<const std::string_view> lines);

// Company, quarter and year from an operator's welcome ("welcome to the
// Aurora Mobile Second Quarter 2023 Earnings Conference Call" -> Aurora
// Mobile, 2, 2023). Fields the text does not give stay empty / 0; the
// ticker and date are never set (the welcome does not say them).
[[nodiscard]] CallInfo call_info_from_welcome(std::string_view text);

}  // namespace callsearch
