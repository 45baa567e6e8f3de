#pragma once
// Entry point of the parse stage: text of one file -> Transcript.

#include <stdexcept>
#include <string>
#include <string_view>

#include "model/transcript.h"

namespace callsearch {

// Thrown when a text is not a transcript we can read (no speaker turns found,
// unknown layout). The message says why, without the file name (callers add it).
class ParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `text` is valid UTF-8 with '\n' line ends (read/source_file.h guarantees it).
// Detects the layout, then parses call metadata, participants and turns.
// Boilerplate (logo/image lines, contents list, advertisement block,
// participant list, duration, footer; the bilingual layout's disclaimer line
// and repeated speaker lines) never ends up in a paragraph.
[[nodiscard]] Transcript parse_transcript(std::string_view text, std::string source_path);

// The call fields the file did not give, for the indexer's warning:
// "ticker, date"; "" when all of company, ticker, quarter, year and date are known.
[[nodiscard]] std::string missing_call_fields(const CallInfo& call);

}  // namespace callsearch
