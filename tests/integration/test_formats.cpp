// PDF, HTML and JSON files through the indexer: detected by content, several
// calls per file, incremental runs, the manifest, and hostile files of each
// format skipped with the reason while the run goes on.

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <set>
#include <fstream>

#include <nlohmann/json.hpp>

#include "integration/fixtures.h"
#include "support/pdf_bomb.h"
#include "support/pdf_maker.h"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

const fs::path kMotleyFoolSmall = fs::path(CALLSEARCH_FUZZ_SEEDS_DIR) / "transcript" / "motley_fool_small.txt";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// A Motley Fool transcript printed to a two-page PDF.
std::string motley_fool_pdf(const std::string& text) {
    const auto lines = lines_of(text);
    const std::vector<std::string> first(lines.begin(), lines.begin() + 26), second(lines.begin() + 26, lines.end());
    return test_support::make_pdf({test_support::text_content(first), test_support::text_content(second)});
}

// A dataset of Motley Fool transcripts as JSON strings, one call per object.
std::string two_calls_json(const std::string& text, const std::string& revenue = "RMB 176.1") {
    const std::string q3 = replace_all(replace_all(text, "Q2 2021", "Q3 2021"), "RMB 176.1", revenue);
    return json::array({{{"symbol", "JG"}, {"quarter", 2}, {"year", 2021}, {"content", text}},
                        {{"symbol", "JG"}, {"quarter", 3}, {"year", 2021}, {"content", q3}}})
        .dump();
}

json index(const fs::path& db, const std::vector<std::string>& paths, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--json"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), paths.begin(), paths.end());
    const ProcessResult r = run_process(argv);
    INFO(r.err);
    REQUIRE(r.exit_code <= 1);
    return json::parse(r.out);
}

std::vector<json> hits(const fs::path& db, std::vector<std::string> args) {
    std::vector<std::string> argv = {kSearcher, "--db", db.string(), "--json", "--limit", "1000"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<json> out;
    for (const std::string& line : lines_of(run_process(argv).out)) out.push_back(json::parse(line));
    return out;
}

}  // namespace

TEST_CASE("formats: PDF and JSON files are read by content, whatever their names -- each JSON call is its own call") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    fs::create_directories(calls);
    const std::string text = read_file(kMotleyFoolSmall);
    write_file(calls / "report.txt", motley_fool_pdf(text));  // a PDF, named .txt
    write_file(calls / "dataset.dat", two_calls_json(text));
    const json first = index(db, {calls.string()});
    CHECK(first["added"] == 2);
    CHECK(first["calls"] == 3);
    CHECK(first["skipped"] == 0);
    const auto revenue = hits(db, {"Revenue"});
    std::set<std::string> keys;
    for (const json& h : revenue) keys.insert(h["call"].get<std::string>() + " " + h["file"].get<std::string>());
    CHECK(keys == std::set<std::string>{"jg_q2_2021 " + (calls / "dataset.dat").string(),
                                        "jg_q2_2021 " + (calls / "report.txt").string(),
                                        "jg_q3_2021 " + (calls / "dataset.dat").string()});
    for (const json& h : revenue) CHECK(h["speaker"] == "Shan-Nen Bong");
    // A rebuild (threads writing shards, then merged) holds the same calls.
    CHECK(index(db, {calls.string()}, {"--rebuild", "--jobs", "2"})["calls"] == 3);
    CHECK(hits(db, {"Revenue"}).size() == revenue.size());
    CHECK(run_process({kIndexer, "--db", db.string(), "--check"}).exit_code == 0);

    // Unchanged files are not read again; an edited JSON file replaces all its calls.
    const json again = index(db, {calls.string()});
    CHECK(again["unchanged"] == 2);
    write_file(calls / "dataset.dat", two_calls_json(text, "RMB 999.9"));
    const json edited = index(db, {calls.string()});
    CHECK(edited["updated"] == 1);
    CHECK(edited["calls"] == 2);
    CHECK(hits(db, {"\"176.1\"", "--call", "jg_q3_2021"}).empty());
    CHECK(hits(db, {"\"999.9\"", "--call", "jg_q3_2021"}).size() == 1);

    // A file that now holds one call leaves no trace of its second.
    write_file(calls / "dataset.dat",
               json::array({{{"symbol", "JG"}, {"quarter", 2}, {"year", 2021}, {"content", text}}}).dump());
    CHECK(index(db, {calls.string()})["calls"] == 1);
    CHECK(hits(db, {"--call", "jg_q3_2021"}).empty());
    fs::remove(calls / "dataset.dat");
    CHECK(index(db, {calls.string()})["removed"] == 1);
    CHECK(hits(db, {"Revenue"}).size() == 1);
    CHECK(run_process({kIndexer, "--db", db.string(), "--check"}).exit_code == 0);
}

TEST_CASE("manifest: supplies and overrides metadata -- a missing file warns -- a malformed one stops the run first") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    fs::create_directories(calls);
    write_file(calls / "qec_jg_2021_3Q.pdf", motley_fool_pdf(read_file(kMotleyFoolSmall)));
    write_file(tmp.path / "manifest.csv",
               "path,ticker,quarter,year,company\ncalls/qec_jg_2021_3Q.pdf,JGX,Q3,2021,Aurora Mobile\n"
               "calls/missing.pdf,,,2020,\n");
    ProcessResult r = run_process({kIndexer, "--db", db.string(), "--manifest", (tmp.path / "manifest.csv").string(),
                                   calls.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("manifest.csv line 3: no such file: " + (calls / "missing.pdf").string()) != std::string::npos);
    auto found = hits(db, {"Revenue"});
    REQUIRE(found.size() == 1);
    CHECK(found[0]["call"] == "jgx_q3_2021");
    CHECK(found[0]["company"] == "Aurora Mobile");
    CHECK(found[0]["date"] == "2021-09-09");  // the file's own, not overridden

    // Changing the manifest re-indexes the file it names.
    write_file(tmp.path / "manifest.csv", "path,ticker\ncalls/qec_jg_2021_3Q.pdf,JGY\n");
    r = run_process({kIndexer, "--db", db.string(), "--json", "--manifest", (tmp.path / "manifest.csv").string(),
                     calls.string()});
    CHECK(json::parse(r.out)["updated"] == 1);
    found = hits(db, {"Revenue"});
    REQUIRE(found.size() == 1);
    CHECK(found[0]["call"] == "jgy_q2_2021");

    // Malformed: exit 2, and not even the index folder is created.
    write_file(tmp.path / "bad.csv", "path,quarter\ncalls/qec_jg_2021_3Q.pdf,Q5\n");
    const fs::path fresh = tmp.path / "fresh-index";
    r = run_process({kIndexer, "--db", fresh.string(), "--manifest", (tmp.path / "bad.csv").string(), calls.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.csv line 2: quarter \"Q5\" is not 1-4 or Q1-Q4") != std::string::npos);
    CHECK_FALSE(fs::exists(fresh));
}

TEST_CASE("hostile: broken, encrypted, bomb and deeply nested PDF, HTML and JSON files are skipped -- the run goes on") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    fs::create_directories(calls);
    const std::string good = motley_fool_pdf(read_file(kMotleyFoolSmall));
    write_file(calls / "good.pdf", good);
    write_file(calls / "truncated.pdf", good.substr(0, 60));
    write_file(calls / "encrypted.pdf",
               test_support::make_pdf({test_support::text_content({"Secret."})},
                                      test_support::PdfOptions{test_support::locked_encryption(), {}, 0}));
    write_file(calls / "pages.pdf",
               test_support::make_pdf({test_support::text_content({"Page."})}, test_support::PdfOptions{{}, {}, 5000}));
    write_file(calls / "bomb.pdf", test_support::pdf_bomb(30));
    write_file(calls / "scan.pdf", test_support::make_pdf({""}));
    std::string deep_html = "<html><body>";
    for (int i = 0; i < 100'000; ++i) deep_html += "<div>";
    write_file(calls / "deep.html", deep_html + "Operator</body></html>");
    write_file(calls / "deep.json", std::string(200'000, '[') + std::string(200'000, ']'));
    {
        // 100 MB of JSON array.
        std::ofstream big(calls / "big.json");
        big << "[";
        const std::string item = "{\"symbol\":\"BIG\",\"content\":\"Operator: Hello there, and welcome.\"},";
        for (std::size_t written = 0; written < 100'000'000; written += item.size()) big << item;
        big << "{}]";
    }
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult r = run_process({kIndexer, "--db", db.string(), "--json", calls.string()});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const json summary = json::parse(r.out);
    CHECK(summary["added"] == 1);
    std::map<std::string, std::string> reasons;
    for (const json& s : summary["skipped_files"]) {
        reasons[fs::path(s["path"].get<std::string>()).filename().string()] = s["reason"];
        CHECK(r.err.find(s["path"].get<std::string>() + ": ") != std::string::npos);  // named in a warning
    }
    CHECK(reasons["truncated.pdf"].find("damaged PDF") == 0);
    CHECK(reasons["encrypted.pdf"] == "encrypted PDF: it needs a password to be read");
    CHECK(reasons["pages.pdf"] == "PDF has 5000 pages; the limit is 2000");
    CHECK(reasons["scan.pdf"].find("no text layer") != std::string::npos);
    CHECK(reasons.count("bomb.pdf") == 1);  // no transcript in it, whatever poppler makes of it
    CHECK(reasons["deep.json"].find("nested deeper than") != std::string::npos);
    CHECK(reasons["big.json"].find("too large") == 0);
    CHECK(reasons.count("deep.html") == 1);
    CHECK(seconds < 30);
    CHECK(r.max_rss_kib < 512 * 1024);
    CHECK(hits(db, {"Revenue"}).size() == 1);
}

TEST_CASE("formats: a JSON call that cannot be read is named in a warning while the file's other calls are indexed") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    fs::create_directories(calls);
    const std::string text = read_file(kMotleyFoolSmall);
    write_file(calls / "mixed.json",
               json::array({{{"symbol", "JG"}, {"quarter", 2}, {"year", 2021}, {"content", text}},
                            {{"symbol", "NONE"}, {"content", "Just some words that are not a transcript."}}})
                   .dump());
    const ProcessResult r = run_process({kIndexer, "--db", db.string(), "--json", calls.string()});
    CHECK(r.exit_code == 0);
    CHECK(json::parse(r.out)["calls"] == 1);
    CHECK(r.err.find((calls / "mixed.json").string() + " (call 2 of 2): not a transcript") != std::string::npos);
    CHECK(hits(db, {"Revenue"}).size() == 1);
}
