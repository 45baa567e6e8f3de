#include <doctest/doctest.h>

#include "query/filter_values.h"

using namespace callsearch;

namespace {
std::string describe(Field f, const char* v) { return filter_query({f, v}).get_description(); }
}  // namespace

TEST_CASE("filter values map to the schema's terms") {
    struct Case {
        Field field;
        const char* value;
        const char* contains;
    };
    const Case cases[] = {
        {Field::Role, "CFO", "XRcfo"},
        {Field::Role, "Chief Financial Officer", "XRcfo"},
        {Field::Role, "財務長", "XRcfo"},
        {Field::Speaker, "Bong", "XPbong"},
        {Field::Speaker, "Fei Chen", "XPfei chen"},
        {Field::Company, "Aurora Mobile", "XCmobile"},
        {Field::Ticker, "JG", "XTjg"},
        {Field::Year, "2023", "XY2023"},
        {Field::Year, "2020..2021", "XY2021"},
        {Field::Quarter, "Q2", "XQ2"},
        {Field::Quarter, "3", "XQ3"},
        {Field::Lang, "zh", "XLzh"},
        {Field::Lang, "English", "XLen"},
        {Field::Section, "Q&A", "XSqa"},
        {Field::Section, "prepared", "XSprepared"},
        {Field::Call, "JG_Q2_2021", "XKjg_q2_2021"},
    };
    for (const Case& c : cases) {
        INFO(c.value);
        CHECK(describe(c.field, c.value).find(c.contains) != std::string::npos);
    }
}

TEST_CASE("values a field cannot take are refused with what it expects") {
    struct Case {
        Field field;
        const char* value;
    };
    const Case cases[] = {
        {Field::Role, "janitor"}, {Field::Year, "20x1"}, {Field::Year, "2022..2020"}, {Field::Quarter, "Q5"},
        {Field::Quarter, "0"},    {Field::Lang, "fr"},   {Field::Section, "intro"},   {Field::Speaker, "  "},
    };
    for (const Case& c : cases) {
        INFO(c.value);
        CHECK_THROWS_AS((void)filter_query({c.field, c.value}), QueryError);
    }
}

TEST_CASE("field names are recognized case-insensitively") {
    CHECK(field_from_name("Speaker") == Field::Speaker);
    CHECK(field_from_name("ROLE") == Field::Role);
    CHECK(!field_from_name("http"));
}
