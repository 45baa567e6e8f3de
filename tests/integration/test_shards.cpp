// An index in parts (`indexer --shards 3`), served by three xapian-tcpsrv on
// 127.0.0.1, answers every benchmark query exactly as one local index built
// from the same files: same hits, order, scores, counts, JSON. A part that is
// down or never answers is named; --partial answers from the rest; an update
// of a part is seen through its running server.

#include <doctest/doctest.h>

#include <algorithm>

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "bench/query_set.h"
#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

const fs::path kBenchTarball = fs::path(CALLSEARCH_BENCH_DIR) / "transcripts.tar.gz";

// A port nothing listens on right now (the kernel's pick for port 0).
unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// One xapian-tcpsrv serving one part, stopped when the object goes, however
// the test ends.
class TcpServer {
public:
    TcpServer(const fs::path& database) : port_(free_port()) {
        const std::string port = std::to_string(port_);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            // Its own process group: on SIGTERM, xapian-tcpsrv signals its
            // whole group (its connection children), which must not be ours.
            ::setpgid(0, 0);
            const int null_fd = ::open("/dev/null", O_RDWR);
            ::dup2(null_fd, 0);
            ::dup2(null_fd, 1);
            ::dup2(null_fd, 2);
            ::execl("/usr/bin/xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                    port.c_str(), database.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 500 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE_MESSAGE(accepts(port_), "xapian-tcpsrv did not start on port " << port_);
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        (void)wait_process(pid_);
        pid_ = -1;
    }
    [[nodiscard]] unsigned port() const { return port_; }
    [[nodiscard]] std::string name() const { return "127.0.0.1:" + std::to_string(port_); }

private:
    unsigned port_;
    pid_t pid_ = -1;
};

// A socket that accepts connections (the kernel completes them) and never says a word.
class SilentServer {
public:
    SilentServer() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(fd_, 8) == 0);
        socklen_t len = sizeof addr;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        port_ = ntohs(addr.sin_port);
    }
    ~SilentServer() { ::close(fd_); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    [[nodiscard]] unsigned port() const { return port_; }

private:
    int fd_ = -1;
    unsigned port_ = 0;
};

// corpus/, 40 calls made from seed 003 (many paragraphs that tie exactly, so
// the order of equal scores is compared too), and a slice of the bench.
struct Corpus {
    TempDir tmp;
    fs::path calls = tmp.path / "calls";
    bool bench_slice = false;
    Corpus() {
        fs::create_directories(calls);
        for (const auto& entry : fs::directory_iterator(kCorpus)) fs::copy_file(entry.path(), calls / entry.path().filename());
        for (int i = 0; i < 40; ++i) write_file(calls / ("synthetic_" + std::to_string(i) + ".txt"), synthetic_call(i));
        std::error_code ec;
        if (!fs::exists(kBenchTarball, ec)) {
            MESSAGE("SKIPPED the bench slice: no " << kBenchTarball.string() << "; corpus/ and synthetic calls only");
            return;
        }
        const std::vector<std::string> slice = {"transcripts/EVR_q2_2021.txt", "transcripts/PRA_q4_2019.txt",
                                                "transcripts/JCI_q3_2021.txt", "transcripts/CHD_q2_2020.txt"};
        std::vector<std::string> tar = {"/bin/tar", "-xzf", kBenchTarball.string(), "-C", calls.string()};
        tar.insert(tar.end(), slice.begin(), slice.end());
        const auto r = run_process(tar);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        bench_slice = true;
    }
    fs::path build(const std::string& name, const std::vector<std::string>& options) const {
        const fs::path db = tmp.path / name;
        std::vector<std::string> argv = {kIndexer, "--db", db.string(), "--quiet"};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back(calls.string());
        const auto r = run_process(argv);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return db;
    }
};

ProcessResult search(const std::vector<std::string>& where, const std::vector<std::string>& options,
                     const std::string& query = "") {
    std::vector<std::string> argv = {kSearcher};
    for (const std::string& w : where) {
        argv.push_back("--db");
        argv.push_back(w);
    }
    argv.insert(argv.end(), options.begin(), options.end());
    if (!query.empty()) argv.push_back(query);
    return run_process(argv);
}

fs::path write_stub(const fs::path& at, const std::vector<unsigned>& ports, bool xapian_syntax = true) {
    std::string text = "# three parts on this machine\n";
    for (const unsigned port : ports) text += std::string("remote ") + (xapian_syntax ? ":" : "") + "127.0.0.1:" + std::to_string(port) + "\n";
    write_file(at, text);
    return at;
}

// Batch output without the timings, which differ run to run, and without
// Xapian's estimate of the matches, which each part makes on its own (the
// exact count, with --count, is compared).
std::string without_ms(const std::string& jsonl) {
    std::string out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        j.erase("ms");
        j.erase("estimated");
        out += j.dump() + "\n";
    }
    return out;
}

const std::vector<std::vector<std::string>>& modes() {
    static const std::vector<std::vector<std::string>> m = {
        {"--json"},                                        // ranked, default page
        {"--json", "--limit", "200", "--sort", "newest"},  // long list, ties by call order
        {"--json", "--limit", "5", "--offset", "7"},       // a later page
        {"--json", "--per-call"},
        {"--count"},
        {"--count", "--per-call"},
    };
    return m;
}

// Built once for the test cases of this file (a few seconds).
struct Built {
    Corpus corpus;
    fs::path local = corpus.build("local", {"--rebuild"});
    fs::path parts = corpus.build("parts", {"--shards", "3"});
};

Built& built() {
    static Built b;
    return b;
}

}  // namespace

TEST_CASE("shards: three xapian-tcpsrv parts answer every benchmark query exactly as one local index") {
    Built& b = built();
    REQUIRE(read_file(b.parts / "XAPIANDB") == "auto part-01\nauto part-02\nauto part-03\n");
    std::vector<std::unique_ptr<TcpServer>> servers;
    std::vector<unsigned> ports;
    for (int k = 1; k <= 3; ++k) {
        servers.push_back(std::make_unique<TcpServer>(b.parts / ("part-0" + std::to_string(k))));
        ports.push_back(servers.back()->port());
    }
    const fs::path stub = write_stub(b.corpus.tmp.path / "remote.stub", ports);
    const fs::path plain_stub = write_stub(b.corpus.tmp.path / "remote-plain.stub", ports, false);
    const std::vector<std::vector<std::string>> ways = {
        {stub.string()},                    // a stub of remote :HOST:PORT lines
        {plain_stub.string()},              // remote HOST:PORT
        {b.parts.string()},                 // the index folder: its parts, local
        {(b.parts / "part-01").string(), (b.parts / "part-02").string(), (b.parts / "part-03").string()},  // --db x3
    };
    int compared = 0, with_hits = 0;
    for (const auto& q : callsearch::bench::kQueries) {
        const std::string query(q.ours);
        for (const auto& mode : modes()) {
            const auto expected = search({b.local.string()}, mode, query);
            REQUIRE_MESSAGE(expected.exit_code <= 1, expected.err);
            with_hits += expected.exit_code == 0 ? 1 : 0;
            for (std::size_t w = 0; w < ways.size(); ++w) {
                // Every mode through the remote parts; the other ways of naming them in two.
                if (w > 0 && mode != modes()[0] && mode != modes()[4]) continue;
                const auto& way = ways[w];
                const auto got = search(way, mode, query);
                INFO("query: ", query, "  mode: ", mode.back(), "  --db ", way.front());
                CHECK(got.exit_code == expected.exit_code);
                CHECK(got.err == expected.err);
                CHECK(got.out == expected.out);
                ++compared;
            }
        }
    }
    CHECK(with_hits >= 40);
    // Filter-only queries (every score 0, all ties), stems, Chinese, "did you mean".
    for (const std::string& query :
         std::vector<std::string>{"--speaker Bong", "acquisitions", "repurchse", "subscriptoin revnue", "訂閱"}) {
        const std::vector<std::string> args = query.rfind("--", 0) == 0
                                                  ? std::vector<std::string>{"--json", "--limit", "50", "--speaker", "Bong"}
                                                  : std::vector<std::string>{"--json", "--limit", "50", query};
        const auto expected = search({b.local.string()}, args);
        const auto got = search({stub.string()}, args);
        INFO("query: ", query);
        CHECK(got.exit_code == expected.exit_code);
        CHECK(got.out == expected.out);
        CHECK(got.err == expected.err);
    }
    // Trends over every part; questions and answers over local parts (the
    // answer filter is ours, which Xapian's servers cannot run: a clear error).
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--json", "--trend", "quarter", "revenue"},
             {"--json", "--trend", "role,year", "margin"},
             {"--json", "--trend", "speaker", "customers"},
             {"--csv", "--trend", "company", "growth"},
             {"--json", "--asked", "margins"},
             {"--json", "--asked", "margins", "guidance"},
             {"--json", "--role", "analyst", "margin", "--answers"}}) {
        const auto expected = search({b.local.string()}, args);
        const bool asks = std::find(args.begin(), args.end(), "--asked") != args.end();
        INFO("args: ", args.back(), " ", args[1]);
        CHECK(expected.exit_code == 0);
        const auto local_parts = search({b.parts.string()}, args);
        CHECK(local_parts.out == expected.out);
        const auto remote = search({stub.string()}, args);
        if (asks) {
            CHECK(remote.exit_code == 2);
            CHECK(remote.err.find("is remote") != std::string::npos);
        } else {
            CHECK(remote.out == expected.out);
        }
    }
    // Batch: every query in one process, hits and summaries alike.
    std::string lines;
    for (const auto& q : callsearch::bench::kQueries) lines += std::string(q.ours) + "\n";
    write_file(b.corpus.tmp.path / "batch.txt", lines);
    for (const std::vector<std::string>& options :
         {std::vector<std::string>{"--batch", (b.corpus.tmp.path / "batch.txt").string()},
          std::vector<std::string>{"--count", "--batch", (b.corpus.tmp.path / "batch.txt").string()}}) {
        const auto expected = search({b.local.string()}, options);
        const auto got = search({stub.string()}, options);
        CHECK(got.exit_code == expected.exit_code);
        std::istringstream a(without_ms(expected.out)), g(without_ms(got.out));
        std::string line_a, line_g;
        while (std::getline(a, line_a)) {
            REQUIRE(std::getline(g, line_g));
            if (line_a != line_g) {
                CHECK(line_g == line_a);  // shows the first line that differs, and stops
                break;
            }
        }
    }
    // indexer --stats reads the parts as one index.
    const auto local_stats = run_process({kIndexer, "--db", b.local.string(), "--stats", "--json"});
    const auto parts_stats = run_process({kIndexer, "--db", b.parts.string(), "--stats", "--json"});
    auto ls = nlohmann::json::parse(local_stats.out), ps = nlohmann::json::parse(parts_stats.out);
    ls.erase("generation");
    ps.erase("generation");
    CHECK(ps == ls);
    const auto check = run_process({kIndexer, "--db", b.parts.string(), "--check", "--json"});
    CHECK_MESSAGE(check.exit_code == 0, check.out);
    MESSAGE("shards: " << compared << " outputs compared with the local index"
                       << std::string(b.corpus.bench_slice ? " (with the bench slice)" : ""));
}

TEST_CASE("shards: a part that is down or never answers is named, and --partial answers from the rest") {
    Built& b = built();
    TcpServer one(b.parts / "part-01"), two(b.parts / "part-02"), three(b.parts / "part-03");
    const fs::path stub = write_stub(b.corpus.tmp.path / "down.stub", {one.port(), two.port(), three.port()});
    const auto all = search({stub.string()}, {"--count"}, "revenue");
    REQUIRE(all.exit_code == 0);
    two.stop();

    const auto down = search({stub.string()}, {"--json"}, "revenue");
    CHECK(down.exit_code == 2);
    CHECK(down.out.empty());
    CHECK_MESSAGE(down.err.find(two.name()) != std::string::npos, down.err);
    CHECK(down.err.rfind("searcher: error: ", 0) == 0);

    const auto partial = search({stub.string()}, {"--json", "--partial", "--limit", "1000"}, "revenue");
    CHECK(partial.exit_code == 0);
    CHECK_MESSAGE(partial.err.find("searcher: warning: ") == 0, partial.err);
    CHECK(partial.err.find(two.name()) != std::string::npos);
    std::vector<nlohmann::json> lines;
    std::istringstream in(partial.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    REQUIRE(lines.size() >= 2);
    CHECK(lines.back()["type"] == "partial");
    CHECK(lines.back()["partial"] == true);
    CHECK(lines.back()["missing"].size() == 1);
    CHECK(static_cast<long>(lines.size() - 1) < std::stol(all.out));  // part 2's hits are missing
    const auto partial_count = search({stub.string()}, {"--count", "--partial"}, "revenue");
    CHECK(partial_count.exit_code == 0);
    CHECK(std::stol(partial_count.out) < std::stol(all.out));

    // Accepts, never answers: the timeout, not a hang.
    const SilentServer silent;
    const fs::path hanging = write_stub(b.corpus.tmp.path / "hang.stub", {one.port(), silent.port()});
    const auto started = std::chrono::steady_clock::now();
    const auto hung = search({hanging.string()}, {"--timeout", "1"}, "revenue");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(hung.exit_code == 2);
    CHECK_MESSAGE(hung.err.find("127.0.0.1:" + std::to_string(silent.port())) != std::string::npos, hung.err);
    CHECK(hung.err.find("did not answer within 1 s") != std::string::npos);
    CHECK(seconds < 4.0);
}

TEST_CASE("shards: an update goes to the part holding the call and is seen through its running server") {
    Built& b = built();
    TcpServer one(b.parts / "part-01"), two(b.parts / "part-02"), three(b.parts / "part-03");
    const fs::path stub = write_stub(b.corpus.tmp.path / "update.stub", {one.port(), two.port(), three.port()});
    const std::vector<std::string> q = {"--count", "--ticker", "CS77"};
    CHECK(search({stub.string()}, q).out == "0\n");

    // Searches keep running through the update; none may fail.
    std::atomic<bool> done{false};
    std::atomic<int> failures{0}, runs{0};
    std::thread reader([&] {
        while (!done) {
            const auto r = search({stub.string()}, {"--count"}, "revenue");
            if (r.exit_code != 0) ++failures;
            ++runs;
        }
    });
    write_file(b.corpus.calls / "synthetic_77.txt", synthetic_call(77));
    (void)b.corpus.build("parts", {});
    (void)b.corpus.build("local", {});
    done = true;
    reader.join();
    CHECK(failures == 0);
    CHECK(runs > 0);
    const auto expected = search({b.local.string()}, {"--json", "--limit", "100", "--ticker", "CS77"}, "revenue");
    CHECK(expected.exit_code == 0);
    CHECK(search({stub.string()}, {"--json", "--limit", "100", "--ticker", "CS77"}, "revenue").out == expected.out);
    CHECK(search({stub.string()}, {"--json", "--limit", "30"}, "revenue").out ==
          search({b.local.string()}, {"--json", "--limit", "30"}, "revenue").out);

    // Another number of parts needs --rebuild, which shares the calls out again.
    const auto refused = run_process({kIndexer, "--db", b.parts.string(), "--shards", "2", b.corpus.calls.string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--rebuild") != std::string::npos);
    CHECK(read_file(b.parts / "XAPIANDB") == "auto part-01\nauto part-02\nauto part-03\n");
    one.stop();
    two.stop();
    three.stop();
    const std::vector<std::string> queries = {"revenue", "\"adjusted EBITDA\"", "訂閱", "guidance NOT covid"};
    for (const std::string& shards : {std::string("2"), std::string("1")}) {
        (void)b.corpus.build("parts", {"--rebuild", "--shards", shards});
        CHECK(fs::exists(b.parts / "part-02") == (shards == "2"));
        CHECK_FALSE(fs::exists(b.parts / "part-03"));
        for (const std::string& query : queries) {
            INFO("--shards ", shards, " query: ", query);
            CHECK(search({b.parts.string()}, {"--json", "--limit", "50"}, query).out ==
                  search({b.local.string()}, {"--json", "--limit", "50"}, query).out);
        }
    }
}
