#pragma once
// Which reader a file's bytes go to, decided by their content, never by the
// file's name: a JSON file saved as .txt is JSON, a PDF without an extension a PDF.

#include <string_view>

namespace callsearch {

enum class SourceFormat { Text, Pdf, Html, Json };

[[nodiscard]] const char* to_string(SourceFormat format);  // "text" | "pdf" | "html" | "json"

// Pdf: "%PDF-" within the first 1 KiB (the PDF spec lets junk precede it).
// Json: after an optional BOM and white space, '{' followed by '"' or '}', or
//   '[' followed by '{', '[', '"', a number, a literal or ']' (so a text that
//   opens with "[Operator Instructions]" stays text). JSON Lines starts the same.
// Html: after an optional BOM and white space, '<' and, within the first
//   4 KiB, a doctype, <html>, <head>, <body>, <meta>, <div>, <p>, <article> or
//   <title> (case-insensitive).
// Text: anything else (read/source_file.h).
[[nodiscard]] SourceFormat detect_source_format(std::string_view bytes);

}  // namespace callsearch
