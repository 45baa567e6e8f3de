#pragma once
// Questions and their answers at query time (schema: kSlotQuestion,
// kSlotAnswerTo; which turn answers which: index/document_builder.cpp).
//  - asked: / --asked: the question passages the asked words match, then the
//    answer passages replying to any of them, as one Xapian query;
//  - --answers: the answers a question got, each answering turn once.

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/stored_paragraph.h"

namespace callsearch {

// The questions an asked: query matched, by question id (schema::question_id):
// the score of the question's best-matching passage, and that passage.
struct AskedQuestions {
    struct Match {
        double score = 0.0;
        Xapian::docid passage = 0;
    };
    std::unordered_map<std::string, Match> by_id;
    // The passages answering them, by docid, each with its question's score.
    std::vector<std::pair<Xapian::docid, double>> answers;
    // An index in local parts (match/index_parts.h): each part's UUID, in
    // part order. Xapian gives a posting source each part on its own, with
    // the part's own docids; the UUID says which part it was given.
    std::vector<std::string> part_uuids;
};

// Matches `asked` against question passages (analysts' turns in Q&A) only,
// every one of them, scored by `weight`.
[[nodiscard]] AskedQuestions find_asked_questions(const Xapian::Database& db, const Xapian::Query& asked,
                                                  const Xapian::Weight& weight);

// The answer passages that reply to one of `questions`. `weighted`: each
// weighs its question's best score (so answers rank by how well their
// question matched, then, equal, in docid order: the order spoken); else
// nothing (a filter under other words).
[[nodiscard]] Xapian::Query answers_query(std::shared_ptr<const AskedQuestions> questions, bool weighted);

// One turn answering a question, its text in the question's language.
struct Answer {
    std::string speaker;
    std::string title;
    std::vector<std::string> roles;
    std::string firm;
    int turn = 0;
    std::string text;  // the whole turn: passages of a paragraph joined by a space, paragraphs by a blank line
    friend bool operator==(const Answer&, const Answer&) = default;
};

// The answers to the question that passage `question` (of `stored`) belongs
// to, in the order spoken; none when it is no question.
[[nodiscard]] std::vector<Answer> answers_to(const Xapian::Database& db, Xapian::docid question,
                                             const StoredParagraph& stored);

// Passages (in document order) -> one Answer per turn.
[[nodiscard]] std::vector<Answer> group_answers(const std::vector<StoredParagraph>& passages);

}  // namespace callsearch
