#include <doctest/doctest.h>

#include "parse/speaker_names.h"

using callsearch::family_key;
using callsearch::name_key;
using callsearch::same_person;
using callsearch::title_case;

TEST_CASE("one speaker under several spellings within a call") {
    struct Case {
        const char* a;
        const char* b;
        bool same;
    };
    const Case cases[] = {
        {"Andy Jassy", "Andrew R. Jassy", true},
        {"SATYA NADELLA", "Satya Nadella", true},
        {"Brad Burke", "Bradley Kenneth Burke", true},
        {"Tim Cook", "Timothy D. Cook", true},
        {"Bob McMahon", "Robert W. McMahon", true},
        {"Marty Chavez", "R. Martin Chavez", true},
        {"Mr. Dave Fildes", "Dave Fildes", true},
        {"Kathy Waller", "Kathy N. Waller", true},
        // Same family name, another person (American Tower's two Smiths).
        {"Adam Smith", "Rodney M. Smith", false},
        {"Mark Murphy", "Mike Murphy", false},
        // A family name alone is no person.
        {"Jassy", "Andy Jassy", false},
    };
    for (const auto& c : cases) {
        INFO(c.a << " / " << c.b);
        CHECK(same_person(c.a, c.b) == c.same);
        CHECK(same_person(c.b, c.a) == c.same);
    }
}

TEST_CASE("name keys, family keys and title case") {
    CHECK(name_key("Mr. Timothy D. Cook") == "timothy d cook");
    CHECK(family_key("John W. Gamble, Jr.") == "gamble");
    CHECK(title_case("SATYA NADELLA") == "Satya Nadella");
    CHECK(title_case("MATT O'CONNOR") == "Matt O'Connor");
}
