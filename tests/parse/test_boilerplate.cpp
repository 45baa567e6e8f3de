#include <doctest/doctest.h>

#include <string>

#include "parse/boilerplate.h"

using callsearch::boilerplate_kind;

TEST_CASE("lines that are never speech, whatever the layout") {
    struct Case {
        const char* line;
        const char* kind;  // nullptr: may be speech
    };
    const Case cases[] = {
        {"================================================================================", "rule"},
        {"--------------------------------------------------------------------------------", "rule"},
        {"............................................................", "rule"},
        {"Page 3 of 20", "page number"},
        {"12", "page number"},
        {"Thomson Reuters StreetEvents Event Transcript", "banner"},
        {"E D I T E D   V E R S I O N", "banner"},
        {"Welcome to Seeking Alpha!", "banner"},
        {"across the entire market, subscribe to Premium before your trial expires.", "banner"},
        {"Read more current MU analysis and news", "banner"},
        {"View all  earnings call transcripts", nullptr},  // two spaces: not the link block's exact words
        {"Copyright \u00a9 2023 Citigroup Inc.", "copyright"},
        {"Q", "question/answer mark"},
        {"Revenue was $832 million, down 13% sequentially.", nullptr},
        {"Thank you.", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        const char* kind = boilerplate_kind(c.line);
        if (c.kind == nullptr) {
            CHECK(kind == nullptr);
        } else {
            REQUIRE(kind != nullptr);
            CHECK(std::string(kind) == c.kind);
        }
    }
}
