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

struct Explanation {
    std::string path;
    bool accepted = false;
    std::string error;                 // why the file was refused (accepted false)
    std::vector<std::string> notes;    // the read stage's conversions and repairs
    Transcript transcript;             // what the reader made of it (accepted true)
};

// Reads and parses one file; never throws for a bad file (the reason goes in `error`).
[[nodiscard]] Explanation explain_file(const std::filesystem::path& path);

// For people: a block of lines per file.
[[nodiscard]] std::string format_explanation_text(const Explanation& e);
// For scripts: one JSON object per file (one line).
[[nodiscard]] std::string format_explanation_json(const Explanation& e);

}  // namespace callsearch
