#pragma once
// The Motley Fool page layout: logo and image lines, a header block
// ("Aurora Mobile Ltd (JG)", "Q2 2021 Earnings Call", an optional date line),
// a contents list, section headings ("Prepared Remarks:", "Questions and
// Answers:"), speaker lines "Name -- Title" or "Name -- Firm -- Analyst", one
// paragraph per line, an advertisement block that may fall inside a turn,
// then "Duration:", the "Call participants:" list and a footer.

#include <span>
#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// Lines of the page that are never speech: logo/image lines, the contents
// list, the advertisement block ("10 stocks we like better than ...",
// "When our award-winning analyst team ...", "See the 10 stocks",
// "*Stock Advisor returns as of ..."), "Duration: ...", the participant-list
// heading and the footer ("More JG analysis", "All earnings call transcripts").
[[nodiscard]] bool is_motley_fool_boilerplate(std::string_view line);

// The entries after "Call participants:" up to the footer, each split at its
// first " -- " into name and title.
[[nodiscard]] std::vector<Participant> parse_participant_list(std::span<const std::string_view> lines);

// Call metadata from the header block, participants from the list (or from
// the turns when the list is empty), turns with their sections. A line opens
// a turn only on evidence: it is an entry of the participant list, a generic
// speaker ("Operator", "Unidentified Analyst"), or speaker-shaped and either
// set off like the file's known speaker lines (two blank lines before it),
// named in the list, or carrying a telling title. Without a Q&A heading, Q&A
// starts by the operator cue (parse/bilingual_parser.h); a Q&A heading
// placed after the last turn (some pages have one) leaves every turn in
// prepared remarks, as the page says. Lines are recognized with no-break
// spaces read as spaces; paragraphs keep the text as written. call.source_path is
// left empty; call.layout is MotleyFool. Never throws; a text without
// speaker lines gives no turns.
[[nodiscard]] Transcript parse_motley_fool(std::string_view text);

}  // namespace callsearch
