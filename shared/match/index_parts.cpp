#include "match/index_parts.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>

#include "index/index_layout.h"
#include "index/index_writer.h"
#include "match/matcher.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

// A rebuild may switch generations between our reading the stub and opening
// what it named: read the stub again, a few times.
constexpr int kMaxReopens = 10;
// Stubs naming stubs: deeper than this is a loop.
constexpr int kMaxStubDepth = 8;

bool is_port(const std::string& s) {
    return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           std::stoul(s) > 0 && std::stoul(s) < 65536;
}

// "HOST:PORT" (IPv6 in brackets: "[::1]:PORT") -> the part, or false.
bool parse_host_port(const std::string& text, IndexPart& part) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || !is_port(text.substr(colon + 1))) return false;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    part.kind = IndexPart::Kind::Tcp;
    part.host = host;
    part.port = static_cast<unsigned>(std::stoul(text.substr(colon + 1)));
    part.name = text;
    return true;
}

void add_location(const fs::path& location, std::vector<IndexPart>& out, int depth);

// One stub file, as Xapian reads one (see the header), relative to `base`.
void add_stub(const fs::path& stub, const fs::path& base, std::vector<IndexPart>& out, int depth) {
    std::ifstream in(stub);
    if (!in) throw DatabaseError("cannot read index stub " + stub.string());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        std::istringstream words(line.substr(start));
        std::string backend, rest;
        words >> backend;
        std::getline(words >> std::ws, rest);
        const std::string where = stub.string() + " line " + std::to_string(number);
        if (rest.empty()) throw DatabaseError(where + ": '" + backend + "' names nothing");
        if (backend == "remote") {
            IndexPart part;
            if (rest.front() == ':' && parse_host_port(rest.substr(1), part)) {
                part.name = rest.substr(1);
            } else if (rest.find(' ') == std::string::npos && parse_host_port(rest, part)) {
                // HOST:PORT without Xapian's leading colon: tcp too.
            } else {
                part.kind = IndexPart::Kind::Program;
                const auto space = rest.find(' ');
                part.program = rest.substr(0, space);
                part.arguments = space == std::string::npos ? std::string() : rest.substr(space + 1);
                part.name = rest;
            }
            out.push_back(std::move(part));
        } else if (backend == "auto" || backend == "glass" || backend == "chert") {
            fs::path path(rest);
            if (path.is_relative()) path = base / path;
            add_location(path, out, depth + 1);
        } else {
            throw DatabaseError(where + ": unknown database type '" + backend +
                                "' (expected auto, glass, chert or remote)");
        }
    }
}

// The stub of an index folder names one generation: the folder is one part.
bool names_one_generation(const fs::path& stub) {
    std::ifstream in(stub);
    std::string backend, name, more;
    if (!(in >> backend >> name)) return false;
    if (in >> more) return false;
    return name.rfind(kGenerationPrefix, 0) == 0 && name.find('/') == std::string::npos;
}

void add_location(const fs::path& location, std::vector<IndexPart>& out, int depth) {
    if (depth > kMaxStubDepth) throw DatabaseError("index stub " + location.string() + " names itself (a loop)");
    std::error_code ec;
    if (!fs::exists(location, ec)) {
        throw DatabaseError("no index at " + location.string() + " (run indexer first, or pass --db)");
    }
    if (fs::is_directory(location, ec)) {
        const fs::path stub = location / kStubFileName;
        if (fs::exists(stub, ec) && !names_one_generation(stub)) {
            add_stub(stub, location, out, depth);
            return;
        }
        IndexPart part;
        part.path = location;
        part.name = location.string();
        out.push_back(std::move(part));
        return;
    }
    add_stub(location, location.parent_path(), out, depth);
}

void pause_before_retry(int attempt) { std::this_thread::sleep_for(std::chrono::milliseconds(5 * (attempt + 1))); }

Xapian::Database open_local(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / "iamglass", ec) && !fs::exists(dir / kStubFileName, ec)) {
        throw DatabaseError("index " + dir.string() +
                            " has an older layout (schema 1); remove that folder and run indexer again");
    }
    if (!fs::exists(dir / kStubFileName, ec)) {
        throw DatabaseError("no index at " + dir.string() + " (no " + std::string(kStubFileName) +
                            "; run indexer first, or pass --db)");
    }
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::Database db(dir.string());
            if (std::string problem = schema_problem(db, dir); !problem.empty()) throw DatabaseError(problem);
            return db;
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (attempt >= kMaxReopens) throw DatabaseError("cannot open index " + dir.string() + ": " + e.get_msg());
            pause_before_retry(attempt);
        } catch (const Xapian::Error& e) {
            throw DatabaseError("cannot open index " + dir.string() + ": " + e.get_msg());
        }
    }
}

std::string seconds_text(std::chrono::milliseconds t) {
    std::ostringstream s;
    s << static_cast<double>(t.count()) / 1000.0;
    return s.str();
}

// (Xapian's exceptions are not polymorphic: their type is a name.)
bool is_timeout(const Xapian::Error& e) { return std::string_view(e.get_type()) == "NetworkTimeoutError"; }

// Why a remote part failed, in words that name it.
std::string remote_failure(const IndexPart& part, const Xapian::Error& e, std::chrono::milliseconds timeout) {
    if (is_timeout(e)) {
        return "index part " + part.name + " did not answer within " + seconds_text(timeout) + " s (--timeout)";
    }
    std::string why = e.get_msg();
    const char* detail = e.get_error_string();
    if (detail && *detail && why.find(detail) == std::string::npos) why += " (" + std::string(detail) + ")";
    return "cannot reach index part " + part.name + ": " + why;
}

Xapian::Database open_part(const IndexPart& part, std::chrono::milliseconds timeout) {
    if (part.kind == IndexPart::Kind::Local) return open_local(part.path);
    const auto ms = static_cast<unsigned>(std::max<std::chrono::milliseconds::rep>(1, timeout.count()));
    try {
        Xapian::Database db = part.kind == IndexPart::Kind::Tcp
                                  ? Xapian::Remote::open(part.host, part.port, ms, ms)
                                  : Xapian::Remote::open(part.program, part.arguments, ms);
        if (std::string problem = schema_problem(db, part.name); !problem.empty()) throw DatabaseError(problem);
        return db;
    } catch (const Xapian::Error& e) {
        throw DatabaseError(remote_failure(part, e, timeout));
    }
}

}  // namespace

IndexAccess index_access(const fs::path& first, const IndexOptions& options) {
    IndexAccess access{{first.string()}, options.timeout, options.partial};
    access.locations.insert(access.locations.end(), options.more_locations.begin(), options.more_locations.end());
    return access;
}

std::string live_generation_name(const fs::path& dir) {
    try {
        const auto live = IndexLayout(dir).live_generation();
        return live ? live->filename().string() : std::string();
    } catch (const IndexError&) {
        return {};
    }
}

std::vector<IndexPart> index_parts(const std::vector<std::string>& locations) {
    std::vector<IndexPart> out;
    for (const std::string& location : locations) add_location(location, out, 0);
    if (out.empty()) throw DatabaseError("the index stub lists no databases");
    return out;
}

IndexParts open_index_parts(const IndexAccess& access) {
    std::vector<IndexPart> parts = index_parts(access.locations);
    // Opening a remote part is a connection, a server process started for
    // it and a schema read: with several, they wait for each other at once
    // rather than in turn.
    struct Attempt {
        std::optional<Xapian::Database> db;
        std::string error;
    };
    std::vector<Attempt> attempts(parts.size());
    const auto attempt = [&](std::size_t i) {
        try {
            attempts[i].db = open_part(parts[i], access.timeout);
        } catch (const std::exception& e) {  // DatabaseError, or out of memory: reported in part order below
            attempts[i].error = e.what();
        }
    };
    const auto remote = std::count_if(parts.begin(), parts.end(),
                                      [](const IndexPart& p) { return p.kind != IndexPart::Kind::Local; });
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (remote < 2 || parts[i].kind == IndexPart::Kind::Local) continue;
        try {
            threads.emplace_back(attempt, i);
        } catch (const std::system_error&) {
            attempt(i);  // no thread to be had: open it here
        }
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (remote < 2 || parts[i].kind == IndexPart::Kind::Local) attempt(i);
    }
    for (std::thread& t : threads) t.join();

    IndexParts opened;
    std::string first_failure;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (attempts[i].db) {
            opened.parts.push_back(std::move(*attempts[i].db));
            opened.where.push_back(std::move(parts[i]));
            continue;
        }
        if (!access.partial) throw DatabaseError(attempts[i].error);
        if (first_failure.empty()) first_failure = attempts[i].error;
        opened.missing.push_back(attempts[i].error);
    }
    if (opened.parts.empty()) throw DatabaseError(first_failure + " (and no other part could be opened)");
    if (opened.parts.size() == 1) {
        opened.all = opened.parts.front();
    } else {
        for (const Xapian::Database& db : opened.parts) opened.all.add_database(db);
    }
    return opened;
}

void IndexParts::on_each_part(const std::function<void(std::size_t)>& f) const {
    const auto remote = std::count_if(where.begin(), where.end(),
                                      [](const IndexPart& p) { return p.kind != IndexPart::Kind::Local; });
    std::vector<std::exception_ptr> errors(parts.size());
    const auto run = [&](std::size_t p) {
        try {
            f(p);
        } catch (...) {
            errors[p] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::vector<bool> threaded(parts.size(), false);
    for (std::size_t p = 0; p < parts.size() && remote >= 2; ++p) {
        if (where[p].kind == IndexPart::Kind::Local) continue;
        try {
            threads.emplace_back(run, p);
            threaded[p] = true;
        } catch (const std::system_error&) {
            // No thread to be had: run it below.
        }
    }
    for (std::size_t p = 0; p < parts.size(); ++p) {
        if (!threaded[p]) run(p);
    }
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& e : errors) {
        if (e) std::rethrow_exception(e);
    }
}

std::vector<std::string> IndexParts::words_with_stem(const std::string& stem) const {
    const std::string key = schema::stem_key(stem);
    if (single() && where.front().kind == IndexPart::Kind::Local) {
        return std::vector<std::string>(all.synonyms_begin(key), all.synonyms_end(key));
    }
    std::vector<std::vector<std::string>> found(parts.size());
    on_each_part([&](std::size_t i) {
        if (where[i].kind == IndexPart::Kind::Local) {
            found[i].assign(parts[i].synonyms_begin(key), parts[i].synonyms_end(key));
            return;
        }
        const std::string list = parts[i].get_metadata(schema::stem_metadata_key(stem));
        for (std::size_t start = 0; start < list.size();) {
            const std::size_t end = std::min(list.find('\n', start), list.size());
            if (end > start) found[i].push_back(list.substr(start, end - start));
            start = end + 1;
        }
    });
    std::vector<std::string> words;
    for (const auto& part_words : found) words.insert(words.end(), part_words.begin(), part_words.end());
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

std::string IndexParts::generation_token() const {
    std::string token;
    for (const IndexPart& part : where) {
        if (part.kind == IndexPart::Kind::Local) token += live_generation_name(part.path);
        token += ',';
    }
    return token;
}

std::vector<std::string> unreachable_parts(const IndexParts& parts) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < parts.parts.size(); ++i) {
        if (parts.where[i].kind == IndexPart::Kind::Local) continue;
        try {
            Xapian::Database probe = parts.parts[i];
            (void)probe.reopen();
        } catch (const Xapian::Error& e) {
            out.push_back(is_timeout(e)
                              ? "index part " + parts.where[i].name + " stopped answering (--timeout)"
                              : remote_failure(parts.where[i], e, std::chrono::milliseconds(0)));
        }
    }
    return out;
}

}  // namespace callsearch
