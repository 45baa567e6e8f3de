#pragma once
// The text a structured source (a JSON call) is written out as, so that it goes
// through layout detection and parsing like any text file: the "Name: text"
// layout with a markdown header, which the parse stage reads.
//
//     # <Company or ticker> Q<q> <year> Earnings Call Transcript
//     **Company:** <company>            (each field line only when known)
//     **Ticker:** <ticker>
//     **Quarter:** Q<q> <year>
//     **Date:** <date>
//
//     Participants:                     (when the source lists them)
//     <Name> -- <Title>
//
//     ---
//
//     <Speaker>: <first paragraph of the turn>
//     <further paragraphs of the turn, one a line, no prefix>
//     Questions and Answers:            (before the first Q&A turn, when the source says where Q&A starts)
//     <Speaker>: <text>

#include <string>
#include <vector>

namespace callsearch {

struct CallText {
    struct Participant {
        std::string name;
        std::string title;  // "" when not given
    };
    struct Turn {
        std::string speaker;                  // "" when not given
        std::string title;                    // "" when not given; lists the speaker among the participants
        std::vector<std::string> paragraphs;  // each one line of text
        bool qa = false;                      // in the question-and-answer section
    };
    std::string company;
    std::string ticker;
    int quarter = 0;   // 0 when unknown
    int year = 0;      // 0 when unknown
    std::string date;  // as given; "" when unknown
    std::vector<Participant> participants;
    std::vector<Turn> turns;
    // Already "Name: text" lines (a transcript API's content string): written
    // after the header as they are, when `turns` is empty.
    std::string body;
};

// Line breaks and runs of white space inside names, titles and paragraphs
// become single spaces; a ':' in a speaker's name becomes a space, so that the
// name cannot end early.
[[nodiscard]] std::string render_call_text(const CallText& call);

}  // namespace callsearch
