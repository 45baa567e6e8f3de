// Questions and their answers at query time: asked: finds the answers to the
// questions it matches, --answers lists what a question got. On a small call
// made of lines of seed 003 (Aurora Mobile Q2 2021), indexed as the indexer does.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "match/exchanges.h"
#include "match/matcher.h"
#include "schema/filter_terms.h"
#include "support/temp_dir.h"
#include "support/transcript_index.h"

using namespace callsearch;

namespace {

Turn turn(std::string speaker, std::string title, std::vector<std::string> roles, std::vector<std::string> texts) {
    Turn t;
    t.speaker = std::move(speaker);
    t.title = std::move(title);
    t.roles = std::move(roles);
    t.section = Section::QA;
    for (std::string& text : texts) t.paragraphs.push_back({std::move(text), Lang::En, {}, {}});
    return t;
}

Transcript exchange_call() {
    Transcript t;
    t.call.company = "Aurora Mobile Ltd";
    t.call.ticker = "JG";
    t.call.quarter = 2;
    t.call.year = 2021;
    t.call.source_path = "/corpus/003_b62d8a1d2292034a.txt";
    t.turns = {
        turn("Operator", "", {"operator"}, {"We have the first question. This is coming from the line of Jacob Silverman."}),
        turn("Jacob Silverman", "Alliance Global Partners -- Analyst", {"analyst"},
             {"Hi, everyone. Thanks for taking my questions.",
              "Also, around the accounting methodology, for reported gross margin, will that have any impact on "
              "reported gross margin for JG Alliance?"}),
        turn("Fei Chen", "President", {"president"},
             {"Hey, Jacob. This is Fei. I will answer the first question and Shan-Nen will answer your second question.",
              "So they will slow down the cooperation with the third-party partners, including us."}),
        turn("Shan-Nen Bong", "Chief Financial Officer", {"cfo"},
             {"Jacob, on the gross versus net accounting and the impact on the gross margin, yes, it will impact "
              "some of the margin downward adjustment but it's not expecting to be major."}),
        turn("Jacob Silverman", "Alliance Global Partners -- Analyst", {"analyst"},
             {"OK. And then the delays, they are mostly on customers ends. Are there any delays on your ends for "
              "getting customers on JG Alliance?"}),
        turn("Operator", "", {"operator"}, {"Please go ahead."}),
        turn("Fei Chen", "President", {"president"},
             {"No, there's no delay from our side. Yes. It's all from the other side, the customers side."}),
    };
    return t;
}

struct Indexed {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    Indexed() {
        const Transcript t = exchange_call();
        // Keyed by its path, as the indexer keys files (the answers are found by it).
        test_support::index_transcripts(dir.path / "db", {{schema::file_key(t.call.source_path), t}}, analyzer);
    }
};

std::vector<int> turns_of(const MatchResult& r) {
    std::vector<int> out;
    for (const Hit& h : r.hits) out.push_back(h.paragraph.turn);
    return out;
}

}  // namespace

TEST_CASE("passages of answering turns group into one answer per turn, in order") {
    StoredParagraph a;
    a.speaker = "Fei Chen", a.title = "President", a.turn = 3, a.paragraph = 1, a.text = "Hey, Jacob.";
    StoredParagraph a2 = a;
    a2.paragraph = 2, a2.passage = 1, a2.text = "So they will slow down.";
    StoredParagraph a3 = a2;
    a3.passage = 2, a3.text = "Including us.";
    StoredParagraph b;
    b.speaker = "Shan-Nen Bong", b.roles = {"cfo"}, b.turn = 4, b.paragraph = 1, b.text = "Jacob, on the gross margin.";
    const auto answers = group_answers({a, a2, a3, b});
    REQUIRE(answers.size() == 2);
    CHECK(answers[0] == Answer{"Fei Chen", "President", {}, "", 3, "Hey, Jacob.\n\nSo they will slow down. Including us."});
    CHECK(answers[1].speaker == "Shan-Nen Bong");
    CHECK(answers[1].roles == std::vector<std::string>{"cfo"});
    CHECK(answers[1].text == "Jacob, on the gross margin.");
    CHECK(group_answers({}).empty());
}

TEST_CASE("asked: keeps the answers to the questions it matches, alone ranked by the question then as spoken") {
    Indexed s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto match = [&](const char* query) { return matcher.match(parse_query(query, {}, s.analyzer), {}); };

    // "margins": stemmed, found in the first question (its second paragraph).
    const MatchResult margins = match("asked:margins");
    CHECK(turns_of(margins) == std::vector<int>{3, 3, 4});
    for (const Hit& h : margins.hits) {
        REQUIRE(h.question);
        CHECK(h.question->turn == 2);
        CHECK(h.question->matched.find("gross margin") != std::string::npos);
        CHECK(h.score > 0);
    }
    CHECK(matcher.count(parse_query("asked:margins", {}, s.analyzer)) == 3);
    // The operator's lines do not answer; the second question's answer is the President's.
    CHECK(turns_of(match("asked:delays")) == std::vector<int>{7});
    // With a role, only that speaker's answers; with words, those ranking.
    CHECK(turns_of(match("asked:margin role:cfo")) == std::vector<int>{4});
    CHECK(turns_of(match("asked:margin cooperation")) == std::vector<int>{3});
    // A question that matches nothing, or words no answer holds: nothing.
    CHECK(match("asked:dividend").hits.empty());
    CHECK(match("asked:margin delay").hits.empty());  // the answers to "delays" do not hold "margin"
    CHECK(match("asked:\"no delay\"").hits.empty());  // an answer's words are not the question's
    // Questions themselves are never hits of asked:.
    for (const Hit& h : match("asked:JG").hits) CHECK(h.paragraph.speaker != "Jacob Silverman");
}

TEST_CASE("--answers lists under a question hit the turns that answer it, each once, in order") {
    Indexed s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    MatchOptions options;
    options.answers = true;
    const MatchResult r = matcher.match(parse_query("\"JG Alliance\" role:analyst", {}, s.analyzer), options);
    REQUIRE(r.hits.size() == 2);
    for (const Hit& h : r.hits) {
        if (h.paragraph.turn == 2) {
            REQUIRE(h.answers.size() == 2);
            CHECK(h.answers[0].speaker == "Fei Chen");
            CHECK(h.answers[0].turn == 3);
            CHECK(h.answers[0].text.rfind("Hey, Jacob.", 0) == 0);
            CHECK(h.answers[0].text.find("\n\nSo they will slow down") != std::string::npos);
            CHECK(h.answers[1].speaker == "Shan-Nen Bong");
            CHECK(h.answers[1].roles == std::vector<std::string>{"cfo"});
        } else {
            CHECK(h.paragraph.turn == 5);
            REQUIRE(h.answers.size() == 1);  // across the operator's line
            CHECK(h.answers[0].turn == 7);
        }
    }
    // An answer hit has no answers of its own.
    const MatchResult answer = matcher.match(parse_query("downward", {}, s.analyzer), options);
    REQUIRE(answer.hits.size() == 1);
    CHECK(answer.hits[0].answers.empty());
}
