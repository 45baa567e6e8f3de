#include <doctest/doctest.h>

#include <string>

#include "read/json_reader.h"
#include "read/source_file.h"

using namespace callsearch;

namespace {

std::string refusal(const std::string& bytes) {
    try {
        (void)read_json_calls(bytes);
    } catch (const InputError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("json: calls nested by year and quarter inherit the metadata met on the way down -- turn lists win over the string") {
    // The shape of API Ninjas responses gathered by a script.
    const std::string bytes = R"({"2025": {"Q1": [
      {"ticker": "A", "sector": "Health Care", "year": 2025, "quarter": 1,
       "transcript": {"date": "2025-02-26",
                      "transcript": "Operator: Good afternoon.\nParmeet Ahuja: Thank you, Regina.",
                      "transcript_split": [{"speaker": "Operator", "text": "Good afternoon."},
                                           {"speaker": "Brandon Couillard ", "text": "Thanks."}]}},
      {"ticker": "AAPL", "year": 2025, "quarter": 1,
       "transcript": {"date": "2025-01-30", "transcript": "Tim Cook: Thank you, Suhasini."}}]}})";
    const auto calls = read_json_calls(bytes);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].ticker == "A");
    CHECK(calls[0].quarter == 1);
    CHECK(calls[0].year == 2025);
    CHECK(calls[0].date == "2025-02-26");
    REQUIRE(calls[0].turns.size() == 2);
    CHECK(calls[0].turns[1].speaker == "Brandon Couillard ");
    CHECK(calls[0].turns[1].paragraphs == std::vector<std::string>{"Thanks."});
    CHECK(calls[1].ticker == "AAPL");
    CHECK(calls[1].turns.empty());
    CHECK(calls[1].body == "Tim Cook: Thank you, Suhasini.");
}

TEST_CASE("json: prepared remarks and Q&A lists become sections -- participants as Name--Title strings") {
    // The shape of a Motley Fool page scraped into JSON.
    const std::string bytes = R"({
      "header_texts": ["Contents:", "Prepared Remarks:"],
      "prepared_remarks": [{"speaker": "Operator", "speech": "Good morning.\nWelcome to the ADM call."}],
      "q_and_a": [{"speaker": "Ken Zaslow", "speech": "Hey, good morning."}],
      "participants": ["Victoria de la Huerga--Vice President, Investor Relations",
                       "Ken Zaslow--Bank of Montreal -- Analyst"]})";
    const auto calls = read_json_calls(bytes);
    REQUIRE(calls.size() == 1);
    REQUIRE(calls[0].turns.size() == 2);
    CHECK_FALSE(calls[0].turns[0].qa);
    CHECK(calls[0].turns[0].paragraphs == std::vector<std::string>{"Good morning.", "Welcome to the ADM call."});
    CHECK(calls[0].turns[1].qa);
    REQUIRE(calls[0].participants.size() == 2);
    CHECK(calls[0].participants[0].name == "Victoria de la Huerga");
    CHECK(calls[0].participants[0].title == "Vice President, Investor Relations");
    CHECK(calls[0].participants[1].title == "Bank of Montreal -- Analyst");
}

TEST_CASE("json: field names are matched by the table, ignoring case, '_' and '-'") {
    struct Case {
        std::string bytes;
        std::string company, ticker, date;
        int quarter, year;
    };
    const std::vector<Case> cases = {
        {R"([{"symbol":"MSFT","quarter":3,"year":2018,"date":"2018-04-26 17:00:00","content":"Satya Nadella: Thanks."}])",
         "", "MSFT", "2018-04-26", 3, 2018},
        {R"({"Company_Name":"Agilent","Fiscal-Quarter":"Q1","fiscalYear":"FY2025","callDate":"2025-02-26T21:30:00Z","Text":"A: b"})",
         "Agilent", "", "2025-02-26", 1, 2025},
        {R"({"company":"Citi","period":"1Q23","turns":[{"name":"Jane Fraser","utterance":"Hello.","role":"CEO"}]})",
         "Citi", "", "", 0, 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.bytes);
        const auto calls = read_json_calls(c.bytes);
        REQUIRE(calls.size() == 1);
        CHECK(calls[0].company == c.company);
        CHECK(calls[0].ticker == c.ticker);
        CHECK(calls[0].date == c.date);
        CHECK(calls[0].quarter == c.quarter);
        CHECK(calls[0].year == c.year);
    }
    const auto calls = read_json_calls(cases[2].bytes);
    REQUIRE(calls[0].turns.size() == 1);
    CHECK(calls[0].turns[0].title == "CEO");
}

TEST_CASE("json: participants as objects carry firm and title") {
    const auto calls = read_json_calls(
        R"({"content":"Operator: Hi.","participants":[{"name":"Erik Woodring","company":"Morgan Stanley","title":"Analyst"},{"name":"Tim Cook","role":"CEO"}]})");
    REQUIRE(calls.size() == 1);
    REQUIRE(calls[0].participants.size() == 2);
    CHECK(calls[0].participants[0].title == "Morgan Stanley -- Analyst");
    CHECK(calls[0].participants[1].title == "CEO");
}

TEST_CASE("json: JSON Lines hold one call a line") {
    const auto calls = read_json_calls(
        "{\"ticker\":\"A\",\"content\":\"Operator: One.\"}\n\n{\"ticker\":\"B\",\"content\":\"Operator: Two.\"}\n");
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].ticker == "A");
    CHECK(calls[1].ticker == "B");
}

TEST_CASE("json: what is refused, and why") {
    CHECK(refusal("{\"ticker\": \"A\", ").find("not valid JSON") == 0);
    CHECK(refusal("{\"ticker\": \"A\", \"sector\": \"Tech\"}").find("JSON holds no transcript") == 0);
    CHECK(refusal("[]").find("JSON holds no transcript") == 0);
    CHECK(refusal("{\"content\": \"   \"}").find("JSON holds no transcript") == 0);
    // Invalid UTF-8 inside a string is not JSON.
    CHECK(refusal("{\"content\": \"Operator: caf\xE9\"}").find("not valid JSON") == 0);
    // Found by fuzzing: a number beyond any type is refused, not thrown through.
    CHECK(refusal("[{\"year\": 2e6666666666666, \"content\": \"A: b\"}]").find("not usable JSON") == 0);
}

TEST_CASE("json: deep nesting and huge value counts are refused while parsing") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK(refusal(deep).find("nested deeper than") != std::string::npos);
    const std::string deep_objects = [] {
        std::string s;
        for (int i = 0; i < 10'000; ++i) s += "{\"a\":";
        s += "1";
        for (int i = 0; i < 10'000; ++i) s += "}";
        return s;
    }();
    CHECK(refusal(deep_objects).find("nested deeper than") != std::string::npos);
    std::string many = "[";
    for (std::size_t i = 0; i <= kMaxJsonValues; ++i) many += "0,";
    many += "0]";
    CHECK(refusal(many).find("more than") != std::string::npos);
}
