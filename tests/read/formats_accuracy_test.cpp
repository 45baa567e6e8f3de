// How well PDF, HTML and JSON transcripts are read, measured on the real files
// of ../shared/formats against their truth.jsonl, with the measures of the
// wild-layout test (tests/support/accuracy.h): per call (a JSON file may hold
// several) and per file, accepted, named speakers found, turn count within
// 15%, role hints held (ceo, cfo, analyst, operator), first Q&A turn in qa,
// metadata right. Set CALLSEARCH_FORMATS_VERBOSE=1 to list every call.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/source_file.h"
#include "support/accuracy.h"

namespace fs = std::filesystem;
using nlohmann::json;

TEST_CASE("formats accuracy: all 9 files accepted, at least 8 right on every measure") {
    const char* dir_env = std::getenv("CALLSEARCH_FORMATS_DIR");
    const fs::path dir = dir_env ? dir_env : "";
    if (dir.empty() || !fs::exists(dir / "truth.jsonl")) {
        MESSAGE("SKIPPED: ../shared/formats is not there (CALLSEARCH_FORMATS_DIR=" << dir.string() << ")");
        return;
    }
    std::vector<json> truths;
    {
        std::ifstream in(dir / "truth.jsonl");
        for (std::string line; std::getline(in, line);) {
            if (!line.empty()) truths.push_back(json::parse(line));
        }
    }
    REQUIRE(!truths.empty());
    std::vector<test_support::FileScore> scores;
    std::map<std::string, bool> file_right;
    std::size_t files_accepted = 0;
    for (const json& truth : truths) {
        const std::string file = truth["file"].get<std::string>();
        const fs::path path = dir / file;
        const std::vector<json> calls = truth.contains("items") ? truth["items"].get<std::vector<json>>() : std::vector<json>{truth};
        std::vector<test_support::FileScore> file_scores(calls.size());
        try {
            const callsearch::DocumentText doc = callsearch::read_document(callsearch::read_source_bytes(path));
            for (std::size_t i = 0; i < calls.size(); ++i) {
                if (i >= doc.calls.size()) {
                    file_scores[i].error = "the reader found fewer calls";
                    continue;
                }
                try {
                    // The file's own name, as the indexer passes it.
                    file_scores[i] = test_support::score_file(calls[i], callsearch::parse_transcript(doc.calls[i].source.text,
                                                                                                      path.string()));
                } catch (const callsearch::ParseError& e) {
                    file_scores[i].error = e.what();
                }
            }
        } catch (const callsearch::InputError& e) {
            for (auto& s : file_scores) s.error = e.what();
        }
        bool all_right = true;
        bool accepted = true;
        for (std::size_t i = 0; i < calls.size(); ++i) {
            auto& s = file_scores[i];
            s.file = calls.size() > 1 ? file + " #" + std::to_string(i + 1) : file;
            s.group = truth.value("kind", fs::path(file).parent_path().string());
            all_right = all_right && s.all_right();
            accepted = accepted && s.accepted;
            scores.push_back(s);
        }
        file_right[file] = all_right;
        files_accepted += accepted;
    }
    const bool verbose = std::getenv("CALLSEARCH_FORMATS_VERBOSE") != nullptr;
    test_support::print_scores("PDF, HTML and JSON transcripts (../shared/formats), per call:", scores, verbose);
    std::size_t right = 0;
    for (const auto& [file, ok] : file_right) right += ok;
    std::printf("files: %zu, accepted %zu, right on every measure %zu\n", file_right.size(), files_accepted, right);
    CHECK(files_accepted == file_right.size());
    CHECK(right + 1 >= file_right.size());
}
