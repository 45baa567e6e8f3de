#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parse/participant_list.h"

using callsearch::ListedParticipant;
using callsearch::read_participant_lists;
using callsearch::Side;

namespace {

std::vector<std::string_view> lines_of(const std::string& text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        while (!line.empty() && (line.front() == ' ')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ')) line.remove_suffix(1);
        out.push_back(line);
        start = end + 1;
    }
    return out;
}

struct Want {
    const char* name;
    const char* title;
    const char* affiliation;
    Side side;
};

void check_entries(const std::string& text, const std::vector<Want>& want) {
    const std::string copy = text;
    const auto lists = read_participant_lists(lines_of(copy));
    REQUIRE(lists.entries.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO(want[i].name);
        CHECK(lists.entries[i].name == want[i].name);
        CHECK(lists.entries[i].title == want[i].title);
        CHECK(lists.entries[i].affiliation == want[i].affiliation);
        CHECK(lists.entries[i].side == want[i].side);
    }
}

}  // namespace

TEST_CASE("StreetEvents lists: bullet name, then 'Company - Title' on the next line") {
    check_entries(
        "================================================================================\n"
        "Corporate Participants\n"
        "================================================================================\n"
        "\n"
        " * Lisa Su\n"
        "   AMD - President and CEO\n"
        " * Devinder Kumar\n"
        "   AMD - SVP, CFO, and Treasurer\n"
        "\n"
        "================================================================================\n"
        "Conference Call Participiants\n"
        "================================================================================\n"
        "\n"
        " * Mark Lipacis\n"
        "   Jefferies LLC - Analyst\n"
        "\n"
        "================================================================================\n"
        "Presentation\n",
        {{"Lisa Su", "President and CEO", "AMD", Side::Company},
         {"Devinder Kumar", "SVP, CFO, and Treasurer", "AMD", Side::Company},
         {"Mark Lipacis", "Analyst", "Jefferies LLC", Side::Outside}});
}

TEST_CASE("Refinitiv PDF lists: name line, 'Company - Title' line, wrapped titles joined") {
    check_entries(
        "CORPORATE PARTICIPANTS\n \nKeith D. Taylor\nEquinix, Inc. - CFO\n \n"
        "CONFERENCE CALL PARTICIPANTS\n \nRichard Hamilton Prentiss\n"
        "Raymond James & Associates, Inc., Research Division - Head of Telecommunication Services Equity\n"
        "Research & Research Analyst\n \nPRESENTATION\n",
        {{"Keith D. Taylor", "CFO", "Equinix, Inc.", Side::Company},
         {"Richard Hamilton Prentiss", "Head of Telecommunication Services Equity Research & Research Analyst",
          "Raymond James & Associates, Inc., Research Division", Side::Outside}});
}

TEST_CASE("Seeking Alpha lists: 'Name - Title' or 'Name - Firm', en dashes too") {
    check_entries(
        "Company Participants\n\nBob Bradway \u2013 Chairman and Chief Executive Officer\n\n"
        "Conference Call Participants\n\nMichael Yee \u2013 Jefferies\n\nOperator\n\nGood day.\n",
        {{"Bob Bradway", "Chairman and Chief Executive Officer", "", Side::Company},
         {"Michael Yee", "", "Jefferies", Side::Outside}});
    // 2017-18 pages: an executive listed with the company's name, not a post.
    check_entries("Executives\nTimothy K. Leveridge - The Coca-Cola Co.\nAnalysts\nLauren R. Lieberman - Barclays Capital, Inc.\nOperator\n",
                  {{"Timothy K. Leveridge", "", "The Coca-Cola Co.", Side::Company},
                   {"Lauren R. Lieberman", "", "Barclays Capital, Inc.", Side::Outside}});
}

TEST_CASE("Capital IQ lists: name and title lines without blank lines, wrapped titles and firms") {
    check_entries(
        "EXECUTIVES\nAndrew P. Power\nPresident, CEO & Director\nJordan Sadler\nSenior Vice President of Public &\n"
        "Private Investor Relations\nANALYSTS\nAnthony Hau\nTruist Securities, Inc., Research\nDivision\n"
        "James Schneider\nJonathan Atkin\nRBC Capital Markets, Research\nDivision\n\nPresentation\n",
        {{"Andrew P. Power", "President, CEO & Director", "", Side::Company},
         {"Jordan Sadler", "Senior Vice President of Public & Private Investor Relations", "", Side::Company},
         {"Anthony Hau", "", "Truist Securities, Inc., Research Division", Side::Outside},
         {"James Schneider", "", "", Side::Outside},
         {"Jonathan Atkin", "", "RBC Capital Markets, Research Division", Side::Outside}});
}

TEST_CASE("IR lists: 'Name, Title' under Host / Speakers") {
    check_entries("Host\nJennifer Landis, Head of Citi Investor Relations\nSpeakers\nJane Fraser, Citi Chief Executive Officer\nPRESENTATION\n",
                  {{"Jennifer Landis", "Head of Citi Investor Relations", "", Side::Company},
                   {"Jane Fraser", "Citi Chief Executive Officer", "", Side::Company}});
}

TEST_CASE("fool.com scraped: the unheaded list after 'Duration:'") {
    check_entries("Duration: 63 minutes\n\nLisa Su--President and Chief Executive Officer\n\n"
                  "Vivek Arya--Bank of America Merrill Lynch -- Analyst\n\nMore AMD analysis\n",
                  {{"Lisa Su", "President and Chief Executive Officer", "", Side::Unknown},
                   {"Vivek Arya", "Analyst", "Bank of America Merrill Lynch", Side::Unknown}});
}

TEST_CASE("speech after a heading-like word is no list") {
    const std::string text = "Analysts\nWe thank all of you for joining the call today.\n";
    CHECK(read_participant_lists(lines_of(text)).entries.empty());
}

TEST_CASE("participant tables and bullet entries") {
    check_entries("| Name | Title | Company |\n|---|---|---|\n| Owen Tate | Vice President, Investor Relations | Larkspur |\n"
                  "| Yuki Morimoto | Analyst | Fenwick Partners |\n\nOperator: Welcome.\n",
                  {{"Owen Tate", "Vice President, Investor Relations", "Larkspur", Side::Unknown},
                   {"Yuki Morimoto", "Analyst", "Fenwick Partners", Side::Unknown}});
    check_entries("## Participants\n- **Colin Murray** \u2014 Head of Investor Relations\n"
                  "\u2022 Arjun Kapila, Chief Executive Officer\n\n## Prepared Remarks\n",
                  {{"Colin Murray", "Head of Investor Relations", "", Side::Unknown},
                   {"Arjun Kapila", "Chief Executive Officer", "", Side::Unknown}});
    // "Unidentified Analyst" is an entry; "Operator" starts the call.
    check_entries("Conference Call Participants\nJordan Lee - Whitmore Research\nUnidentified Analyst\nOperator\nWelcome.\n",
                  {{"Jordan Lee", "", "Whitmore Research", Side::Outside}, {"Unidentified Analyst", "", "", Side::Outside}});
}
