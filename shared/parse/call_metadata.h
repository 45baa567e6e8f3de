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

// The fiscal quarter and year a call title names, in any vendor's style:
// "Q1 2016", "Q3 FY2018", "FY24 Fourth Quarter", "fourth-quarter 2023",
// "3Q23", "1Q 2023", "Q3 Fiscal Year 2025", "fiscal 2019 first quarter".
// nullopt unless both are there.
[[nodiscard]] std::optional<QuarterYear> find_quarter_year(std::string_view text);

// The first date in the text: "APRIL 21, 2016", "Dec. 21, 2022", "Tuesday,
// April 27, 2021", "21 April 2016", "2025-07-31" -> ISO "YYYY-MM-DD".
[[nodiscard]] std::optional<std::string> find_date(std::string_view text);

// Company, ticker, quarter, year and date from the title block of any layout
// (the lines before the first turn): "Q1 2016 Advanced Micro Devices Inc
// Earnings Call", "Microsoft Corp. (NASDAQ:MSFT) Q3 2018 Earnings Call April
// 26, 2018", "Microsoft FY24 Fourth Quarter Earnings Conference Call",
// "ASML HOLDING NV(ASML2.17%)Q2 2021 Earnings CallJul 21, 2021", markdown
// fields ("**Company:** ...", "**Date:** ..."). A title wrapped over two
// lines is read joined. Fields not found stay empty / 0.
[[nodiscard]] CallInfo call_info_from_title_block(std::span<const std::string_view> lines);

// The same fields from the title block of a Chinese call ("华辰新能源科技股份有限公司",
// "2024年第三季度业绩电话会议", "2024年11月12日", "证券代码：300888"); fills only
// what `info` lacks.
void add_chinese_call_info(std::span<const std::string_view> lines, CallInfo& info);

// The call's fields from the sources a file offers, each field from the first
// that gives it: the company from the title block, then the operator's
// welcome, then the file name; the ticker and date from the title block, then
// the file name; quarter and year together from the title block, then the file
// name, then the welcome (which transcribes what was said: misspoken years
// happen), else the year alone (a half-year call). `notes` records each
// field's source. Fields `call` already holds are kept.
void merge_call_sources(const CallInfo& title, const CallInfo& welcome, const CallInfo& file, CallInfo& call,
                        ParseNotes& notes);

// What a file name says: "2018-Apr-26-MSFT.txt" (date, ticker),
// "Q3_2022_Equinix_Inc_Earnings_Call.txt" (quarter, year, company),
// "CT_KO_2018_q2.txt", "AAPL_q3_2023.txt" (ticker, quarter, year),
// "TranscriptFY21Q3.txt", "20150226_ADSK_text.txt" (date, ticker).
[[nodiscard]] CallInfo call_info_from_file_name(std::string_view path);

}  // namespace callsearch
