#pragma once
// Which question each answer in Q&A replies to (README.md, "The question
// behind an answer"): the index stores the link on every passage
// (StoredParagraph::question_turn, schema::kSlotAnswerTo), and asked: and
// --answers follow it.

#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// For each turn, the 1-based number of the analyst turn it answers, or 0. In
// Q&A, a turn of anyone but an analyst or the operator replies to the last
// analyst turn before it, across the operator's lines and other answers,
// until the operator closes the questions (closes_questions): the closing
// remarks after that answer nothing.
[[nodiscard]] std::vector<int> question_turns(const Transcript& transcript);

// Whether an operator's line says the questions are over ("There are no
// further questions. I'd like to turn the call back over to ... for closing
// remarks").
[[nodiscard]] bool closes_questions(std::string_view text);

}  // namespace callsearch
