#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "print/json_printer.h"
#include "support/sample_hit.h"

using namespace callsearch;

namespace {

// The analyst's question, ranked third.
Hit sample_hit() { return test_support::hit_of(test_support::analyst_paragraph(), 3, 1.5); }

}  // namespace

TEST_CASE("a JSON hit is one line holding every documented field with its type") {
    const std::string line = format_json_hit(sample_hit(), {{17, 21}});
    CHECK(line.find('\n') == std::string::npos);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["rank"] == 3);
    CHECK(j["score"] == 1.5);
    CHECK(j["file"] == "/c/003.txt");
    CHECK(j["company"] == "Aurora Mobile Ltd");
    CHECK(j["ticker"] == "JG");
    CHECK(j["year"] == 2021);
    CHECK(j["quarter"] == 2);
    CHECK(j["date"] == "2021-09-09");
    CHECK(j["speaker"] == "Ryan Roberts");
    CHECK(j["title"] == "Navis Capital -- Analyst");
    CHECK(j["roles"] == nlohmann::json::array({"analyst"}));
    CHECK(j["section"] == "qa");
    CHECK(j["lang"] == "en");
    CHECK(j["text"] == sample_hit().paragraph.text);
    CHECK(j["translation"].is_null());
    CHECK(j["turn"] == 12);
    CHECK(j["paragraph"] == 1);
    CHECK(j["highlights"] == nlohmann::json::array({nlohmann::json::array({17, 21})}));
}

TEST_CASE("unknown values are null in JSON, not empty strings or zeros") {
    Hit hit = sample_hit();
    hit.paragraph.ticker.clear();
    hit.paragraph.date.reset();
    hit.paragraph.year = 0;
    const auto j = nlohmann::json::parse(format_json_hit(hit, {}));
    CHECK(j["ticker"].is_null());
    CHECK(j["date"].is_null());
    CHECK(j["year"].is_null());
}
