#pragma once
// One speaker under several spellings within a call: "Andy Jassy" and
// "Andrew R. Jassy", "SATYA NADELLA" and "Satya Nadella", "Brad Burke" and
// "Bradley Kenneth Burke".

#include <string>
#include <string_view>

namespace callsearch {

// Lowered, without honorifics ("Mr.", "Dr."), periods and commas, single
// spaces: "Mr. Timothy D. Cook" -> "timothy d cook".
[[nodiscard]] std::string name_key(std::string_view name);

// Same family name (last word, suffixes such as "Jr." aside) and given names
// that agree: equal, one an initial of the other, one a prefix of the other
// of at least three letters ("Tim"/"Timothy", "Andy"/"Andrew" share "And"),
// or a common nickname ("Bob"/"Robert"). A single-word name matches only
// itself.
[[nodiscard]] bool same_person(std::string_view a, std::string_view b);

// The family name as same_person compares it ("Andrew R. Jassy" -> "jassy"):
// two names can be the same person only if their family keys are equal, so
// it buckets names for lookups that stay linear.
[[nodiscard]] std::string family_key(std::string_view name);

// True when every letter of the name is upper case ("SATYA NADELLA").
[[nodiscard]] bool is_all_caps(std::string_view name);

// "SATYA NADELLA" -> "Satya Nadella"; "O'CONNOR" -> "O'Connor"; "MCDONALD" -> "Mcdonald".
[[nodiscard]] std::string title_case(std::string_view name);

}  // namespace callsearch
