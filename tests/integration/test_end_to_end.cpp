// The two programs driven as a user or a script would, on the seed corpus.
// Assertions are on parsed JSON and exit codes.

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

e2e::ProcessResult index_into(const fs::path& db, std::vector<std::string> paths) {
    std::vector<std::string> argv = {kIndexer, "--db", db.string()};
    argv.insert(argv.end(), paths.begin(), paths.end());
    return e2e::run_process(argv);
}

// The corpus indexed once for the read-only tests below.
const fs::path& corpus_index() {
    static TempDir dir;
    static const bool built = [] {
        const auto r = index_into(dir.path / "index", {kCorpus.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return true;
    }();
    (void)built;
    return dir.path;
}

e2e::ProcessResult search(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    std::vector<std::string> argv = {kSearcher, "--db", (corpus_index() / "index").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return e2e::run_process(argv, env);
}

std::vector<json> json_hits(std::vector<std::string> args) {
    args.push_back("--json");
    const auto r = search(args);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    std::vector<json> hits;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) hits.push_back(json::parse(line));
    CHECK((r.exit_code == 0) == !hits.empty());
    return hits;
}

bool contains_ci(std::string hay, std::string needle) {
    for (auto* s : {&hay, &needle}) {
        for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("indexing the corpus reports calls, turns and paragraphs on one line") {
    TempDir dir;
    const auto r = index_into(dir.path / "index", {kCorpus.string()});
    CHECK(r.exit_code == 0);
    // One warning, naming the field the bilingual call does not give.
    CHECK(r.err.find("indexer: warning: ") == 0);
    CHECK(r.err.find("000_a04c82ed83b00c07.txt: call fields not found: date\n") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.rfind("indexed 2 files: 2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped; 2 calls, ", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("EngageLab said by the CFO finds only Shan-Nen Bong's 2023 answer, with its translation") {
    const auto hits = json_hits({"EngageLab", "--role", "CFO", "--limit", "50"});
    REQUIRE(!hits.empty());
    bool answer_with_translation = false;
    for (const json& h : hits) {
        CHECK(h["speaker"] == "Shan-Nen Bong");
        CHECK(h["year"] == 2023);
        CHECK(h["quarter"] == 2);
        CHECK(std::find(h["roles"].begin(), h["roles"].end(), "cfo") != h["roles"].end());
        if (h["lang"] == "en" && contains_ci(h["text"], "EngageLab") && h["translation"].is_string() &&
            h["translation"].get<std::string>().find("EngageLab") != std::string::npos) {
            answer_with_translation = true;
        }
    }
    CHECK(answer_with_translation);

    // Without the role the CEO's and the analyst's mentions come back too.
    const auto unfiltered = json_hits({"EngageLab", "--limit", "50"});
    CHECK(unfiltered.size() > hits.size());
    bool others = false;
    for (const json& h : unfiltered) others = others || h["speaker"] != "Shan-Nen Bong";
    CHECK(others);
}

TEST_CASE("a Simplified query finds the Traditional paragraph and shows its English original") {
    const auto hits = json_hits({"订阅服务"});
    REQUIRE(!hits.empty());
    bool found = false;
    for (const json& h : hits) {
        CHECK(h["lang"] == "zh");
        if (h["text"].get<std::string>().rfind("訂閱服務收入為人民幣4,050萬元", 0) == 0) {
            found = true;
            REQUIRE(h["translation"].is_string());
            CHECK(h["translation"].get<std::string>().rfind("Subscription Services revenue were RMB 40.5 million", 0) == 0);
            CHECK(!h["highlights"].empty());
        }
    }
    CHECK(found);
    // The text output shows the translation beneath the hit.
    const auto text = search({"订阅服务"}, {"NO_COLOR=1"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("↳ Subscription Services revenue") != std::string::npos);
}

TEST_CASE("a quoted phrase restricted to Q&A matches only Q&A paragraphs holding the phrase") {
    const auto hits = json_hits({"\"adjusted EBITDA\"", "--section", "qa", "--limit", "100"});
    REQUIRE(!hits.empty());
    for (const json& h : hits) {
        CHECK(h["section"] == "qa");
        if (h["lang"] == "en") CHECK(contains_ci(h["text"], "adjusted EBITDA"));
    }
    const auto all = json_hits({"\"adjusted EBITDA\"", "--limit", "100"});
    CHECK(all.size() > hits.size());
}

TEST_CASE("an inline speaker filter with a quoted full name restricts the words to that speaker") {
    const auto hits = json_hits({"speaker:\"Fei Chen\" advertising", "--limit", "50"});
    REQUIRE(!hits.empty());
    for (const json& h : hits) {
        CHECK(h["speaker"] == "Fei Chen");
        CHECK(contains_ci(h["text"], "advertis"));
    }
}

TEST_CASE("EngageLab in 2021 finds nothing and exits 1 with nothing printed") {
    const auto r = search({"EngageLab", "--year", "2021"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("stemming: repurchases finds repurchased and repurchasing") {
    const auto hits = json_hits({"repurchases", "--lang", "en", "--limit", "50"});
    bool repurchased = false, repurchasing = false;
    for (const json& h : hits) {
        repurchased = repurchased || contains_ci(h["text"], "repurchased");
        repurchasing = repurchasing || contains_ci(h["text"], "repurchasing");
    }
    CHECK(repurchased);
    CHECK(repurchasing);
}

TEST_CASE("speakers match by family name and roles by their Chinese title") {
    const auto by_family = json_hits({"--speaker", "bong", "--limit", "1000"});
    REQUIRE(!by_family.empty());
    for (const json& h : by_family) CHECK(h["speaker"] == "Shan-Nen Bong");

    for (const char* role : {"財務長", "财务长", "首席财务官", "Chief Financial Officer", "cfo"}) {
        INFO(role);
        const auto r = search({"--role", role, "--count"});
        CHECK(r.exit_code == 0);
        CHECK(std::stoul(r.out) == by_family.size());
    }
}

TEST_CASE("--count prints the exact number of hits the list would show") {
    // Words in the passages of long paragraphs, and words in two passages of one.
    for (const char* query : {"revenue", "customers growth", "cohort typical", "NOT revenue"}) {
        INFO(query);
        const auto hits = json_hits({query, "--limit", "100000"});
        const auto r = search({query, "--count"});
        CHECK(r.exit_code == 0);
        CHECK(std::stoul(r.out) == hits.size());
    }
}

TEST_CASE("the 2023 call learns its ticker from the 2021 call of the same company") {
    const auto hits = json_hits({"--ticker", "JG", "--year", "2023", "--limit", "1"});
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["ticker"] == "JG");
}

TEST_CASE("JSON hits carry every documented field") {
    const auto hits = json_hits({"EngageLab", "--limit", "1"});
    REQUIRE(hits.size() == 1);
    for (const char* field : {"rank", "score", "file", "company", "ticker", "year", "quarter", "date", "speaker",
                              "title", "roles", "section", "lang", "text", "translation", "turn", "paragraph",
                              "passage", "passages", "snippet", "snippet_highlights", "question"}) {
        INFO(field);
        CHECK(hits[0].contains(field));
    }
    CHECK(hits[0]["rank"] == 1);
}

TEST_CASE("a paragraph over 150 words is found by the passage that holds the words") {
    // Seed 003, line 232: an analyst's question of 152 words, two passages.
    const auto first = json_hits({"\"cohort kind of basis\""});
    REQUIRE(first.size() == 1);
    CHECK(first[0]["paragraph"] == 2);
    CHECK(first[0]["passage"] == 1);
    CHECK(first[0]["passages"] == 2);
    const std::string text = first[0]["text"];
    CHECK(text.rfind("And then maybe another question", 0) == 0);
    CHECK(text.find("typical SaaS metrics") == std::string::npos);
    const auto second = json_hits({"\"typical SaaS metrics\""});
    REQUIRE(second.size() == 1);
    CHECK(second[0]["turn"] == first[0]["turn"]);
    CHECK(second[0]["passage"] == 2);
    CHECK(second[0]["highlights"].size() == 1);  // a phrase is one span
    // Words of both passages match the paragraph, as before it was cut: the
    // hits are the passages that hold them, each ranked by its own words.
    const auto across = json_hits({"cohort", "typical", "call:jg_q2_2021"});
    REQUIRE(across.size() == 2);
    std::set<int> passages;
    for (const auto& hit : across) {
        CHECK(hit["turn"] == first[0]["turn"]);
        CHECK(hit["paragraph"] == 2);
        passages.insert(hit["passage"].get<int>());
        const std::string own = hit["text"];
        CHECK((own.find("cohort") != std::string::npos) != (own.find("typical") != std::string::npos));
        CHECK(hit["highlights"].size() == 1);
    }
    CHECK(passages == std::set<int>{1, 2});
    CHECK(std::stoul(search({"cohort", "typical", "call:jg_q2_2021", "--count"}).out) == 2);
    CHECK(std::stoul(search({"cohort", "call:jg_q2_2021", "--count"}).out) == 1);
    // Positions stay within a passage: no phrase or NEAR spans two.
    CHECK(json_hits({"cohort NEAR/200 typical", "call:jg_q2_2021"}).empty());
    // A passage holding none of the words is no hit.
    const auto one = json_hits({"cohort", "call:jg_q2_2021"});
    REQUIRE(one.size() == 1);
    CHECK(one[0]["passage"] == 1);
    CHECK(json_hits({"cohort", "call:jg_q2_2021", "--sort", "newest"}).size() == 1);
    const auto per_call = json_hits({"cohort", "call:jg_q2_2021", "--per-call"});
    REQUIRE(per_call.size() == 1);
    CHECK(per_call[0]["call_matches"] == 1);
    // The text output says which passage it shows.
    CHECK(search({"\"typical SaaS metrics\""}).out.find("¶2 passage 2/2") != std::string::npos);
}

TEST_CASE("text output shows the sentences around the matches; --full the whole passage; JSON both") {
    // Seed 003, line 232, passage 1: 86 words, the phrase in its third sentence.
    const auto hits = json_hits({"\"cohort kind of basis\""});
    REQUIRE(hits.size() == 1);
    const std::string text = hits[0]["text"], snippet = hits[0]["snippet"];
    CHECK(snippet.size() < text.size());
    CHECK(snippet.rfind("… I'm wondering if you guys have any analysis", 0) == 0);
    REQUIRE(hits[0]["snippet_highlights"].size() == 1);
    const std::size_t b = hits[0]["snippet_highlights"][0][0], e = hits[0]["snippet_highlights"][0][1];
    CHECK(snippet.substr(b, e - b) == "cohort kind of basis");
    const auto shown = search({"\"cohort kind of basis\""});
    CHECK(shown.out.find("[cohort kind of basis]") != std::string::npos);  // one span for the phrase
    CHECK(shown.out.find("And then maybe another question") == std::string::npos);
    const auto full = search({"\"cohort kind of basis\"", "--full"});
    CHECK(full.out.find("And then maybe another question") != std::string::npos);
    CHECK(full.exit_code == 0);
}

TEST_CASE("an English paragraph and its Chinese translation are one hit; --count counts hits as shown") {
    // Seed 000 (bilingual): EngageLab is written in both languages of each pair.
    const auto hits = json_hits({"EngageLab", "--call", "jg_q2_2023", "--limit", "100"});
    REQUIRE(!hits.empty());
    std::set<std::pair<int, int>> seen;
    for (const json& h : hits) {
        CAPTURE(h["text"].get<std::string>());
        CHECK(seen.insert({h["turn"].get<int>(), h["paragraph"].get<int>()}).second);
        CHECK(h["translation"].is_string());
    }
    const auto count = search({"EngageLab", "--call", "jg_q2_2023", "--count"});
    CHECK(std::stoul(count.out) == hits.size());
    // Each language alone still finds its side of every pair.
    for (const char* lang : {"en", "zh"}) {
        const auto side = json_hits({"EngageLab", "--call", "jg_q2_2023", "--lang", lang, "--limit", "100"});
        CHECK(side.size() == hits.size());
        for (const json& h : side) CHECK(h["lang"] == lang);
    }
    // A Chinese query matches the Chinese side only: shown first, the English beneath.
    const auto zh = search({"订阅服务"}, {"NO_COLOR=1"});
    CHECK(zh.out.find("↳ Subscription Services revenue") != std::string::npos);
}

TEST_CASE("--per-call lists each call once with its matching passages and best passage") {
    const auto calls = json_hits({"revenue", "--per-call"});
    REQUIRE(calls.size() == 2);  // the two seed calls
    std::set<std::string> keys;
    for (const json& c : calls) {
        const std::string key = c["call"];
        CAPTURE(key);
        CHECK(keys.insert(key).second);
        const auto in_call = search({"revenue", "--call", key, "--count"});
        CHECK(c["call_matches"].get<unsigned long>() == std::stoul(in_call.out));
        CHECK(!c["highlights"].empty());
    }
    CHECK(calls[0]["score"].get<double>() >= calls[1]["score"].get<double>());
    const auto count = search({"revenue", "--per-call", "--count"});
    CHECK(std::stoul(count.out) == 2);
    const auto newest = json_hits({"revenue", "--per-call", "--sort", "newest"});
    REQUIRE(newest.size() == 2);
    CHECK(newest[0]["year"] == 2023);
    CHECK(newest[1]["year"] == 2021);
    const auto text = search({"revenue", "--per-call"});
    CHECK(text.out.find("matching passages") != std::string::npos);
    // Without --per-call, no hit carries the field.
    CHECK(!json_hits({"revenue", "--limit", "1"})[0].contains("call_matches"));
}

TEST_CASE("an answer in Q&A carries the analyst question it replies to") {
    // Seed 003: Ryan Roberts (Navis Capital) asks about ad loads; Fei Chen answers.
    const auto hits = json_hits({"\"ad load\"", "--section", "qa", "--limit", "20"});
    bool answer = false, question = false;
    for (const json& h : hits) {
        if (h["speaker"] == "Fei Chen") {
            answer = true;
            REQUIRE(h["question"].is_object());
            CHECK(h["question"]["speaker"] == "Ryan Roberts");
            CHECK(h["question"]["firm"] == "Navis Capital");
            CHECK(h["question"]["text"].get<std::string>().find("ad load") != std::string::npos);
        }
        if (h["speaker"] == "Ryan Roberts") {
            question = true;
            CHECK(h["question"].is_null());  // a question answers nothing
        }
    }
    CHECK(answer);
    CHECK(question);
    const auto text = search({"\"ad load\"", "--section", "qa", "--speaker", "Fei Chen"});
    CHECK(text.out.find("asked by Ryan Roberts (Navis Capital):") != std::string::npos);
}

TEST_CASE("the question above an answer is the start of the analyst's turn, for every passage of a long answer") {
    // Bench calls whose analysts ask in several paragraphs and whose answers
    // run over 150 words (cut into passages).
    const fs::path tarball = fs::path(CALLSEARCH_BENCH_DIR) / "transcripts.tar.gz";
    std::error_code ec;
    if (!fs::exists(tarball, ec)) {
        MESSAGE("SKIPPED: no " << tarball.string());
        return;
    }
    TempDir tmp;
    fs::create_directories(tmp.path / "calls");
    const auto untar = e2e::run_process({"/bin/tar", "-xzf", tarball.string(), "-C", (tmp.path / "calls").string(),
                                         "transcripts/RMD_q4_2020.txt", "transcripts/JCI_q3_2021.txt"});
    REQUIRE_MESSAGE(untar.exit_code == 0, untar.err);
    REQUIRE(index_into(tmp.path / "index", {(tmp.path / "calls").string()}).exit_code == 0);
    const auto r = e2e::run_process({kSearcher, "--db", (tmp.path / "index").string(), "--section", "qa", "--json",
                                     "--limit", "100000"});
    REQUIRE(r.exit_code == 0);
    std::vector<json> hits;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) hits.push_back(json::parse(line));
    std::map<std::tuple<std::string, int, std::string>, std::string> turn_start;  // (file, turn, lang) -> text
    for (const json& h : hits) {
        if (h["paragraph"] == 1 && h["passage"] == 1) turn_start[{h["file"], h["turn"], h["lang"]}] = h["text"];
    }
    int answers = 0, later_passages = 0;
    for (const json& h : hits) {
        if (!h["question"].is_object()) continue;
        ++answers;
        if (h["passage"].get<int>() > 1) ++later_passages;
        std::string asked = h["question"]["text"];
        if (const auto cut = asked.rfind(" \u2026"); cut != std::string::npos && cut + 4 == asked.size()) asked.resize(cut);
        const auto start = turn_start.find({h["file"], h["question"]["turn"], h["lang"]});
        REQUIRE(start != turn_start.end());
        CHECK_MESSAGE(start->second.rfind(asked, 0) == 0, h["file"] << " turn " << h["turn"] << " passage " << h["passage"]);
    }
    CHECK(answers > 20);
    CHECK(later_passages > 0);
}

namespace {

// Lower-cased ASCII, for "contains a stem of" checks.
std::string lowered(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool has_role(const json& hit, const char* role) {
    for (const json& r : hit["roles"]) {
        if (r == role) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("--asked finds only answers whose analyst question holds the asked words") {
    // Seed 003: Jacob Silverman asks about reported gross margin, Fei Chen and
    // Shan-Nen Bong answer; seed 000: Brian Kinstlinger asks why gross margin fell.
    const auto hits = json_hits({"--asked", "margins", "--limit", "100"});
    REQUIRE(!hits.empty());
    std::set<std::string> speakers;
    for (const json& h : hits) {
        INFO(h.dump());
        CHECK(h["section"] == "qa");
        CHECK(!has_role(h, "analyst"));
        CHECK(!has_role(h, "operator"));
        REQUIRE(h["question"].is_object());
        const std::string matched = h["question"]["matched"].get<std::string>();
        CHECK(lowered(matched).find("margin") != std::string::npos);  // the stem of "margins"
        REQUIRE(!h["question"]["matched_highlights"].empty());
        for (const json& span : h["question"]["matched_highlights"]) {
            const auto b = span[0].get<std::size_t>(), e = span[1].get<std::size_t>();
            CHECK(lowered(matched.substr(b, e - b)).rfind("margin", 0) == 0);
        }
        CHECK(h["question"]["turn"].get<int>() < h["turn"].get<int>());
        CHECK(h["score"].get<double>() > 0);
        speakers.insert(h["speaker"].get<std::string>());
    }
    CHECK(speakers.count("Fei Chen"));
    CHECK(speakers.count("Shan-Nen Bong"));
    // The closing remarks after the operator's "no further questions" answer nothing.
    for (const json& h : hits) CHECK(h["text"].get<std::string>().find("This concludes the call") == std::string::npos);
    // asked: inline is the same restriction, and --count counts the same hits.
    const auto inline_hits = json_hits({"asked:margins", "--limit", "100"});
    REQUIRE(inline_hits.size() == hits.size());
    for (std::size_t i = 0; i < hits.size(); ++i) CHECK(inline_hits[i]["text"] == hits[i]["text"]);
    CHECK(search({"--asked", "margins", "--count"}).out == std::to_string(hits.size()) + "\n");
    // A phrase in the question.
    for (const json& h : json_hits({"asked:\"gross margin\"", "--limit", "100"})) {
        CHECK(lowered(h["question"]["matched"].get<std::string>()).find("gross margin") != std::string::npos);
    }
}

TEST_CASE("--role cfo --asked WORDS QUERY: what the CFO said when asked about it") {
    const auto cfo = json_hits({"--role", "cfo", "--asked", "margin", "--limit", "100"});
    REQUIRE(!cfo.empty());
    for (const json& h : cfo) {
        CHECK(has_role(h, "cfo"));
        CHECK(h["speaker"] == "Shan-Nen Bong");
    }
    // Words besides --asked must be in the answer, and rank it.
    const auto estimate = json_hits({"--role", "cfo", "--asked", "margin", "estimate"});
    REQUIRE(estimate.size() == 1);
    CHECK(estimate[0]["turn"] == 21);
    CHECK(!estimate[0]["highlights"].empty());
    CHECK(estimate[0]["question"]["speaker"] == "Brian David Kinstlinger");
    // Nothing asked about it: exit 1.
    CHECK(search({"--asked", "zyxwvutsr"}).exit_code == 1);
}

TEST_CASE("--answers lists under a question hit the turns that answer it, in order") {
    const auto hits = json_hits({"--answers", "--role", "analyst", "--section", "qa", "\"gross margin\""});
    REQUIRE(!hits.empty());
    bool jacob = false;
    for (const json& h : hits) {
        INFO(h.dump());
        REQUIRE(h["answers"].is_array());
        int last = h["turn"].get<int>();
        for (const json& a : h["answers"]) {
            CHECK(a["turn"].get<int>() > last);  // after the question, in the order spoken
            last = a["turn"].get<int>();
            CHECK(!a["text"].get<std::string>().empty());
            for (const char* field : {"speaker", "title", "roles", "firm", "turn", "text"}) CHECK(a.contains(field));
        }
        if (h["speaker"] == "Jacob Silverman" && h["turn"] == 7) {
            jacob = true;
            REQUIRE(h["answers"].size() == 2);
            CHECK(h["answers"][0]["speaker"] == "Fei Chen");
            CHECK(h["answers"][0]["turn"] == 8);
            CHECK(h["answers"][0]["title"] == "President");
            // The whole turn: both of Fei Chen's paragraphs.
            CHECK(h["answers"][0]["text"].get<std::string>().rfind("Hey, Jacob.", 0) == 0);
            CHECK(h["answers"][0]["text"].get<std::string>().find("\n\nSo they will slow down") != std::string::npos);
            CHECK(h["answers"][1]["speaker"] == "Shan-Nen Bong");
            CHECK(h["answers"][1]["roles"] == json::array({"cfo"}));
            CHECK(h["answers"][1]["turn"] == 9);
        }
    }
    CHECK(jacob);
    // The answers --answers lists are the hits --asked finds for that question.
    std::set<int> asked_turns;
    for (const json& h : json_hits({"--asked", "\"accounting methodology\"", "--limit", "100"})) {
        asked_turns.insert(h["turn"].get<int>());
    }
    CHECK(asked_turns == std::set<int>{8, 9});
    // Without --answers, no hit carries the field.
    CHECK(!json_hits({"\"gross margin\"", "--limit", "1"})[0].contains("answers"));
    // On a terminal, each answer under the question.
    const auto text = search({"--answers", "--role", "analyst", "\"accounting methodology\""});
    CHECK(text.out.find("answered by Fei Chen — President  [turn 8]") != std::string::npos);
    CHECK(text.out.find("answered by Shan-Nen Bong — Chief Financial Officer  [turn 9]") != std::string::npos);
}

TEST_CASE("--asked on a terminal shows which question matched, the asked words marked") {
    const auto r = search({"--asked", "margin", "--limit", "3"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("asked by Jacob Silverman (Alliance Global Partners), turn 7:") != std::string::npos);
    CHECK(r.out.find("reported gross [margin]") != std::string::npos);
    // The next answers to the same question do not repeat it.
    CHECK(r.out.find("turn 7 (the question above)") != std::string::npos);
}

TEST_CASE("--asked and --answers misused: one error line and exit 2") {
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const Case cases[] = {
        {{"--asked", ""}, "--asked needs words"},
        {{"--asked", "  "}, "--asked needs words"},
        {{"revenue", "--asked"}, "--asked needs WORDS"},
        {{"asked:"}, "missing words after 'asked:'"},
        {{"revenue", "OR", "asked:margin"}, "asked: restricts the whole query"},
        {{"--asked", "role:cfo"}, "take no filters"},
        {{"--answers", "--per-call", "revenue"}, "--answers and --per-call cannot be combined"},
    };
    for (const Case& c : cases) {
        INFO(c.message);
        const auto r = search(c.args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("searcher: error: ", 0) == 0);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("text output colours only when asked, and marks matches either way") {
    const auto plain = search({"EngageLab"});
    CHECK(plain.out.find("\x1b[") == std::string::npos);
    CHECK(plain.out.find("[EngageLab]") != std::string::npos);
    const auto coloured = search({"EngageLab", "--color", "always"});
    CHECK(coloured.out.find("\x1b[") != std::string::npos);
}

TEST_CASE("errors are one line on stderr and exit 2") {
    struct Case {
        std::vector<std::string> args;
        std::string mentions;
    };
    const std::vector<Case> cases = {
        {{"(revenue"}, "missing ')'"},
        {{"revenue", "OR"}, "OR"},
        {{"revenue", "--role", "janitor"}, "janitor"},
        {{"revenue", "--year", "20x1"}, "20x1"},
        {{"\"unterminated"}, "unterminated"},
        {{"revenue", "--no-such-option"}, "--no-such-option"},
        {{""}, "empty query"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args[0]);
        const auto r = search(c.args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("searcher: error: ", 0) == 0);
        CHECK(r.err.find(c.mentions) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

TEST_CASE("a missing database is an error naming it") {
    TempDir dir;
    const auto missing = (dir.path / "nowhere").string();
    const auto r = e2e::run_process({kSearcher, "--db", missing, "revenue"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(missing) != std::string::npos);

    const auto via_env = e2e::run_process({kSearcher, "revenue"}, {"CALLSEARCH_DB=" + missing});
    CHECK(via_env.exit_code == 2);
    CHECK(via_env.err.find(missing) != std::string::npos);
}

TEST_CASE("bad input files are named in warnings and what was indexed before stays searchable") {
    TempDir dir;
    const fs::path db = dir.path / "index";
    REQUIRE(index_into(db, {kCorpus.string()}).exit_code == 0);
    const auto before = e2e::run_process({kSearcher, "--db", db.string(), "EngageLab", "--count"});

    const fs::path bad = dir.path / "bad";
    fs::create_directories(bad);
    write_file(bad / "empty.txt", "");
    write_file(bad / "binary.txt", std::string("\x7f" "ELF\0\0\1\2", 8));
    write_file(bad / "latin1.txt", "Operator\n\nCaf\xe9 au lait\n");
    write_file(bad / "prose.txt", "This is a shopping list.\nEggs, milk and bread.\n");
    // A corpus file indexed again (through a copy) is fine and adds its call once.
    fs::copy_file(kCorpus / "003_b62d8a1d2292034a.txt", bad / "copy.txt");

    const auto r = index_into(db, {bad.string()});
    CHECK(r.exit_code == 1);
    for (const char* name : {"empty.txt", "binary.txt", "latin1.txt", "prose.txt"}) {
        INFO(name);
        CHECK(r.err.find(name) != std::string::npos);
    }
    CHECK(r.err.find("copy.txt") == std::string::npos);
    CHECK(r.out.find(" 1 added, ") != std::string::npos);

    const auto after = e2e::run_process({kSearcher, "--db", db.string(), "EngageLab", "--count"});
    CHECK(after.exit_code == 0);
    CHECK(after.out == before.out);
}

TEST_CASE("indexing the same files again replaces them instead of adding duplicates") {
    TempDir dir;
    const fs::path db = dir.path / "index";
    REQUIRE(index_into(db, {kCorpus.string()}).exit_code == 0);
    const auto once = e2e::run_process({kSearcher, "--db", db.string(), "revenue", "--count"});
    REQUIRE(index_into(db, {kCorpus.string()}).exit_code == 0);
    const auto twice = e2e::run_process({kSearcher, "--db", db.string(), "revenue", "--count"});
    CHECK(once.exit_code == 0);
    CHECK(once.out == twice.out);
}

TEST_CASE("indexer without paths or with a missing path says so") {
    TempDir dir;
    const auto none = e2e::run_process({kIndexer, "--db", (dir.path / "i").string()});
    CHECK(none.exit_code == 2);
    CHECK(none.err.rfind("indexer: error: ", 0) == 0);
    const auto missing = index_into(dir.path / "i", {(dir.path / "absent.txt").string()});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("absent.txt") != std::string::npos);
}

TEST_CASE("query words keep their order when some of them start with '-'") {
    const auto as_words = search({"revenue", "-guidance", "OR", "guidance", "--count"});
    const auto as_one = search({"--count", "--", "revenue -guidance OR guidance"});
    CHECK(as_words.exit_code == 0);
    CHECK(as_words.out == as_one.out);
    const auto bracketed = search({"(", "-guidance", "OR", "margin", ")", "--count"});
    CHECK(bracketed.exit_code == 0);
}
