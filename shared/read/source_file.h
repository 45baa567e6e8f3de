#pragma once
// The read stage: one file on disk -> checked UTF-8 text with '\n' line ends.
//
// Encodings taken (anything else is refused with the reason):
// - UTF-8, with or without a BOM;
// - UTF-16LE / UTF-16BE with a BOM (without one, its NUL bytes make it "binary");
// - Windows-1252 (and so Latin-1's printable range): taken when the bytes hold
//   no well-formed multi-byte UTF-8 sequence at all;
// - UTF-8 with a few corrupt bytes (at most 1% of the file), each corrupt run
//   replaced with U+FFFD.
// Every conversion or repair adds a note to SourceText::notes for the caller
// to show as a warning.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

// A file we cannot take as text. The message says why (the caller names the file).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Files larger than this are refused rather than read whole: no transcript is
// near it, and it bounds the memory one bad file can take.
inline constexpr std::uintmax_t kMaxTranscriptBytes = 64u << 20;

// Lines longer than this are refused: a transcript line is one paragraph (a
// few KB at most), while the parsers copy and scan lines, so one huge line
// (a minified dump, a binary blob without NULs) would only cost time and memory.
// Counted in bytes as read, line ends being '\n', '\r' or "\r\n"; for UTF-16,
// in bytes of the converted text.
inline constexpr std::size_t kMaxLineBytes = 1u << 20;

// Files with more lines than this are refused: the longest transcripts have
// about 1,200, while the parsers keep a few dozen bytes per line, so a 64 MiB
// file of one-letter lines would otherwise cost gigabytes.
inline constexpr std::size_t kMaxLines = 100'000;

// At most this share of a mostly-UTF-8 file may be corrupt bytes that get
// replaced; beyond it the file is refused as not UTF-8.
inline constexpr std::size_t kMaxRepairedPercent = 1;

struct SourceText {
    std::string text;                // valid UTF-8, BOM removed, CRLF/CR turned into '\n'
    std::vector<std::string> notes;  // conversions and repairs made, e.g. "converted from UTF-16LE"
};

// The file's bytes, unchanged. Throws InputError: cannot open (missing,
// permission denied, symlink loop), not a regular file (never opened, so a
// FIFO cannot block the run), larger than kMaxTranscriptBytes, read error.
[[nodiscard]] std::string read_source_bytes(const std::filesystem::path& path);

// read_source_bytes, then decode_source_bytes.
[[nodiscard]] SourceText read_source_file(const std::filesystem::path& path);

// The checks, conversions and clean-up of read_source_file, on bytes already
// in memory. Throws InputError: empty, too large, binary (NUL bytes), a line
// longer than kMaxLineBytes, more than kMaxLines lines, invalid UTF-8 beyond
// repair, only white space.
[[nodiscard]] SourceText decode_source_bytes(std::string bytes);

// Offset of the first byte that is not valid UTF-8, or npos when all of it is.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace callsearch
