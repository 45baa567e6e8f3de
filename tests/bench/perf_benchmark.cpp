// perf_benchmark: the performance benchmark of README.md ("Performance").
// One run, on one corpus at two scales (1x and 4x), measures:
//   builds   our indexer with --jobs 1 and --jobs <nproc>, omindex, and an
//            SQLite FTS5 table of paragraphs (load + FTS build only);
//   queries  the set of tests/bench/query_set.h as whole processes: searcher,
//            quest (on the omindex database), sqlite3 (FTS5), rg (the folder);
//   library  the same set in-process (query_bench, one Matcher kept open);
// and prints markdown tables of all figures, with ratios ours/peer and the
// targets each ratio is held to. Progress goes to stderr, tables to stdout.
//
// Children are started with fork/execvp and reaped with wait4: wall time
// around the whole process, CPU = user + sys and peak RSS from its rusage.
// Their output is read from a pipe and discarded (lines counted).

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/query_set.h"

namespace fs = std::filesystem;
using callsearch::bench::BenchQuery;
using callsearch::bench::kQueries;

namespace {

// ---------------------------------------------------------------- children --

struct ChildRun {
    int exit_code = -1;     // -signal when a signal ended it
    double wall_s = 0;      // fork to reap
    double cpu_s = 0;       // user + sys of the child (and its waited-for children)
    double max_rss_mib = 0; // ru_maxrss
    std::size_t out_lines = 0;
    std::string out_head;   // first bytes of stdout, for quest's match count
    std::string err_head;   // first bytes of stderr, for error messages
};

struct ChildSpec {
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env;  // added to ours
    std::string stdin_path;                                  // empty: /dev/null
};

double seconds_of(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }

constexpr std::size_t kHeadBytes = 16384;

ChildRun run_child(const ChildSpec& spec) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::vector<char*> args;
    for (const auto& a : spec.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const char* in = spec.stdin_path.empty() ? "/dev/null" : spec.stdin_path.c_str();
        const int in_fd = open(in, O_RDONLY);
        if (in_fd < 0) _exit(126);
        dup2(in_fd, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (const auto& [name, value] : spec.env) setenv(name.c_str(), value.c_str(), 1);
        execvp(args[0], args.data());
        const char* msg = "exec failed\n";
        (void)!write(2, msg, std::strlen(msg));
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);

    ChildRun run;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_fds = 2;
    static char buf[1 << 16];
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                const auto size = static_cast<std::size_t>(n);
                std::string& head = i == 0 ? run.out_head : run.err_head;
                if (head.size() < kHeadBytes) head.append(buf, std::min(size, kHeadBytes - head.size()));
                if (i == 0) run.out_lines += static_cast<std::size_t>(std::count(buf, buf + size, '\n'));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu_s = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
    run.max_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
    return run;
}

std::string command_line(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) {
        const bool plain = !a.empty() && a.find_first_of(" \"'*()|\\$?<>&;") == std::string::npos;
        std::string quoted = "'";
        for (char c : a) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        quoted += "'";
        out += (out.empty() ? "" : " ") + (plain ? a : quoted);
    }
    return out;
}

// ----------------------------------------------------------------- helpers --

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::uintmax_t tree_bytes_on_disk(const fs::path& p) {
    std::uintmax_t total = 0;
    auto add = [&](const fs::path& f) {
        struct stat st {};
        if (lstat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<std::uintmax_t>(st.st_blocks) * 512;
    };
    if (fs::is_regular_file(p)) {
        add(p);
    } else if (fs::is_directory(p)) {
        for (const auto& e : fs::recursive_directory_iterator(p)) add(e.path());
    }
    return total;
}

struct TreeStats {
    std::size_t files = 0;
    std::uintmax_t bytes = 0;  // sum of file sizes (the input text)
};

TreeStats tree_stats(const fs::path& dir) {
    TreeStats s;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().filename().string().front() != '.') {
            ++s.files;
            s.bytes += e.file_size();
        }
    }
    return s;
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// Milliseconds with a sensible number of decimals.
std::string ms(double seconds) {
    const double m = seconds * 1000;
    return fmt(m < 10 ? "%.2f" : m < 100 ? "%.1f" : "%.0f", m);
}

std::string mark(bool met) { return met ? "✓ met" : "✗ missed"; }

void progress(const std::string& line) { std::cerr << "perf: " << line << std::endl; }

std::string now_text() {
    const std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %Z", std::localtime(&t));
    return buf;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    }
    return "unknown CPU";
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// ------------------------------------------------------------ the benchmark --

struct Options {
    fs::path archive = CALLSEARCH_BENCH_ARCHIVE;
    fs::path work = CALLSEARCH_PERF_WORK_DIR;
    fs::path seeds = CALLSEARCH_CORPUS_DIR;
    bool quick = false;
    int query_runs = 10;
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    double long_build_s = 60;     // a build this long is run once, else three times
    double query_budget_s = 15;   // per query and tool: stop after this (with >= 3 runs)
    // --only shards: just the local index against 3 xapian-tcpsrv parts
    // (issue 11), after building our index; the other rows are left out.
    bool only_shards = false;
};

struct BuildFigures {
    std::string name;
    int runs = 0;
    double wall_s = 0, cpu_s = 0, rss_mib = 0;
    double index_mib = 0;
    bool failed = false;
    std::string error;
};

enum Tool { Ours, Quest, Fts5, Rg, kTools };
const char* const kToolNames[kTools] = {"ours", "quest", "FTS5", "rg"};

struct QueryFigures {
    bool expressible = false;
    bool failed = false;
    int runs = 0;
    double median_s = 0;
    double max_rss_mib = 0;
    std::string answer;  // hits, for the sanity column
    std::string error;
};

struct InProcess {
    bool ok = false;
    std::vector<double> p50, p99;  // per query, ms
    std::vector<std::size_t> hits;
    double all_p50 = 0, all_p99 = 0, open_p50 = 0, open_p99 = 0;
    std::size_t executions = 0, open_executions = 0;
    std::string error;
};

// Batch throughput (issue 11): the query set repeated, in one process, through
// `searcher --batch` and through Python's sqlite3 module on the FTS5 table.
struct BatchFigures {
    std::string name;         // which queries
    std::size_t queries = 0;  // lines run per process
    int runs = 0;
    double ours_s = 0, python_s = 0;  // median whole-process wall
    bool failed = false;
    std::string error;
};

// The local index against the same files in 3 parts (`indexer --shards 3`),
// each served by its own xapian-tcpsrv on 127.0.0.1 (issue 11): latency per query.
struct ShardFigures {
    bool measured = false;
    std::string error;
    int runs = 0;
    std::vector<double> local_s, remote_s;  // per query: median whole-process wall
    std::vector<bool> same;                 // the JSON output was identical
    double batch_local_s = 0, batch_remote_s = 0;  // the set x kShardBatchRepeats in one --batch process
    std::size_t batch_lines = 0;
};

struct Scale {
    int factor = 1;
    fs::path corpus;
    TreeStats input;
    BuildFigures ours_1, ours_n, omindex, fts5;
    fs::path ours_db, omega_db, fts_db;
    std::vector<std::array<QueryFigures, kTools>> queries;
    InProcess in_process;
    std::vector<BatchFigures> batches;
    ShardFigures shards;
};

// Documents matched, from quest's "Exactly N matches", "About N matches" or
// "Between A and B matches, best estimate is N" (estimates shown as ~N).
std::string quest_matches(const std::string& out) {
    auto number_after = [&](std::size_t pos) {
        const auto end = out.find_first_not_of("0123456789", pos);
        return out.substr(pos, end - pos);
    };
    if (const auto pos = out.find("best estimate is "); pos != std::string::npos) return "~" + number_after(pos + 17);
    if (const auto pos = out.find("About "); pos != std::string::npos) return "~" + number_after(pos + 6);
    if (const auto pos = out.find("Exactly "); pos != std::string::npos) return number_after(pos + 8);
    return "?";
}

class Benchmark {
public:
    explicit Benchmark(Options options) : opt_(std::move(options)) {}

    int run() {
        const auto started = std::chrono::steady_clock::now();
        for (const char* tool : {"tar", "omindex", "quest", "sqlite3", "rg"}) {
            if (opt_.only_shards && std::string(tool) != "tar") continue;
            if (!on_path(tool)) {
                std::cerr << "perf_benchmark: " << tool
                          << " not found; tests/bench/run installs the peers (xapian-omega, xapian-tools, "
                             "sqlite3, ripgrep)\n";
                return 2;
            }
        }
        if (!fs::exists(opt_.archive)) {
            std::cerr << "perf_benchmark: no archive at " << opt_.archive << " (--archive PATH)\n";
            return 2;
        }
        load_at_start_ = load_average();
        fs::create_directories(opt_.work);
        prepare_corpora();
        for (auto& scale : scales_) {
            if (opt_.only_shards) {
                build_ours_only(scale);
                measure_shards(scale);
                continue;
            }
            measure_builds(scale);
            measure_queries(scale);
            measure_in_process(scale);
            measure_batches(scale);
            measure_shards(scale);
        }
        total_minutes_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60;
        print_report();
        return 0;
    }

private:
    // ------------------------------------------------------------ corpora --

    void prepare_corpora() {
        const fs::path one = opt_.work / "1x";
        // Unpacked once per archive (size and mtime recorded), as the test fixture does.
        const std::string signature = std::to_string(fs::file_size(opt_.archive)) + " " +
                                      std::to_string(fs::last_write_time(opt_.archive).time_since_epoch().count());
        const fs::path marker = opt_.work / ".prepared";
        std::string seen;
        if (std::ifstream in(marker); in) std::getline(in, seen);
        if (seen != signature || !fs::exists(one)) {
            progress("unpacking " + opt_.archive.string() + " into " + one.string());
            fs::remove(marker);
            fs::remove_all(opt_.work / "1x");
            fs::remove_all(opt_.work / "4x");
            fs::create_directories(one);
            const auto tar = run_child({{"tar", "xzf", fs::absolute(opt_.archive).string(), "-C", one.string()}, {}, ""});
            if (tar.exit_code != 0) throw std::runtime_error("tar failed: " + tar.err_head);
            fs::create_directories(one / "seed");
            for (const auto& e : fs::directory_iterator(opt_.seeds)) {
                if (e.is_regular_file()) fs::copy_file(e.path(), one / "seed" / e.path().filename());
            }
            for (int k = 1; k <= 4; ++k) {
                const fs::path copy = opt_.work / "4x" / ("copy-" + std::to_string(k));
                progress("copying into " + copy.string());
                fs::create_directories(copy);
                fs::copy(one, copy, fs::copy_options::recursive);
            }
            std::ofstream(marker) << signature << '\n';
        }
        for (int factor : {1, 4}) {
            if (factor == 4 && opt_.quick) continue;
            Scale s;
            s.factor = factor;
            s.corpus = opt_.work / (std::to_string(factor) + "x");
            s.input = tree_stats(s.corpus);
            scales_.push_back(std::move(s));
        }
    }

    std::string tag(const Scale& s) const { return "[" + std::to_string(s.factor) + "x] "; }

    // ------------------------------------------------------------- builds --

    // Runs `spec` into a fresh `target` once, or three times when a run is
    // short; the figures are the medians.
    BuildFigures measure_build(const Scale& s, const std::string& name, const ChildSpec& spec, const fs::path& target,
                               bool ok_on_exit_1 = false) {
        BuildFigures f;
        f.name = name;
        std::vector<double> wall, cpu, rss;
        const int max_runs = opt_.quick ? 1 : 3;
        for (int run = 1; run <= max_runs; ++run) {
            fs::remove_all(target);
            progress(tag(s) + "build " + name + ", run " + std::to_string(run) + ": " + command_line(spec.argv) +
                     (spec.stdin_path.empty() ? "" : " < " + spec.stdin_path));
            const ChildRun r = run_child(spec);
            if (r.exit_code != 0 && !(ok_on_exit_1 && r.exit_code == 1)) {
                f.failed = true;
                f.error = "exit " + std::to_string(r.exit_code) + ": " + r.err_head.substr(0, 300);
                progress(tag(s) + "  FAILED " + f.error);
                return f;
            }
            wall.push_back(r.wall_s);
            cpu.push_back(r.cpu_s);
            rss.push_back(r.max_rss_mib);
            progress(tag(s) + "  " + fmt("%.1f s wall", r.wall_s) + fmt(", %.1f s CPU", r.cpu_s) +
                     fmt(", %.0f MiB peak RSS", r.max_rss_mib));
            if (r.wall_s >= opt_.long_build_s) break;
        }
        f.runs = static_cast<int>(wall.size());
        f.wall_s = median(wall);
        f.cpu_s = median(cpu);
        f.rss_mib = median(rss);
        f.index_mib = static_cast<double>(tree_bytes_on_disk(target)) / (1 << 20);
        return f;
    }

    void measure_builds(Scale& s) {
        const std::string x = std::to_string(s.factor) + "x";
        const fs::path ours_1 = opt_.work / ("ours-" + x + "-jobs1");
        s.ours_db = opt_.work / ("ours-" + x);
        s.omega_db = opt_.work / ("omega-" + x);
        s.fts_db = opt_.work / ("fts5-" + x + ".sqlite");
        const fs::path sql = opt_.work / ("fts5-" + x + ".sql");

        auto indexer = [&](const fs::path& db, int jobs) {
            return ChildSpec{{CALLSEARCH_INDEXER, "--db", db.string(), "--rebuild", "--jobs", std::to_string(jobs),
                              "--quiet", s.corpus.string()},
                             {},
                             ""};
        };
        // exit 1 = some files skipped (warnings): still a complete build.
        s.ours_1 = measure_build(s, "ours --jobs 1", indexer(ours_1, 1), ours_1, true);
        s.ours_n = measure_build(s, "ours --jobs " + std::to_string(opt_.jobs), indexer(s.ours_db, opt_.jobs),
                                 s.ours_db, true);
        fs::remove_all(ours_1);  // its twin stays for the queries; spare the disk

        // omindex: one document per file; CJK n-grams so Chinese can be searched.
        s.omindex = measure_build(
            s, "omindex",
            {{"omindex", "--db", s.omega_db.string(), "--url", "/", s.corpus.string()}, {{"XAPIAN_CJK_NGRAM", "1"}}, ""},
            s.omega_db);

        progress(tag(s) + "writing FTS5 rows (untimed): " + sql.string());
        const auto dump = run_child({{CALLSEARCH_DUMP_PARAGRAPHS, sql.string(), s.corpus.string()}, {}, ""});
        if (dump.exit_code != 0) throw std::runtime_error("dump_paragraphs failed: " + dump.err_head);
        progress(tag(s) + "  " + dump.err_head.substr(0, dump.err_head.find('\n')));
        s.fts5 = measure_build(s, "FTS5 load", {{"sqlite3", s.fts_db.string()}, {}, sql.string()}, s.fts_db);
        fs::remove(sql);
    }

    // ------------------------------------------------------------ queries --

    std::optional<ChildSpec> spec_for(const Scale& s, const BenchQuery& q, Tool tool) const {
        switch (tool) {
            case Ours:
                return ChildSpec{{CALLSEARCH_SEARCHER, "--db", s.ours_db.string(), "--json", "--limit", "10",
                                  std::string(q.ours)},
                                 {},
                                 ""};
            case Quest:
                if (q.quest.empty()) return std::nullopt;
                return ChildSpec{{"quest", "-d", s.omega_db.string(), "-m", "10", "-o", "and", std::string(q.quest)},
                                 {{"XAPIAN_CJK_NGRAM", "1"}},
                                 ""};
            case Fts5: {
                if (q.fts5.empty()) return std::nullopt;
                const bool ranked = q.fts5.find("MATCH") != std::string_view::npos;
                const std::string sql = "SELECT company, year, speaker, body FROM p WHERE " + std::string(q.fts5) +
                                        (ranked ? " ORDER BY rank" : "") + " LIMIT 10;";
                return ChildSpec{{"sqlite3", s.fts_db.string(), sql}, {}, ""};
            }
            case Rg: {
                if (q.rg.empty()) return std::nullopt;
                std::vector<std::string> argv = {"rg", "--no-config"};
                for (auto& w : split_words(q.rg_flags)) argv.push_back(w);
                argv.push_back("-e");
                argv.push_back(std::string(q.rg));
                argv.push_back(s.corpus.string());
                return ChildSpec{argv, {}, ""};
            }
            default:
                return std::nullopt;
        }
    }

    QueryFigures measure_query(const Scale& s, const BenchQuery& q, Tool tool) {
        QueryFigures f;
        const auto spec = spec_for(s, q, tool);
        if (!spec) return f;
        f.expressible = true;
        // Exit codes meaning "no hits" are fine: searcher 1, rg 1.
        auto ok = [&](int code) { return code == 0 || (code == 1 && (tool == Ours || tool == Rg)); };
        ChildRun r = run_child(*spec);  // warm-up, and the answer
        if (!ok(r.exit_code) || (tool == Fts5 && !r.err_head.empty())) {
            f.failed = true;
            f.error = "exit " + std::to_string(r.exit_code) + ": " + r.err_head.substr(0, 200);
            progress(tag(s) + "  " + kToolNames[tool] + " FAILED: " + command_line(spec->argv) + " -> " + f.error);
            return f;
        }
        switch (tool) {
            case Quest: f.answer = quest_matches(r.out_head); break;
            default: f.answer = std::to_string(r.out_lines); break;
        }
        std::vector<double> walls;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < opt_.query_runs; ++i) {
            r = run_child(*spec);
            walls.push_back(r.wall_s);
            f.max_rss_mib = std::max(f.max_rss_mib, r.max_rss_mib);
            const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (spent > opt_.query_budget_s && walls.size() >= 3) break;
        }
        f.runs = static_cast<int>(walls.size());
        f.median_s = median(walls);
        return f;
    }

    void measure_queries(Scale& s) {
        if (s.ours_n.failed) return;
        s.queries.resize(kQueries.size());
        for (std::size_t i = 0; i < kQueries.size(); ++i) {
            std::string line = tag(s) + "query " + std::to_string(i + 1) + "/" + std::to_string(kQueries.size()) +
                               " " + std::string(kQueries[i].ours) + ":";
            for (int t = 0; t < kTools; ++t) {
                s.queries[i][t] = measure_query(s, kQueries[i], static_cast<Tool>(t));
                const auto& f = s.queries[i][t];
                line += std::string(" ") + kToolNames[t] + " " +
                        (!f.expressible ? "-" : f.failed ? "failed" : ms(f.median_s) + " ms");
            }
            progress(line);
        }
    }

    void measure_in_process(Scale& s) {
        if (s.ours_n.failed) return;
        const int iterations = opt_.quick ? 50 : 200;
        ChildSpec spec{{CALLSEARCH_QUERY_BENCH, "--db", s.ours_db.string(), "--iterations", std::to_string(iterations),
                        "--warmup", "5", "--open-iterations", opt_.quick ? "5" : "20", "--tsv"},
                       {},
                       ""};
        progress(tag(s) + "in-process: " + command_line(spec.argv));
        const ChildRun r = run_child(spec);  // its TSV is a few hundred bytes: all in out_head
        InProcess& ip = s.in_process;
        if (r.exit_code != 0) {
            ip.error = r.err_head.substr(0, 300);
            progress(tag(s) + "  FAILED: " + ip.error);
            return;
        }
        ip.p50.assign(kQueries.size(), 0);
        ip.p99.assign(kQueries.size(), 0);
        ip.hits.assign(kQueries.size(), 0);
        std::istringstream in(r.out_head);
        std::string kind, index;
        double p50 = 0, p99 = 0;
        std::size_t count = 0;
        while (in >> kind >> index >> p50 >> p99 >> count) {
            if (kind == "query") {
                const auto i = std::stoul(index);
                if (i < kQueries.size()) {
                    ip.p50[i] = p50;
                    ip.p99[i] = p99;
                    ip.hits[i] = count;
                }
            } else if (kind == "all") {
                ip.all_p50 = p50, ip.all_p99 = p99, ip.executions = count;
            } else if (kind == "open") {
                ip.open_p50 = p50, ip.open_p99 = p99, ip.open_executions = count;
            }
        }
        ip.ok = true;
        progress(tag(s) + "  " + fmt("p50 %.3f ms", ip.all_p50) + fmt(", p99 %.3f ms", ip.all_p99));
    }

    // ------------------------------------------------------------ batches --

    static constexpr int kBatchRepeats = 50;

    // The FTS5 statement of a query, exactly as the whole-process rows run it.
    static std::string fts5_select(const BenchQuery& q) {
        const bool ranked = q.fts5.find("MATCH") != std::string_view::npos;
        return "SELECT company, year, speaker, body FROM p WHERE " + std::string(q.fts5) +
               (ranked ? " ORDER BY rank" : "") + " LIMIT 10;";
    }

    // One process each: the rows of `which` in set order, the set repeated
    // kBatchRepeats times; the median wall of up to three runs (one when a run
    // takes over 20 s).
    BatchFigures measure_batch(const Scale& s, const std::string& name, const std::vector<std::size_t>& which) {
        BatchFigures f;
        f.name = name;
        const std::string x = std::to_string(s.factor) + "x";
        const fs::path ours_input = opt_.work / ("batch-" + x + ".txt");
        const fs::path sql_input = opt_.work / ("batch-" + x + ".sql");
        const fs::path script = opt_.work / "batch_fts5.py";
        {
            std::ofstream ours(ours_input), sql(sql_input);
            for (int r = 0; r < kBatchRepeats; ++r) {
                for (std::size_t i : which) {
                    ours << kQueries[i].ours << '\n';
                    sql << fts5_select(kQueries[i]) << '\n';
                }
            }
            // Every statement run and its rows fetched, as a notebook would.
            std::ofstream(script) << "import sqlite3, sys\n"
                                     "con = sqlite3.connect(sys.argv[1])\n"
                                     "rows = 0\n"
                                     "for sql in open(sys.argv[2], encoding='utf-8'):\n"
                                     "    rows += len(con.execute(sql).fetchall())\n"
                                     "print(rows)\n";
        }
        f.queries = which.size() * kBatchRepeats;
        const ChildSpec ours{{CALLSEARCH_SEARCHER, "--db", s.ours_db.string(), "--limit", "10", "--batch",
                              ours_input.string()},
                             {},
                             ""};
        const ChildSpec python{{"python3", script.string(), s.fts_db.string(), sql_input.string()}, {}, ""};
        std::vector<double> ours_walls, python_walls;
        for (int run = 0; run < 3; ++run) {
            const ChildRun a = run_child(ours);
            const ChildRun b = run_child(python);
            if (a.exit_code != 0 || b.exit_code != 0) {
                f.failed = true;
                f.error = a.exit_code != 0 ? "searcher exit " + std::to_string(a.exit_code) + ": " + a.err_head.substr(0, 200)
                                           : "python3 exit " + std::to_string(b.exit_code) + ": " + b.err_head.substr(0, 200);
                progress(tag(s) + "  batch FAILED: " + f.error);
                return f;
            }
            ours_walls.push_back(a.wall_s);
            python_walls.push_back(b.wall_s);
            progress(tag(s) + "  batch " + name + ": ours " + fmt("%.2f s", a.wall_s) + ", python/FTS5 " +
                     fmt("%.2f s", b.wall_s));
            if (b.wall_s > 20 || a.wall_s > 20) break;
        }
        f.runs = static_cast<int>(ours_walls.size());
        f.ours_s = median(ours_walls);
        f.python_s = median(python_walls);
        return f;
    }

    void measure_batches(Scale& s) {
        if (s.ours_n.failed || s.fts5.failed) return;
        if (!on_path("python3")) {
            progress(tag(s) + "batch: python3 not found, skipped");
            return;
        }
        std::vector<std::size_t> all, ranked;
        for (std::size_t i = 0; i < kQueries.size(); ++i) {
            all.push_back(i);
            // FTS5 cannot rank Chinese (its tokenizer does not split it) and scans with LIKE instead.
            if (kQueries[i].fts5.find("MATCH") != std::string_view::npos) ranked.push_back(i);
        }
        progress(tag(s) + "batch: the query set x" + std::to_string(kBatchRepeats) +
                 ", searcher --batch vs python3 sqlite3 (FTS5)");
        s.batches.push_back(measure_batch(s, "all " + std::to_string(all.size()) + " queries", all));
        s.batches.push_back(measure_batch(s, std::to_string(ranked.size()) + " ranked (FTS5 MATCH) queries", ranked));
    }

    // ------------------------------------------------------------- shards --

    static constexpr int kShardBatchRepeats = 10;

    // One xapian-tcpsrv, stopped (SIGTERM, reaped) when the object goes.
    class TcpServer {
    public:
        TcpServer(const fs::path& db, unsigned port) {
            pid_ = fork();
            if (pid_ < 0) throw std::runtime_error("fork failed");
            if (pid_ == 0) {
                setpgid(0, 0);  // xapian-tcpsrv signals its whole group on SIGTERM
                const int null_fd = open("/dev/null", O_RDWR);
                dup2(null_fd, 0);
                dup2(null_fd, 1);
                dup2(null_fd, 2);
                const std::string p = std::to_string(port);
                execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", p.c_str(),
                       db.c_str(), static_cast<char*>(nullptr));
                _exit(127);
            }
            for (int i = 0; i < 500; ++i) {
                if (accepts(port)) return;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            stop();
            throw std::runtime_error("xapian-tcpsrv did not start on port " + std::to_string(port));
        }
        ~TcpServer() { stop(); }
        TcpServer(const TcpServer&) = delete;
        TcpServer& operator=(const TcpServer&) = delete;
        void stop() {
            if (pid_ <= 0) return;
            kill(pid_, SIGTERM);
            int status = 0;
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
        }
        static bool accepts(unsigned port) {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(static_cast<std::uint16_t>(port));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
            close(fd);
            return ok;
        }
        static unsigned free_port() {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            socklen_t len = sizeof addr;
            if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
                getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
                close(fd);
                throw std::runtime_error("no free port");
            }
            close(fd);
            return ntohs(addr.sin_port);
        }

    private:
        pid_t pid_ = -1;
    };

    // --only shards: our index, built once (not timed against peers).
    void build_ours_only(Scale& s) {
        const std::string x = std::to_string(s.factor) + "x";
        s.ours_db = opt_.work / ("ours-" + x);
        s.ours_n = measure_build(s, "ours --jobs " + std::to_string(opt_.jobs),
                                 {{CALLSEARCH_INDEXER, "--db", s.ours_db.string(), "--rebuild", "--jobs",
                                   std::to_string(opt_.jobs), "--quiet", s.corpus.string()},
                                  {},
                                  ""},
                                 s.ours_db, true);
    }

    void measure_shards(Scale& s) {
        ShardFigures& f = s.shards;
        if (s.ours_n.failed) return;
        f.measured = true;
        if (!on_path("xapian-tcpsrv")) {
            f.error = "xapian-tcpsrv not found (xapian-tools)";
            return;
        }
        const std::string x = std::to_string(s.factor) + "x";
        const fs::path parts = opt_.work / ("ours-" + x + "-shards3");
        progress(tag(s) + "shards: building 3 parts (untimed) into " + parts.string());
        const ChildRun build = run_child({{CALLSEARCH_INDEXER, "--db", parts.string(), "--rebuild", "--shards", "3",
                                           "--jobs", std::to_string(opt_.jobs), "--quiet", s.corpus.string()},
                                          {},
                                          ""});
        if (build.exit_code != 0 && build.exit_code != 1) {
            f.error = "indexer --shards 3 exit " + std::to_string(build.exit_code) + ": " + build.err_head.substr(0, 200);
            return;
        }
        std::vector<std::unique_ptr<TcpServer>> servers;
        std::string stub_text;
        for (int k = 1; k <= 3; ++k) {
            const unsigned port = TcpServer::free_port();
            servers.push_back(std::make_unique<TcpServer>(parts / ("part-0" + std::to_string(k)), port));
            stub_text += "remote :127.0.0.1:" + std::to_string(port) + "\n";
        }
        const fs::path stub = opt_.work / ("shards-" + x + ".stub");
        std::ofstream(stub) << stub_text;
        const auto searcher = [](const fs::path& db, const std::string& query) {
            return ChildSpec{{CALLSEARCH_SEARCHER, "--db", db.string(), "--json", "--limit", "10", query}, {}, ""};
        };
        f.runs = opt_.query_runs;
        for (const BenchQuery& q : kQueries) {
            const std::string query(q.ours);
            const ChildSpec local = searcher(s.ours_db, query), remote = searcher(stub, query);
            const ChildRun a0 = run_child(local), b0 = run_child(remote);  // warm-up, and the output compared
            std::vector<double> a, b;
            for (int r = 0; r < f.runs; ++r) {  // alternated, so that load hits both alike
                a.push_back(run_child(local).wall_s);
                b.push_back(run_child(remote).wall_s);
            }
            f.local_s.push_back(median(a));
            f.remote_s.push_back(median(b));
            f.same.push_back(a0.exit_code == b0.exit_code && a0.out_head == b0.out_head && a0.out_lines == b0.out_lines);
            progress(tag(s) + "  shards " + query + ": local " + ms(f.local_s.back()) + " ms, 3 remote parts " +
                     ms(f.remote_s.back()) + " ms" + (f.same.back() ? "" : " (OUTPUT DIFFERS)"));
        }
        const fs::path batch = opt_.work / ("shards-batch-" + x + ".txt");
        {
            std::ofstream out(batch);
            for (int r = 0; r < kShardBatchRepeats; ++r) {
                for (const BenchQuery& q : kQueries) out << q.ours << '\n';
            }
        }
        f.batch_lines = kQueries.size() * kShardBatchRepeats;
        std::vector<double> a, b;
        for (int r = 0; r < 3; ++r) {
            a.push_back(run_child({{CALLSEARCH_SEARCHER, "--db", s.ours_db.string(), "--batch", batch.string()}, {}, ""}).wall_s);
            b.push_back(run_child({{CALLSEARCH_SEARCHER, "--db", stub.string(), "--batch", batch.string()}, {}, ""}).wall_s);
        }
        f.batch_local_s = median(a);
        f.batch_remote_s = median(b);
        progress(tag(s) + "  shards batch: local " + fmt("%.2f s", f.batch_local_s) + ", 3 remote parts " +
                 fmt("%.2f s", f.batch_remote_s));
    }

    // Over the query set: the median of remote ÷ local per query.
    static double shard_ratio(const ShardFigures& f) {
        std::vector<double> r;
        for (std::size_t i = 0; i < f.local_s.size(); ++i) {
            if (f.local_s[i] > 0) r.push_back(f.remote_s[i] / f.local_s[i]);
        }
        return r.empty() ? -1 : median(r);
    }

    void print_shards(const Scale& s) const {
        const ShardFigures& f = s.shards;
        if (!f.measured) return;
        std::printf("\n### Local index ÷ 3 xapian-tcpsrv parts on this machine, %dx: `searcher --json --limit 10` "
                    "as a whole process, median wall ms of %d runs (alternated)\n\n",
                    s.factor, f.runs);
        if (!f.error.empty()) {
            std::printf("failed: %s\n", f.error.c_str());
            return;
        }
        std::printf("| # | query | local | 3 remote parts | remote ÷ local (goal ≤ 2) | same JSON |\n"
                    "|---:|---|---:|---:|---:|---|\n");
        for (std::size_t i = 0; i < f.local_s.size(); ++i) {
            std::printf("| %zu | `%s` | %s | %s | %s | %s |\n", i + 1, std::string(kQueries[i].ours).c_str(),
                        ms(f.local_s[i]).c_str(), ms(f.remote_s[i]).c_str(),
                        ratio_cell(f.remote_s[i] / f.local_s[i], 2).c_str(), f.same[i] ? "yes" : "NO");
        }
        std::printf("| | **median over the set** | | | **%s** | |\n", ratio_cell(shard_ratio(f), 2).c_str());
        const double lines = static_cast<double>(f.batch_lines);
        std::printf("| | `--batch`, the set ×%d in one process (%zu lines), ms per line | %.2f | %.2f | %s | |\n",
                    kShardBatchRepeats, f.batch_lines, f.batch_local_s * 1000 / lines, f.batch_remote_s * 1000 / lines,
                    ratio_cell(f.batch_remote_s / f.batch_local_s, 2).c_str());
    }

    // ------------------------------------------------------------- report --

    void print_batches(const Scale& s) const {
        if (s.batches.empty()) return;
        std::printf("\n### Batch throughput, %dx: the query set repeated %d times in one process; median wall of "
                    "the runs shown\n\n| queries | lines | runs | ours `searcher --batch` s | ours q/s | python3 "
                    "sqlite3 FTS5 s | FTS5 q/s | ours ÷ FTS5 throughput (goal ≥ 3) |\n"
                    "|---|---:|---:|---:|---:|---:|---:|---:|\n",
                    s.factor, kBatchRepeats);
        for (const BatchFigures& b : s.batches) {
            if (b.failed) {
                std::printf("| %s | failed: %s |||||||\n", b.name.c_str(), b.error.c_str());
                continue;
            }
            const double ours_qps = static_cast<double>(b.queries) / b.ours_s;
            const double python_qps = static_cast<double>(b.queries) / b.python_s;
            std::printf("| %s | %zu | %d | %.2f | %.0f | %.2f | %.0f | %s |\n", b.name.c_str(), b.queries, b.runs,
                        b.ours_s, ours_qps, b.python_s, python_qps,
                        ratio_cell(ours_qps / python_qps, 3, false).c_str());
        }
    }

    const Scale* scale(int factor) const {
        for (const auto& s : scales_) {
            if (s.factor == factor) return &s;
        }
        return nullptr;
    }

    // Row of the query set by its label; the set is fixed, so a missing label is a bug.
    static std::size_t query_index(std::string_view name) {
        for (std::size_t i = 0; i < kQueries.size(); ++i) {
            if (kQueries[i].name == name) return i;
        }
        throw std::logic_error("no query " + std::string(name) + " in query_set.h");
    }

    // A Chinese query against English ones on the same index, whole process:
    // what building ICU's transliterator at start-up used to cost (issue 11).
    // The rare English word is the fair peer (a handful of hits, like the
    // Chinese rows); the common one is shown for scale.
    struct ChineseVsEnglish {
        std::string chinese, english;
        double ratio = -1;
    };
    static std::vector<ChineseVsEnglish> chinese_vs_english(const Scale& s) {
        std::vector<ChineseVsEnglish> rows;
        if (s.queries.empty()) return rows;
        for (std::string_view zh : {"訂閱", "EngageLab產品"}) {
            for (std::string_view en : {"blockchain", "revenue"}) {
                rows.push_back({std::string(zh), std::string(en),
                                ratio(s.queries[query_index(zh)][Ours], s.queries[query_index(en)][Ours])});
            }
        }
        return rows;
    }

    void print_chinese_vs_english(const Scale& s) const {
        const auto rows = chinese_vs_english(s);
        if (rows.empty()) return;
        std::printf("\n### Chinese ÷ English query, whole process, %dx (ours; medians of the table above)\n\n"
                    "| Chinese | English | Chinese ÷ English (goal ≤ 1.3) |\n|---|---|---:|\n",
                    s.factor);
        for (const auto& r : rows) {
            std::printf("| `%s` | `%s` | %s |\n", r.chinese.c_str(), r.english.c_str(), ratio_cell(r.ratio, 1.3).c_str());
        }
    }

    static double ratio(const QueryFigures& ours, const QueryFigures& peer) {
        if (!ours.expressible || ours.failed || !peer.expressible || peer.failed || peer.median_s <= 0) return -1;
        return ours.median_s / peer.median_s;
    }

    static std::string ratio_cell(double r, double goal, bool at_most = true) {
        if (r < 0) return "–";
        return fmt("%.2f", r) + (at_most ? (r <= goal ? " ✓" : " ✗") : (r >= goal ? " ✓" : " ✗"));
    }

    void print_builds(const Scale& s) const {
        const double input_mb = static_cast<double>(s.input.bytes) / 1e6;
        std::printf("\n### Index builds, %dx: %zu files, %.1f MB input\n\n", s.factor, s.input.files, input_mb);
        std::printf("| build | runs | wall s | CPU s | peak RSS MiB | index MiB | index ÷ input | MB/s | "
                    "wall ÷ omindex (goal ≤ 0.6) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (const BuildFigures* b : {&s.ours_1, &s.ours_n, &s.omindex, &s.fts5}) {
            if (b->failed) {
                std::printf("| %s | failed: %s |||||||\n", b->name.c_str(), b->error.c_str());
                continue;
            }
            const double vs = s.omindex.failed || s.omindex.wall_s <= 0 ? -1 : b->wall_s / s.omindex.wall_s;
            const bool ours = b == &s.ours_1 || b == &s.ours_n;
            std::printf("| %s | %d | %.1f | %.1f | %.0f | %.1f | %.2f | %.2f | %s |\n", b->name.c_str(), b->runs,
                        b->wall_s, b->cpu_s, b->rss_mib, b->index_mib, b->index_mib * (1 << 20) / 1e6 / input_mb,
                        input_mb / b->wall_s, ours ? ratio_cell(vs, 0.6).c_str() : fmt("%.2f", vs).c_str());
        }
    }

    void print_queries(const Scale& s) const {
        if (s.queries.empty()) return;
        const Scale* base = s.factor == 4 ? scale(1) : nullptr;
        const bool growth = base && base->queries.size() == s.queries.size();
        std::printf("\n### Queries as whole processes, %dx: median wall ms of %d runs (fewer where shown)\n\n",
                    s.factor, opt_.query_runs);
        std::printf("| # | query (ours) | ours | quest | FTS5 | rg | ours÷quest (≤ 1.5) | ours÷FTS5 (≤ 0.3) | "
                    "ours÷rg (≤ 0.1) |%s hits: ours / quest / FTS5 / rg lines |\n",
                    growth ? " ours 4x÷1x (≤ 1.3) |" : "");
        std::printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|%s---|\n", growth ? "---:|" : "");
        for (std::size_t i = 0; i < s.queries.size(); ++i) {
            const auto& row = s.queries[i];
            std::string cells[kTools], answers;
            for (int t = 0; t < kTools; ++t) {
                const auto& f = row[t];
                cells[t] = !f.expressible ? "cannot express"
                           : f.failed     ? "failed"
                                          : ms(f.median_s) + (f.runs < opt_.query_runs ? " (n=" + std::to_string(f.runs) + ")" : "");
                answers += (t ? " / " : "") + (f.expressible && !f.failed ? f.answer : std::string("–"));
            }
            std::string growth_cell;
            if (growth) {
                const auto& before = base->queries[i][Ours];
                const double g = before.failed || row[Ours].failed ? -1 : row[Ours].median_s / before.median_s;
                growth_cell = " " + ratio_cell(g, 1.3) + " |";
            }
            std::printf("| %zu | `%s` | %s | %s | %s | %s | %s | %s | %s |%s %s |\n", i + 1,
                        std::string(kQueries[i].ours).c_str(), cells[Ours].c_str(), cells[Quest].c_str(),
                        cells[Fts5].c_str(), cells[Rg].c_str(), ratio_cell(ratio(row[Ours], row[Quest]), 1.5).c_str(),
                        ratio_cell(ratio(row[Ours], row[Fts5]), 0.3).c_str(),
                        ratio_cell(ratio(row[Ours], row[Rg]), 0.1).c_str(), growth_cell.c_str(), answers.c_str());
        }
        double rss = 0;
        for (const auto& row : s.queries) rss = std::max(rss, row[Ours].max_rss_mib);
        std::printf("\nsearcher peak RSS over these runs: %.0f MiB.\n", rss);
    }

    void print_in_process() const {
        std::vector<const Scale*> with;
        for (const auto& s : scales_) {
            if (s.in_process.ok) with.push_back(&s);
        }
        if (with.empty()) return;
        std::printf("\n### Library in-process (query_bench): one Matcher kept open; parse, match top 10, highlight, "
                    "JSON into a discarded stream; ms\n\n| # | query |");
        for (const auto* s : with) std::printf(" %dx p50 | %dx p99 | %dx hits |", s->factor, s->factor, s->factor);
        std::printf("\n|---:|---|");
        for (std::size_t k = 0; k < with.size(); ++k) std::printf("---:|---:|---:|");
        std::printf("\n");
        for (std::size_t i = 0; i < kQueries.size(); ++i) {
            std::printf("| %zu | `%s` |", i + 1, std::string(kQueries[i].ours).c_str());
            for (const auto* s : with) {
                std::printf(" %.3f | %.3f | %zu |", s->in_process.p50[i], s->in_process.p99[i], s->in_process.hits[i]);
            }
            std::printf("\n");
        }
        std::printf("| | **all executions** (goal p50 ≤ 0.5, p99 ≤ 5 at 1x) |");
        for (const auto* s : with) {
            std::printf(" **%.3f** | **%.3f** | %zu runs |", s->in_process.all_p50, s->in_process.all_p99,
                        s->in_process.executions);
        }
        std::printf("\n| | run_search as the searcher calls it (opens analyzer and index per query) |");
        for (const auto* s : with) {
            std::printf(" %.3f | %.3f | %zu runs |", s->in_process.open_p50, s->in_process.open_p99,
                        s->in_process.open_executions);
        }
        std::printf("\n");
    }

    // "k/n met, worst r" over the queries where both tools answered.
    std::pair<std::string, std::optional<bool>> per_query_summary(const Scale& s, Tool peer, double goal) const {
        int met = 0, n = 0;
        double worst = 0;
        for (const auto& row : s.queries) {
            const double r = ratio(row[Ours], row[peer]);
            if (r < 0) continue;
            ++n;
            if (r <= goal) ++met;
            worst = std::max(worst, r);
        }
        if (n == 0) return {"–", std::nullopt};
        std::vector<double> ratios;
        for (const auto& row : s.queries) {
            if (const double r = ratio(row[Ours], row[peer]); r >= 0) ratios.push_back(r);
        }
        return {std::to_string(met) + "/" + std::to_string(n) + " queries; median " + fmt("%.2f", median(ratios)) +
                    ", worst " + fmt("%.2f", worst),
                met == n};
    }

    void print_targets() const {
        struct Row {
            std::string target, goal;
            std::string value[2];
            std::optional<bool> met[2];
        };
        std::vector<Row> rows;
        auto cell = [](const Scale* s, auto&& f) -> std::pair<std::string, std::optional<bool>> {
            if (!s) return {"not run", std::nullopt};
            return f(*s);
        };
        auto add = [&](std::string target, std::string goal, auto&& f, bool only_4x = false) {
            Row r{std::move(target), std::move(goal), {}, {}};
            for (int k = 0; k < 2; ++k) {
                const Scale* s = scale(k == 0 ? 1 : 4);
                if (only_4x && k == 0) {
                    r.value[k] = "–";
                    continue;
                }
                std::tie(r.value[k], r.met[k]) = cell(s, f);
            }
            rows.push_back(std::move(r));
        };
        auto build_ok = [](const Scale& s) { return !s.ours_1.failed && !s.ours_n.failed && !s.omindex.failed; };
        add("build wall (--jobs N) ÷ omindex", "≤ 0.6", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (!build_ok(s)) return {"failed", false};
            const double r = s.ours_n.wall_s / s.omindex.wall_s;
            return {fmt("%.2f", r), r <= 0.6};
        });
        add("build speed-up, --jobs 1 ÷ --jobs N", "≥ 1.7", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (!build_ok(s)) return {"failed", false};
            const double r = s.ours_1.wall_s / s.ours_n.wall_s;
            return {fmt("%.2f", r), r >= 1.7};
        });
        add("indexer peak RSS (worse of both builds)", "≤ 300 MiB", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (!build_ok(s)) return {"failed", false};
            const double m = std::max(s.ours_1.rss_mib, s.ours_n.rss_mib);
            return {fmt("%.0f MiB", m), m <= 300};
        });
        add("index size ÷ input", "≤ 3", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (s.ours_n.failed) return {"failed", false};
            const double r = s.ours_n.index_mib * (1 << 20) / static_cast<double>(s.input.bytes);
            return {fmt("%.2f", r), r <= 3};
        });
        add("whole process, ours ÷ quest, per query", "≤ 1.5", [&](const Scale& s) { return per_query_summary(s, Quest, 1.5); });
        add("whole process, ours ÷ FTS5, per query", "≤ 0.3", [&](const Scale& s) { return per_query_summary(s, Fts5, 0.3); });
        add("whole process, ours ÷ rg, per query", "≤ 0.1", [&](const Scale& s) { return per_query_summary(s, Rg, 0.1); });
        add("whole process, ours 4x ÷ 1x, per query", "≤ 1.3", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            const Scale* one = scale(1);
            if (!one || one->queries.size() != s.queries.size() || s.queries.empty()) return {"–", std::nullopt};
            int met = 0, n = 0;
            double worst = 0;
            for (std::size_t i = 0; i < s.queries.size(); ++i) {
                const auto& a = one->queries[i][Ours];
                const auto& b = s.queries[i][Ours];
                if (a.failed || b.failed) continue;
                const double g = b.median_s / a.median_s;
                ++n;
                met += g <= 1.3;
                worst = std::max(worst, g);
            }
            return {std::to_string(met) + "/" + std::to_string(n) + " queries; worst " + fmt("%.2f", worst), met == n};
        }, true);
        add("whole process, Chinese ÷ rare English word (`blockchain`)", "≤ 1.3",
            [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
                std::string value;
                bool met = true;
                int n = 0;
                for (const auto& r : chinese_vs_english(s)) {
                    if (r.english != "blockchain" || r.ratio < 0) continue;
                    value += (n++ ? ", " : "") + r.chinese + " " + fmt("%.2f", r.ratio);
                    met = met && r.ratio <= 1.3;
                }
                if (n == 0) return {"–", std::nullopt};
                return {value, met};
            });
        add("batch throughput ÷ python3 sqlite3 FTS5 (all queries; ranked only)", "≥ 3",
            [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
                std::string value;
                bool met = true;
                for (const BatchFigures& b : s.batches) {
                    if (b.failed) return {"failed", false};
                    const double r = b.python_s / b.ours_s;
                    value += (value.empty() ? "" : "; ") + fmt("%.1f", r);
                    met = met && r >= 3;
                }
                if (value.empty()) return {"–", std::nullopt};
                return {value, met};
            });
        add("3 remote parts (xapian-tcpsrv, this machine) ÷ local index, latency per query (median over the set)", "≤ 2",
            [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
                if (!s.shards.measured) return {"–", std::nullopt};
                if (!s.shards.error.empty()) return {"failed", false};
                const double r = shard_ratio(s.shards);
                return {fmt("%.2f", r) + fmt("; batch %.2f", s.shards.batch_remote_s / s.shards.batch_local_s), r <= 2};
            });
        add("in-process p50, all executions", "≤ 0.5 ms at 1x", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (!s.in_process.ok) return {"failed", false};
            return {fmt("%.3f ms", s.in_process.all_p50),
                    s.factor == 1 ? std::optional<bool>(s.in_process.all_p50 <= 0.5) : std::nullopt};
        });
        add("in-process p99, all executions", "≤ 5 ms at 1x", [&](const Scale& s) -> std::pair<std::string, std::optional<bool>> {
            if (!s.in_process.ok) return {"failed", false};
            return {fmt("%.3f ms", s.in_process.all_p99),
                    s.factor == 1 ? std::optional<bool>(s.in_process.all_p99 <= 5) : std::nullopt};
        });

        std::printf("\n### Targets\n\n| target | goal | 1x | 4x |\n|---|---|---|---|\n");
        for (const auto& r : rows) {
            auto show = [](const std::string& v, const std::optional<bool>& m) {
                return m ? v + " " + mark(*m) : v;
            };
            std::printf("| %s | %s | %s | %s |\n", r.target.c_str(), r.goal.c_str(), show(r.value[0], r.met[0]).c_str(),
                        show(r.value[1], r.met[1]).c_str());
        }
    }

    void print_expressions() const {
        std::printf("\n### The query set (tests/bench/query_set.h), as each tool was asked\n\n"
                    "| # | covers | ours (searcher --json --limit 10) | quest -m 10 -o and | FTS5: SELECT ... WHERE | rg |\n"
                    "|---:|---|---|---|---|---|\n");
        auto code = [](std::string_view s) {
            std::string out;
            for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
            return "`" + out + "`";
        };
        for (std::size_t i = 0; i < kQueries.size(); ++i) {
            const auto& q = kQueries[i];
            const std::string rg = q.rg.empty() ? "cannot express"
                                                : code(std::string(q.rg_flags) + (q.rg_flags.empty() ? "" : " ") +
                                                       "-e '" + std::string(q.rg) + "'");
            std::printf("| %zu | %s | %s | %s | %s | %s |\n", i + 1, std::string(q.covers).c_str(), code(q.ours).c_str(),
                        q.quest.empty() ? "cannot express" : code(q.quest).c_str(),
                        q.fts5.empty() ? "cannot express" : code(q.fts5).c_str(), rg.c_str());
        }
    }

    void print_report() const {
        std::printf("## callsearch performance benchmark\n\n");
        std::printf("%s; %s, %u cores; load average at start %s; build type %s; %s; took %.1f min.\n\n",
                    now_text().c_str(), cpu_model().c_str(), std::thread::hardware_concurrency(),
                    load_at_start_.c_str(), CALLSEARCH_BUILD_TYPE, opt_.quick ? "--quick (1x only, 1 build run)" : "full run",
                    total_minutes_);
        std::printf("Corpus: %s unpacked into %s/1x, plus the %s seed transcripts of corpus/ (one bilingual "
                    "English + Chinese, so the Chinese queries have hits); 4x is four copies of that folder "
                    "(4x/copy-1..copy-4, same file names). Builds always start from an empty folder; a build "
                    "shorter than %.0f s is run 3 times and its median shown, a longer one once. CPU = user + sys "
                    "of the child; peak RSS = its ru_maxrss; index = blocks on disk; MB/s = input MB ÷ wall s. "
                    "FTS5 times only `sqlite3 DB < rows.sql` (load + FTS5 build, one transaction, porter "
                    "tokenizer, one row per paragraph); the rows are written beforehand, untimed, by "
                    "dump_paragraphs (our parser). omindex indexes one document per file, with "
                    "XAPIAN_CJK_NGRAM=1.\n\n"
                    "Queries: fork/exec to exit, stdout read from a pipe and dropped; one warm-up run, then the "
                    "median of %d (a query and tool stops after %.0f s with at least 3 runs; n shown). ours = "
                    "`searcher --json --limit 10`, quest = top 10 of the omindex database, FTS5 = top 10 by rank "
                    "(LIKE scans, unranked, for Chinese), rg = every matching line of the corpus folder. Ratios "
                    "are ours ÷ peer (smaller is better for us), ✓/✗ against the goal in the header. Figures on a "
                    "shared machine are noisy.\n",
                    opt_.archive.string().c_str(), opt_.work.string().c_str(),
                    std::to_string(std::distance(fs::directory_iterator(opt_.seeds), fs::directory_iterator{})).c_str(),
                    opt_.long_build_s, opt_.query_runs, opt_.query_budget_s);
        for (const auto& s : scales_) print_builds(s);
        for (const auto& s : scales_) print_queries(s);
        for (const auto& s : scales_) print_chinese_vs_english(s);
        for (const auto& s : scales_) print_batches(s);
        for (const auto& s : scales_) print_shards(s);
        if (opt_.only_shards) {
            std::fflush(stdout);
            return;
        }
        print_in_process();
        print_targets();
        print_expressions();
        std::fflush(stdout);
    }

    Options opt_;
    std::vector<Scale> scales_;
    std::string load_at_start_;
    double total_minutes_ = 0;
};

int usage(int code) {
    std::fprintf(code ? stderr : stdout,
                 "usage: perf_benchmark [--quick] [--archive PATH] [--work DIR] [--runs N] [--jobs N]\n"
                 "  --quick          1x only, builds run once, 5 runs per query (for development)\n"
                 "  --archive PATH   transcripts archive (default %s)\n"
                 "  --work DIR       where corpora and indexes go (default %s)\n"
                 "  --runs N         timed runs per query and tool (default 10)\n"
                 "  --jobs N         the indexer's parallel build (default: cores, %u)\n"
                 "  --only shards    only the local index ÷ 3 xapian-tcpsrv parts rows (after building ours)\n"
                 "Tables go to stdout, progress to stderr.\n",
                 CALLSEARCH_BENCH_ARCHIVE, CALLSEARCH_PERF_WORK_DIR, std::thread::hardware_concurrency());
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    bool runs_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--quick") {
            opt.quick = true;
        } else if (arg == "--archive" && has_value) {
            opt.archive = argv[++i];
        } else if (arg == "--work" && has_value) {
            opt.work = argv[++i];
        } else if (arg == "--runs" && has_value) {
            opt.query_runs = std::max(1, std::atoi(argv[++i]));
            runs_given = true;
        } else if (arg == "--jobs" && has_value) {
            opt.jobs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--only" && has_value && std::string(argv[i + 1]) == "shards") {
            opt.only_shards = true;
            ++i;
        } else if (arg == "--help" || arg == "-h") {
            return usage(0);
        } else {
            return usage(2);
        }
    }
    if (opt.quick && !runs_given) opt.query_runs = 5;
    opt.work = fs::absolute(opt.work).lexically_normal();
    opt.archive = fs::absolute(opt.archive).lexically_normal();
    try {
        return Benchmark(std::move(opt)).run();
    } catch (const std::exception& e) {
        std::cerr << "perf_benchmark: error: " << e.what() << '\n';
        return 2;
    }
}
