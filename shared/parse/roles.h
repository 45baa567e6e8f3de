#pragma once
// Normalized speaker roles. The documented set (README.md, "Roles"):
//   ceo cfo coo cto president chairman ir gm analyst operator executive
// `executive` is any other company speaker; a speaker may hold several roles.
//
// Judgement calls, so that queries behave predictably:
// - "Vice President", "Vice Chairman" (and VP, EVP, SVP) are not president /
//   chairman; a title holding nothing more specific makes its holder an
//   executive. "President" of a division or group still counts as president.
// - "Finance Director" / "Financial Director" is the CFO post in British and
//   Asian usage (the literal reading of 財務總監), so it maps to cfo;
//   "Senior Vice President, Finance" stays executive.
// - An analyst (title mentions "Analyst", or the speaker is
//   "Unidentified Analyst" / "Analyst") is only ever `analyst`: a sell-side
//   "Managing Director" is not a company executive.
// - An outside participant, whose title has the Motley Fool form
//   "Firm -- Position" or is just a firm's name ("Palisade Capital
//   Management"), and names no specific role, is an analyst.
// - Speakers named "Unidentified ..." / "Unknown ..." are guessed from the rest
//   of the name: "... Company Representative" / "... Executive" -> executive,
//   "... Analyst" -> analyst; "Unknown speaker", "Unidentified Participant"
//   and other untitled speakers get no role (nothing is known).
// - 總裁 / 总裁 in a query means president. In Taiwan it sometimes names the
//   CEO, but the English titles of these calls keep "President" for it and
//   the Hong Kong CEO title 行政總裁 is mapped to ceo separately.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

inline constexpr std::array<std::string_view, 11> kRoles = {
    "ceo", "cfo", "coo", "cto", "president", "chairman", "ir", "gm", "analyst", "operator", "executive"};

// Roles of a speaker from the name and title as written, e.g.
// ("Weidong Luo", "Co-Founder, Chairman & CEO") -> {chairman, ceo};
// ("Operator", "") -> {operator}; ("Ryan Roberts", "Navis Capital -- Analyst") -> {analyst}.
// Sorted in kRoles order, no duplicates. Empty only when nothing is known.
[[nodiscard]] std::vector<std::string> roles_for(std::string_view speaker, std::string_view title);

// A role as a user writes it in a query: abbreviation ("CFO"), English title
// ("Chief Financial Officer"), or Chinese (財務長 / 财务长 / 首席财务官 / 執行長 /
// 首席执行官 / 分析師 / 分析师 ...), case-insensitive. nullopt if not a role.
// An English title must name exactly one role ("President and CEO" is two,
// so nullopt); a title that names no specific role but is clearly a company
// post ("Executive Vice President") is `executive`.
[[nodiscard]] std::optional<std::string> role_from_query(std::string_view value);

}  // namespace callsearch
