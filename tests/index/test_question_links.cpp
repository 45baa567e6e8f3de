// Which question an answer replies to, on lines of the seed calls.

#include <doctest/doctest.h>

#include <vector>

#include "index/question_links.h"
#include "support/sample_transcript.h"

using namespace callsearch;

namespace {

Turn qa_turn(const char* speaker, std::vector<std::string> roles, const char* text) {
    Turn t;
    t.speaker = speaker;
    t.roles = std::move(roles);
    t.section = Section::QA;
    t.paragraphs = {{text, Lang::En, {}, {}}};
    return t;
}

}  // namespace

TEST_CASE("an operator's line that ends the questions is told from one that passes the line") {
    struct Case {
        const char* text;
        bool closes;
    };
    const Case cases[] = {
        // Seed 000 and 003.
        {"There are no further questions at this time. I'd like to turn the call back over to Rene for any closing "
         "remarks.", true},
        {"[Operator instructions] We have no further questions at this moment. I would like to hand the conference "
         "back to our host, Mr. Vanguestaine. Please take over, sir.", true},
        {"Our next question comes from Brian Kinstlinger with Alliance Global Partners.", false},
        {"Thank you. We have the next question, which is coming from Ryan Roberts from Navis. Please go ahead.", false},
        {"[Operator instructions] We have the first question. This is coming from the line of Jacob Silverman from "
         "Alliance Global. Please go ahead.", false},
        // Other operators' wording.
        {"This concludes our question-and-answer session.", true},
        {"That is the end of the question and answer session.", true},
        {"I'd now like to turn it back to Tim for concluding remarks.", true},
        {"There are no more questions in the queue.", true},
        {"现在没有其他问题了。", true},
        {"現在沒有其他問題了。", true},
        {"Our next question is from the line of Jane Doe. Your line is open.", false},
        {"", false},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(closes_questions(c.text) == c.closes);
    }
}

TEST_CASE("answers reply to the last question, across the operator's lines, until the operator closes") {
    Transcript t;
    Turn remarks = qa_turn("Weidong Luo", {"ceo"}, "Thank you, operator. Good evening.");
    remarks.section = Section::Prepared;
    t.turns = {
        remarks,                                                                                       // 1
        qa_turn("Operator", {"operator"}, "Our next question comes from Brian Kinstlinger."),          // 2
        qa_turn("Brian Kinstlinger", {"analyst"}, "What were the factors that drove that?"),          // 3
        qa_turn("Shan-Nen Bong", {"cfo"}, "No, it's not a baseline."),                                 // 4
        qa_turn("Operator", {"operator"}, "Please go ahead."),                                         // 5
        qa_turn("Weidong Luo", {"ceo"}, "Let me add one thing."),                                      // 6
        qa_turn("Ryan Roberts", {"analyst"}, "Do you have any data you can share yet?"),              // 7
        qa_turn("Fei Chen", {"president"}, "Yeah, we do."),                                            // 8
        qa_turn("Operator", {"operator"}, "There are no further questions at this time."),            // 9
        qa_turn("Rene Vanguestaine", {"chairman", "ceo"}, "Thank you, everyone, for joining our call."),  // 10
    };
    CHECK(question_turns(t) == std::vector<int>{0, 0, 0, 3, 0, 3, 0, 7, 0, 0});
    // The sample call: operator, analyst, CFO.
    CHECK(question_turns(test_support::sample_transcript()) == std::vector<int>{0, 0, 2});
}
