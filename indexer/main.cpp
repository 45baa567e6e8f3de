// indexer: options -> IndexJobConfig -> callsearch::run_index_job -> exit code.
// Exit codes: 0 every input indexed, 1 done but some inputs skipped (warnings
// on stderr), 2 error (nothing written; one line on stderr).

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "index/indexing_job.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitError = 2;

std::string default_db() {
    const char* env = std::getenv("CALLSEARCH_DB");
    return env && *env ? env : "index";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index earnings-call transcripts for searcher.", "indexer"};
    callsearch::IndexJobConfig config;
    std::string db = default_db();
    bool quiet = false;
    app.add_option("--db", db, "Index folder (default: $CALLSEARCH_DB, else ./index)");
    app.add_flag("-q,--quiet", quiet, "No warnings on stderr");
    app.add_option("PATH", config.inputs, "Transcript files or folders (walked recursively)")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "indexer: error: " << e.what() << '\n';
        return kExitError;
    }
    config.db_dir = db;

    try {
        const auto summary = callsearch::run_index_job(config, [quiet](std::string_view warning) {
            if (!quiet) std::cerr << "indexer: warning: " << warning << '\n';
        });
        std::printf("indexed %zu calls, %zu turns, %zu paragraphs from %zu files in %.2f s (%zu skipped)\n",
                    summary.calls, summary.turns, summary.paragraphs, summary.files, summary.seconds,
                    summary.skipped);
        return summary.skipped > 0 ? kExitSkipped : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "indexer: error: " << e.what() << '\n';
        return kExitError;
    }
}
