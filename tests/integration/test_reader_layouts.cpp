// The reader's layouts through the programs: `indexer --explain` for people
// and scripts, and calls of other layouts indexed and searched as any other.

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

// An investor-relations transcript, named like nothing in particular: the
// layout comes from the content alone.
const char* const kIrCall =
    "Microsoft FY21 Third Quarter Earnings Conference Call\nBrett Iversen, Satya Nadella, Amy Hood\nTuesday, April 27, 2021\n\n"
    "BRETT IVERSEN: Good afternoon. On the call with me are Satya Nadella, chief executive officer, Amy Hood, chief "
    "financial officer, and Keith Dolliver, deputy general counsel.\n\n"
    "SATYA NADELLA: Thank you, Brett. Azure revenue grew 50% this quarter.\n\n"
    "AMY HOOD: Thank you, Satya. Commercial bookings increased 39% and our gross margin held.\n\n"
    "BRETT IVERSEN:  Thanks, Amy. We'll now move to Q&A.\n"
    "KEITH WEISS, Morgan Stanley:  Excellent. How should we think about operating margins next year?\n"
    "AMY HOOD:  Thanks, Keith. We expect operating margins to be roughly flat.\n"
    "KEITH WEISS, Morgan Stanley:  Thanks, you guys.\n";

// Sentence per line, no speakers.
const char* const kSentences =
    "I'm pleased to report another quarter of strong operating performance and continued momentum.\n"
    "Our e-commerce revenues grew 24% in the quarter and our lease renewals were strong.\n"
    "We are raising our outlook for revenue and margin for the full year.\n"
    "Our customers responded well to the new stores, and we thank our team members.\n";

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) lines.push_back(json::parse(line));
    return lines;
}

}  // namespace

TEST_CASE("indexer --explain --json says what the reader makes of each file, writes nothing, exits 1 for a refusal") {
    TempDir tmp;
    write_file(tmp.path / "notes", kIrCall);
    write_file(tmp.path / "readme.md", "# Notes\n\n| a | b |\n|---|---|\n- revenue, quarter, margin, guidance\n");
    const fs::path db = tmp.path / "index";
    const auto r = run_process({kIndexer, "--db", db.string(), "--explain", "--json", (tmp.path / "notes").string(),
                                (tmp.path / "readme.md").string()});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(fs::exists(db));
    const auto files = json_lines(r.out);
    REQUIRE(files.size() == 2);
    const json& ir = files[0];
    CHECK(ir["accepted"] == true);
    CHECK(ir["layout"] == "inline-prefix");
    CHECK(ir["call"]["company"] == "Microsoft");
    CHECK(ir["call"]["quarter"] == 3);
    CHECK(ir["call"]["year"] == 2021);
    CHECK(ir["call"]["date"] == "2021-04-27");
    CHECK(ir["call"]["ticker"].is_null());
    CHECK(ir["sources"]["company"] == "title block");
    CHECK(ir["turns"] == 7);
    CHECK(ir["qa_start_turn"] == 5);
    bool cfo = false;
    bool analyst = false;
    for (const auto& s : ir["speakers"]) {
        if (s["speaker"] == "Amy Hood") cfo = s["roles"] == json::array({"cfo"});
        if (s["speaker"] == "Keith Weiss") analyst = s["roles"] == json::array({"analyst"}) && s["firm"] == "Morgan Stanley";
    }
    CHECK(cfo);
    CHECK(analyst);
    CHECK(files[1]["accepted"] == false);
    CHECK(files[1]["error"].get<std::string>().find("not a transcript") != std::string::npos);
}

TEST_CASE("indexer --explain for people names the layout, the fields' sources and what was dropped") {
    TempDir tmp;
    write_file(tmp.path / "call.txt", kIrCall);
    const auto r = run_process({kIndexer, "--explain", (tmp.path / "call.txt").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("layout: inline-prefix") != std::string::npos);
    CHECK(r.out.find("quarter: Q3  [from title block]") != std::string::npos);
    CHECK(r.out.find("Q&A starts at turn 5 (Keith Weiss") != std::string::npos);
    CHECK(r.out.find("Amy Hood  roles: cfo") != std::string::npos);
    CHECK(r.out.find("title block: 3 lines") != std::string::npos);
    const auto none = run_process({kIndexer, "--explain"});
    CHECK(none.exit_code == 2);
}

TEST_CASE("calls of other layouts are indexed and searched like any other, unknown speakers are null") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls";
    fs::create_directories(calls);
    write_file(calls / "notes", kIrCall);
    write_file(calls / "AAN_q3_2021.txt", kSentences);
    const fs::path db = tmp.path / "index";
    const auto indexed = run_process({kIndexer, "--db", db.string(), "--json", calls.string()});
    REQUIRE_MESSAGE(indexed.exit_code == 0, indexed.err);
    CHECK(json::parse(indexed.out)["calls"] == 2);
    // The IR call's speakers, roles and sections.
    const auto cfo = run_process({kSearcher, "--db", db.string(), "--json", "--role", "cfo", "\"operating margins\""});
    REQUIRE_MESSAGE(cfo.exit_code == 0, cfo.err);
    const auto cfo_hits = json_lines(cfo.out);
    REQUIRE(cfo_hits.size() == 1);
    CHECK(cfo_hits[0]["speaker"] == "Amy Hood");
    CHECK(cfo_hits[0]["section"] == "qa");
    CHECK(cfo_hits[0]["company"] == "Microsoft");
    const auto asked = run_process({kSearcher, "--db", db.string(), "--json", "--role", "analyst", "\"operating margins\""});
    REQUIRE(json_lines(asked.out).size() == 1);
    CHECK(json_lines(asked.out)[0]["firm"] == "Morgan Stanley");
    // Its Q&A links answers to questions as in any layout: asked:, --answers.
    const auto answer = run_process({kSearcher, "--db", db.string(), "--json", "--asked", "operating margin"});
    REQUIRE_MESSAGE(answer.exit_code == 0, answer.err);
    const auto answer_hits = json_lines(answer.out);
    REQUIRE(answer_hits.size() == 1);
    CHECK(answer_hits[0]["speaker"] == "Amy Hood");
    CHECK(answer_hits[0]["question"]["speaker"] == "Keith Weiss");
    CHECK(answer_hits[0]["question"]["firm"] == "Morgan Stanley");
    const auto answers = run_process({kSearcher, "--db", db.string(), "--json", "--answers", "--role", "analyst",
                                      "\"operating margins\""});
    const auto answers_hits = json_lines(answers.out);
    REQUIRE(answers_hits.size() == 1);
    REQUIRE(answers_hits[0]["answers"].size() == 1);
    CHECK(answers_hits[0]["answers"][0]["speaker"] == "Amy Hood");
    CHECK(answers_hits[0]["answers"][0]["text"] == "Thanks, Keith. We expect operating margins to be roughly flat.");
    // The sentence file: searchable, speaker unknown.
    const auto renewals = run_process({kSearcher, "--db", db.string(), "--json", "renewals"});
    REQUIRE_MESSAGE(renewals.exit_code == 0, renewals.err);
    const auto hits = json_lines(renewals.out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["speaker"].is_null());
    CHECK(hits[0]["ticker"] == "AAN");
    CHECK(hits[0]["quarter"] == 3);
    CHECK(hits[0]["time"].is_null());
    const auto text = run_process({kSearcher, "--db", db.string(), "--color", "never", "renewals"});
    CHECK(text.out.find("unknown speaker") != std::string::npos);
}

TEST_CASE("speech-to-text: timestamps leave the text and come back as each hit's time") {
    TempDir tmp;
    write_file(tmp.path / "4104_20260915.txt",
               "[30.440 --> 33.020] 一 开始 是 公 司 的 免 责 说 明\n"
               "[33.020 --> 37.620] 我 们 的 营 收 与 毛 利 都 有 成 长 ， 谢 谢 大 家\n"
               "[40.000 --> 44.380] 本 季 度 公 司 的 回 购 计 划 持 续 进 行 ， 客 户 需 求 增 长\n");
    const fs::path db = tmp.path / "index";
    const auto indexed = run_process({kIndexer, "--db", db.string(), (tmp.path / "4104_20260915.txt").string()});
    REQUIRE_MESSAGE(indexed.exit_code == 0, indexed.err);
    const auto r = run_process({kSearcher, "--db", db.string(), "--json", "回购"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto hits = json_lines(r.out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["time"] == doctest::Approx(40.0));
    CHECK(hits[0]["speaker"].is_null());
    CHECK(hits[0]["text"].get<std::string>().find("-->") == std::string::npos);
    CHECK(hits[0]["date"] == "2026-09-15");
}

TEST_CASE("indexer --explain reads every format as the indexer does, one report per call of a file") {
    TempDir tmp;
    // Two calls of a transcript API, saved with a .txt name: JSON by its content.
    write_file(tmp.path / "calls.txt",
               R"([{"symbol": "EXW", "year": 2024, "quarter": 2, "date": "2024-07-30",)"
               R"( "transcript": "Operator: Welcome to the Example Widgets second quarter call.\nJane Roe: Thank you. Revenue grew 4%.\nOperator: Our first question comes from John Doe with Sample Securities.\nJohn Doe: What about margins?\nJane Roe: They held."},)"
               R"( {"symbol": "EXW", "year": 2024, "quarter": 3,)"
               R"( "transcript": "Operator: Welcome to the Example Widgets third quarter call.\nJane Roe: Thank you. Revenue grew 5%.\nOperator: Our first question comes from John Doe with Sample Securities.\nJohn Doe: And margins?\nJane Roe: Better."}])");
    const auto r = run_process({kIndexer, "--explain", "--json", (tmp.path / "calls.txt").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + r.out));
    const auto calls = json_lines(r.out);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0]["format"] == "json");
    CHECK(calls[0]["call_label"] == "call 1 of 2");
    CHECK(calls[1]["call_label"] == "call 2 of 2");
    CHECK(calls[0]["call"]["quarter"] == 2);
    CHECK(calls[1]["call"]["quarter"] == 3);
    CHECK(calls[0]["call"]["ticker"] == "EXW");
    CHECK(calls[0]["turns"] == 5);
    CHECK(calls[0]["qa_start_turn"] == 3);
}
