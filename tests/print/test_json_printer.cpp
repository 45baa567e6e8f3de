#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "print/json_printer.h"
#include "print/snippet.h"
#include "support/sample_hit.h"

using namespace callsearch;

namespace {

// The analyst's question, ranked third.
Hit sample_hit() { return test_support::hit_of(test_support::analyst_paragraph(), 3, 1.5); }

}  // namespace

TEST_CASE("a JSON hit is one line holding every documented field with its type") {
    const std::string line = format_json_hit(sample_hit(), {{17, 21}});
    CHECK(line.find('\n') == std::string::npos);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["rank"] == 3);
    CHECK(j["score"] == 1.5);
    CHECK(j["file"] == "/c/003.txt");
    CHECK(j["company"] == "Aurora Mobile Ltd");
    CHECK(j["ticker"] == "JG");
    CHECK(j["year"] == 2021);
    CHECK(j["quarter"] == 2);
    CHECK(j["date"] == "2021-09-09");
    CHECK(j["speaker"] == "Ryan Roberts");
    CHECK(j["title"] == "Navis Capital -- Analyst");
    CHECK(j["roles"] == nlohmann::json::array({"analyst"}));
    CHECK(j["section"] == "qa");
    CHECK(j["lang"] == "en");
    CHECK(j["text"] == sample_hit().paragraph.text);
    CHECK(j["translation"].is_null());
    CHECK(j["turn"] == 12);
    CHECK(j["paragraph"] == 1);
    CHECK(j["highlights"] == nlohmann::json::array({nlohmann::json::array({17, 21})}));
}

TEST_CASE("unknown values are null in JSON, not empty strings or zeros") {
    Hit hit = sample_hit();
    hit.paragraph.ticker.clear();
    hit.paragraph.date.reset();
    hit.paragraph.year = 0;
    const auto j = nlohmann::json::parse(format_json_hit(hit, {}));
    CHECK(j["ticker"].is_null());
    CHECK(j["date"].is_null());
    CHECK(j["year"].is_null());
}

namespace {

// What the printer wrote before it was hand-written, kept as the reference.
std::string reference_json(const Hit& hit, const std::vector<Span>& highlights) {
    const StoredParagraph& p = hit.paragraph;
    using nlohmann::json;
    const auto optional_string = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json spans = json::array();
    for (const Span& s : highlights) spans.push_back({s.begin, s.end});
    nlohmann::ordered_json j;
    j["rank"] = hit.rank;
    j["score"] = hit.score;
    j["file"] = p.file;
    j["call"] = p.call;
    j["company"] = p.company;
    j["ticker"] = optional_string(p.ticker);
    j["year"] = p.year == 0 ? json(nullptr) : json(p.year);
    j["quarter"] = p.quarter == 0 ? json(nullptr) : json(p.quarter);
    j["date"] = p.date ? json(*p.date) : json(nullptr);
    j["speaker"] = optional_string(p.speaker);
    j["title"] = p.title;
    j["roles"] = p.roles;
    j["firm"] = optional_string(p.firm);
    j["section"] = p.section;
    j["lang"] = p.lang;
    j["turn"] = p.turn;
    j["paragraph"] = p.paragraph;
    j["passage"] = p.passage;
    j["passages"] = p.passages;
    j["text"] = p.text;
    j["translation"] = p.translation ? json(*p.translation) : json(nullptr);
    j["time"] = p.start_ms >= 0 ? json(static_cast<double>(p.start_ms) / 1000.0) : json(nullptr);
    j["highlights"] = spans;
    const Snippet snippet = make_snippet(p.text, highlights);
    json snippet_spans = json::array();
    for (const Span& s : snippet.highlights) snippet_spans.push_back({s.begin, s.end});
    j["snippet"] = snippet.text;
    j["snippet_highlights"] = snippet_spans;
    j["question"] = nullptr;
    if (hit.question) {
        nlohmann::ordered_json q;
        q["speaker"] = hit.question->speaker;
        q["firm"] = optional_string(hit.question->firm);
        q["text"] = hit.question->text;
        j["question"] = q;
    }
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("JSON output is byte for byte what nlohmann::json writes, whatever the text holds") {
    struct Case {
        const char* name;
        std::string text;
        double score;
    };
    const std::vector<Case> cases = {
        {"plain", "Revenue grew 12% year-over-year.", 9.559290535987616},
        {"quotes and backslashes", "He said \"up\" \\ down / slash", 0.0},
        {"control characters", std::string("tab\there\nline\rret\bbs\ffeed\x01\x1f\x7f end"), 3.0},
        {"nul byte", std::string("a\0b", 3), 1e-05},
        {"Chinese and emoji", "訂閱服務收入為人民幣4,050萬元 😀 ✓", 0.0001},
        {"invalid UTF-8", std::string("bad \xff\xfe bytes \xc3 and \xed\xa0\x80 surrogate \xf4\x90\x80\x80"), 123456789.5},
        {"truncated sequence at the end", std::string("ends in \xe8\xa8"), 1e300},
        {"empty", "", 2.5e-7},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        Hit hit = sample_hit();
        hit.score = c.score;
        hit.paragraph.text = c.text;
        hit.paragraph.translation = c.text + " (translated)";
        hit.paragraph.speaker = c.text;
        hit.paragraph.roles = {"ceo", c.text};
        CHECK(format_json_hit(hit, {{0, 3}, {5, 9}}) == reference_json(hit, {{0, 3}, {5, 9}}));
    }
    // And with the optional fields unknown.
    Hit bare = sample_hit();
    bare.paragraph.ticker.clear();
    bare.paragraph.firm.clear();
    bare.paragraph.date.reset();
    bare.paragraph.year = 0;
    bare.paragraph.quarter = 0;
    bare.paragraph.roles.clear();
    bare.paragraph.speaker.clear();
    CHECK(format_json_hit(bare, {}) == reference_json(bare, {}));
    // A paragraph of timed speech carries its start.
    Hit timed = sample_hit();
    timed.paragraph.start_ms = 30440;
    CHECK(format_json_hit(timed, {}) == reference_json(timed, {}));
    CHECK(nlohmann::json::parse(format_json_hit(timed, {}))["time"] == doctest::Approx(30.44));
    CHECK(nlohmann::json::parse(format_json_hit(bare, {}))["speaker"].is_null());
}
