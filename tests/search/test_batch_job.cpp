// Batch queries against an index of corpus/: one answer block per line, in
// order, the same hits as single searches, errors in place, the batch going on.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/indexing_job.h"
#include "search/search_job.h"
#include "query/filter_values.h"
#include "search/batch_job.h"
#include "support/corpus_index.h"

using namespace callsearch;
using nlohmann::json;

TEST_SUITE("search") {

namespace {

using test_support::CorpusIndex;

std::vector<json> run(const BatchConfig& config, const std::string& input, BatchOutcome& outcome) {
    std::istringstream in(input);
    std::ostringstream out;
    outcome = run_batch(config, in, out);
    std::vector<json> lines;
    std::istringstream printed(out.str());
    for (std::string line; std::getline(printed, line);) lines.push_back(json::parse(line));
    return lines;
}

// What `searcher --json` prints for one query, one parsed object per hit.
std::vector<json> single_search(const std::filesystem::path& db, const std::string& query, Xapian::doccount limit) {
    SearchConfig config;
    config.db_dir = db;
    config.query = query;
    config.match.limit = limit;
    config.format = OutputFormat::Json;
    std::ostringstream out;
    (void)run_search(config, out);
    std::vector<json> hits;
    std::istringstream printed(out.str());
    for (std::string line; std::getline(printed, line);) hits.push_back(json::parse(line));
    return hits;
}

}  // namespace

TEST_CASE("batch job: each line gets its hits, tagged, then a summary, bad lines an error, the batch goes on") {
    const CorpusIndex index;
    BatchConfig config;
    config.db_dir = index.db;
    config.match.limit = 3;
    BatchOutcome outcome;
    const auto lines = run(config,
                           "revenue\n"
                           "\n"
                           "(unbalanced\n"
                           R"({"id":"zh","query":"訂閱","limit":2})" "\n"
                           "zyxwvutsr\n",
                           outcome);
    CHECK(outcome.queries == 4);
    CHECK(outcome.matched == 2);
    CHECK(outcome.failed == 1);

    std::vector<std::string> shape;
    for (const json& j : lines) shape.push_back(j["id"].dump() + ":" + j["type"].get<std::string>());
    CHECK(shape == std::vector<std::string>{"1:hit", "1:hit", "1:hit", "1:summary", "3:error", "\"zh\":hit",
                                            "\"zh\":hit", "\"zh\":summary", "5:summary"});
    CHECK(lines[4]["line"] == 3);
    CHECK(!lines[4]["error"].get<std::string>().empty());
    CHECK(lines[7]["hits"] == 2);
    CHECK(lines[7]["count"].is_null());
    CHECK(lines[7]["estimated"].get<int>() >= 2);
    CHECK(lines[7]["ms"].get<double>() >= 0);
    CHECK(lines[8]["hits"] == 0);

    // A hit is the single search's object plus id, line and type.
    const auto single = single_search(index.db, "revenue", 3);
    REQUIRE(single.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        json hit = lines[i];
        hit.erase("id");
        hit.erase("line");
        hit.erase("type");
        CHECK(hit == single[i]);
    }
}

TEST_CASE("batch job: a byte order mark at the start of the file is not part of the first line") {
    const CorpusIndex index;
    BatchConfig config;
    config.db_dir = index.db;
    config.count = true;
    BatchOutcome outcome;
    const auto plain = run(config, "revenue\n", outcome);
    const auto marked = run(config, "\xEF\xBB\xBF{\"id\":\"x\",\"query\":\"revenue\"}\n", outcome);
    REQUIRE(marked.size() == 1);
    CHECK(marked[0]["type"] == "summary");
    CHECK(marked[0]["id"] == "x");
    CHECK(marked[0]["count"] == plain[0]["count"]);
}

TEST_CASE("batch job: --count gives exact counts in the summaries and no hits") {
    const CorpusIndex index;
    BatchConfig config;
    config.db_dir = index.db;
    config.count = true;
    BatchOutcome outcome;
    const auto lines = run(config, "revenue\nzyxwvutsr\n", outcome);
    REQUIRE(lines.size() == 2);
    SearchConfig single;
    single.db_dir = index.db;
    single.query = "revenue";
    single.format = OutputFormat::Count;
    std::ostringstream out;
    (void)run_search(single, out);
    CHECK(lines[0]["count"] == std::stol(out.str()));
    CHECK(lines[0]["hits"] == 0);
    CHECK(lines[1]["count"] == 0);
    CHECK(outcome.matched == 1);
}

TEST_CASE("batch job: a bad command-line filter or a missing index stops the batch before any line") {
    const CorpusIndex index;
    BatchConfig config;
    config.db_dir = index.db;
    config.filters = {{Field::Role, "bogus"}};
    std::istringstream in("revenue\n");
    std::ostringstream out;
    CHECK_THROWS_AS((void)run_batch(config, in, out), QueryError);
    config.filters.clear();
    config.db_dir = index.dir.path / "nothing";
    CHECK_THROWS_AS((void)run_batch(config, in, out), DatabaseError);
    CHECK(out.str().empty());
}

}  // TEST_SUITE
