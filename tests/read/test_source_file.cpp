#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "read/source_file.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

enum class Endian { Little, Big };

// The bytes of a UTF-16 file: BOM, then each code unit in the given order.
std::string utf16_file(std::u16string_view units, Endian endian) {
    std::string out;
    const auto put = [&](char16_t unit) {
        const auto hi = static_cast<char>(unit >> 8);
        const auto lo = static_cast<char>(unit & 0xFF);
        if (endian == Endian::Big) {
            out += hi;
            out += lo;
        } else {
            out += lo;
            out += hi;
        }
    };
    put(0xFEFF);
    for (const char16_t unit : units) put(unit);
    return out;
}

// What the InputError of `read` says, or "accepted".
template <typename Read>
std::string refusal_by(Read read) {
    try {
        (void)read();
    } catch (const InputError& e) {
        return e.what();
    }
    return "accepted";
}

std::string refusal(const std::string& bytes) {
    return refusal_by([&] { return decode_source_bytes(bytes); });
}

std::string refusal_of_file(const fs::path& path) {
    return refusal_by([&] { return read_source_file(path); });
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("bytes that are not transcript text are refused with the reason") {
    struct Case {
        const char* what;
        std::string bytes;
        const char* reason;
    };
    std::string heavily_corrupt = "回購 ";
    for (int i = 0; i < 10; ++i) heavily_corrupt += "ok \xff";
    const Case cases[] = {
        {"empty", "", "empty file"},
        {"NUL bytes", std::string("abc\0def", 7), "binary"},
        {"UTF-16 without a BOM", std::string("O\0p\0\n\0", 6), "binary"},
        {"U+0000 in UTF-16", utf16_file(std::u16string(u"ab\0c", 4), Endian::Little), "binary"},
        {"UTF-8 with more than 1% corrupt bytes", heavily_corrupt, "not valid UTF-8 (first bad byte at offset 10)"},
        {"mostly high bytes, no UTF-8 character", "\xe9\xe9\xe9\xe9 a", "not valid UTF-8 (first bad byte at offset 0)"},
        {"a UTF-8 BOM counts in the offset", "\xEF\xBB\xBF" + heavily_corrupt, "first bad byte at offset 13"},
        {"white space", "  \n\t\r\n", "white space"},
        {"white space in UTF-16", utf16_file(u" \r\n ", Endian::Big), "white space"},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        CHECK(refusal(c.bytes).find(c.reason) != std::string::npos);
    }
}

TEST_CASE("text in a known encoding becomes UTF-8 with LF line ends, and every conversion leaves a note") {
    struct Case {
        const char* what;
        std::string bytes;
        std::string text;
        std::vector<std::string> notes;  // each note must contain its entry, in order
    };
    const std::string ascii_run(500, 'a');
    const Case cases[] = {
        {"UTF-8 with BOM, CRLF and CR", "\xEF\xBB\xBFOperator\r\nHello\rWorld\n", "Operator\nHello\nWorld\n", {}},
        {"UTF-8 Chinese", "訂閱服務\n", "訂閱服務\n", {}},
        {"UTF-16LE with BOM", utf16_file(u"Operator\r\n回購 \U0001F600\n", Endian::Little), "Operator\n回購 😀\n",
         {"converted from UTF-16LE"}},
        {"UTF-16BE with BOM", utf16_file(u"Operator\r\n回購 \U0001F600\n", Endian::Big), "Operator\n回購 😀\n",
         {"converted from UTF-16BE"}},
        {"UTF-16 with an unpaired surrogate", utf16_file(std::u16string{0xD83D, u'a', 0xDE00}, Endian::Little),
         "\uFFFDa\uFFFD", {"converted from UTF-16LE", "replaced 2 unpaired UTF-16 surrogates with U+FFFD (first at offset 2)"}},
        {"UTF-16 with an odd last byte", utf16_file(u"ab", Endian::Big) + "c", "ab\uFFFD",
         {"converted from UTF-16BE", "odd last byte"}},
        {"Windows-1252 Latin letter", "Caf\xe9\r\n", "Café\n", {"converted from Windows-1252"}},
        {"Windows-1252 smart quotes", "\x93smart quotes\x94", "\u201csmart quotes\u201d", {"converted from Windows-1252"}},
        {"Windows-1252 euro and dashes", "\x80" "5 \x96 \x97", "€5 – —", {"converted from Windows-1252"}},
        {"Windows-1252 undefined byte", "a\x81" "b", "a\uFFFDb", {"converted from Windows-1252 (1 byte undefined there"}},
        {"no UTF-8 character at all reads as Windows-1252", "a \xc0\xaf", "a À¯", {"converted from Windows-1252"}},
        {"mostly UTF-8 with one corrupt byte", "回購 " + ascii_run + "\xff" + "b", "回購 " + ascii_run + "\uFFFDb",
         {"replaced 1 invalid UTF-8 byte (first at offset 507)"}},
        {"a run of corrupt bytes becomes one U+FFFD", "回購 " + ascii_run + "\xff\xfe\xed\xa0" + "b",
         "回購 " + ascii_run + "\uFFFDb", {"replaced 4 invalid UTF-8 bytes (first at offset 507)"}},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        const SourceText source = decode_source_bytes(c.bytes);
        CHECK(source.text == c.text);
        CHECK(find_invalid_utf8(source.text) == std::string_view::npos);
        REQUIRE(source.notes.size() == c.notes.size());
        for (std::size_t i = 0; i < c.notes.size(); ++i) {
            CHECK_MESSAGE(source.notes[i].find(c.notes[i]) != std::string::npos, source.notes[i]);
        }
    }
}

TEST_CASE("a line longer than kMaxLineBytes is refused, naming the line and its size") {
    const std::string huge(2u << 20, 'x');
    struct Case {
        const char* what;
        std::string bytes;
        const char* reason;
    };
    const Case cases[] = {
        {"one 2 MiB line", huge, "line 1 is 2.0 MiB long; not a transcript"},
        {"after CRLF lines", "Operator\r\n\r\n" + huge + "\r\n", "line 3 is 2.0 MiB long"},
        {"after CR lines", "a\rb\r" + huge, "line 3 is 2.0 MiB long"},
        {"in UTF-16", utf16_file(std::u16string(2u << 20, u'x'), Endian::Little), "line 1 is 2.0 MiB long"},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        CHECK(refusal(c.bytes).find(c.reason) != std::string::npos);
    }
    CHECK(decode_source_bytes("a\n" + std::string(kMaxLineBytes, 'x') + "\n").text.size() == kMaxLineBytes + 3);
}

TEST_CASE("a file with more than kMaxLines lines is refused, a final line end starting no new line") {
    std::string lines;
    for (std::size_t i = 0; i < kMaxLines; ++i) lines += "a\n";
    CHECK(decode_source_bytes(lines).text.size() == 2 * kMaxLines);
    CHECK(refusal(lines + "a") == "too many lines for a transcript (100001; the limit is 100000)");
    CHECK(refusal(lines + "\r\n").find("too many lines") != std::string::npos);
}

TEST_CASE("the first invalid UTF-8 byte is located") {
    CHECK(find_invalid_utf8("abc") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xff") == 2);
    CHECK(find_invalid_utf8("回購") == std::string_view::npos);
    CHECK(find_invalid_utf8("\xed\xa0\x80") == 0);  // a surrogate
    CHECK(find_invalid_utf8("ok \xe4\xb8") == 3);   // a truncated sequence
}

TEST_CASE("reading a file: the seed reads whole, a directory or missing file is refused") {
    const auto seed = read_source_file(std::string(CALLSEARCH_CORPUS_DIR) + "/003_b62d8a1d2292034a.txt");
    CHECK(seed.text.rfind("Logo of jester cap", 0) == 0);
    CHECK(seed.notes.empty());
    CHECK(refusal_of_file(CALLSEARCH_CORPUS_DIR) == "is a directory");
    CHECK(refusal_of_file(std::string(CALLSEARCH_CORPUS_DIR) + "/absent.txt").starts_with("cannot open: "));
}

TEST_CASE("a file on disk is decoded like bytes in memory, notes included") {
    test_support::TempDir dir;
    write_file(dir.path / "utf16.txt", utf16_file(u"Operator\r\n", Endian::Little));
    const SourceText source = read_source_file(dir.path / "utf16.txt");
    CHECK(source.text == "Operator\n");
    CHECK(source.notes == std::vector<std::string>{"converted from UTF-16LE"});
}

TEST_CASE("hostile files are refused without being read or blocking the run") {
    test_support::TempDir dir;

    // A FIFO would block an open() forever; it must be refused from its status.
    const fs::path fifo = dir.path / "fifo.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(refusal_of_file(fifo) == "not a regular file");
    CHECK(refusal_of_file("/dev/null") == "not a regular file");

    fs::create_symlink(dir.path / "loop_b", dir.path / "loop_a");
    fs::create_symlink(dir.path / "loop_a", dir.path / "loop_b");
    CHECK(refusal_of_file(dir.path / "loop_a").starts_with("cannot open: "));

    // Sparse, so the test writes nothing: the size alone refuses it.
    const fs::path big = dir.path / "big.txt";
    write_file(big, "x");
    fs::resize_file(big, kMaxTranscriptBytes + 1);
    CHECK(refusal_of_file(big).starts_with("too large for a transcript (64.0 MiB"));
}

TEST_CASE("an unreadable file is refused as permission denied") {
    test_support::TempDir dir;
    const fs::path locked = dir.path / "locked.txt";
    write_file(locked, "Operator\n");
    fs::permissions(locked, fs::perms::none);
    if (::geteuid() == 0) {
        // Root reads through any permission bits, so there is no denial to
        // provoke; the refusal that needs no privilege is checked instead.
        MESSAGE("running as root: permission denial cannot be provoked; checking a FIFO instead");
        const fs::path fifo = dir.path / "fifo.txt";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        CHECK(refusal_of_file(fifo) == "not a regular file");
    } else {
        CHECK(refusal_of_file(locked) == "cannot open: Permission denied");
    }
}
