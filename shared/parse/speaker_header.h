#pragma once
// Speaker header shapes beyond parse/speaker_line.h's "Name -- Title":
//   StreetEvents:    "Lisa Su,  AMD - President and CEO    [3]", "Operator    [1]"
//   inline prefixes: "SATYA NADELLA: Thank you, Brett.", "KEITH WEISS, Morgan Stanley: Excellent.",
//                    "Tim Cook: Thank you, Suhasini.", "<Q - Glenn Schorr>: ...", "张伟（首席财务官）：...",
//                    "Tim Cook (CEO): ...", "**Tim Cook:** ...", "Speaker 1: ..."
//   Q/A markers:     "A - Fred Smith", "Q - Glenn Schorr"
// Each function judges the shape of one line; which shapes open turns in a
// file is decided from the evidence of the whole file (parse/marked_parser.h).

#include <optional>
#include <string>
#include <string_view>

namespace callsearch {

struct HeaderShape {
    std::string name;
    std::string title;        // "President and CEO"; "" when the header names none
    std::string affiliation;  // "AMD", "Morgan Stanley"; "" when none
    std::string text;         // speech on the same line (inline prefixes); "" otherwise
};

// "Name,  Company - Title    [n]" or "Name    [n]": the bracketed number
// closing the line is what marks it.
[[nodiscard]] std::optional<HeaderShape> parse_numbered_header(std::string_view line);

// "NAME: text", "Name, Firm: text", "<Q - Name>: text", "Name（Title）：text".
// The name must look like a person's (any case) or a generic speaker; the
// text may be empty (speech on the next lines).
[[nodiscard]] std::optional<HeaderShape> parse_inline_prefix(std::string_view line);

// "A - Fred Smith" -> "Fred Smith"; nullopt unless the line is a Q or A
// marker followed by a name.
[[nodiscard]] std::optional<std::string> strip_qa_marker(std::string_view line);

// The line without a leading timestamp ("[00:01:23] ", "00:01:23 ",
// "(12:05) "), as diarized speech-to-text writes them before the speaker.
[[nodiscard]] std::string_view strip_timestamp(std::string_view line);

// The line is a stage direction only: "(Operator Direction.)", "[Operator Instructions]".
[[nodiscard]] bool is_stage_direction(std::string_view line);

}  // namespace callsearch
