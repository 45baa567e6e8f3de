#include <doctest/doctest.h>

#include <string>

#include "read/call_text.h"

using namespace callsearch;

TEST_CASE("call text: header fields, participants, turns and the Q&A heading in the canonical form") {
    CallText call;
    call.company = "Apple";
    call.ticker = "AAPL";
    call.quarter = 1;
    call.year = 2025;
    call.date = "2025-01-30";
    call.participants = {{"Tim Cook", "Chief Executive Officer"}, {"Erik Woodring", "Morgan Stanley -- Analyst"}};
    call.turns = {{"Tim Cook", "", {"Thank you, Suhasini.", "Revenue was a record."}, false},
                  {"Operator", "", {"Our first question comes from Erik Woodring."}, true},
                  {"Erik Woodring ", "", {"Great, thanks\nfor taking  my question."}, true}};
    CHECK(render_call_text(call) ==
          "# Apple Q1 2025 Earnings Call Transcript\n"
          "**Company:** Apple\n"
          "**Ticker:** AAPL\n"
          "**Quarter:** Q1 2025\n"
          "**Date:** 2025-01-30\n"
          "\n"
          "Participants:\n"
          "Tim Cook -- Chief Executive Officer\n"
          "Erik Woodring -- Morgan Stanley -- Analyst\n"
          "\n"
          "---\n"
          "\n"
          "Tim Cook: Thank you, Suhasini.\n"
          "Revenue was a record.\n"
          "Questions and Answers:\n"
          "Operator: Our first question comes from Erik Woodring.\n"
          "Erik Woodring: Great, thanks for taking my question.\n");
}

TEST_CASE("call text: only the known fields are written -- a body string follows the header as it is") {
    CallText call;
    call.ticker = "A";
    call.year = 2025;
    call.body = "Operator: Good afternoon.\nParmeet Ahuja: Thank you, Regina.";
    CHECK(render_call_text(call) ==
          "# A 2025 Earnings Call Transcript\n**Ticker:** A\n**Year:** 2025\n\n---\n\n"
          "Operator: Good afternoon.\nParmeet Ahuja: Thank you, Regina.\n");
}

TEST_CASE("call text: titles given per turn list the speaker once -- a colon cannot cut a name short") {
    CallText call;
    call.turns = {{"Jane Fraser", "Chief Executive Officer", {"Good morning."}, false},
                  {"Jane Fraser", "Chief Executive Officer", {"Thanks."}, false},
                  {"Q: Mike Mayo", "", {"Question."}, true},
                  {"Empty", "", {"  ", ""}, false}};
    const std::string text = render_call_text(call);
    CHECK(text.find("Participants:\nJane Fraser -- Chief Executive Officer\n\n") != std::string::npos);
    CHECK(text.find("Q Mike Mayo: Question.\n") != std::string::npos);
    CHECK(text.find("Empty") == std::string::npos);  // a turn with no text is left out
}
