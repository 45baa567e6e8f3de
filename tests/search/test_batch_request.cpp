// A batch line -> a request: the two input forms, the command line as
// defaults, and what makes a line an error rather than a query.
#include <doctest/doctest.h>

#include <string>

#include "search/batch_request.h"

using namespace callsearch;

TEST_SUITE("search") {

namespace {

const std::vector<FilterSpec> kDefaults = {{Field::Role, "cfo"}, {Field::Lang, "en"}};
MatchOptions default_match() {
    MatchOptions m;
    m.limit = 5;
    m.offset = 2;
    m.sort = SortOrder::Newest;
    return m;
}

BatchLine parsed(const std::string& line, std::size_t number = 3) {
    auto out = parse_batch_line(line, number, kDefaults, default_match());
    REQUIRE(out.has_value());
    return *out;
}

}  // namespace

TEST_CASE("batch request: blank lines are skipped") {
    for (const char* line : {"", "   ", "\t\r"}) CHECK_FALSE(parse_batch_line(line, 1, kDefaults, default_match()));
}

TEST_CASE("batch request: a plain line is a query in the searcher's syntax, named by its line number") {
    const BatchLine l = parsed("  speaker:Bong \"ad load\" -covid \r", 12);
    CHECK(l.error.empty());
    CHECK(l.request.id_json == "12");
    CHECK(l.request.query == "speaker:Bong \"ad load\" -covid");
    CHECK(l.request.filters.size() == 2);
    CHECK(l.request.match.limit == 5);
    CHECK(l.request.match.offset == 2);
    CHECK(l.request.match.sort == SortOrder::Newest);
}

TEST_CASE("batch request: a JSON object overrides the defaults it names and keeps the others") {
    const BatchLine l = parsed(
        R"({"id":"acme-q2","query":"guidance","limit":3,"offset":0,"sort":"relevance",)"
        R"("filters":{"role":"ceo","year":2021}})");
    REQUIRE(l.error.empty());
    CHECK(l.request.id_json == "\"acme-q2\"");
    CHECK(l.request.query == "guidance");
    CHECK(l.request.match.limit == 3);
    CHECK(l.request.match.offset == 0);
    CHECK(l.request.match.sort == SortOrder::Relevance);
    // role replaced, lang kept, year added (a number becomes its text)
    REQUIRE(l.request.filters.size() == 3);
    CHECK(l.request.filters[0].field == Field::Lang);
    CHECK(l.request.filters[1].field == Field::Role);
    CHECK(l.request.filters[1].value == "ceo");
    CHECK(l.request.filters[2].field == Field::Year);
    CHECK(l.request.filters[2].value == "2021");
}

TEST_CASE("batch request: ids keep their JSON form, without one the line number stands in") {
    CHECK(parsed(R"({"id":17,"query":"x"})").request.id_json == "17");
    CHECK(parsed(R"({"id":null,"query":"x"})").request.id_json == "null");
    CHECK(parsed(R"({"query":"x"})", 9).request.id_json == "9");
    CHECK(parsed(R"({"id":"say \"hi\"","query":"x"})").request.id_json == R"("say \"hi\"")");
}

TEST_CASE("batch request: a JSON line that cannot be run is an error naming what is wrong") {
    const struct {
        const char* line;
        const char* error_part;
        const char* id_json;
    } cases[] = {
        {R"({"query": "x")", "not a JSON object", "3"},
        {R"({"id":"a","query":7})", "\"query\" must be a string", "\"a\""},
        {R"({"id":"b","limit":0})", "\"limit\" must be an integer from 1", "\"b\""},
        {R"({"limit":"10"})", "\"limit\" must be an integer", "3"},
        {R"({"offset":-1})", "\"offset\" must be an integer from 0", "3"},
        {R"({"sort":"best"})", "\"sort\" must be", "3"},
        {R"({"filters":["role","cfo"]})", "\"filters\" must be an object", "3"},
        {R"({"filters":{"colour":"red"}})", "unknown filter \"colour\"", "3"},
        {R"({"filters":{"year":2021.5}})", "filter \"year\" must be a string or an integer", "3"},
        {R"({"id":"c","qurey":"x"})", "unknown key \"qurey\"", "\"c\""},
        {R"({"id":[1],"query":"x"})", "\"id\" must be a string or a number", "3"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        const BatchLine l = parsed(c.line);
        CHECK(l.error.find(c.error_part) != std::string::npos);
        CHECK(l.request.id_json == c.id_json);
    }
}

}  // TEST_SUITE
