#pragma once
// Speaker header lines: "Shan-Nen Bong -- Chief Financial Officer",
// "Ryan Roberts -- Navis Capital -- Analyst", "Operator", "Shan-Nen Bong - CFO".
// This unit judges the shape of one line; whether a well-shaped line really
// opens a turn is for the layout parser to decide from its context (the
// participant list, blank lines, a repeated line).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// Between name and title the Motley Fool pages write " -- ", the bilingual
// layout " - " (names keep their own hyphens: "Shan-Nen Bong").
inline constexpr std::string_view kMotleyFoolSeparator = " -- ";
inline constexpr std::string_view kBilingualSeparator = " - ";

// The text with Unicode space characters (no-break U+00A0, U+2000-U+200A,
// U+202F) written as ASCII spaces. The pages put them where a plain space is
// meant ("Aurora Mobile Ltd\u00a0(JG)", "Q2\u00a02021 Earnings Call"), so lines
// are recognized in this form; paragraphs keep the text as written. '\n' is
// untouched, so lines keep their numbers.
[[nodiscard]] std::string plain_spaces(std::string_view text);

struct SpeakerLine {
    std::string name;   // "Ryan Roberts"
    std::string title;  // as written after the first separator: "Navis Capital -- Analyst"; "" when none
};

// The line read as "Name" or "Name<separator>Title", if it has that shape:
// the name looks like a person's name (initials, particles, suffixes and
// nicknames allowed: "C. Kelly Wall", "John W. Gamble, Jr.") or is a generic
// speaker ("Operator", "Unidentified Analyst", "Unknown speaker"), and the
// title reads as a title, not as a sentence. nullopt otherwise, e.g. for
// "OK. So it sounds like also -- you go ahead." or
// "Weidong Luo, chairman and chief executive officer; Mr. Fei Chen, president; ...".
[[nodiscard]] std::optional<SpeakerLine> parse_speaker_line(std::string_view line, std::string_view separator);

// "C. Kelly Wall", "Derik de Bruin", "Earl C. \"Duke\" Austin, Jr." yes;
// "Thank you.", "Okay", "Weidong Luo, chairman" no.
[[nodiscard]] bool looks_like_person_name(std::string_view text);

// A speaker the call does not name: "Operator", "Unidentified Analyst",
// "Unknown speaker", "Unidentified Company Representative", "Analyst".
[[nodiscard]] bool is_generic_speaker(std::string_view name);

// True when the title names a post or an outside firm's position plainly
// enough ("Chief Financial Officer", "CFO", "Navis Capital -- Analyst") that
// a well-shaped line carrying it is a header even without other evidence.
[[nodiscard]] bool title_is_telling(std::string_view title);

// The analyst's firm from a title "Firm -- Position" (or "Firm - Position"):
// "Loop Capital Markets LLC -- Analyst" -> "Loop Capital Markets LLC";
// "" when the title names no firm ("Analyst", "Senior Technology Analyst").
[[nodiscard]] std::string analyst_firm(std::string_view title);

// A new, empty turn for the speaker: roles from parse/roles.h, and the firm
// when the speaker is an analyst.
[[nodiscard]] Turn make_turn(SpeakerLine speaker, Section section);

// Who speaks, for a layout that has no participant list: each distinct
// (name, title) of the turns once, in order of first appearance, the
// operator left out (as the Motley Fool lists leave it out).
[[nodiscard]] std::vector<Participant> participants_from_turns(const std::vector<Turn>& turns);

}  // namespace callsearch
