// indexer: options -> IndexJobConfig -> callsearch::run_index_job -> exit code.
// Exit codes (README.md, "Index jobs"): 0 done, every input indexed; 1 done,
// some inputs skipped; 2 error, nothing changed (or, with --watch, the run
// committed and its watch list could not be run: the message says which);
// 3 another writer holds the index; 4 --check found problems.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "explain/explain_job.h"
#include "index/index_layout.h"
#include "index/index_inspector.h"
#include "index/indexing_job.h"
#include "index/writer_lock.h"
#include "print/terminal.h"
#include "search/watch_job.h"
#include "search/watch_list.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitError = 2;
constexpr int kExitBusy = 3;
constexpr int kExitDamaged = 4;

// The progress line on a terminal's stderr, redrawn in place at most ten
// times a second; cleared before anything else is printed.
class ProgressLine {
public:
    explicit ProgressLine(bool shown) : shown_(shown) {}
    [[nodiscard]] bool shown() const { return shown_; }

    void update(const callsearch::IndexProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (!p.merging && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        std::cerr << "\r\033[Kindexer: " << callsearch::format_progress(p) << std::flush;
    }

    void clear() {
        if (!drawn_) return;
        drawn_ = false;
        std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool shown_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

int report_check(const callsearch::CheckReport& report, bool json) {
    if (json) {
        nlohmann::ordered_json j;
        j["ok"] = report.problems.empty();
        j["generation"] = report.generation;
        j["documents"] = report.documents;
        j["files"] = report.files;
        j["problems"] = report.problems;
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else if (report.problems.empty()) {
        std::cout << "ok: " << report.generation << ", " << report.files << " files, " << report.documents
                  << " paragraphs\n";
    } else {
        for (const std::string& p : report.problems) std::cout << "problem: " << p << '\n';
    }
    return report.problems.empty() ? kExitOk : kExitDamaged;
}

// The run committed; only its watch list failed (exit 2 all the same, so
// that a nightly job notices it missed its alerts).
int watch_failed(const callsearch::IndexSummary& summary, const std::string& why) {
    std::cerr << "indexer: error: the index was updated (" << summary.generation
              << "), but the watch list could not be run: " << why << '\n';
    return kExitError;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index earnings-call transcripts for searcher.", "indexer"};
    callsearch::IndexJobConfig config;
    std::string db = callsearch::default_index_dir().string();
    bool quiet = false, json = false, check = false, stats = false, explain = false;
    double wait_seconds = 0;
    app.add_option("--db", db, "Index folder (default: $CALLSEARCH_DB, else ./index)");
    config.jobs = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("-j,--jobs", config.jobs, "Worker threads (default: all cores)")->check(CLI::Range(1u, 256u));
    app.add_option("--memory", config.memory_mib,
                   "MiB for documents waiting to be written, all threads together (default: 256)")
        ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 20));
    app.add_option("--shards", config.shards,
                   "Share the calls out into N part databases, each servable by xapian-tcpsrv "
                   "(default: as the index is; changing N needs --rebuild)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{64}));
    app.add_flag("--rebuild", config.rebuild, "Build a complete new index beside the live one, then switch to it");
    app.add_option("--wait", wait_seconds, "Wait up to SECONDS for another indexer to finish (default: fail at once)")
        ->check(CLI::Range(0.0, 7 * 24 * 3600.0));
    auto* check_flag = app.add_flag("--check", check, "Verify the index (structure, schema, records) and exit");
    auto* stats_flag = app.add_flag("--stats", stats, "Print what the index holds and exit");
    auto* explain_flag = app.add_flag("--explain", explain,
                                      "Print what the reader makes of each FILE (layout, call, speakers, sections, "
                                      "what was dropped); nothing is written");
    app.add_flag("--json", json, "Print the summary (or --check / --stats) as one JSON object");
    app.add_flag("-q,--quiet", quiet, "No warnings on stderr");
    std::string manifest;
    app.add_option("--manifest", manifest,
                   "CSV (path,company,ticker,quarter,year,date) supplying or overriding the metadata of the files it names");
    std::string watch;
    Xapian::doccount watch_limit = 10;
    auto* watch_option = app.add_option(
        "--watch", watch,
        "After the run, print the hits of each saved query of FILE (one a line, optional 'label:') in the calls "
        "this run added or changed");
    app.add_option("--watch-limit", watch_limit, "Hits per saved query of --watch (default 10, best first)")
        ->check(CLI::Range(1u, 1000000u))
        ->needs(watch_option);
    auto* paths = app.add_option("PATH", config.inputs, "Transcript files or folders (walked recursively)");
    check_flag->excludes(stats_flag);
    explain_flag->excludes(check_flag)->excludes(stats_flag);
    watch_option->excludes(check_flag)->excludes(stats_flag)->excludes(explain_flag);
    try {
        app.parse(argc, argv);
        if (!check && !stats && config.inputs.empty()) throw CLI::RequiredError("PATH");
        if ((check || stats) && (!config.inputs.empty() || config.rebuild || !manifest.empty())) {
            throw CLI::ValidationError(check ? "--check" : "--stats", "takes no PATH, no --rebuild and no --manifest");
        }
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "indexer: error: " << e.what() << '\n';
        return kExitError;
    }
    (void)paths;
    if (db.empty()) {
        std::cerr << "indexer: error: --db must name a folder\n";
        return kExitError;
    }
    if (explain) {
        if (config.inputs.empty()) {
            std::cerr << "indexer: error: --explain needs at least one FILE\n";
            return kExitError;
        }
        bool refused = false;
        for (const auto& input : config.inputs) {
            for (const auto& e : callsearch::explain_file(input)) {
                refused = refused || !e.accepted;
                std::cout << (json ? callsearch::format_explanation_json(e) + "\n" : callsearch::format_explanation_text(e));
            }
        }
        return refused ? kExitSkipped : kExitOk;
    }
    // A saved query that cannot run stops the job before the index is touched.
    std::optional<callsearch::WatchList> watch_list;
    if (watch_option->count() > 0) {
        try {
            watch_list = callsearch::read_watch_list(watch);
            callsearch::check_watch_list(*watch_list);
        } catch (const std::exception& e) {
            std::cerr << "indexer: error: " << e.what() << "; the index is left as it was\n";
            return kExitError;
        }
        config.track_new_calls = true;
    }
    config.db_dir = db;
    config.manifest = manifest;
    config.wait = std::chrono::milliseconds(static_cast<long long>(wait_seconds * 1000));

    try {
        if (check) return report_check(callsearch::check_index(config.db_dir, config.wait), json);
        if (stats) {
            const auto s = callsearch::index_stats(config.db_dir);
            std::cout << (json ? callsearch::format_stats_json(s) + "\n" : callsearch::format_stats_text(s));
            return kExitOk;
        }
        ProgressLine progress(!quiet && ::isatty(STDERR_FILENO));
        if (progress.shown()) config.progress = [&progress](const callsearch::IndexProgress& p) { progress.update(p); };
        const auto summary = callsearch::run_index_job(config, [quiet, &progress](std::string_view warning) {
            if (quiet) return;
            progress.clear();
            std::cerr << "indexer: warning: " << warning << '\n';
        });
        progress.clear();
        std::cout << (json ? callsearch::format_summary_json(summary) : callsearch::format_summary_text(summary))
                  << '\n';
        if (watch_list) {
            callsearch::WatchConfig watch_config;
            watch_config.db_dir = config.db_dir;
            watch_config.limit = watch_limit;
            watch_config.format = json ? callsearch::OutputFormat::Json : callsearch::OutputFormat::Text;
            watch_config.style = {callsearch::want_color("auto", STDOUT_FILENO), callsearch::terminal_width(STDOUT_FILENO),
                                  false};
            if (!json) std::cout << '\n';
            try {
                (void)callsearch::run_watch(*watch_list, summary.new_calls, watch_config, std::cout);
            } catch (const Xapian::Error& e) {
                return watch_failed(summary, e.get_description());
            } catch (const std::exception& e) {
                return watch_failed(summary, e.what());
            }
        }
        return summary.skipped.empty() ? kExitOk : kExitSkipped;
    } catch (const callsearch::IndexBusyError& e) {
        std::cerr << "indexer: error: " << e.what() << '\n';
        return kExitBusy;
    } catch (const Xapian::Error& e) {  // not a std::exception
        std::cerr << "indexer: error: " << e.get_description() << '\n';
        return kExitError;
    } catch (const std::exception& e) {
        std::cerr << "indexer: error: " << e.what() << '\n';
        return kExitError;
    }
}
