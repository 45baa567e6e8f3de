#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/role_evidence.h"

using callsearch::questioner_introduced;
using callsearch::roles_from_introduction;
using Roles = std::vector<std::string>;

TEST_CASE("the host's introduction gives roles, title after or before the name") {
    struct Case {
        const char* text;
        const char* name;
        Roles roles;
    };
    const Case cases[] = {
        {"Speaking first today is Apple's CEO, Tim Cook, and he'll be followed by CFO, Kevan Parekh.", "Tim Cook", {"ceo"}},
        {"Speaking first today is Apple's CEO, Tim Cook, and he'll be followed by CFO, Kevan Parekh.", "Kevan Parekh", {"cfo"}},
        {"On the call with me are Satya Nadella, chief executive officer, Amy Hood, chief financial officer, Alice Jolla, "
         "chief accounting officer.",
         "SATYA NADELLA", {"ceo"}},
        {"On the call with me are Satya Nadella, chief executive officer, Amy Hood, chief financial officer, Alice Jolla, "
         "chief accounting officer.",
         "AMY HOOD", {"cfo"}},
        {"I'm here with James Quincey, our Chief Executive Officer; and Kathy Waller, our Chief Financial Officer.",
         "Kathy N. Waller", {"cfo"}},
        {"Joining us today to answer your questions is Andy Jassy, our CEO; and Brian Olsavsky, our CFO.", "Andrew R. Jassy",
         {"ceo"}},
        {"With me are Padraig McDonnell, Agilent President and CEO; and Bob McMahon, Agilent Senior Vice President and CFO.",
         "Robert W. McMahon", {"cfo"}},
        {"I will be turning the call over to the Vice President of Investor Relations, Mr. Dave Fildes.", "Dave Fildes", {"ir"}},
        // "A, title, and B, title": each takes only their own title.
        {"On the call are Jacob Steiner, our Chief Executive Officer, and Alicia Romero, our Chief Financial Officer.",
         "Jacob Steiner", {"ceo"}},
        {"With me are Gregory Haines, Chairman and Chief Executive Officer, and Naomi Feld, Senior Vice President and Chief "
         "Financial Officer.",
         "Gregory Haines", {"ceo", "chairman"}},
        {"Joining me is Robert J. Hamilton Jr., Chief Executive Officer.", "Robert J. Hamilton Jr.", {"ceo"}},
        // Named, not introduced.
        {"Thank you, Tim. Good afternoon, everyone.", "Tim Cook", {}},
    };
    for (const auto& c : cases) {
        INFO(c.name << ": " << c.text);
        CHECK(roles_from_introduction(c.text, c.name) == c.roles);
    }
}

TEST_CASE("the operator's introduction of a questioner gives the firm") {
    struct Case {
        const char* text;
        const char* name;
        std::optional<std::string> firm;
    };
    const Case cases[] = {
        {"Our first question will come from the line of Tim Arcuri with UBS. Please go ahead.", "Tim Arcuri", "UBS"},
        {"(Operator Instructions) Mark Lipacis, Jefferies.", "Mark Lipacis", "Jefferies"},
        {"Our next question comes from Rachel Vatnsdal with J.P. Morgan. Your line is open.", "Rachel Vatnsdal", "J.P. Morgan"},
        {"Next question is from Doug Harter of Credit Suisse.", "Douglas Michael Harter", "Credit Suisse"},
        // Asked to begin, not to ask.
        {"Thank you. Parmeet Ahuja, you may begin the conference.", "Parmeet Ahuja", std::nullopt},
    };
    for (const auto& c : cases) {
        INFO(c.name << ": " << c.text);
        CHECK(questioner_introduced(c.text, c.name) == c.firm);
    }
}
