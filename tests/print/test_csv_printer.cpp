#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "print/csv_printer.h"
#include "print/json_printer.h"
#include "support/sample_hit.h"

using namespace callsearch;

TEST_CASE("CSV hit columns: every JSON field of a hit, in the JSON order, objects flattened") {
    const Hit hit = test_support::hit_of(test_support::analyst_paragraph(), 3, 1.5);
    const auto json = nlohmann::ordered_json::parse(format_json_hit(hit, {{17, 21}}));
    std::vector<std::string> flattened;
    for (const auto& [name, value] : json.items()) {
        if (name == "question") {
            for (const char* q : {"speaker", "firm", "text"}) flattened.push_back(std::string("question.") + q);
        } else {
            flattened.push_back(name);
        }
    }
    CHECK(csv_hit_columns(false) == flattened);
    std::vector<std::string> per_call = flattened;
    per_call.push_back("call_matches");
    CHECK(csv_hit_columns(true) == per_call);
}

TEST_CASE("CSV cells: scalars as JSON writes them, arrays joined, spans as start-end, null empty") {
    const auto object = nlohmann::json::parse(
        R"({"rank":3,"score":1.5,"roles":["chairman","ceo"],"highlights":[[0,5],[17,29]],"ticker":null,)"
        R"("question":{"speaker":"Ryan Roberts","firm":null},"text":"a, \"b\""})");
    struct Case {
        const char* column;
        const char* cell;
    };
    const Case cases[] = {
        {"rank", "3"},          {"score", "1.5"},           {"roles", "chairman; ceo"},
        {"highlights", "0-5; 17-29"}, {"ticker", ""},       {"question.speaker", "Ryan Roberts"},
        {"question.firm", ""},  {"question.text", ""},      {"text", "a, \"b\""},
        {"missing", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.column);
        CHECK(csv_cells(object, {c.column}) == std::vector<std::string>{c.cell});
    }
    const auto no_question = nlohmann::json::parse(R"({"question":null})");
    CHECK(csv_cells(no_question, {"question.speaker"}) == std::vector<std::string>{""});
}

TEST_CASE("a CSV hit is one row, quoted where needed, ending in CRLF") {
    Hit hit = test_support::hit_of(test_support::analyst_paragraph(), 3, 1.5);
    const std::string row = format_csv_hit(hit, {{17, 21}}, false);
    CHECK(row.substr(0, 26) == "3,1.5,/c/003.txt,jg_q2_202");
    CHECK(row.size() >= 2);
    CHECK(row.substr(row.size() - 2) == "\r\n");
    // The text holds quotes and a newline: one quoted field.
    CHECK(row.find("\"What's the current ad load \"\"looking\"\" like?\n\"") != std::string::npos);
    CHECK(row.find(",Navis Capital -- Analyst,analyst,Navis Capital,qa,en,12,1,1,1,") != std::string::npos);
}
