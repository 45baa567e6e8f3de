#include "parse/participant_list.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "parse/line_text.h"
#include "parse/roles.h"
#include "parse/section_heading.h"
#include "parse/speaker_line.h"
#include "parse/speaker_names.h"

namespace callsearch {
namespace {

constexpr std::array<std::string_view, 5> kDashes = {" -- ", " \u2013 ", " \u2014 ", " - ", "--"};

bool starts_bullet(std::string_view line) {
    return line.starts_with("* ") || line.starts_with("\u2022 ") || line.starts_with("- ");
}

// The entry without its bullet and without markdown bold around the name
// ("- **Colin Murray** — Head of Investor Relations").
std::string strip_bullet(std::string_view line) {
    if (line.starts_with("* ") || line.starts_with("- ")) line = trim(line.substr(2));
    else if (line.starts_with("\u2022 ")) line = trim(line.substr(4));
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 2, "**") == 0) {
            ++i;
            continue;
        }
        out += line[i];
    }
    return out;
}

// "| Name | Title | Company |": a table of participants, whatever its heading.
bool is_participant_table_header(std::string_view line) {
    if (!line.starts_with("|")) return false;
    const std::string lowered = lower_ascii(line);
    return lowered.find("| name ") != std::string::npos &&
           (lowered.find("title") != std::string::npos || lowered.find("role") != std::string::npos ||
            lowered.find("company") != std::string::npos || lowered.find("firm") != std::string::npos);
}

// Words that show the text names a post rather than only an employer.
bool names_a_post(std::string_view text) {
    // roles_for guesses analyst for a bare firm name and executive for
    // anything else: only a specific role names a post.
    const auto roles = roles_for("", text);
    const bool specific = !roles.empty() && roles != std::vector<std::string>{"analyst"} &&
                          roles != std::vector<std::string>{"executive"};
    return specific || title_is_telling(text);
}

Side side_of(Heading h) {
    if (h == Heading::CompanyParticipants) return Side::Company;
    if (h == Heading::OutsideParticipants) return Side::Outside;
    return Side::Unknown;
}

// Words of posts and firms: a line holding one continues an entry's title
// rather than naming the next person ("BMO Capital Markets Equity").
bool has_post_or_firm_word(std::string_view line) {
    static const std::string_view kWords[] = {
        "research", "division", "securities", "capital", "markets", "inc", "llc", "ltd", "bank", "partners",
        "group", "advisors", "company", "co", "corp", "corporation", "officer", "president", "director",
        "relations", "vice", "chief", "head", "analyst", "equity", "investment", "investments", "management",
        "associates", "financial", "global", "international", "holdings", "plc", "ag", "sa", "lp", "llp", "fund",
        "asset", "advisory", "strategy", "treasurer", "secretary", "counsel", "manager", "chairman", "ceo", "cfo"};
    std::string word;
    auto check = [&] {
        const bool hit = std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
        word.clear();
        return hit;
    };
    for (char c : line) {
        if (c == '&') return true;
        if (is_ascii_alnum(c)) {
            word += ascii_lower(c);
        } else if (!word.empty() && check()) {
            return true;
        }
    }
    return !word.empty() && check();
}

// Inside a block of name and title lines: does this line start the next entry?
// `after` is the line that follows it.
bool starts_entry(std::string_view line, std::string_view title_so_far, std::string_view after) {
    if (title_so_far.empty()) {
        // The line after a name is its title, unless it is a name itself
        // whose own title follows ("James Schneider" listed without a firm).
        return line.find(' ') != std::string_view::npos && looks_like_person_name(line) &&
               !has_post_or_firm_word(line) && has_post_or_firm_word(after);
    }
    const std::string_view t = trim(title_so_far);
    if (t.ends_with("&") || t.ends_with(",") || t.ends_with(" of") || t.ends_with(" and") || t.ends_with(" -")) {
        return false;
    }
    if (line.find(' ') == std::string_view::npos) return false;  // "Division": a wrapped word
    return looks_like_person_name(line) && !has_post_or_firm_word(line);
}

// "Name, Title" with a title naming a post.
std::optional<std::pair<std::string, std::string>> comma_entry(std::string_view line) {
    const auto comma = line.find(", ");
    if (comma == std::string_view::npos) return std::nullopt;
    const auto name = trim(line.substr(0, comma));
    const auto rest = trim(line.substr(comma + 2));
    if (!looks_like_person_name(name) || rest.empty() || !title_is_telling(rest)) return std::nullopt;
    if (name.find(' ') == std::string_view::npos) return std::nullopt;  // "Smith, Jr." is no entry
    return std::pair{std::string(name), std::string(rest)};
}

bool ends_list(std::string_view line) {
    const Heading h = heading_of_line(line);
    return h != Heading::None;
}

}  // namespace

SplitEntry split_at_dash(std::string_view line) {
    line = trim(line);
    std::size_t best = std::string_view::npos;
    std::size_t best_len = 0;
    for (const auto dash : kDashes) {
        const auto pos = line.find(dash);
        if (pos != std::string_view::npos && pos < best) {
            best = pos;
            best_len = dash.size();
        }
    }
    if (best == std::string_view::npos || best == 0) return {};
    return SplitEntry{std::string(trim(line.substr(0, best))), std::string(trim(line.substr(best + best_len)))};
}

void assign_title(ListedParticipant& entry, std::string_view rest) {
    rest = trim(rest);
    if (rest.empty() || rest == "-") return;
    // "Company - Title": the last " - " separates them ("Keefe, Bruyette, & Woods, Inc., Research Division - MD").
    std::size_t sep = rest.rfind(" - ");
    std::size_t sep_len = 3;
    if (sep == std::string_view::npos) {
        sep = rest.rfind(" -- ");
        sep_len = 4;
    }
    if (sep == std::string_view::npos && rest.starts_with("- ")) {
        sep = 0;
        sep_len = 2;
    }
    if (sep != std::string_view::npos) {
        entry.affiliation = std::string(trim(rest.substr(0, sep)));
        entry.title = std::string(trim(rest.substr(sep + sep_len)));
        if (entry.title == "-") entry.title.clear();
        return;
    }
    if (names_a_post(rest)) {
        entry.title = std::string(rest);
    } else {
        entry.affiliation = std::string(rest);
    }
}

ParticipantLists read_participant_lists(const std::vector<std::string_view>& lines) {
    ParticipantLists out;
    // Entries by family name, so "listed again" stays linear on long lists.
    std::unordered_map<std::string, std::vector<std::size_t>> by_family;
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Heading h = heading_of_line(lines[i]);
        const bool duration = lines[i].starts_with("Duration:") && lines[i].size() < 40;
        const bool table = is_participant_table_header(lines[i]);
        if (!is_participant_heading(h) && !duration && !table) continue;
        const Side side = duration ? Side::Unknown : side_of(h);
        out.lines.push_back(i);
        std::size_t j = i + 1;
        while (j < n) {
            // Rules of '=' around a StreetEvents heading belong to it.
            if (lines[j].empty() || lines[j].starts_with("====")) {
                out.lines.push_back(j);
                ++j;
                continue;
            }
            if (ends_list(lines[j])) break;
            const std::string_view line = lines[j];
            // "Unidentified Analyst" is listed too; "Operator" starts the call.
            if (is_generic_speaker(line) && (lower_ascii(line).starts_with("unidentified") ||
                                             lower_ascii(line).starts_with("unknown"))) {
                by_family[family_key(line)].push_back(out.entries.size());
                out.entries.push_back(ListedParticipant{std::string(line), {}, {}, side});
                out.lines.push_back(j);
                ++j;
                continue;
            }
            ListedParticipant entry;
            entry.side = side;
            std::vector<std::size_t> used{j};
            if (line.starts_with("|") && line.ends_with("|")) {
                // A table: "| Owen Tate | Vice President, Investor Relations | Example Co |"
                std::vector<std::string_view> cells;
                std::string_view rest = line.substr(1, line.size() - 2);
                while (true) {
                    const auto bar = rest.find('|');
                    cells.push_back(trim(rest.substr(0, bar)));
                    if (bar == std::string_view::npos) break;
                    rest.remove_prefix(bar + 1);
                }
                const bool rule = std::all_of(line.begin(), line.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
                if (rule || cells.empty() || !looks_like_person_name(cells[0])) {
                    // The header row and its rule belong to the list.
                    out.lines.push_back(j);
                    ++j;
                    continue;
                }
                entry.name = std::string(cells[0]);
                if (cells.size() > 1) {
                    if (title_is_telling(cells[1])) entry.title = std::string(cells[1]);
                    else entry.affiliation = std::string(cells[1]);
                }
                if (cells.size() > 2 && entry.affiliation.empty()) entry.affiliation = std::string(cells[2]);
            } else if (starts_bullet(line) && comma_entry(strip_bullet(line))) {
                // "• Arjun Kapila, Chief Executive Officer"
                const std::string bare = strip_bullet(line);
                const auto comma = comma_entry(bare);
                entry.name = comma->first;
                assign_title(entry, comma->second);
            } else if (starts_bullet(line) && !split_at_dash(strip_bullet(line)).name.empty() &&
                       looks_like_person_name(split_at_dash(strip_bullet(line)).name)) {
                const SplitEntry split = split_at_dash(strip_bullet(line));
                entry.name = split.name;
                assign_title(entry, split.rest);
            } else if (starts_bullet(line)) {
                // " * Name" then "Company - Title" on the next line.
                entry.name = strip_bullet(line);
                const std::size_t k = j + 1;
                if (k < n && !lines[k].empty() && !starts_bullet(lines[k]) && !ends_list(lines[k]) &&
                    (lines[k].find(" - ") != std::string_view::npos || lines[k] == "-" || lines[k].starts_with("- "))) {
                    assign_title(entry, lines[k]);
                    used.push_back(k);
                }
            } else if (const SplitEntry split = split_at_dash(line); !split.name.empty() &&
                                                                     looks_like_person_name(split.name)) {
                entry.name = split.name;
                if (side == Side::Unknown && split.rest.find("--") != std::string::npos) {
                    // fool.com: "Name--Firm -- Analyst"
                    const auto sep = split.rest.rfind("--");
                    entry.affiliation = std::string(trim(std::string_view(split.rest).substr(0, sep)));
                    entry.title = std::string(trim(std::string_view(split.rest).substr(sep + 2)));
                } else {
                    assign_title(entry, split.rest);
                }
            } else if (const auto comma = comma_entry(line)) {
                // "Jane Fraser, Citi Chief Executive Officer"
                entry.name = comma->first;
                assign_title(entry, comma->second);
            } else if (looks_like_person_name(line) && !is_generic_speaker(line)) {
                // A name line, its title or "Company - Title" on the next
                // line(s) of the block; a wrapped title goes on until the next
                // name ("Senior Vice President of Public &" / "Private Investor Relations").
                entry.name = std::string(line);
                std::size_t k = j + 1;
                std::string rest;
                while (k < n && !lines[k].empty() && !ends_list(lines[k]) && rest.size() < 300) {
                    if (starts_bullet(lines[k])) break;
                    if (starts_entry(lines[k], rest, k + 1 < n ? lines[k + 1] : std::string_view{})) break;
                    if (!rest.empty()) rest += ' ';
                    rest += lines[k];
                    used.push_back(k);
                    ++k;
                }
                assign_title(entry, rest);
            } else {
                break;  // speech, a speaker line such as "Operator", or the body
            }
            // A list names each person once: a listed name again is the body
            // starting ("CHRISTIAN SEWING" right under "Christian Sewing, Chief Executive Officer").
            std::vector<std::size_t>& same_family = by_family[family_key(entry.name)];
            const bool again = std::any_of(same_family.begin(), same_family.end(), [&](std::size_t k) {
                return same_person(out.entries[k].name, entry.name);
            });
            if (again) break;
            for (const auto u : used) out.lines.push_back(u);
            j = used.back() + 1;
            same_family.push_back(out.entries.size());
            out.entries.push_back(std::move(entry));
        }
        i = j - 1;
    }
    return out;
}

}  // namespace callsearch
