// Issue 10's query features driven through the searcher on corpus/: NEAR, ADJ
// and SENTENCE against a scan of the paragraphs' own text; --since/--until and
// date:; ~word, --synonyms and a user thesaurus.

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

const fs::path& corpus_db() {
    static TempDir dir;
    static const bool built = [] {
        const auto r = run_process({kIndexer, "--db", (dir.path / "index").string(), kCorpus.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return true;
    }();
    (void)built;
    return dir.path;
}

ProcessResult search(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    std::vector<std::string> argv = {kSearcher, "--db", (corpus_db() / "index").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env);
}

std::vector<json> hits_of(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--json", "--limit", "100000"});
    const auto r = search(args, env);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    std::vector<json> hits;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) hits.push_back(json::parse(line));
    CHECK((r.exit_code == 0) == !hits.empty());
    return hits;
}

std::string key_of(const json& hit) {
    return hit["call"].get<std::string>() + "/" + std::to_string(hit["turn"].get<int>()) + "/" +
           std::to_string(hit["paragraph"].get<int>());
}

std::set<std::string> keys(const std::vector<json>& hits) {
    std::set<std::string> out;
    for (const json& h : hits) out.insert(key_of(h));
    return out;
}

// The oracle: each sentence of a paragraph as its lower-cased words, cut the
// way the README describes (a sentence ends at . ! ? before white space,
// unless the word before a '.' is an initial, holds a dot, or is a common
// title or company abbreviation). Words are letters and digits, with . , '
// kept between two of them ("4,050", "u.s", "jg's").
using Sentence = std::vector<std::string>;

std::vector<Sentence> sentences_of(const std::string& text) {
    static const std::set<std::string> abbreviations = {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st",
                                                        "inc", "corp", "co", "ltd", "vs", "etc", "no"};
    std::vector<Sentence> out(1);
    const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (alnum(c)) {
            std::string word;
            while (i < text.size() && (alnum(text[i]) || ((text[i] == '.' || text[i] == ',' || text[i] == '\'') &&
                                                         i + 1 < text.size() && alnum(text[i + 1]) && !word.empty()))) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
                ++i;
            }
            out.back().push_back(word);
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            std::size_t after = i;
            while (after < text.size() && std::string_view(".!?\"')]").find(text[after]) != std::string_view::npos) ++after;
            const bool space = after >= text.size() || std::isspace(static_cast<unsigned char>(text[after]));
            const std::string before = out.back().empty() ? "" : out.back().back();
            const bool abbreviation = c == '.' && !before.empty() && i > 0 && alnum(text[i - 1]) &&
                                      (before.size() == 1 || before.find('.') != std::string::npos ||
                                       abbreviations.count(before));
            if (space && !abbreviation && !out.back().empty()) out.emplace_back();
            i = after;
            continue;
        }
        ++i;
    }
    return out;
}

enum class Rule { Near, Adj, Sentence };

// Whether a and b occur as the rule says in one sentence (positions never
// bring two sentences within reach: they are 256 apart).
bool scan(const std::string& text, const std::string& a, const std::string& b, Rule rule, long n) {
    for (const Sentence& s : sentences_of(text)) {
        for (long i = 0; i < static_cast<long>(s.size()); ++i) {
            if (s[i] != a) continue;
            for (long j = 0; j < static_cast<long>(s.size()); ++j) {
                if (s[j] != b || i == j) continue;
                const long d = j - i;
                if ((rule == Rule::Near && std::labs(d) <= n) || (rule == Rule::Adj && d >= 1 && d <= n) ||
                    (rule == Rule::Sentence && std::labs(d) < 256)) {
                    return true;
                }
            }
        }
    }
    return false;
}

}  // namespace

TEST_CASE("NEAR, ADJ and SENTENCE find exactly the paragraphs a scan of the text finds") {
    const std::vector<json> all = hits_of({"--lang", "en"});  // filters alone list every paragraph
    REQUIRE(all.size() > 100);
    struct Case {
        const char* a;
        const char* b;
        Rule rule;
        long n;
    };
    const Case cases[] = {
        {"revenue", "growth", Rule::Near, 3},  {"revenue", "growth", Rule::Near, 10},
        {"revenue", "quarter", Rule::Near, 5}, {"year", "over", Rule::Adj, 1},
        {"gross", "margin", Rule::Adj, 2},     {"growth", "revenue", Rule::Adj, 6},
        {"customers", "we", Rule::Near, 4},    {"revenue", "quarter", Rule::Sentence, 0},
        {"saas", "growth", Rule::Sentence, 0}, {"we", "customers", Rule::Sentence, 0},
        {"thank", "you", Rule::Adj, 1},        {"million", "rmb", Rule::Near, 2},
    };
    std::size_t nonempty = 0;
    for (const Case& c : cases) {
        const std::string qa = std::string("\"") + c.a + "\"";
        const std::string qb = std::string("\"") + c.b + "\"";
        const std::string query = c.rule == Rule::Sentence ? "SENTENCE(" + qa + " " + qb + ")"
                                                          : qa + (c.rule == Rule::Near ? " NEAR/" : " ADJ/") +
                                                                std::to_string(c.n) + " " + qb;
        INFO(query);
        std::set<std::string> expected;
        for (const json& h : all) {
            if (scan(h["text"].get<std::string>(), c.a, c.b, c.rule, c.n)) expected.insert(key_of(h));
        }
        const auto found = hits_of({"--lang", "en", query});
        CHECK(keys(found) == expected);
        if (!expected.empty()) ++nonempty;
        // Every hit highlights both words.
        for (const json& h : found) CHECK(h["highlights"].size() >= 2);
    }
    CHECK(nonempty >= 10);
    // Stemmed words find at least what their exact forms find.
    const auto exact = keys(hits_of({"\"revenue\" NEAR/5 \"growth\""}));
    const auto stemmed = keys(hits_of({"revenues NEAR/5 growth"}));
    CHECK(std::includes(stemmed.begin(), stemmed.end(), exact.begin(), exact.end()));
    CHECK(stemmed.size() > exact.size());
}

TEST_CASE("bad proximity syntax is a clear error and exit 2") {
    for (const char* query : {"revenue NEAR/0 growth", "revenue NEAR/x growth", "SENTENCE(revenue growth",
                              "revenue ADJ/999 growth", "NEAR growth"}) {
        INFO(query);
        const auto r = search({query});
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("searcher: error: ", 0) == 0);
        CHECK(r.err.find(query) != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("--since and --until bound the call date inclusively and leave out calls without one") {
    // corpus/: the JG call of 2021-09-09, and the bilingual call with no date.
    const auto all = hits_of({"revenue"});
    const auto dated = hits_of({"revenue", "--since", "2021-09-09"});
    REQUIRE(!dated.empty());
    CHECK(dated.size() < all.size());
    for (const json& h : dated) CHECK(h["date"] == "2021-09-09");
    CHECK(keys(hits_of({"revenue", "--until", "2021-09-09"})) == keys(dated));
    CHECK(keys(hits_of({"revenue", "--since", "2021-09-09", "--until", "2021-09-09"})) == keys(dated));
    CHECK(keys(hits_of({"revenue date:2021-09-09"})) == keys(dated));
    CHECK(keys(hits_of({"revenue date:2021-01-01..2021-12-31"})) == keys(dated));
    CHECK(hits_of({"revenue", "--since", "2021-09-10"}).empty());
    CHECK(hits_of({"revenue", "--until", "2021-09-08"}).empty());
    const auto r = search({"revenue", "--since", "2021-09-10"});
    CHECK(r.exit_code == 1);
    for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
             {"revenue", "--since", "2021-9-9"}, {"revenue", "--until", "2021-02-30"},
             {"revenue date:yesterday"}, {"revenue", "--since", "2022-01-01", "--until", "2021-01-01"}}) {
        const auto e = search(bad);
        CHECK(e.exit_code == 2);
        CHECK(e.err.find("invalid date") != std::string::npos);
    }
    // --stats says how many calls have no date.
    const auto stats = run_process({kIndexer, "--db", (corpus_db() / "index").string(), "--stats", "--json"});
    REQUIRE(stats.exit_code == 0);
    CHECK(json::parse(stats.out)["calls_without_date"] == 1);
}

TEST_CASE("~word and --synonyms expand through the shipped thesaurus, and --thesaurus adds a user file") {
    const auto plain = keys(hits_of({"SaaS"}));
    const auto expanded = keys(hits_of({"~SaaS"}));  // SaaS ~ cloud ~ software as a service ~ ...
    CHECK(std::includes(expanded.begin(), expanded.end(), plain.begin(), plain.end()));
    CHECK(expanded.size() > plain.size());
    CHECK(keys(hits_of({"--synonyms", "SaaS"})) == expanded);
    // What matched is highlighted, whichever member it was.
    for (const json& h : hits_of({"~SaaS", "-saas"})) CHECK(!h["highlights"].empty());

    TempDir dir;
    const fs::path mine = dir.path / "mine.txt";
    write_file(mine, "# my words\nEngageLab ~ push notification ~ developer services\n");
    const auto engage = keys(hits_of({"EngageLab"}));
    const auto with_mine = keys(hits_of({"--thesaurus", mine.string(), "~EngageLab"}));
    CHECK(with_mine.size() > engage.size());
    CHECK(keys(hits_of({"~EngageLab"}, {"CALLSEARCH_THESAURUS=" + mine.string()})) == with_mine);
    CHECK(keys(hits_of({"~EngageLab"})) == engage);  // no user file: in no group

    write_file(mine, "lonely\n");
    const auto bad = search({"--thesaurus", mine.string(), "revenue"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find(mine.string() + ":1:") != std::string::npos);
    const auto missing = search({"--thesaurus", (dir.path / "none.txt").string(), "revenue"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("cannot read thesaurus") != std::string::npos);
}

TEST_CASE("a search that finds nothing suggests nearby words: on stderr, or as JSON with --json, exit 1") {
    const auto text = search({"repurchse"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.empty());
    CHECK(text.err == "searcher: did you mean: repurchase (for 'repurchse')\n");

    const auto speaker = search({"--speaker", "Bogn", "revenue"});
    CHECK(speaker.exit_code == 1);
    CHECK(speaker.err.find("did you mean: bong (for --speaker 'bogn')") != std::string::npos);

    // The words of a question asked about, inline or with --asked.
    const auto asked = search({"--asked", "repurchse"});
    CHECK(asked.exit_code == 1);
    CHECK(asked.err == "searcher: did you mean: repurchase (for --asked 'repurchse')\n");
    const auto inline_asked = search({"--json", "revenue asked:subscriptoin"});
    CHECK(inline_asked.exit_code == 1);
    CHECK(json::parse(inline_asked.out) == json{{"type", "suggestion"}, {"field", "asked"}, {"word", "subscriptoin"},
                                               {"suggestions", {"subscription"}}});

    const auto js = search({"--json", "--company", "Aurra", "subscriptoin"});
    CHECK(js.exit_code == 1);
    CHECK(js.err.empty());
    std::vector<json> objects;
    std::istringstream lines(js.out);
    for (std::string line; std::getline(lines, line);) objects.push_back(json::parse(line));
    REQUIRE(objects.size() == 2);
    CHECK(objects[0] == json{{"type", "suggestion"}, {"field", "query"}, {"word", "subscriptoin"},
                             {"suggestions", {"subscription"}}});
    CHECK(objects[1]["field"] == "company");
    CHECK(objects[1]["suggestions"] == json{"aurora"});

    // A search with hits suggests nothing.
    const auto found = search({"repurchase"});
    CHECK(found.exit_code == 0);
    CHECK(found.err.empty());
}
