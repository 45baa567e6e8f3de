#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/roles.h"

using callsearch::kRoles;
using callsearch::role_from_query;
using callsearch::roles_for;

namespace {

using Roles = std::vector<std::string>;

struct TitleCase {
    const char* speaker;
    const char* title;
    Roles roles;
};

}  // namespace

TEST_CASE("roles_for normalizes titles as written, several roles when the title holds several") {
    const TitleCase cases[] = {
        {"Weidong Luo", "Co-Founder, Chairman & CEO", {"ceo", "chairman"}},
        {"Jeff Shepherd", "Executive Vice President and Chief Financial Officer", {"cfo"}},
        {"Ernest Rady", "Chairman, President and Chief Executive Officer", {"ceo", "president", "chairman"}},
        {"Steve Frank", "Vice President of Investor Relations", {"ir"}},
        {"Phebe Novakovic", "Executive Chairman", {"chairman"}},
        {"Adam Wyll", "President and Chief Operating Officer", {"coo", "president"}},
        {"Shan-Nen Bong", "CFO", {"cfo"}},
        {"Shan-Nen Bong", "Chief Financial Officer", {"cfo"}},
        {"Rene Vanguestaine", "Investor Relations", {"ir"}},
        {"Fei Chen", "President", {"president"}},
        {"Guangyan Chen", "General Manager", {"gm"}},
        {"Someone", "Chief Technology Officer", {"cto"}},
        {"Someone", "Chief Executive", {"ceo"}},
        {"Someone", "President & COO", {"coo", "president"}},
        {"Bennett S. Murphy", "Senior Vice President-Investor Relations", {"ir"}},
        {"Susie Kim", "Treasurer & Vice President of Investor Relations", {"ir"}},
        {"Someone", "VP of Investor & Rating Agency Relations", {"ir"}},
        {"Someone", "Head of IR", {"ir"}},
        {"Someone", "Group Finance Director", {"cfo"}},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.title));
        CHECK(roles_for(c.speaker, c.title) == c.roles);
    }
}

TEST_CASE("roles_for: vice president and vice chairman are not president or chairman") {
    const TitleCase cases[] = {
        {"Someone", "Vice President", {"executive"}},
        {"Someone", "Senior Vice President, Finance", {"executive"}},
        {"Someone", "Executive Vice President of Operations", {"executive"}},
        {"Someone", "Vice Chairman", {"executive"}},
        {"Someone", "Vice-President, Strategy", {"executive"}},
        {"Someone", "Corporate Controller", {"executive"}},
        {"Someone", "Chief Accounting Officer and Senior Vice President", {"executive"}},
        // A president of a division still presides.
        {"Someone", "Executive Vice President and President, International", {"president"}},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.title));
        CHECK(roles_for(c.speaker, c.title) == c.roles);
    }
}

TEST_CASE("roles_for: analysts are analysts only, whatever else the title says") {
    const TitleCase cases[] = {
        {"Ryan Roberts", "Navis Capital -- Analyst", {"analyst"}},
        {"Anthony Chukumba", "Loop Capital Markets LLC -- Analyst", {"analyst"}},
        {"Brian David Kinstlinger", "MD, Director of Research, Head of TMT Research & Senior Technology Analyst",
         {"analyst"}},
        {"Unidentified Analyst", "", {"analyst"}},
        {"Analyst", "", {"analyst"}},
        {"Someone", "B. Riley SecuritiesAnalyst", {"analyst"}},
        // An outside firm's position: asks questions, is no company executive.
        {"Someone", "Evercore ISI -- Senior Managing Director", {"analyst"}},
        {"Someone", "Palisade Capital Management", {"analyst"}},
        {"Someone", "Morgan Stanley", {"analyst"}},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.title));
        CHECK(roles_for(c.speaker, c.title) == c.roles);
    }
}

TEST_CASE("roles_for: the operator, and speakers the call does not name") {
    CHECK(roles_for("Operator", "") == Roles{"operator"});
    CHECK(roles_for("Unidentified Company Representative", "") == Roles{"executive"});
    CHECK(roles_for("Unknown speaker", "").empty());
    CHECK(roles_for("Unidentified Participant", "").empty());
    // A name with no title says nothing about the role.
    CHECK(roles_for("David Lim", "").empty());
}

TEST_CASE("roles_for reads Chinese titles, the longer title first") {
    CHECK(roles_for("羅衛東", "董事長兼執行長") == Roles{"ceo", "chairman"});
    CHECK(roles_for("someone", "行政總裁") == Roles{"ceo"});
    CHECK(roles_for("someone", "副總裁") == Roles{"executive"});
    CHECK(roles_for("someone", "财务总监") == Roles{"cfo"});
}

TEST_CASE("roles_for results are sorted in kRoles order") {
    const auto roles = roles_for("x", "Chairman, President, Chief Executive Officer, CFO, COO and CTO");
    CHECK(roles == Roles{"ceo", "cfo", "coo", "cto", "president", "chairman"});
    CHECK(std::all_of(roles.begin(), roles.end(), [](const std::string& r) {
        return std::find(kRoles.begin(), kRoles.end(), r) != kRoles.end();
    }));
}

TEST_CASE("role_from_query accepts abbreviations, English titles and Chinese, case-insensitively") {
    struct QueryCase {
        const char* value;
        const char* role;
    };
    const QueryCase cases[] = {
        {"CFO", "cfo"},
        {"cfo", "cfo"},
        {"Cfo", "cfo"},
        {"  ceo ", "ceo"},
        {"Chief Financial Officer", "cfo"},
        {"chief executive officer", "ceo"},
        {"Chief Operating Officer", "coo"},
        {"Chief Technology Officer", "cto"},
        {"President", "president"},
        {"Chairman", "chairman"},
        {"Executive Chairman", "chairman"},
        {"Investor Relations", "ir"},
        {"IR", "ir"},
        {"General Manager", "gm"},
        {"Analyst", "analyst"},
        {"Operator", "operator"},
        {"executive", "executive"},
        {"Executive Vice President", "executive"},
        {"Senior Vice President, Finance", "executive"},
        {"財務長", "cfo"},
        {"财务长", "cfo"},
        {"首席財務官", "cfo"},
        {"首席财务官", "cfo"},
        {"財務總監", "cfo"},
        {"财务总监", "cfo"},
        {"執行長", "ceo"},
        {"执行长", "ceo"},
        {"首席執行官", "ceo"},
        {"首席执行官", "ceo"},
        {"總裁", "president"},
        {"总裁", "president"},
        {"董事長", "chairman"},
        {"董事长", "chairman"},
        {"營運長", "coo"},
        {"营运长", "coo"},
        {"首席運營官", "coo"},
        {"首席运营官", "coo"},
        {"技術長", "cto"},
        {"技术长", "cto"},
        {"首席技術官", "cto"},
        {"首席技术官", "cto"},
        {"分析師", "analyst"},
        {"分析师", "analyst"},
        {"操作員", "operator"},
        {"操作员", "operator"},
        {"接線員", "operator"},
        {"接线员", "operator"},
        {"主持人", "operator"},
        {"投資者關係", "ir"},
        {"投资者关系", "ir"},
        {"總經理", "gm"},
        {"总经理", "gm"},
        {"高管", "executive"},
        {"高階主管", "executive"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.value));
        CHECK(role_from_query(c.value) == std::optional<std::string>(c.role));
    }
}

TEST_CASE("role_from_query refuses what is not a single role") {
    for (const char* value : {"", "  ", "banana", "Aurora Mobile", "Chairman & CEO", "President and Chief Executive Officer",
                              "財務", "revenue"}) {
        CAPTURE(std::string(value));
        CHECK_FALSE(role_from_query(value).has_value());
    }
}
