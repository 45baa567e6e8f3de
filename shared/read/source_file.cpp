#include "read/source_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace callsearch {

namespace {

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

std::string normalize_line_ends(std::string text) {
    if (text.find('\r') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
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
    if (bytes.find('\0') != std::string::npos) throw InputError("binary file (contains NUL bytes)");
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    if (const std::size_t bad = find_invalid_utf8(bytes); bad != std::string::npos) {
        throw InputError("not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")");
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError("file holds only white space");
    return SourceText{normalize_line_ends(std::move(bytes))};
}

SourceText read_source_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec) throw InputError("cannot read: " + ec.message());
    if (std::filesystem::is_directory(status)) throw InputError("is a directory");
    if (!std::filesystem::is_regular_file(status)) throw InputError("not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError("cannot read: " + ec.message());
    if (size > kMaxTranscriptBytes) {
        throw InputError("too large for a transcript (" + std::to_string(size >> 20) + " MiB)");
    }

    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(std::string("cannot open: ") + std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) throw InputError("read error");
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return decode_source_bytes(std::move(bytes));
}

}  // namespace callsearch
