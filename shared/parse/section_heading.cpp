#include "parse/section_heading.h"

#include <string>

#include "parse/line_text.h"

namespace callsearch {
namespace {

struct Spelling {
    std::string_view text;  // lowered, single spaces, '&' kept
    Heading heading;
};

constexpr Spelling kSpellings[] = {
    {"presentation", Heading::Prepared},
    {"prepared remarks", Heading::Prepared},
    {"prepared remarks section", Heading::Prepared},
    {"management discussion section", Heading::Prepared},
    {"management discussion", Heading::Prepared},
    {"management presentation", Heading::Prepared},
    {"opening remarks", Heading::Prepared},
    {"questions and answers", Heading::QA},
    {"question and answer", Heading::QA},
    {"question and answer session", Heading::QA},
    {"questions and answers session", Heading::QA},
    {"question-and-answer session", Heading::QA},
    {"question-and-answer", Heading::QA},
    {"questions and answers section", Heading::QA},
    {"questions & answers", Heading::QA},
    {"question & answer", Heading::QA},
    {"question & answer session", Heading::QA},
    {"q&a", Heading::QA},
    {"q & a", Heading::QA},
    {"q&a session", Heading::QA},
    {"q & a session", Heading::QA},
    {"call participants", Heading::Participants},
    {"participants", Heading::Participants},
    {"call participant", Heading::Participants},
    {"corporate participants", Heading::CompanyParticipants},
    {"company participants", Heading::CompanyParticipants},
    {"company representatives", Heading::CompanyParticipants},
    {"corporate speakers", Heading::CompanyParticipants},
    {"company speakers", Heading::CompanyParticipants},
    {"executives", Heading::CompanyParticipants},
    {"management", Heading::CompanyParticipants},
    {"speakers", Heading::CompanyParticipants},
    {"host", Heading::CompanyParticipants},
    {"hosts", Heading::CompanyParticipants},
    {"presenters", Heading::CompanyParticipants},
    {"company participants and speakers", Heading::CompanyParticipants},
    {"question and answer section", Heading::QA},
    {"conference call participants", Heading::OutsideParticipants},
    {"conference call participiants", Heading::OutsideParticipants},
    {"other participants", Heading::OutsideParticipants},
    {"analysts", Heading::OutsideParticipants},
    {"other call participants", Heading::OutsideParticipants},
    {"definitions", Heading::EndMatter},
    {"disclaimer", Heading::EndMatter},
    {"legal disclaimer", Heading::EndMatter},
    {"important disclosures", Heading::EndMatter},
};

}  // namespace

Heading heading_of_line(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 60) return Heading::None;
    auto strip = [&](char c) {
        while (!line.empty() && line.front() == c) line.remove_prefix(1);
        while (!line.empty() && line.back() == c) line.remove_suffix(1);
        line = trim(line);
    };
    strip('#');
    strip('*');
    strip('=');
    if (!line.empty() && line.back() == ':') line.remove_suffix(1);
    strip('*');
    std::string key;
    for (char c : line) {
        if (c == ' ' || c == '\t') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += ascii_lower(c);
        }
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    for (const auto& s : kSpellings) {
        if (key == s.text) return s.heading;
    }
    return Heading::None;
}

}  // namespace callsearch
