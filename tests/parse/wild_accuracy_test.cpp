// The reader on real transcripts of other sources (../shared/wild): each
// file read from its content alone (never its folder), scored against
// truth.jsonl. Set CALLSEARCH_WILD_VERBOSE=1 to list every file.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/source_file.h"
#include "support/accuracy.h"

namespace fs = std::filesystem;

TEST_CASE("wild transcripts: every file accepted, at least 25 of 27 right on every measure") {
    const char* dir_env = std::getenv("CALLSEARCH_WILD_DIR");
    const fs::path dir = dir_env ? fs::path(dir_env) : fs::path(CALLSEARCH_SHARED_DIR) / "wild";
    if (!fs::exists(dir / "truth.jsonl")) {
        MESSAGE("SKIPPED: " << (dir / "truth.jsonl").string() << " is absent (the wild transcripts are not here)");
        return;
    }
    std::ifstream truth_in(dir / "truth.jsonl");
    std::vector<test_support::FileScore> scores;
    std::string line;
    while (std::getline(truth_in, line)) {
        if (line.empty()) continue;
        const auto truth = nlohmann::json::parse(line);
        const std::string file = truth["file"].get<std::string>();
        test_support::FileScore score;
        try {
            // Read as the indexer reads (format by content), with the file's
            // name, which the reader may use as evidence; the folder never reaches it.
            const auto document = callsearch::read_document(callsearch::read_source_bytes(dir / file));
            REQUIRE(document.calls.size() == 1);
            const std::string name = fs::path(file).filename().string();
            score = test_support::score_file(truth, callsearch::parse_transcript(document.calls[0].source.text, name));
        } catch (const std::exception& e) {
            score.error = e.what();
        }
        score.file = file;
        score.group = truth.value("layout", "?");
        scores.push_back(std::move(score));
    }
    const bool verbose = std::getenv("CALLSEARCH_WILD_VERBOSE") != nullptr;
    const std::size_t right = test_support::print_scores("wild transcripts (../shared/wild):", scores, verbose);
    std::size_t accepted = 0;
    for (const auto& s : scores) accepted += s.accepted;
    CHECK(accepted == scores.size());
    CHECK(right >= 25);
}
