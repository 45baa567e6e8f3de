#pragma once
// The layout-independent reader: speaker turns found from the evidence a
// file gives, whatever its vendor. Every layout but the two original ones
// (parse/motley_fool_parser.h, parse/bilingual_parser.h) is read here:
// StreetEvents text, Refinitiv and Capital IQ PDF text, Seeking Alpha pages
// (text or printed to PDF), investor-relations transcripts with "NAME:"
// prefixes, transcript-API dumps of "Name: text" lines, scraped fool.com
// pages that lost their headings, and layouts never seen before.
//
// Evidence, strongest first:
// - participant lists, whatever their heading (parse/participant_list.h):
//   a line that is a listed name, a listed entry, or a listed name followed
//   by its "Company - Title" line opens a turn;
// - header shapes that cannot be prose: "Name,  Company - Title    [n]",
//   "Operator", "Name -- Title" with a title naming a post, "A - Name";
// - inline prefixes ("NAME: text", "Name, Firm: text"), taken when the file
//   is made of them: they outnumber whole-line headers and names recur;
// - a bare name line, taken only when the same line recurs, or the operator
//   has just introduced that person. A line of prose that starts with a
//   capitalized name never opens a turn.
// Then: sections from headings (parse/section_heading.h) or, without one,
// from the cue that opens the floor; hard-wrapped lines joined back into
// paragraphs; boilerplate, title block and participant lists dropped (and
// counted in Transcript::notes); name variants within the call made one
// speaker; roles from titles, from the side of the list a speaker is on,
// from the host's introductions and from the operator's (parse/role_evidence.h);
// metadata from the title block, the file name and the operator's welcome.

#include <string_view>

#include "model/transcript.h"

namespace callsearch {

// `text` is valid UTF-8 with '\n' line ends; `source_path` is used only for
// what the file name says of the call. Never throws; a text without speaker
// evidence gives no turns.
[[nodiscard]] Transcript parse_marked(std::string_view text, std::string_view source_path);

}  // namespace callsearch
