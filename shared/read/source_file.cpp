#include "read/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace callsearch {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr char32_t kReplacementChar = 0xFFFD;

// Length of the UTF-8 sequence starting at s[i] if it is well formed
// (no overlongs, no surrogates, nothing above U+10FFFF), else 0.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string mebibytes(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1u << 20));
    return buffer;
}

// One pass, no copies: the file is refused before anything allocates per line.
void check_lines(std::string_view text) {
    std::size_t line = 1;
    std::size_t start = 0;
    const auto check = [&](std::size_t end) {
        if (end - start > kMaxLineBytes) {
            throw InputError("line " + std::to_string(line) + " is " + mebibytes(end - start) +
                             " long; not a transcript");
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        check(i);
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++line;
        start = i + 1;
    }
    check(text.size());
    // A final line end does not start another line.
    const std::size_t lines = start == text.size() ? line - 1 : line;
    if (lines > kMaxLines) {
        throw InputError("too many lines for a transcript (" + std::to_string(lines) + "; the limit is " +
                         std::to_string(kMaxLines) + ")");
    }
}

// Moves text[from..] to the front, CRLF and CR becoming '\n'. In place: the
// text only shrinks, so a file already clean costs no allocation.
void normalize_line_ends(std::string& text, std::size_t from) {
    if (from == 0 && text.find('\r') == std::string::npos) return;
    std::size_t out = 0;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\r') {
            text[out++] = '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            text[out++] = text[i];
        }
    }
    text.resize(out);
}

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
    return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

// `units` is the text after its BOM; `base` is the BOM's size, so that notes
// give offsets in the file. At most 3 bytes of UTF-8 come from 2 bytes of
// UTF-16 (4 from 4), so the reserve below is never exceeded.
std::string decode_utf16(std::string_view units, bool big_endian, std::size_t base,
                         std::vector<std::string>& notes) {
    std::string out;
    out.reserve(units.size() / 2 * 3 + 3);
    const auto unit_at = [&](std::size_t i) -> char32_t {
        const auto b0 = static_cast<unsigned char>(units[i]);
        const auto b1 = static_cast<unsigned char>(units[i + 1]);
        return big_endian ? char32_t((b0 << 8) | b1) : char32_t((b1 << 8) | b0);
    };
    std::size_t unpaired = 0;
    std::size_t first_unpaired = 0;
    std::size_t i = 0;
    for (; i + 1 < units.size(); i += 2) {
        const char32_t unit = unit_at(i);
        if (unit < 0xD800 || unit > 0xDFFF) {
            append_utf8(out, unit);
            continue;
        }
        if (unit <= 0xDBFF && i + 3 < units.size()) {
            const char32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (unpaired++ == 0) first_unpaired = base + i;
        append_utf8(out, kReplacementChar);
    }
    notes.push_back(std::string("converted from ") + (big_endian ? "UTF-16BE" : "UTF-16LE"));
    if (unpaired > 0) {
        notes.push_back("replaced " + count_of(unpaired, "unpaired UTF-16 surrogate", "unpaired UTF-16 surrogates") +
                        " with U+FFFD (first at offset " + std::to_string(first_unpaired) + ")");
    }
    if (i < units.size()) {
        append_utf8(out, kReplacementChar);
        notes.push_back("replaced the odd last byte of the UTF-16 text with U+FFFD");
    }
    return out;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has printable
// characters (curly quotes, dashes, the euro sign) instead of C1 controls.
// 0 marks the five bytes it leaves undefined.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string decode_windows_1252(std::string_view bytes, std::vector<std::string>& notes) {
    std::size_t out_size = 0;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out_size += b < 0x80 ? 1 : b >= 0xA0 ? 2 : 3;
    }
    std::string out;
    out.reserve(out_size);
    std::size_t undefined = 0;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        char32_t cp = b;
        if (b >= 0x80 && b < 0xA0) {
            cp = kWindows1252High[b - 0x80];
            if (cp == 0) {
                cp = kReplacementChar;
                ++undefined;
            }
        }
        append_utf8(out, cp);
    }
    std::string note = "converted from Windows-1252";
    if (undefined > 0) {
        note += " (" + count_of(undefined, "byte", "bytes") + " undefined there replaced with U+FFFD)";
    }
    notes.push_back(std::move(note));
    return out;
}

struct Utf8Scan {
    std::size_t invalid_bytes = 0;
    std::size_t first_invalid = std::string_view::npos;
    std::size_t high_bytes = 0;  // bytes >= 0x80, valid or not
    bool has_multibyte = false;  // at least one well-formed sequence of 2-4 bytes
};

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan scan;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            if (scan.invalid_bytes++ == 0) scan.first_invalid = i;
            ++scan.high_bytes;  // a lone byte is invalid only when high (NULs are refused earlier)
            ++i;
            continue;
        }
        if (len > 1) {
            scan.has_multibyte = true;
            scan.high_bytes += len;
        }
        i += len;
    }
    return scan;
}

// Each maximal run of invalid bytes becomes one U+FFFD.
std::string replace_invalid_utf8(std::string_view s, std::size_t invalid_bytes) {
    std::string out;
    out.reserve(s.size() + 2 * invalid_bytes);
    bool in_bad_run = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            if (!in_bad_run) append_utf8(out, kReplacementChar);
            in_bad_run = true;
            ++i;
            continue;
        }
        in_bad_run = false;
        out.append(s, i, len);
        i += len;
    }
    return out;
}

// Closes the descriptor however the read ends.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

std::string errno_message(int error) { return std::error_code(error, std::generic_category()).message(); }

std::string too_large(std::uintmax_t size) {
    return "too large for a transcript (" + mebibytes(size) + "; the limit is " + mebibytes(kMaxTranscriptBytes) + ")";
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t len = utf8_sequence_length(bytes, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

SourceText decode_source_bytes(std::string bytes) {
    if (bytes.empty()) throw InputError("empty file");
    if (bytes.size() > kMaxTranscriptBytes) throw InputError(too_large(bytes.size()));
    SourceText source;
    const std::string_view all(bytes);

    // UTF-16 comes first: its text is full of NUL bytes.
    if (all.starts_with(kUtf16LeBom) || all.starts_with(kUtf16BeBom)) {
        source.text = decode_utf16(all.substr(2), all.starts_with(kUtf16BeBom), 2, source.notes);
        bytes = std::string();  // the converted text takes its place
        if (source.text.find('\0') != std::string::npos) throw InputError("binary file (contains U+0000)");
        check_lines(source.text);
        normalize_line_ends(source.text, 0);
    } else {
        const std::size_t bom = all.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
        const std::string_view body = all.substr(bom);
        if (body.find('\0') != std::string_view::npos) throw InputError("binary file (contains NUL bytes)");
        check_lines(body);
        const Utf8Scan scan = scan_utf8(body);
        if (scan.invalid_bytes == 0) {
            normalize_line_ends(bytes, bom);
            source.text = std::move(bytes);
        } else if (!scan.has_multibyte && scan.high_bytes * 2 <= body.size()) {
            // Not one UTF-8 character anywhere: an 8-bit Western file, as
            // Windows editors and old exports write them. Most of its bytes
            // are ASCII; text made mostly of high bytes is no Western text
            // (and converting it would triple it).
            source.text = decode_windows_1252(body, source.notes);
            normalize_line_ends(source.text, 0);
        } else if (scan.has_multibyte && scan.invalid_bytes * 100 <= body.size() * kMaxRepairedPercent) {
            // UTF-8 with a few corrupt bytes (a bad copy, a truncated
            // download): losing them costs less than losing the call.
            source.text = replace_invalid_utf8(body, scan.invalid_bytes);
            source.notes.push_back("replaced " + count_of(scan.invalid_bytes, "invalid UTF-8 byte", "invalid UTF-8 bytes") +
                                   " (first at offset " + std::to_string(bom + scan.first_invalid) + ")");
            normalize_line_ends(source.text, 0);
        } else {
            throw InputError("not valid UTF-8 (first bad byte at offset " + std::to_string(bom + scan.first_invalid) +
                             ")");
        }
    }
    if (source.text.find_first_not_of(" \t\n") == std::string::npos) throw InputError("file holds only white space");
    return source;
}

std::string read_source_bytes(const std::filesystem::path& path) {
    // Only a regular file is ever opened: opening a FIFO would block the run,
    // and opening a device can have effects of its own.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec) throw InputError("cannot open: " + ec.message());
    if (std::filesystem::is_directory(status)) throw InputError("is a directory");
    if (!std::filesystem::is_regular_file(status)) throw InputError("not a regular file");

    // O_NONBLOCK and the fstat below cover a file swapped for a FIFO after the check.
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) throw InputError("cannot open: " + errno_message(errno));
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) throw InputError("cannot read: " + errno_message(errno));
    if (!S_ISREG(info.st_mode)) throw InputError("not a regular file");
    const auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > kMaxTranscriptBytes) throw InputError(too_large(size));

    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InputError("read error: " + errno_message(errno));
        if (n == 0) break;  // the file shrank since fstat
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

SourceText read_source_file(const std::filesystem::path& path) { return decode_source_bytes(read_source_bytes(path)); }

}  // namespace callsearch
