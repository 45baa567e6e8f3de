#pragma once
// What the end-to-end tests share: the programs under test, scratch folders,
// and transcripts made from the seed corpus.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "integration/process.h"
#include "support/temp_dir.h"

namespace e2e {

inline const std::string kIndexer = CALLSEARCH_INDEXER;
inline const std::string kSearcher = CALLSEARCH_SEARCHER;
inline const std::filesystem::path kCorpus = CALLSEARCH_CORPUS_DIR;

using test_support::TempDir;

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// Seed 003 as the call of another company ("Company 7", ticker "CSSEVEN"
// style), so that many distinct calls can be indexed. `revision` > 0 changes
// a phrase the way an edited transcript would.
inline std::string synthetic_call(int n, int revision = 0) {
    static const std::string seed = read_file(kCorpus / "003_b62d8a1d2292034a.txt");
    // The seed's header uses no-break spaces, as Motley Fool pages do.
    std::string text = replace_all(seed, "Aurora Mobile Ltd\u00a0(JG)", "Company " + std::to_string(n) + " Inc (CS" +
                                                                        std::to_string(n) + ")");
    text = replace_all(text, "Q2\u00a02021 Earnings Call", "Q" + std::to_string(n % 4 + 1) + " " +
                                                          std::to_string(2015 + n % 8) + " Earnings Call");
    if (revision > 0) text = replace_all(text, "ad load", "ad inventory");
    return text;
}

// Runs the searcher for a count; -1 if it failed.
inline long count_hits(const std::filesystem::path& db, std::vector<std::string> args) {
    std::vector<std::string> argv = {kSearcher, "--db", db.string(), "--count"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_process(argv);
    if (r.exit_code != 0 && r.exit_code != 1) return -1;
    return std::stol(r.out);
}

// A fixed mix of queries whose counts tell index states apart.
inline const std::vector<std::vector<std::string>>& query_mix() {
    static const std::vector<std::vector<std::string>> mix = {
        {"revenue"},
        {"\"ad load\""},
        {"inventory"},
        {"customers", "--role", "cfo"},
        {"JG OR Alliance"},
        {"--section", "qa", "subscription"},
        {"--ticker", "CS3"},
        {"--year", "2016..2018", "growth"},
    };
    return mix;
}

inline std::vector<long> count_mix(const std::filesystem::path& db) {
    std::vector<long> counts;
    for (const auto& q : query_mix()) counts.push_back(count_hits(db, q));
    return counts;
}

}  // namespace e2e

namespace e2e {

// Two states of a folder of calls, as successive nightly jobs see it: state B
// drops some calls of state A, edits some, keeps some and adds new ones.
struct TwoStates {
    int removed = 2, edited = 2, kept = 4, added = 4;

    void write_state_a(const std::filesystem::path& dir) const {
        clear(dir);
        for (int i = 0; i < removed + edited + kept; ++i) write_file(dir / name(i), synthetic_call(i));
    }

    void write_state_b(const std::filesystem::path& dir) const {
        clear(dir);
        for (int i = removed; i < removed + edited; ++i) write_file(dir / name(i), synthetic_call(i, 1));
        for (int i = removed + edited; i < removed + edited + kept + added; ++i) write_file(dir / name(i), synthetic_call(i));
    }

private:
    static std::string name(int i) { return "call" + std::to_string(i) + ".txt"; }
    static void clear(const std::filesystem::path& dir) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
};

// Builds an index of `state`'s files in a scratch folder and returns its query-mix counts.
template <typename WriteState>
std::vector<long> reference_counts(WriteState&& write_state) {
    TempDir tmp;
    write_state(tmp.path / "calls");
    run_process({kIndexer, "--db", (tmp.path / "index").string(), (tmp.path / "calls").string()});
    return count_mix(tmp.path / "index");
}

}  // namespace e2e
