#pragma once
// The read stage's entry point for one file's bytes: the format is detected
// from the content (read/source_format.h) and the matching reader yields the
// file's text, or several texts when the file holds several calls (a JSON
// array of calls). Each text is checked and normalized like a text file
// (read/source_file.h), so the parse stage sees the same guarantees whatever
// the format.

#include <string>
#include <vector>

#include "read/pdf_reader.h"
#include "read/source_file.h"
#include "read/source_format.h"

namespace callsearch {

struct DocumentText {
    struct Call {
        SourceText source;
        std::string label;  // "call 2 of 3" when the file holds several; "" otherwise
    };
    SourceFormat format = SourceFormat::Text;
    std::vector<Call> calls;            // at least one
    std::vector<std::string> dropped;   // what extraction left out, e.g. "12 repeated page header/footer lines"
};

// Throws InputError with the reason (the caller names the file).
[[nodiscard]] DocumentText read_document(std::string bytes, const PdfLimits& pdf_limits = {});

}  // namespace callsearch
