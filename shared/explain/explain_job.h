#pragma once
// `indexer --explain FILE...`: what the reader makes of each file, nothing
// written. Per file: the layout detected and why, the call's fields and where
// each came from, the speakers with titles, roles and firms, turns and
// paragraphs, where Q&A starts, and what was dropped as boilerplate. A user
// meeting a new source checks it in seconds; a wrong attribution shows
// before it is indexed.

#include <filesystem>
#include <string>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// What the reader made of one call of a file (a JSON file may hold several).
struct Explanation {
    std::string path;
    std::string format = "text";          // "text", "pdf", "html", "json": recognised by content
    std::string label;                    // "call 2 of 3" when the file holds several calls; "" otherwise
    bool accepted = false;
    std::string error;                    // why the file (or this call) was refused (accepted false)
    std::vector<std::string> notes;       // the read stage's conversions and repairs
    std::vector<std::string> extraction;  // what extracting the format left out (page furniture, scripts, ...)
    Transcript transcript;                // what the reader made of it (accepted true)
};

// Reads one file as the indexer does (format by content) and parses each of
// its calls; never throws for a bad file (the reason goes in `error`).
[[nodiscard]] std::vector<Explanation> explain_file(const std::filesystem::path& path);

// For people: a block of lines per call.
[[nodiscard]] std::string format_explanation_text(const Explanation& e);
// For scripts: one JSON object per call (one line).
[[nodiscard]] std::string format_explanation_json(const Explanation& e);

}  // namespace callsearch
