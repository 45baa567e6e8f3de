#pragma once
// Roles and firms that a call's own words give its speakers, for files that
// give no titles: the host's introduction ("joining me are our CEO, Tim
// Cook, and CFO, Kevan Parekh"; "Satya Nadella, chief executive officer")
// and the operator's introductions of analysts ("our next question comes
// from Jane Doe with Acme Securities"). Names are found in any of their
// spellings (parse/speaker_names.h).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callsearch {

// Byte range of a mention of `name` in `text` (any spelling same_person
// accepts, case-insensitive), searching from `from`.
struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
};
[[nodiscard]] std::optional<Mention> find_mention(std::string_view text, std::string_view name, std::size_t from = 0);

// The specific roles (ceo, cfo, coo, cto, president, chairman, ir, gm) the
// text gives `name` where it introduces them: the title right after the name
// (", our Chief Executive Officer"), or right before it ("Apple's CEO, Tim
// Cook"). Empty when the text does not introduce them so.
[[nodiscard]] std::vector<std::string> roles_from_introduction(std::string_view text, std::string_view name);

// When the text introduces `name` as the next questioner ("question comes
// from the line of Tim Arcuri with UBS", "(Operator Instructions) Mark
// Lipacis, Jefferies."): the firm named with them, "" when none is named.
[[nodiscard]] std::optional<std::string> questioner_introduced(std::string_view text, std::string_view name);

}  // namespace callsearch
