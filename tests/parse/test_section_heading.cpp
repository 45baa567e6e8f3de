#include <doctest/doctest.h>

#include "parse/section_heading.h"

using callsearch::Heading;
using callsearch::heading_of_line;

TEST_CASE("vendor headings in their many spellings") {
    struct Case {
        const char* line;
        Heading heading;
    };
    const Case cases[] = {
        {"Questions and Answers", Heading::QA},
        {"QUESTIONS AND ANSWERS", Heading::QA},
        {"Question-and-Answer Session", Heading::QA},
        {"### Q&A", Heading::QA},
        {"Questions & Answers:", Heading::QA},
        {"QUESTION AND ANSWER SECTION", Heading::QA},
        {"Question and Answer", Heading::QA},
        {"Presentation", Heading::Prepared},
        {"PRESENTATION", Heading::Prepared},
        {"MANAGEMENT DISCUSSION SECTION", Heading::Prepared},
        {"Prepared Remarks:", Heading::Prepared},
        {"Corporate Participants", Heading::CompanyParticipants},
        {"CORPORATE PARTICIPANTS", Heading::CompanyParticipants},
        {"Company Participants", Heading::CompanyParticipants},
        {"Executives", Heading::CompanyParticipants},
        {"EXECUTIVES", Heading::CompanyParticipants},
        {"Host", Heading::CompanyParticipants},
        {"Conference Call Participiants", Heading::OutsideParticipants},  // sic, StreetEvents
        {"CONFERENCE CALL PARTICIPANTS", Heading::OutsideParticipants},
        {"Other Participants", Heading::OutsideParticipants},
        {"Analysts", Heading::OutsideParticipants},
        {"Call Participants", Heading::Participants},
        {"Definitions", Heading::EndMatter},
        {"DISCLAIMER", Heading::EndMatter},
        // Speech is no heading.
        {"We will now take questions and answers from the analysts.", Heading::None},
        {"Operator", Heading::None},
        {"", Heading::None},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        CHECK(heading_of_line(c.line) == c.heading);
    }
}
