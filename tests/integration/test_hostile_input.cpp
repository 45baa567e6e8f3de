// Real-world encodings are converted and indexed; hostile files are named in
// a warning with the reason, and the run goes on with bounded memory without
// losing what the index held.

#include <doctest/doctest.h>

#include <map>

#include <sys/stat.h>
#include <unistd.h>

#include "integration/fixtures.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

std::u32string decode(const std::string& utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : b & (0x7F >> len);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string utf16(const std::string& utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    const auto put = [&](char16_t unit) {
        const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    };
    for (char32_t cp : decode(utf8)) {
        if (cp >= 0x10000) {
            put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            put(static_cast<char16_t>(cp));
        }
    }
    return out;
}

std::string windows_1252(const std::string& utf8) {
    static const std::map<char32_t, char> specials = {{U'\u2022', '\x95'}, {U'\u201C', '\x93'}, {U'\u201D', '\x94'},
                                                      {U'\u20AC', '\x80'}};
    std::string out;
    for (char32_t cp : decode(utf8)) {
        if (cp < 0x100) {
            out += static_cast<char>(cp);
        } else {
            out += specials.at(cp);
        }
    }
    return out;
}

// Seed 003 as its own call, with a paragraph that has accents and quotes.
std::string transcript(int n) {
    return replace_all(synthetic_call(n), "Thank you, Rohit. Hello, everyone,",
                       "Thank you, Rohit. The caf\u00e9 said \u201Cinventory\u201D costs \u20AC5. Hello, everyone,");
}

}  // namespace

TEST_CASE("hostile: every encoding a transcript comes in is indexed, and hostile files are named and skipped") {
    TempDir tmp;
    const fs::path calls = tmp.path / "calls", db = tmp.path / "index";
    fs::create_directories(calls);
    write_file(calls / "good.txt", transcript(1));
    REQUIRE(run_process({kIndexer, "--db", db.string(), calls.string()}).exit_code == 0);
    const long before = count_hits(db, {"--ticker", "CS1"});
    REQUIRE(before > 0);

    // Real-world encodings: each is another call, and each must be searchable.
    write_file(calls / "bom.txt", "\xEF\xBB\xBF" + transcript(2));
    write_file(calls / "utf16le.txt", utf16(transcript(3), true));
    write_file(calls / "utf16be.txt", utf16(transcript(4), false));
    write_file(calls / "crlf.txt", replace_all(transcript(5), "\n", "\r\n"));
    write_file(calls / "cp1252.txt", windows_1252(transcript(6)));
    // Hostile files.
    write_file(calls / "long-line.txt", std::string(50u << 20, 'x'));
    write_file(calls / "nul.txt", "Operator\n\nHello\0world\n" + std::string(10, '\0'));
    write_file(calls / "garbage.txt", std::string(2000, '\xC3') + "\xE4\xB8\xAD");
    write_file(calls / "empty.txt", "");
    std::string headers;
    for (int i = 0; i < 5000; ++i) headers += "Firstname" + std::to_string(i) + " Lastname -- Chief Executive Officer\n\n";
    write_file(calls / "headers.txt", headers);
    fs::create_directories(calls / "loop");
    fs::create_directory_symlink(calls, calls / "loop" / "back");
    fs::create_symlink(calls / "self-b.txt", calls / "self-a.txt");
    fs::create_symlink(calls / "self-a.txt", calls / "self-b.txt");
    write_file(calls / "locked.txt", transcript(7));
    ::chmod((calls / "locked.txt").c_str(), 0);
    ::mkfifo((calls / "fifo.txt").c_str(), 0644);

    const auto r = run_process({kIndexer, "--db", db.string(), calls.string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const std::map<std::string, std::string> reasons = {
        {"long-line.txt", "MiB long"},    {"nul.txt", "NUL"},       {"garbage.txt", "UTF-8"},
        {"empty.txt", "empty"},           {"self-a.txt", "symbolic links"}, {"fifo.txt", "not a regular file"},
        {"cp1252.txt", "Windows-1252"},
    };
    for (const auto& entry : reasons) {
        const std::string& file = entry.first;
        const std::string& reason = entry.second;
        CAPTURE(file);
        const auto at = r.err.find(file);
        REQUIRE(at != std::string::npos);
        const auto line_end = r.err.find('\n', at);
        CHECK(r.err.substr(at, line_end - at).find(reason) != std::string::npos);
    }
    if (::geteuid() != 0) CHECK(r.err.find("locked.txt") != std::string::npos);
    // The 50 MB line is refused without holding several copies of it.
    CHECK(r.max_rss_kib < 200 * 1024);

    for (int call = 2; call <= 6; ++call) {
        CAPTURE(call);
        CHECK(count_hits(db, {"--ticker", "CS" + std::to_string(call), "\"café said inventory costs\""}) == 1);
    }
    CHECK(count_hits(db, {"--ticker", "CS1"}) == before);
    CHECK(run_process({kIndexer, "--db", db.string(), "--check"}).exit_code == 0);
}
