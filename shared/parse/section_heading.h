#pragma once
// Headings that vendors put between the parts of a call, in their many
// spellings: "Questions and Answers", "QUESTIONS AND ANSWERS",
// "Question-and-Answer Session", "### Q&A", "Conference Call Participiants"
// (sic, StreetEvents), "MANAGEMENT DISCUSSION SECTION", "Definitions".

#include <string_view>

namespace callsearch {

enum class Heading {
    None,
    Prepared,            // "Presentation", "Prepared Remarks", "Management Discussion Section"
    QA,                  // "Questions and Answers", "Q&A", "Question-and-Answer Session"
    Participants,        // a list of both sides: "Call Participants", "Participants"
    CompanyParticipants, // "Corporate Participants", "Company Participants", "Executives"
    OutsideParticipants, // "Conference Call Participants", "Analysts", "Other Participants"
    EndMatter,           // "Definitions", "Disclaimer": nothing after it is speech
};

// The heading a whole line is, if any. Case, markdown marks ("#", "**"),
// rules of '=' around it and a trailing ':' do not matter.
[[nodiscard]] Heading heading_of_line(std::string_view line);

[[nodiscard]] constexpr bool is_participant_heading(Heading h) {
    return h == Heading::Participants || h == Heading::CompanyParticipants || h == Heading::OutsideParticipants;
}

}  // namespace callsearch
