#include <doctest/doctest.h>

#include <algorithm>

#include "schema/filter_terms.h"

using namespace callsearch;

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("speaker names normalize the same however they are typed") {
    struct Case {
        const char* typed;
        const char* normalized;
    };
    const Case cases[] = {
        {"Fei Chen", "fei chen"},         {"FEI  CHEN", "fei chen"}, {" fei chen ", "fei chen"},
        {"C. Kelly Wall", "c kelly wall"}, {"Shan-Nen Bong", "shan-nen bong"}, {"Operator", "operator"},
    };
    for (const Case& c : cases) {
        INFO(c.typed);
        CHECK(schema::normalize_name(c.typed) == c.normalized);
    }
}

TEST_CASE("a speaker is findable by full name, by any word, and by each part of a hyphenated name") {
    const auto terms = schema::speaker_terms("Shan-Nen Bong");
    for (const char* t : {"XPshan-nen bong", "XPshan-nen", "XPshan", "XPnen", "XPbong"}) {
        INFO(t);
        CHECK(has(terms, t));
    }
    CHECK(schema::speaker_terms("  ").empty());
}

TEST_CASE("company words drop case, punctuation and apostrophes") {
    CHECK(schema::company_words("Aaron's Company") == std::vector<std::string>{"aarons", "company"});
    CHECK(schema::company_words("Aurora Mobile Ltd.") == std::vector<std::string>{"aurora", "mobile", "ltd"});
}

TEST_CASE("call keys use the ticker when there is one, the company otherwise") {
    CallInfo call;
    call.company = "Aurora Mobile";
    call.quarter = 2;
    call.year = 2023;
    CHECK(schema::call_key(call) == "aurora-mobile_q2_2023");
    call.ticker = "JG";
    CHECK(schema::call_key(call) == "jg_q2_2023");
}

TEST_CASE("file keys are the path, or a stable hash when the path is too long for a term") {
    CHECK(schema::file_key("/data/a.txt") == "/data/a.txt");
    const std::string long_path = "/" + std::string(300, 'x');
    const std::string key = schema::file_key(long_path);
    CHECK(key.size() == 17);
    CHECK(key[0] == '#');
    CHECK(key == schema::file_key(long_path));
    CHECK(key != schema::file_key(long_path + "y"));
}

TEST_CASE("call digests: the first call of a file is named by the file's digest, the others apart") {
    CHECK(schema::call_digest("/calls/a.json", 0) == schema::file_digest("/calls/a.json"));
    CHECK(schema::call_digest("/calls/a.json", 1) != schema::call_digest("/calls/a.json", 0));
    CHECK(schema::call_digest("/calls/a.json", 1) != schema::call_digest("/calls/a.json", 2));
    CHECK(schema::call_digest("/calls/a.json", 1) != schema::call_digest("/calls/b.json", 1));
    CHECK(schema::call_digest("/calls/a.json", 1).size() == schema::file_digest("x").size());
}
