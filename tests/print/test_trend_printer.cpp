#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "analyze/script.h"
#include "print/trend_printer.h"

using namespace callsearch;

namespace {

TrendTable quarters() {
    TrendTable t;
    t.spec = {{TrendKey::Quarter}};
    t.rows = {{{trend_value(TrendKey::Quarter, "", 2021, 2)}, 30, 10, 20},
              {{trend_value(TrendKey::Quarter, "", 2021, 3)}, 5, 4, 40},
              {{trend_value(TrendKey::Quarter, "", 2021, 4)}, 0, 0, 12}};
    t.passages = 35;
    t.calls = 14;
    t.calls_allowed = 72;
    return t;
}

std::size_t code_points(const std::string& s) { return analyze::to_utf32(s).size(); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("trend JSON: the bucket's label and keys by name, then the counts") {
    const TrendTable t = quarters();
    const auto j = nlohmann::ordered_json::parse(format_trend_json_row(t.spec, t.rows[0]));
    CHECK(j.dump() ==
          R"x({"bucket":"2021 Q2","year":2021,"quarter":2,"passages":30,"calls":10,"calls_in_bucket":20,"per_call":1.5})x");
    const TrendSpec by_company{{TrendKey::Company, TrendKey::Year}};
    const TrendRow unknown{{trend_value(TrendKey::Company, ""), trend_value(TrendKey::Year, "", 0)}, 1, 1, 0};
    CHECK(format_trend_json_row(by_company, unknown) ==
          R"x({"bucket":"(unknown) · (unknown)","company":null,"year":null,"passages":1,"calls":1,"calls_in_bucket":0,"per_call":null})x");
    CHECK(trend_columns(by_company) ==
          std::vector<std::string>{"bucket", "company", "year", "passages", "calls", "calls_in_bucket", "per_call"});
    CHECK(trend_columns(t.spec) ==
          std::vector<std::string>{"bucket", "year", "quarter", "passages", "calls", "calls_in_bucket", "per_call"});
}

TEST_CASE("trend chart: every line fits the width; bars scale to the largest per-call value") {
    for (const std::size_t width : {50u, 64u, 80u, 132u}) {
        CAPTURE(width);
        const std::string chart = format_trend_chart(quarters(), "inflation", width);
        const auto lines = lines_of(chart);
        // The header says what was counted.
        CHECK(chart.find("'inflation' by quarter") == 0);
        CHECK(chart.find("35 matching passages") != std::string::npos);
        for (const std::string& line : lines) {
            CAPTURE(line);
            CHECK(code_points(line) <= width);
        }
        // 2021 Q2 (1.50 per call) has the longest bar, all full blocks; 2021 Q4 none.
        const auto row = [&](const char* label) {
            for (const std::string& line : lines) {
                if (line.rfind(label, 0) == 0) return line;
            }
            return std::string();
        };
        const std::string q2 = row("2021 Q2");
        const std::string q4 = row("2021 Q4");
        CHECK(q2.find("2021 Q2") == 0);
        CHECK(q2.find("1.50") != std::string::npos);
        CHECK(q2.find("10/20") != std::string::npos);
        CHECK(q4.find("\u2588") == std::string::npos);
        CHECK(q4.find("0.00") != std::string::npos);
    }
}

TEST_CASE("trend chart: eighth blocks give the fraction of a cell") {
    // 0.125 per call against a largest 1.5 over a bar of b cells: b/12 cells.
    TrendTable t = quarters();
    t.rows[1] = {{trend_value(TrendKey::Quarter, "", 2021, 3)}, 5, 4, 40};
    const std::string chart = format_trend_chart(t, "x", 80);
    const auto lines = lines_of(chart);
    std::string q3;
    for (const std::string& line : lines) {
        if (line.rfind("2021 Q3", 0) == 0) q3 = line;
    }
    const bool eighth = q3.find("\u258f") != std::string::npos || q3.find("\u258e") != std::string::npos ||
                        q3.find("\u258d") != std::string::npos || q3.find("\u258c") != std::string::npos ||
                        q3.find("\u258b") != std::string::npos || q3.find("\u258a") != std::string::npos ||
                        q3.find("\u2589") != std::string::npos || q3.find("\u2588") != std::string::npos;
    CHECK(eighth);
    CHECK(q3.find("0.12") != std::string::npos);
}

TEST_CASE("trend chart: no rows says so") {
    TrendTable t;
    t.spec = {{TrendKey::Year}};
    CHECK(format_trend_chart(t, "zyxwvutsr", 80).find("no matching passages") != std::string::npos);
}
