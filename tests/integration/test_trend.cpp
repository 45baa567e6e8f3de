// searcher --trend and --csv through the binaries, on corpus/ and on a slice
// of ../shared/bench: every bucket's counts equal what --count and
// --per-call --count say for the same bucket as filters; CSV read back by a
// reader of its own equals the JSON.

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

const fs::path kBenchArchive = CALLSEARCH_BENCH_ARCHIVE;

fs::path build_index(const fs::path& dir, const fs::path& input) {
    const fs::path db = dir / "index";
    const auto r = run_process({kIndexer, "--db", db.string(), "--quiet", input.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
}

const fs::path& corpus_index() {
    static TempDir dir;
    static const fs::path db = build_index(dir.path, kCorpus);
    return db;
}

// 40 calls of the bench (tickers CA.. to CI..; several quarters of some
// companies), or nullopt when ../shared/bench is absent.
const std::optional<fs::path>& bench_slice_index() {
    static TempDir dir;
    static const std::optional<fs::path> db = []() -> std::optional<fs::path> {
        if (!fs::exists(kBenchArchive)) return std::nullopt;
        const auto r = run_process({"/usr/bin/tar", "-xzf", kBenchArchive.string(), "-C", dir.path.string(),
                                    "--wildcards", "transcripts/C[A-I]*"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return build_index(dir.path, dir.path / "transcripts");
    }();
    return db;
}

ProcessResult search(const fs::path& db, std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {kSearcher, "--db", db.string()});
    return run_process(args, env);
}

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

using Args = std::vector<std::string>;

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

long number_of(const fs::path& db, const std::vector<std::string>& args) {
    const auto r = search(db, Args{"--count"} + args);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    return std::stol(r.out);
}

std::vector<json> trend(const fs::path& db, const std::string& by, const std::vector<std::string>& args) {
    const auto r = search(db, Args{"--trend", by, "--json"} + args);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    return json_lines(r.out);
}

// The bucket of a trend row as searcher filters, or nullopt when a value is
// unknown (no filter says "no role") or cannot be said exactly (company names
// filter by their words; speakers too).
std::optional<std::vector<std::string>> bucket_filters(const json& row) {
    std::vector<std::string> f;
    for (const char* field : {"year", "quarter", "ticker", "role", "section"}) {
        if (!row.contains(field)) continue;
        if (row[field].is_null()) return std::nullopt;
        const json& v = row[field];
        f.push_back(std::string("--") + field);
        f.push_back(v.is_string() ? v.get<std::string>() : std::to_string(v.get<int>()));
    }
    if (row.contains("company") || row.contains("speaker")) return std::nullopt;
    return f;
}

// Every row equals the counts of its bucket as filters: passages --count,
// calls and calls_in_bucket --per-call --count (with and without the words).
// Returns the rows.
std::vector<json> check_against_counts(const fs::path& db, const std::string& by, const std::vector<std::string>& words,
                                       const std::vector<std::string>& filters = {}) {
    const std::vector<json> rows = trend(db, by, filters + words);
    long passages = 0, checked = 0;
    for (const json& row : rows) {
        CAPTURE(row.dump());
        passages += row["passages"].get<long>();
        CHECK(row["calls"].get<long>() <= row["calls_in_bucket"].get<long>());
        if (row["calls_in_bucket"].get<long>() > 0) {
            CHECK(row["per_call"].get<double>() ==
                  doctest::Approx(row["passages"].get<double>() / row["calls_in_bucket"].get<double>()));
        }
        const auto bucket = bucket_filters(row);
        if (!bucket) continue;
        ++checked;
        CHECK(row["passages"].get<long>() == number_of(db, filters + *bucket + words));
        CHECK(row["calls"].get<long>() == number_of(db, Args{"--per-call"} + filters + *bucket + words));
        CHECK(row["calls_in_bucket"].get<long>() == number_of(db, Args{"--per-call"} + filters + *bucket));
    }
    // A passage has one call, speaker and section, so buckets of those add up
    // to --count (roles do not: a "Chairman & CEO" counts for both).
    if (by.find("role") == std::string::npos) CHECK(passages == number_of(db, filters + words));
    MESSAGE("--trend " << by << ": " << rows.size() << " rows, " << checked << " checked against --count");
    return rows;
}

// Per company (and quarter), from --per-call --json: passages (call_matches)
// and calls, and with `everything` the calls holding any passage at all.
std::map<std::string, std::pair<long, long>> per_company(const fs::path& db, const std::vector<std::string>& query,
                                                         bool with_quarter) {
    const auto r = search(db, Args{"--per-call", "--json", "--limit", "100000"} + query);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    std::map<std::string, std::pair<long, long>> out;
    for (const json& call : json_lines(r.out)) {
        std::string key = call["company"].get<std::string>();
        if (with_quarter) key += " | " + call["year"].dump() + " Q" + call["quarter"].dump();
        out[key].first += call["call_matches"].get<long>();
        out[key].second += 1;
    }
    return out;
}

void check_companies(const fs::path& db, const std::string& word, bool with_quarter) {
    const std::vector<json> rows = trend(db, with_quarter ? "company,quarter" : "company", {word});
    REQUIRE(!rows.empty());
    const auto matched = per_company(db, {word}, with_quarter);
    const auto held = per_company(db, {"section:prepared OR section:qa"}, with_quarter);
    std::size_t nonzero = 0;
    for (const json& row : rows) {
        CAPTURE(row.dump());
        std::string key = row["company"].get<std::string>();
        if (with_quarter) key += " | " + row["year"].dump() + " Q" + row["quarter"].dump();
        const auto m = matched.find(key);
        const long passages = m == matched.end() ? 0 : m->second.first;
        const long calls = m == matched.end() ? 0 : m->second.second;
        CHECK(row["passages"].get<long>() == passages);
        CHECK(row["calls"].get<long>() == calls);
        REQUIRE(held.count(key));
        CHECK(row["calls_in_bucket"].get<long>() == held.at(key).second);
        nonzero += passages > 0;
    }
    // Every company that matched is a row.
    CHECK(nonzero == matched.size());
}

// RFC 4180, read independently of the writer: rows of fields; CRLF ends a
// row, a quoted field may hold anything, "" inside it is one quote.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field");
            in_quotes = quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            quoted = false;
        } else if (c == '\r') {
            REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "CR without LF ends a row");
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            quoted = false;
            ++i;
        } else {
            REQUIRE_MESSAGE(c != '\n', "LF outside quotes (rows end with CRLF)");
            field += c;
        }
    }
    REQUIRE_MESSAGE(!in_quotes, "unclosed quote");
    REQUIRE_MESSAGE((field.empty() && row.empty() && !quoted), "the last row does not end with CRLF");
    return rows;
}

// The README's flattening, written again: objects a.b, arrays "; ", spans "a-b", null "".
std::string flat(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            out += i ? "; " : "";
            if (v[i].is_array()) {
                out += v[i][0].dump() + "-" + v[i][1].dump();
            } else {
                out += flat(v[i]);
            }
        }
        return out;
    }
    return v.dump();
}

std::map<std::string, std::string> flattened(const json& object) {
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : object.items()) {
        if (name == "question") {
            for (const char* q : {"speaker", "firm", "text"}) {
                out[std::string("question.") + q] = value.is_null() ? "" : flat(value[q]);
            }
        } else {
            out[name] = flat(value);
        }
    }
    return out;
}

// CSV of `args` read back equals the JSON of `args`, column for column.
void check_csv_equals_json(const fs::path& db, const std::vector<std::string>& args,
                           const std::vector<std::string>& columns) {
    const auto csv = search(db, Args{"--csv"} + args);
    const auto js = search(db, Args{"--json"} + args);
    REQUIRE_MESSAGE(csv.exit_code == js.exit_code, csv.err);
    const auto rows = read_csv(csv.out);
    const auto objects = json_lines(js.out);
    REQUIRE(!rows.empty());
    CHECK(rows[0] == columns);
    REQUIRE(rows.size() == objects.size() + 1);
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const auto expected = flattened(objects[i]);
        REQUIRE(rows[i + 1].size() == columns.size());
        CHECK(expected.size() == columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            CAPTURE(columns[c]);
            CHECK(rows[i + 1][c] == expected.at(columns[c]));
        }
    }
}

const std::vector<std::string> kHitColumns = {
    "rank",     "score",   "file",     "call",     "company",    "ticker",     "year",       "quarter",
    "date",     "speaker", "title",    "roles",    "firm",       "section",    "lang",       "turn",
    "paragraph", "passage", "passages", "text",    "translation", "time",      "highlights", "snippet",
    "snippet_highlights", "question.speaker", "question.firm", "question.text"};

}  // namespace

TEST_CASE("trend: per quarter, year, role, section and ticker on corpus/, each row as --count and --per-call say") {
    const fs::path& db = corpus_index();
    const auto quarters = check_against_counts(db, "quarter", {"revenue"});
    CHECK(quarters.size() >= 2);
    check_against_counts(db, "year", {"revenue"});
    check_against_counts(db, "role", {"revenue"});
    check_against_counts(db, "section", {"customers"});
    check_against_counts(db, "ticker,year", {"EngageLab"});
    // Filters apply to the passages and to the calls a bucket holds.
    check_against_counts(db, "quarter", {"revenue"}, {"--section", "qa"});
    check_against_counts(db, "role,quarter", {"customers"}, {"--company", "aurora"});
    check_against_counts(db, "speaker", {"revenue"});
    check_companies(db, "revenue", false);
    check_companies(db, "revenue", true);
}

TEST_CASE("trend: a translated pair counts once, as --count counts it") {
    // 訂閱 matches Chinese sides whose English sides may match "subscription" too.
    const fs::path& db = corpus_index();
    check_against_counts(db, "quarter", {"subscription OR 訂閱"});
}

TEST_CASE("trend: a slice of the bench, 40 calls, per quarter, company and quarter, role") {
    const auto& db = bench_slice_index();
    if (!db) {
        std::printf("SKIPPED: no %s; the bench-slice trend test needs ../shared/bench\n", kBenchArchive.c_str());
        return;
    }
    const auto quarters = check_against_counts(*db, "quarter", {"inflation"});
    // Quarters holding calls but no match are rows too, with zeros.
    bool any_zero = false;
    for (const json& r : quarters) any_zero |= r["passages"] == 0;
    CHECK(quarters.size() >= 4);
    MESSAGE("bench slice quarters: " << quarters.size() << std::string(any_zero ? ", some without a match" : ""));
    check_against_counts(*db, "year", {"\"supply chain\""});
    check_against_counts(*db, "role", {"pandemic"});
    check_against_counts(*db, "ticker,quarter", {"margin"}, {"--section", "qa"});
    check_companies(*db, "inflation", true);
    check_companies(*db, "guidance", false);
}

TEST_CASE("trend: the chart fits $COLUMNS, says what it counted, shows every bucket with its numbers") {
    const fs::path& db = corpus_index();
    const auto rows = trend(db, "quarter", {"revenue"});
    for (const char* columns : {"60", "100"}) {
        const auto r = search(db, {"--trend", "quarter", "revenue"}, {std::string("COLUMNS=") + columns});
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find("'revenue' by quarter") == 0);
        std::istringstream in(r.out);
        std::size_t bucket_lines = 0;
        for (std::string line; std::getline(in, line);) {
            CAPTURE(line);
            std::size_t cols = 0;
            for (const unsigned char c : line) cols += (c & 0xc0) != 0x80;
            CHECK(cols <= std::stoul(columns));
            for (const json& row : rows) {
                if (line.rfind(row["bucket"].get<std::string>(), 0) == 0) {
                    ++bucket_lines;
                    CHECK(line.find(std::to_string(row["passages"].get<long>())) != std::string::npos);
                }
            }
        }
        CHECK(bucket_lines == rows.size());
    }
    const auto none = search(db, {"--trend", "year", "zyxwvutsr"});
    CHECK(none.exit_code == 1);
    CHECK(none.out.find("no matching passages") != std::string::npos);
}

TEST_CASE("trend and csv: bad combinations and keys are errors (exit 2)") {
    const fs::path& db = corpus_index();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--trend", "month", "revenue"},
             {"--trend", "year,quarter", "revenue"},
             {"--trend", "year", "--count", "revenue"},
             {"--trend", "year", "--per-call", "revenue"},
             {"--csv", "--json", "revenue"},
             {"--csv", "--count", "revenue"}}) {
        CAPTURE(args.front() + " " + args[1]);
        const auto r = search(db, args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("searcher: error: ", 0) == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("batch with --trend: each line's buckets, tagged, equal the single query's") {
    const fs::path& db = corpus_index();
    TempDir tmp;
    write_file(tmp.path / "q.txt", "revenue\n{\"id\": \"aurora-qa\", \"query\": \"customers\", \"filters\": "
                                   "{\"company\": \"aurora\", \"section\": \"qa\"}}\n\"unclosed\n");
    const auto r = search(db, {"--trend", "quarter", "--batch", (tmp.path / "q.txt").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto lines = json_lines(r.out);
    const auto rows_of = [&](const json& id) {
        std::vector<json> rows;
        for (json j : lines) {
            if (j["id"] != id || j["type"] != "trend") continue;
            j.erase("id"), j.erase("line"), j.erase("type");
            rows.push_back(j);
        }
        return rows;
    };
    CHECK(rows_of(1) == trend(db, "quarter", {"revenue"}));
    CHECK(rows_of("aurora-qa") == trend(db, "quarter", {"--company", "aurora", "--section", "qa", "customers"}));
    long summaries = 0, errors = 0;
    for (const json& j : lines) {
        if (j["type"] == "summary") {
            ++summaries;
            CHECK(j["count"].is_number());
        }
        errors += j["type"] == "error";
    }
    CHECK(summaries == 2);
    CHECK(errors == 1);
    CHECK(lines.back()["id"] == 3);
}

TEST_CASE("csv: hits, per-call results and trend buckets read back equal their JSON") {
    const fs::path& db = corpus_index();
    // Quotes, commas and newlines in text, null tickers and dates, translations, questions.
    check_csv_equals_json(db, {"--limit", "60", "revenue"}, kHitColumns);
    check_csv_equals_json(db, {"--limit", "20", "subscription OR 訂閱"}, kHitColumns);
    check_csv_equals_json(db, {"--per-call", "revenue"}, kHitColumns + std::vector<std::string>{"call_matches"});
    check_csv_equals_json(db, {"--trend", "company,quarter", "revenue"},
                          {"bucket", "company", "year", "quarter", "passages", "calls", "calls_in_bucket", "per_call"});
    check_csv_equals_json(db, {"--trend", "role", "revenue"},
                          {"bucket", "role", "passages", "calls", "calls_in_bucket", "per_call"});
    // Nothing matched: the header alone, exit 1.
    const auto none = search(db, {"--csv", "zyxwvutsr"});
    CHECK(none.exit_code == 1);
    CHECK(read_csv(none.out) == std::vector<std::vector<std::string>>{kHitColumns});
}
