#include "index/question_links.h"

#include <algorithm>
#include <array>
#include <string>

namespace callsearch {

namespace {

bool has_role(const Turn& turn, std::string_view role) {
    return std::find(turn.roles.begin(), turn.roles.end(), role) != turn.roles.end();
}

// How operators end the Q&A, in the bench's 1,104 calls (each phrase in 20 to
// 940 of them) and in Chinese calls. "turn the call over" is not among them:
// it also hands over to the next speaker in prepared remarks.
constexpr std::array<std::string_view, 16> kClosing = {
    "no further questions", "no more questions",  "closing remarks",    "closing comments",
    "concluding remarks",   "concluding comments", "final remarks",     "concludes our question",
    "concludes the question", "end of our question", "end of the question", "concludes today's question",
    "没有其他问题",          "沒有其他問題",          "问答环节到此结束",     "問答環節到此結束"};

}  // namespace

bool closes_questions(std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return std::any_of(kClosing.begin(), kClosing.end(),
                       [&](std::string_view phrase) { return lowered.find(phrase) != std::string::npos; });
}

std::vector<int> question_turns(const Transcript& transcript) {
    std::vector<int> out(transcript.turns.size(), 0);
    int last_question = 0;
    for (std::size_t t = 0; t < transcript.turns.size(); ++t) {
        const Turn& turn = transcript.turns[t];
        if (turn.section != Section::QA) {
            last_question = 0;
        } else if (has_role(turn, "analyst")) {
            last_question = static_cast<int>(t + 1);
        } else if (has_role(turn, "operator")) {
            for (const Paragraph& p : turn.paragraphs) {
                if (closes_questions(p.text)) last_question = 0;
            }
        } else {
            out[t] = last_question;
        }
    }
    return out;
}

}  // namespace callsearch
