// searcher --batch as a script drives it: a file or stdin of mixed plain and
// JSON lines, good and bad, answered in one process as JSON Lines.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace e2e;

namespace {

struct Indexed {
    TempDir tmp;
    fs::path db = tmp.path / "index";
    fs::path batch = tmp.path / "queries.txt";
    Indexed() { REQUIRE(run_process({kIndexer, "--db", db.string(), "--quiet", kCorpus.string()}).exit_code == 0); }
};

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

// The lines of one id, in order.
std::vector<json> of(const std::vector<json>& lines, const json& id) {
    std::vector<json> out;
    for (const json& j : lines) {
        if (j["id"] == id) out.push_back(j);
    }
    return out;
}

const char* const kMixed =
    "revenue\n"
    "{\"id\": \"cfo-2021\", \"query\": \"customers\", \"limit\": 2, \"filters\": {\"role\": \"cfo\"}}\n"
    "\n"
    "\"unterminated phrase\n"
    "{\"id\": 42, \"query\": \"訂閱\"}\n"
    "{\"id\": \"typo\", \"qeury\": \"revenue\"}\n"
    "{not json\n"
    "role:nosuchrole revenue\n"
    "ticker:JG speaker:Bong\n"
    "zyxwvutsr\n";

}  // namespace

TEST_CASE("batch: mixed plain and JSON lines, good and bad, from a file and from stdin") {
    Indexed ix;
    write_file(ix.batch, kMixed);
    const ProcessResult from_file =
        run_process({kSearcher, "--db", ix.db.string(), "--batch", ix.batch.string(), "--limit", "3"});
    CHECK(from_file.exit_code == 0);
    CHECK(from_file.err.empty());
    const ProcessResult from_stdin = run_process(
        {"/bin/sh", "-c", "\"$0\" --db \"$1\" --limit 3 --batch - < \"$2\"", kSearcher, ix.db.string(), ix.batch.string()});
    CHECK(from_stdin.exit_code == 0);
    const auto lines = json_lines(from_file.out);
    // The same answers, but for the timings.
    auto without_ms = [](std::vector<json> v) {
        for (json& j : v) j.erase("ms");
        return v;
    };
    CHECK(without_ms(json_lines(from_stdin.out)) == without_ms(lines));

    // Plain lines go by line number, JSON lines by their id; answers come in input order.
    std::vector<json> order;
    for (const json& j : lines) {
        if (order.empty() || order.back() != j["id"]) order.push_back(j["id"]);
    }
    CHECK(order == std::vector<json>{1, "cfo-2021", 4, 42, "typo", 7, 8, 9, 10});

    const auto revenue = of(lines, 1);
    REQUIRE(revenue.size() == 4);  // --limit 3 from the command line, then the summary
    CHECK(revenue[0]["type"] == "hit");
    CHECK(revenue[0]["rank"] == 1);
    CHECK(revenue[3]["type"] == "summary");
    CHECK(revenue[3]["hits"] == 3);
    CHECK(revenue[3]["line"] == 1);

    // The JSON line's limit and filter win over the command line's.
    const auto cfo = of(lines, "cfo-2021");
    REQUIRE(cfo.size() == 3);
    for (int i = 0; i < 2; ++i) {
        const auto roles = cfo[i]["roles"].get<std::vector<std::string>>();
        CHECK(std::find(roles.begin(), roles.end(), "cfo") != roles.end());
    }
    CHECK(cfo[2]["hits"] == 2);

    const auto chinese = of(lines, 42);
    REQUIRE(!chinese.empty());
    CHECK(chinese.front()["lang"] == "zh");
    CHECK(chinese.back()["type"] == "summary");

    for (const std::vector<json>& bad : std::vector<std::vector<json>>{of(lines, 4), of(lines, "typo"), of(lines, 7), of(lines, 8)}) {
        REQUIRE(bad.size() == 1);
        CHECK(bad[0]["type"] == "error");
        CHECK(!bad[0]["error"].get<std::string>().empty());
    }
    CHECK(of(lines, "typo")[0]["error"].get<std::string>().find("qeury") != std::string::npos);
    CHECK(of(lines, 8)[0]["error"].get<std::string>().find("nosuchrole") != std::string::npos);

    const auto filters_only = of(lines, 9);
    REQUIRE(filters_only.size() == 4);
    CHECK(filters_only[0]["speaker"].get<std::string>().find("Bong") != std::string::npos);

    const auto none = of(lines, 10);
    REQUIRE(none.size() == 1);
    CHECK(none[0]["hits"] == 0);

    // A hit is exactly what a single search prints, plus id, line and type.
    const ProcessResult single = run_process({kSearcher, "--db", ix.db.string(), "--json", "--limit", "3", "revenue"});
    const auto single_hits = json_lines(single.out);
    REQUIRE(single_hits.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        json hit = revenue[i];
        hit.erase("id");
        hit.erase("line");
        hit.erase("type");
        CHECK(hit == single_hits[i]);
    }
}

TEST_CASE("batch: --count prints exact counts, exit 1 when no line matched, 2 only when the batch cannot run") {
    Indexed ix;
    write_file(ix.batch, "revenue\n訂閱\n");
    const ProcessResult counted = run_process({kSearcher, "--db", ix.db.string(), "--count", "--batch", ix.batch.string()});
    CHECK(counted.exit_code == 0);
    const auto lines = json_lines(counted.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["type"] == "summary");
    CHECK(lines[0]["count"] == count_hits(ix.db, {"revenue"}));
    CHECK(lines[1]["count"] == count_hits(ix.db, {"訂閱"}));

    write_file(ix.batch, "zyxwvutsr\n(broken\n");
    CHECK(run_process({kSearcher, "--db", ix.db.string(), "--batch", ix.batch.string()}).exit_code == 1);

    const ProcessResult missing_file = run_process({kSearcher, "--db", ix.db.string(), "--batch", (ix.tmp.path / "none").string()});
    CHECK(missing_file.exit_code == 2);
    CHECK(missing_file.err.find("cannot read batch file") != std::string::npos);
    const ProcessResult no_index = run_process({kSearcher, "--db", (ix.tmp.path / "nothing").string(), "--batch", ix.batch.string()});
    CHECK(no_index.exit_code == 2);
    CHECK(no_index.out.empty());
    const ProcessResult bad_default = run_process({kSearcher, "--db", ix.db.string(), "--role", "bogus", "--batch", ix.batch.string()});
    CHECK(bad_default.exit_code == 2);
    CHECK(bad_default.out.empty());
    const ProcessResult with_words = run_process({kSearcher, "--db", ix.db.string(), "--batch", ix.batch.string(), "revenue"});
    CHECK(with_words.exit_code == 2);
    CHECK(with_words.err.find("--batch") != std::string::npos);
}
