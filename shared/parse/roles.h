#pragma once
// Normalized speaker roles. The documented set (README.md, "Roles"):
//   ceo cfo coo cto president chairman ir gm analyst operator executive
// `executive` is any other company speaker; a speaker may hold several roles.

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
[[nodiscard]] std::optional<std::string> role_from_query(std::string_view value);

}  // namespace callsearch
