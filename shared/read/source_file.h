#pragma once
// The read stage: one file on disk -> checked UTF-8 text with '\n' line ends.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace callsearch {

// A file we cannot take as text. The message says why (the caller names the file).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Files larger than this are refused rather than read whole: no transcript is
// near it, and it bounds the memory one bad file can take.
inline constexpr std::uintmax_t kMaxTranscriptBytes = 64u << 20;

struct SourceText {
    std::string text;  // valid UTF-8, BOM removed, CRLF/CR turned into '\n'
};

// Throws InputError: unreadable, empty, too large, binary (NUL bytes), invalid UTF-8.
[[nodiscard]] SourceText read_source_file(const std::filesystem::path& path);

// The checks and clean-up of read_source_file, on bytes already in memory.
[[nodiscard]] SourceText decode_source_bytes(std::string bytes);

// Offset of the first byte that is not valid UTF-8, or npos when all of it is.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace callsearch
