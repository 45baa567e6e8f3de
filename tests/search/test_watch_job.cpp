// Saved queries over the calls of one index run, against an index of
// corpus/: only those calls' passages, the searcher's hits and highlights,
// tagged with the saved query; a heading per query for people.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/indexing_job.h"
#include "search/search_job.h"
#include "search/watch_job.h"
#include "support/corpus_index.h"

using namespace callsearch;
using nlohmann::json;

TEST_SUITE("search") {

namespace {

using test_support::CorpusIndex;

const CorpusIndex& corpus_index() {
    static const CorpusIndex index;
    return index;
}

std::string watch(const std::string& list_text, const std::vector<schema::CallRef>& calls, OutputFormat format,
                  Xapian::doccount limit = 10) {
    WatchConfig config;
    config.db_dir = corpus_index().db;
    config.format = format;
    config.limit = limit;
    std::ostringstream out;
    (void)run_watch(parse_watch_list(list_text, "w.txt"), calls, config, out);
    return out.str();
}

std::vector<json> lines_of(const std::string& printed) {
    std::vector<json> lines;
    std::istringstream in(printed);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

std::vector<json> searched(const std::string& query, const std::string& call) {
    SearchConfig config;
    config.db_dir = corpus_index().db;
    config.query = query;
    config.filters = {{Field::Call, call}};
    config.match.limit = 1000;
    config.format = OutputFormat::Json;
    std::ostringstream out;
    (void)run_search(config, out);
    return lines_of(out.str());
}

}  // namespace

TEST_CASE("watch job: JSON hits are the searcher's, tagged, and only from the calls given") {
    const auto& all = corpus_index().calls;
    REQUIRE(all.size() == 2);
    const schema::CallRef jg_q2 = all[1];
    REQUIRE(jg_q2.call_key == "jg_q2_2021");
    const auto hits = lines_of(watch("subs: subscription\n# c\nrevenue role:cfo\n", {jg_q2}, OutputFormat::Json, 1000));
    const auto subscription = searched("subscription", "jg_q2_2021");
    const auto revenue = searched("revenue role:cfo", "jg_q2_2021");
    REQUIRE(!subscription.empty());
    REQUIRE(!revenue.empty());
    REQUIRE(hits.size() == subscription.size() + revenue.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const bool first = i < subscription.size();
        json expected = first ? subscription[i] : revenue[i - subscription.size()];
        CHECK(hits[i]["watch"] == (first ? json("subs") : json(nullptr)));
        CHECK(hits[i]["line"] == (first ? 1 : 3));
        CHECK(hits[i]["query"] == (first ? "subscription" : "revenue role:cfo"));
        json rest = hits[i];
        rest.erase("watch");
        rest.erase("line");
        rest.erase("query");
        CHECK(rest == expected);
    }
    const std::string printed = watch("subs: subscription\n", {jg_q2}, OutputFormat::Json, 1);
    CHECK(printed.rfind("{\"watch\":\"subs\",\"line\":1,\"query\":\"subscription\",\"rank\":1,", 0) == 0);
}

TEST_CASE("watch job: no calls, no hits; the limit holds per query") {
    CHECK(watch("subscription\nrevenue\n", {}, OutputFormat::Json).empty());
    const auto limited = lines_of(watch("revenue\nsubscription", corpus_index().calls, OutputFormat::Json, 2));
    REQUIRE(limited.size() == 4);
    CHECK(limited[1]["rank"] == 2);
    CHECK(limited[2]["line"] == 2);
    CHECK(limited[2]["rank"] == 1);
}

TEST_CASE("watch job: people get a heading per saved query with its counts, then the hits") {
    const auto& all = corpus_index().calls;
    const std::string none = watch("subs: subscription\n", {}, OutputFormat::Text);
    CHECK(none == "== subs: no new hits  (w.txt:1: subscription)\n\n");
    const std::string text = watch("\nrevenue\nzyxwvutsr\n", all, OutputFormat::Text, 1);
    const auto revenue = searched("revenue", "jg_q2_2021").size() + searched("revenue", all[0].call_key).size();
    CHECK(text.rfind("== revenue: " + std::to_string(revenue) + " new hits in 2 calls, the best 1 shown  (w.txt:2)\n\n1. ",
                     0) == 0);
    CHECK(text.find("[revenue]") != std::string::npos);
    CHECK(text.find("\n2. ") == std::string::npos);
    CHECK(text.find("== zyxwvutsr: no new hits  (w.txt:3)\n\n") != std::string::npos);
}

}  // TEST_SUITE
