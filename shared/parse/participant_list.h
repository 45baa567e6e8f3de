#pragma once
// Participant lists, whatever their heading and entry style: the best
// evidence of who speaks in a call and on which side of it.
//   StreetEvents:  " * Lisa Su" then "   AMD - President and CEO"
//   Refinitiv PDF: "Keith D. Taylor" then "Equinix, Inc. - CFO" (entries between blank lines)
//   Seeking Alpha: "Bob Bradway – Chairman and Chief Executive Officer", "Michael Yee – Jefferies"
//   fool.com:      "Lisa Su--President and Chief Executive Officer", "Vivek Arya--BofA -- Analyst"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

enum class Side { Unknown, Company, Outside };

struct ListedParticipant {
    std::string name;         // "Devinder Kumar"
    std::string title;        // "SVP, CFO, and Treasurer"; "" when the entry names none
    std::string affiliation;  // "AMD", "Jefferies LLC"; "" when none
    Side side = Side::Unknown;
};

struct ParticipantLists {
    std::vector<ListedParticipant> entries;
    std::vector<std::size_t> lines;  // indices of every line that belongs to a list (headings included)
};

// Reads every list in `lines` (trimmed lines of the file, blank lines kept):
// those under a participant heading (parse/section_heading.h), and an
// unheaded one of "Name--Title" lines right after a "Duration:" line.
[[nodiscard]] ParticipantLists read_participant_lists(const std::vector<std::string_view>& lines);

// "Name<sep>Rest" with sep one of " -- ", "--", " - ", " – ", " — "; the
// name and the rest trimmed. Empty name when the line has no separator.
struct SplitEntry {
    std::string name;
    std::string rest;
};
[[nodiscard]] SplitEntry split_at_dash(std::string_view line);

// "AMD - SVP, CFO, and Treasurer" -> {affiliation "AMD", title "SVP, CFO, and Treasurer"};
// "Jefferies" on the outside -> affiliation only; "The Coca-Cola Co." on the
// company side -> affiliation only (it names no post).
void assign_title(ListedParticipant& entry, std::string_view rest);

}  // namespace callsearch
