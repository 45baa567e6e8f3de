#include "parse/marked_parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parse/bilingual_parser.h"
#include "parse/boilerplate.h"
#include "parse/call_metadata.h"
#include "parse/line_text.h"
#include "parse/participant_list.h"
#include "parse/role_evidence.h"
#include "parse/roles.h"
#include "parse/section_heading.h"
#include "parse/speaker_header.h"
#include "parse/speaker_line.h"
#include "parse/speaker_names.h"
#include "parse/text_repair.h"

namespace callsearch {
namespace {

enum class Kind { Numbered, TwoLine, Listed, Generic, Dashed, QaMarker, BareName, Inline };

const char* describe(Kind k) {
    switch (k) {
        case Kind::Numbered: return "'Name,  Company - Title [n]' lines";
        case Kind::TwoLine: return "name lines followed by a 'Company - Title' line";
        case Kind::Listed: return "lines naming a listed participant";
        case Kind::Generic: return "'Operator' lines";
        case Kind::Dashed: return "'Name - Title' lines";
        case Kind::QaMarker: return "'Q - Name' / 'A - Name' lines";
        case Kind::BareName: return "recurring or introduced name lines";
        case Kind::Inline: return "inline 'Name: text' prefixes";
    }
    return "";
}

struct Header {
    Kind kind;
    HeaderShape shape;
    std::size_t lines = 1;  // how many lines it takes
};

// Words that start replies, never names, even with a capital ("Thanks Mark").
bool starts_with_reply(std::string_view line) {
    static const std::string_view kStarts[] = {"Thanks", "Thank", "Okay", "OK", "Yes", "Yeah", "Good", "Great",
                                               "Hello", "Hi", "Sure", "Right", "Well", "So", "And", "But",
                                               "Congratulations", "Welcome", "Next", "Ladies", "Again"};
    const auto space = line.find(' ');
    const auto first = line.substr(0, space);
    return std::find(std::begin(kStarts), std::end(kStarts), first) != std::end(kStarts);
}

// "Alan Whitfield  00:14" or "Alan Whitfield 1:02:33": a name, then the time.
std::optional<std::string> name_before_timestamp(std::string_view line) {
    if (line.size() > 70) return std::nullopt;
    const auto space = line.rfind(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view stamp = line.substr(space + 1);
    const auto colon = stamp.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 2 >= stamp.size() + 1) return std::nullopt;
    if (!std::all_of(stamp.begin(), stamp.end(), [](char c) { return is_digit(c) || c == ':' || c == '.'; })) {
        return std::nullopt;
    }
    const std::string_view name = trim(line.substr(0, space));
    if (name.empty() || !(is_generic_speaker(name) || (looks_like_person_name(name) && name.find(' ') != std::string_view::npos))) {
        return std::nullopt;
    }
    return std::string(name);
}

bool bare_name(std::string_view line) {
    if (line.empty() || line.size() > 50 || starts_with_reply(line)) return false;
    if (line.find(' ') == std::string_view::npos) return false;  // "Actual", "Revenue": one word is no name
    if (line.front() == '(' || line.front() == '[' || line.back() == ')' || line.back() == ']') return false;
    if (line.find(',') != std::string_view::npos) return false;
    return looks_like_person_name(line) && !is_generic_speaker(line);
}

// "Company Name", "Event Description", "Current Quarter": a header block's
// field, not a person, however capitalized.
bool names_a_field(std::string_view name) {
    static const std::string_view kFieldWords[] = {"name", "description", "quarter", "year", "ticker", "date", "current",
                                                   "market", "change", "estimates", "eps", "sales", "revenue", "company",
                                                   "event", "price", "total", "cap", "ytd", "consensus", "currency"};
    // Every word a field word ("Current Quarter"), or ending in one that
    // never ends a person's name ("Company Name"): "Lauren Price" is a person.
    static const std::string_view kFieldEnds[] = {"name", "description", "ticker", "date", "cap", "px", "estimates",
                                                  "consensus", "currency"};
    const std::vector<std::string> words = lower_ascii_words(name);
    if (words.empty()) return false;
    const bool all = std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return std::find(std::begin(kFieldWords), std::end(kFieldWords), w) != std::end(kFieldWords) || w == "px";
    });
    const bool ends = std::find(std::begin(kFieldEnds), std::end(kFieldEnds), words.back()) != std::end(kFieldEnds);
    return all || (ends && words.size() >= 2);
}

bool has_role_words(std::string_view title) {
    if (title_is_telling(title)) return true;
    const auto roles = roles_for("", title);
    // A Chinese title names its post exactly (分析师 is an analyst, not a guess from a firm's name).
    if (contains_non_ascii(title) && !roles.empty()) return true;
    return !roles.empty() && roles != std::vector<std::string>{"analyst"} && roles != std::vector<std::string>{"executive"};
}

bool is_operator_turn(const Turn& t) {
    return std::find(t.roles.begin(), t.roles.end(), "operator") != t.roles.end();
}
bool is_analyst_turn(const Turn& t) {
    return std::find(t.roles.begin(), t.roles.end(), "analyst") != t.roles.end();
}

bool mentions_questions(const Turn& turn) {
    for (const auto& p : turn.paragraphs) {
        const std::string lowered = lower_ascii(p.text);
        if (lowered.find("question") != std::string::npos || lowered.find("q&a") != std::string::npos ||
            lowered.find("q & a") != std::string::npos || lowered.find("问答") != std::string::npos ||
            lowered.find("問答") != std::string::npos || lowered.find("提问") != std::string::npos ||
            lowered.find("提問") != std::string::npos) {
            return true;
        }
    }
    return false;
}

// An operator's words that open Q&A by themselves: "Our first question comes from ...", "现在进入问答环节".
bool opens_floor(const Turn& turn) {
    for (const auto& p : turn.paragraphs) {
        const std::string lowered = lower_ascii(p.text);
        const bool now = lowered.find("we will now") != std::string::npos || lowered.find("we'll now") != std::string::npos ||
                         lowered.find("let us now") != std::string::npos || lowered.find("let's now") != std::string::npos ||
                         lowered.find("now move") != std::string::npos || lowered.find("now open") != std::string::npos;
        const bool questions = lowered.find("question") != std::string::npos || lowered.find("q&a") != std::string::npos ||
                               lowered.find("q & a") != std::string::npos;
        if (now && questions) return true;
        if (lowered.find("first question") != std::string::npos || lowered.find("will now begin the q") != std::string::npos ||
            lowered.find("now open the floor") != std::string::npos || lowered.find("now open the line") != std::string::npos ||
            lowered.find("will now take questions") != std::string::npos || lowered.find("进入问答") != std::string::npos ||
            lowered.find("進入問答") != std::string::npos || lowered.find("开始问答") != std::string::npos ||
            lowered.find("開始問答") != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool ends_sentence(std::string_view line) {
    if (line.empty()) return true;
    // "JPMorgan Chase & Co." ends a title, not a sentence.
    for (std::string_view abbreviation : {" Co.", " Inc.", " Corp.", " Ltd.", " LLC.", " L.P.", " S.A.", " N.A.", " Jr.",
                                          " plc.", " AG.", " Bros."}) {
        if (line.ends_with(abbreviation)) return false;
    }
    const char c = line.back();
    if (c == '.' || c == '?' || c == '!' || c == ':' || c == '"' || c == ')') return true;
    return line.ends_with("\u201d") || line.ends_with("\u2019") || line.ends_with("\u3002") || line.ends_with("\uff1f");
}

class MarkedParser {
public:
    MarkedParser(std::string_view text, std::string_view path) : path_(path) {
        RepairedText repaired = repair_text(text);
        transcript_.notes.repaired_words = repaired.split_words;
        written_text_ = std::move(repaired.text);
        plain_text_ = plain_spaces(written_text_);
        lines_ = split_trimmed_lines(plain_text_);
        written_ = split_trimmed_lines(written_text_);
        // Bloomberg terminal exports tag names "Victoria Mendes {BIO 20419837 <GO>}".
        for (auto* v : {&lines_, &written_}) {
            for (auto& line : *v) {
                if (line.ends_with("<GO>}")) {
                    if (const auto open = line.rfind(" {"); open != std::string_view::npos) line = trim(line.substr(0, open));
                }
            }
        }
        // "[00:01:23] Tim Cook: ..." : diarized speech-to-text puts the time first.
        std::size_t stamped = 0;
        for (const auto line : lines_) {
            if (strip_timestamp(line).size() != line.size()) ++stamped;
        }
        if (stamped * 2 > lines_.size() / 4 && stamped >= 3) {
            for (auto& line : lines_) line = strip_timestamp(line);
            for (auto& line : written_) line = strip_timestamp(line);
        }
    }

    Transcript run() {
        find_body_end();
        lists_ = read_participant_lists(lines_);
        for (std::size_t k = 0; k < lists_.entries.size(); ++k) {
            listed_by_family_[family_key(lists_.entries[k].name)].push_back(k);
            const auto& e = lists_.entries[k];
            if (e.side == Side::Company && !e.affiliation.empty()) company_affiliations_.insert(lower_ascii(e.affiliation));
        }
        in_list_.assign(lines_.size(), false);
        for (const auto i : lists_.lines) {
            if (i < in_list_.size()) in_list_[i] = true;
        }
        count_lines();
        choose_headers();
        build_turns();
        if (transcript_.turns.empty()) return std::move(transcript_);
        unify_names();
        assign_roles();
        consolidate_speakers();
        assign_sections();
        participants();
        metadata();
        return std::move(transcript_);
    }

private:
    void drop(const char* kind, std::size_t i) {
        for (auto& d : transcript_.notes.dropped) {
            if (d.kind == kind) {
                ++d.lines;
                return;
            }
        }
        std::string words(written_[i].substr(0, 60));
        transcript_.notes.dropped.push_back(ParseNotes::Dropped{kind, 1, std::move(words)});
    }

    void find_body_end() {
        body_end_ = lines_.size();
        // Definitions and disclaimers close StreetEvents files; nothing after them is speech.
        for (std::size_t i = lines_.size() / 3; i < lines_.size(); ++i) {
            if (heading_of_line(lines_[i]) == Heading::EndMatter) {
                body_end_ = i;
                break;
            }
        }
    }

    void count_lines() {
        std::size_t cue_lines = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].find("-->") != std::string_view::npos && lines_[i].size() < 60) ++cue_lines;
        }
        cues_ = cue_lines >= 3;
        std::string word;
        for (const char c : plain_text_) {
            if (is_ascii_alnum(c) || c == '\'' || c == '-') {
                word += ascii_lower(c);
            } else if (!word.empty()) {
                ++word_counts_[word];
                word.clear();
            }
        }
        if (!word.empty()) ++word_counts_[word];
        for (std::size_t i = 0; i < body_end_; ++i) {
            if (lines_[i].empty() || in_list_[i]) continue;
            // Prefixes count once per distinct line: a page header repeating
            // "Company Ticker: GS US" is no speaker speaking sixteen times.
            if (++line_counts_[std::string(lines_[i])] > 1) continue;
            if (auto inline_shape = parse_inline_prefix(lines_[i])) ++prefix_counts_[name_key(inline_shape->name)];
        }
    }

    const ListedParticipant* listed(std::string_view name) const {
        const auto bucket = listed_by_family_.find(family_key(name));
        if (bucket == listed_by_family_.end()) return nullptr;
        for (const std::size_t k : bucket->second) {
            if (same_person(lists_.entries[k].name, name)) return &lists_.entries[k];
        }
        // "Mr. Tanaka" is the listed Hiroshi Tanaka when no other Tanaka is listed.
        const std::string key = name_key(name);
        if (key.find(' ') == std::string::npos && key != lower_ascii(trim(name)) && bucket->second.size() == 1) {
            return &lists_.entries[bucket->second.front()];
        }
        return nullptr;
    }

    bool recurs_as_bold(std::string_view name) const {
        const auto it = line_counts_.find("**" + std::string(name) + "**");
        return it != line_counts_.end() && it->second >= 2;
    }

    // The text of the few lines before i: where an operator introduces the next speaker.
    bool introduced_before(std::size_t i, std::string_view name) const {
        std::size_t seen = 0;
        for (std::size_t k = i; k-- > 0 && seen < 4;) {
            if (lines_[k].empty()) continue;
            ++seen;
            // Named just before ("I will now turn the call over to Nathan
            // Brooks"), as the next questioner or by any mention.
            if (questioner_introduced(lines_[k], name) || find_mention(lines_[k], name)) return true;
        }
        return false;
    }

    std::optional<Header> line_header(std::size_t i) const {
        const std::string_view line = lines_[i];
        if (line.empty() || in_list_[i] || heading_of_line(line) != Heading::None) return std::nullopt;
        if (auto numbered = parse_numbered_header(line)) return Header{Kind::Numbered, std::move(*numbered), 1};
        if (is_generic_speaker(line) && line.size() <= 40) return Header{Kind::Generic, HeaderShape{std::string(line), {}, {}, {}}, 1};
        const std::string_view next = i + 1 < lines_.size() ? lines_[i + 1] : std::string_view{};
        if (looks_like_person_name(line) && !starts_with_reply(line)) {
            if (const auto* entry = listed(line)) {
                HeaderShape shape{std::string(line), entry->title, entry->affiliation, {}};
                // Its "Company - Title" (or title) line follows.
                if (!next.empty() && next.size() < 250) {
                    const std::string joined = entry->affiliation.empty() ? entry->title
                                               : entry->title.empty()     ? entry->affiliation
                                                                          : entry->affiliation + " - " + entry->title;
                    if (next == joined || (!joined.empty() && std::string_view(joined).starts_with(next) &&
                                           next.size() * 2 > joined.size())) {
                        return Header{Kind::TwoLine, std::move(shape), joined.size() > next.size() ? 3u : 2u};
                    }
                }
                return Header{Kind::Listed, std::move(shape), 1};
            }
            if (!next.empty() && (next.find(" - ") != std::string_view::npos ||
                                  (next.find(", ") != std::string_view::npos && title_is_telling(next))) &&
                next.size() < 200 && !ends_sentence(next) && line.size() < 40 && line.find(' ') != std::string_view::npos) {
                // An unlisted name with a "Company - Title" line under it.
                ListedParticipant entry;
                if (next.find(" - ") != std::string_view::npos) {
                    assign_title(entry, next);
                } else {
                    // Quartr, CallStreet: "Analyst, Fjord Securities", "Chief Financial Officer, Acme Inc."
                    const auto comma = next.find(", ");
                    entry.title = std::string(trim(next.substr(0, comma)));
                    entry.affiliation = std::string(trim(next.substr(comma + 2)));
                }
                if (has_role_words(entry.title) || !entry.affiliation.empty()) {
                    if (entry.title.find(' ') != std::string::npos || has_role_words(entry.title)) {
                        return Header{Kind::TwoLine, HeaderShape{std::string(line), entry.title, entry.affiliation, {}}, 2};
                    }
                }
            }
        }
        if (looks_like_person_name(line) && !starts_with_reply(line) && line.size() < 40 && next.size() > 2 &&
            next.size() < 60 && next.front() == '(' && next.back() == ')' && line.find(' ') != std::string_view::npos) {
            // "Chris Hallam" above "(Goldman Sachs)": a questioner and the firm.
            const std::string_view firm = trim(next.substr(1, next.size() - 2));
            if (!firm.empty() && (is_upper(firm.front()) || is_digit(firm.front())) && !is_stage_direction(next)) {
                return Header{Kind::TwoLine, HeaderShape{std::string(line), {}, std::string(firm), {}}, 2};
            }
        }
        if (looks_like_person_name(line) && !starts_with_reply(line) && line.size() < 40 && next.empty() &&
            i + 2 < lines_.size()) {
            // CallStreet: "Jeremy Barnum", a blank line, "Chief Financial Officer, JPMorgan Chase & Co."
            // (PDF text may end it with the Q or A mark of the next column: "... LLC Q").
            std::string_view title_line = lines_[i + 2];
            if (title_line.ends_with(" Q") || title_line.ends_with(" A")) title_line.remove_suffix(2);
            if (!title_line.empty() && title_line.size() < 150 && !ends_sentence(title_line) &&
                title_is_telling(title_line) && heading_of_line(title_line) == Heading::None) {
                HeaderShape shape{std::string(line), std::string(title_line), {}, {}};
                if (const auto comma = title_line.find(", "); comma != std::string_view::npos) {
                    shape.title = std::string(trim(title_line.substr(0, comma)));
                    shape.affiliation = std::string(trim(title_line.substr(comma + 2)));
                }
                return Header{Kind::TwoLine, std::move(shape), 3};
            }
        }
        if (line.starts_with("投资者 - ") || line.starts_with("投資者 - ") || line.starts_with("分析师 - ") ||
            line.starts_with("分析師 - ")) {
            // "投资者 - 中金远航证券 黄磊": a questioner, the firm, then the name.
            const std::string_view rest = trim(line.substr(line.find(" - ") + 3));
            const auto space = rest.rfind(' ');
            if (space != std::string_view::npos && rest.size() - space - 1 >= 6) {
                return Header{Kind::Dashed,
                              HeaderShape{std::string(rest.substr(space + 1)), "分析师", std::string(trim(rest.substr(0, space))), {}}, 1};
            }
        }
        if (auto qa = strip_qa_marker(line)) {
            return Header{Kind::QaMarker, HeaderShape{std::move(*qa), {}, {}, {}}, 1};
        }
        // Whole list entries as headers: "Timothy K. Leveridge - The Coca-Cola Co."
        if (const SplitEntry split = split_at_dash(line); !split.name.empty() && split.name.find('(') == std::string::npos) {
            if (const auto* entry = listed(split.name); entry && looks_like_person_name(split.name)) {
                // A whole list entry: "Timothy K. Leveridge - The Coca-Cola Co.", "Lisa Su--President ...".
                return Header{Kind::Dashed, HeaderShape{split.name, entry->title, entry->affiliation, {}}, 1};
            }
            for (std::string_view sep : {" -- ", " - ", " \u2013 ", " \u2014 "}) {
                std::string normalized(line);
                if (sep == " -- ") {
                    // "Lisa Su--President and Chief Executive Officer"
                    for (auto p = normalized.find("--"); p != std::string::npos; p = normalized.find("--", p + 4)) {
                        if ((p > 0 && normalized[p - 1] != ' ') || (p + 2 < normalized.size() && normalized[p + 2] != ' ')) {
                            normalized.replace(p, 2, " -- ");
                        }
                    }
                }
                auto speaker = parse_speaker_line(normalized, sep);
                if (!speaker || speaker->title.empty() || starts_with_reply(speaker->name)) continue;
                if (has_role_words(speaker->title) || listed(speaker->name)) {
                    HeaderShape shape{speaker->name, speaker->title, {}, {}};
                    // "Firm -- Analyst": the firm is the affiliation.
                    return Header{Kind::Dashed, std::move(shape), 1};
                }
            }
        }
        if (const auto comma = line.find(", "); comma != std::string_view::npos && line.size() < 120 &&
                                                !ends_sentence(line)) {
            // "Tim Cook, Chief Executive Officer" alone on its line.
            const std::string_view name = trim(line.substr(0, comma));
            const std::string_view title = trim(line.substr(comma + 2));
            if (name.find(' ') != std::string_view::npos && name.find("--") == std::string_view::npos &&
                looks_like_person_name(name) && !starts_with_reply(name) && !has_role_words(name) &&
                has_role_words(title) && title.find_first_of(".?!;") == std::string_view::npos) {
                return Header{Kind::Dashed, HeaderShape{std::string(name), std::string(title), {}, {}}, 1};
            }
        }
        if (auto stamped = name_before_timestamp(line)) {
            // Otter.ai: "Alan Whitfield  00:14", the speech on the next lines.
            return Header{Kind::BareName, HeaderShape{std::move(*stamped), {}, {}, {}}, 1};
        }
        if (line.ends_with(")") && line.size() < 150) {
            // "Frank Adler (President, Chief Executive Officer, Director)", "Operator (Operator)".
            if (const auto open = line.find(" ("); open != std::string_view::npos) {
                const std::string_view name = trim(line.substr(0, open));
                const std::string_view inner = trim(line.substr(open + 2, line.size() - open - 3));
                const bool person = (name.find(' ') != std::string_view::npos && looks_like_person_name(name) &&
                                     !starts_with_reply(name)) || is_generic_speaker(name);
                if (person && !inner.empty() && inner.find_first_of(".?!;") == std::string_view::npos &&
                    (has_role_words(inner) || listed(name) || is_generic_speaker(name) ||
                     inner.find(" - ") != std::string_view::npos)) {
                    ListedParticipant entry;
                    assign_title(entry, inner);
                    if (entry.title.empty() && entry.affiliation.empty()) entry.title = std::string(inner);
                    if (is_generic_speaker(name)) entry = ListedParticipant{};
                    return Header{Kind::Dashed, HeaderShape{std::string(name), entry.title, entry.affiliation, {}}, 1};
                }
            }
        }
        if (line.size() > 4 && line.starts_with("**") && line.ends_with("**")) {
            // Markdown: "**Jennifer Walsh**" alone on its line.
            const std::string_view inner = trim(line.substr(2, line.size() - 4));
            if (is_generic_speaker(inner) || (bare_name(inner) && (listed(inner) || recurs_as_bold(inner) ||
                                                                   introduced_before(i, inner)))) {
                return Header{Kind::BareName, HeaderShape{std::string(inner), {}, {}, {}}, 1};
            }
        }
        if (bare_name(line)) {
            const auto it = line_counts_.find(std::string(line));
            const bool recurs = it != line_counts_.end() && it->second >= 2;
            if (recurs || introduced_before(i, line)) return Header{Kind::BareName, HeaderShape{std::string(line), {}, {}, {}}, 1};
        }
        return std::nullopt;
    }

    std::optional<Header> inline_header(std::size_t i) const {
        const std::string_view line = lines_[i];
        if (line.empty() || in_list_[i]) return std::nullopt;
        auto shape = parse_inline_prefix(line);
        if (!shape || names_a_field(shape->name)) return std::nullopt;
        if (!is_generic_speaker(shape->name)) {
            // The same whole line again and again is page furniture, not speech.
            const auto again = line_counts_.find(std::string(line));
            if (again != line_counts_.end() && again->second >= 3) return std::nullopt;
        }
        const auto it = prefix_counts_.find(name_key(shape->name));
        const std::size_t recurs = it == prefix_counts_.end() ? 0 : it->second;
        const bool several_words = shape->name.find(' ') != std::string::npos || contains_non_ascii(shape->name);
        // A name the call speaks of elsewhere ("Amy Hood, chief financial officer").
        const auto family = word_counts_.find(family_key(shape->name));
        bool named_elsewhere = family != word_counts_.end() && family->second >= 2;
        if (!named_elsewhere && contains_non_ascii(shape->name) && shape->name.size() >= 6) {
            // A Chinese name the text names again elsewhere (its own prefix aside).
            std::size_t seen = 0;
            for (auto at = plain_text_.find(shape->name); at != std::string::npos && seen < 3;
                 at = plain_text_.find(shape->name, at + shape->name.size())) {
                ++seen;
            }
            named_elsewhere = seen >= 2 || recurs >= 2;
        }
        // Rev.com's "Jenna Liu (00:18):" times the speaker: no prose is written so.
        const auto paren = line.find(" (");
        const bool timed = paren != std::string_view::npos && paren + 2 < line.size() && is_digit(line[paren + 2]) &&
                           line.find("):", paren) != std::string_view::npos;
        const bool evidence = timed || is_generic_speaker(shape->name) || listed(shape->name) || !shape->affiliation.empty() ||
                              (several_words && (recurs >= 2 || named_elsewhere || introduced_before(i, shape->name))) ||
                              recurs >= 3 || !shape->title.empty();
        if (!evidence || starts_with_reply(shape->name)) return std::nullopt;
        return Header{Kind::Inline, std::move(*shape), 1};
    }

    void choose_headers() {
        std::vector<std::optional<Header>> by_line(body_end_);
        std::vector<std::optional<Header>> by_prefix(body_end_);
        std::size_t line_total = 0;
        std::size_t prefix_total = 0;
        for (std::size_t i = 0; i < body_end_; ++i) {
            by_line[i] = line_header(i);
            if (by_line[i]) ++line_total;
            by_prefix[i] = inline_header(i);
            if (by_prefix[i]) ++prefix_total;
        }
        // Files mostly use one shape, but some mix two: Bloomberg names the
        // speaker on a line in prepared remarks and writes "<Q - Name>:" in
        // Q&A. The dominant shape takes every line it fits; the other only
        // where its evidence is strong.
        inline_mode_ = prefix_total >= 3 && prefix_total > line_total;
        headers_.assign(body_end_, std::nullopt);
        for (std::size_t i = 0; i < body_end_; ++i) {
            auto& l = by_line[i];
            auto& p = by_prefix[i];
            const bool strong_line = l && (l->kind == Kind::Numbered || l->kind == Kind::Generic ||
                                           l->kind == Kind::Listed || l->kind == Kind::TwoLine);
            const bool strong_prefix = p && (is_generic_speaker(p->shape.name) || listed(p->shape.name) ||
                                             lines_[i].starts_with("<"));
            if (inline_mode_) {
                if (p) headers_[i] = std::move(p);
                else if (strong_line) headers_[i] = std::move(l);
            } else {
                if (l) headers_[i] = std::move(l);
                else if (strong_prefix) headers_[i] = std::move(p);
            }
        }

        std::map<Kind, std::size_t> kinds;
        for (const auto& h : headers_) {
            if (h) ++kinds[h->kind];
        }
        Kind main = Kind::Generic;
        std::size_t best = 0;
        for (const auto& [kind, count] : kinds) {
            if (kind != Kind::Generic && count > best) {
                best = count;
                main = kind;
            }
        }
        switch (main) {
            case Kind::Numbered: layout_ = Layout::Refinitiv; break;
            case Kind::TwoLine: layout_ = Layout::TwoLineHeader; break;
            case Kind::Listed:
            case Kind::BareName:
            case Kind::QaMarker:
            case Kind::Generic: layout_ = Layout::NameLines; break;
            case Kind::Dashed: layout_ = Layout::DashedLines; break;
            case Kind::Inline: layout_ = Layout::InlinePrefix; break;
        }
        std::string evidence;
        for (const auto& [kind, count] : kinds) {
            if (!evidence.empty()) evidence += ", ";
            evidence += std::to_string(count) + " " + describe(kind);
        }
        if (!lists_.entries.empty()) evidence += "; participant lists of " + std::to_string(lists_.entries.size()) + " entries";
        transcript_.notes.layout_evidence = evidence;
    }

    // Hard-wrapped text: many long lines end mid-sentence, where a page's
    // width cut them; a file of one paragraph per line ends nearly every line
    // with a sentence.
    bool hard_wrapped() const {
        std::size_t long_lines = 0;
        std::size_t cut = 0;
        for (std::size_t i = 0; i < body_end_; ++i) {
            if (headers_[i] || in_list_[i] || lines_[i].size() < 30) continue;
            ++long_lines;
            if (!ends_sentence(lines_[i]) && !lines_[i].ends_with(",") && !lines_[i].ends_with(";")) ++cut;
        }
        return long_lines >= 20 && cut * 100 >= long_lines * 35;
    }

    void build_turns() {
        const bool wrapped = hard_wrapped();
        Section section = Section::Prepared;
        std::size_t first_turn_line = body_end_;
        bool continue_paragraph = false;
        std::unordered_map<std::string, std::size_t> repeats;  // long lines that recur: page furniture
        for (std::size_t i = 0; i < body_end_; ++i) {
            if (!headers_[i] && lines_[i].size() >= 12) ++repeats[std::string(lines_[i])];
        }
        for (std::size_t i = 0; i < body_end_; ++i) {
            const std::string_view line = lines_[i];
            if (in_list_[i]) {
                if (!line.empty()) drop("participant list", i);
                continue_paragraph = false;
                continue;
            }
            if (line.empty()) {
                continue_paragraph = false;
                continue;
            }
            if (const Heading h = heading_of_line(line); h == Heading::Prepared || h == Heading::QA) {
                section = h == Heading::QA ? Section::QA : Section::Prepared;
                if (h == Heading::QA && !saw_qa_heading_) {
                    saw_qa_heading_ = true;
                    transcript_.notes.qa_from = "heading '" + std::string(line) + "'";
                }
                continue_paragraph = false;
                continue;
            }
            if (const auto& header = headers_[i]) {
                if (transcript_.turns.empty()) first_turn_line = i;
                Turn turn;
                turn.speaker = header->shape.name;
                turn.title = header->shape.title;
                turn.firm = header->shape.affiliation;
                turn.section = section;
                transcript_.turns.push_back(std::move(turn));
                if (!header->shape.text.empty()) {
                    const std::string_view w = written_[i];
                    const auto at = w.find(header->shape.text.substr(0, std::min<std::size_t>(header->shape.text.size(), 8)));
                    add_paragraph(at == std::string_view::npos ? std::string_view(header->shape.text) : trim(w.substr(at)));
                    continue_paragraph = wrapped && !ends_sentence(line);
                } else {
                    continue_paragraph = false;
                }
                i += header->lines - 1;
                continue;
            }
            if (line == "-" || line == "\u2022" || line == "\u2013") {
                // A bullet alone on its line: the next paragraph starts.
                continue_paragraph = false;
                drop("bullet", i);
                continue;
            }
            if (const char* kind = boilerplate_kind(line)) {
                drop(kind, i);
                continue;
            }
            if (line.size() >= 12 && repeats[std::string(line)] >= 3 && !ends_sentence(line)) {
                drop("repeated line (page header or footer)", i);
                continue;
            }
            if (transcript_.turns.empty()) {
                if (cues_ && line.find(' ') != std::string_view::npos && ends_sentence(line)) {
                    // Captions often leave the first cues unlabelled: speech all the same.
                    transcript_.turns.push_back(Turn{});
                    transcript_.turns.back().section = section;
                } else {
                    drop("title block", i);
                    continue;
                }
            }
            if (continue_paragraph && !transcript_.turns.back().paragraphs.empty()) {
                auto& text = transcript_.turns.back().paragraphs.back().text;
                text += ' ';
                text += written_[i];
            } else {
                add_paragraph(written_[i]);
            }
            continue_paragraph = wrapped && !ends_sentence(line);
        }
        std::erase_if(transcript_.turns, [](const Turn& t) { return t.paragraphs.empty(); });
        first_turn_line_ = first_turn_line;
        if (cues_) {
            // Captions cut speech into cues of seconds: one speaker's run of
            // cues is one turn.
            std::vector<Turn> merged;
            for (auto& turn : transcript_.turns) {
                if (!merged.empty() && merged.back().speaker == turn.speaker && !merged.back().paragraphs.empty()) {
                    for (auto& p : turn.paragraphs) {
                        merged.back().paragraphs.back().text += ' ';
                        merged.back().paragraphs.back().text += p.text;
                    }
                } else {
                    merged.push_back(std::move(turn));
                }
            }
            transcript_.turns = std::move(merged);
        }
    }

    void add_paragraph(std::string_view text) {
        Paragraph p;
        p.text = std::string(text);
        p.lang = line_language(text);
        transcript_.turns.back().paragraphs.push_back(std::move(p));
    }

    void assign_sections() {
        if (saw_qa_heading_) return;
        // Without a heading, Q&A opens where the floor is opened: the first
        // operator or analyst turn after another speaker has spoken of questions.
        bool questions_mentioned = false;
        for (std::size_t i = 0; i < transcript_.turns.size(); ++i) {
            const Turn& t = transcript_.turns[i];
            const bool op = is_operator_turn(t);
            if (((op || is_analyst_turn(t)) && questions_mentioned && i > 0) || (op && i > 0 && opens_floor(t))) {
                for (std::size_t k = i; k < transcript_.turns.size(); ++k) transcript_.turns[k].section = Section::QA;
                transcript_.notes.qa_from = op ? "operator cue after the floor was opened"
                                               : "first questioner after the floor was opened";
                return;
            }
            if (!op && mentions_questions(t)) questions_mentioned = true;
        }
    }

    // One spelling per person: the participant list's, else the fullest
    // header spelling, with all-capital names written as the text writes them.
    void unify_names() {
        std::vector<std::string> forms;
        std::unordered_map<std::string, std::vector<std::size_t>> forms_by_family;
        auto form_of = [&](const std::string& name) -> std::optional<std::size_t> {
            const auto bucket = forms_by_family.find(family_key(name));
            if (bucket == forms_by_family.end()) return std::nullopt;
            for (const std::size_t k : bucket->second) {
                if (same_person(forms[k], name)) return k;
            }
            return std::nullopt;
        };
        for (auto& turn : transcript_.turns) {
            if (is_generic_speaker(turn.speaker)) {
                // "OPERATOR" is the Operator.
                if (is_all_caps(turn.speaker)) turn.speaker = title_case(turn.speaker);
                continue;
            }
            if (const auto* entry = listed(turn.speaker)) {
                turn.speaker = entry->name;
                continue;
            }
            if (const auto k = form_of(turn.speaker)) {
                std::string& form = forms[*k];
                if (turn.speaker.size() > form.size() && !is_all_caps(turn.speaker)) form = turn.speaker;
            } else {
                forms_by_family[family_key(turn.speaker)].push_back(forms.size());
                forms.push_back(turn.speaker);
            }
        }
        const std::string lowered = lower_ascii(plain_text_);
        for (auto& form : forms) {
            if (!is_all_caps(form)) continue;
            // "SATYA NADELLA" is written "Satya Nadella" where the call names him.
            const std::string key = name_key(form);
            std::size_t tries = 0;
            for (auto pos = lowered.find(key); pos != std::string::npos && tries < 50; pos = lowered.find(key, pos + 1), ++tries) {
                const std::string_view seen = std::string_view(plain_text_).substr(pos, key.size());
                if (!is_all_caps(seen) && is_upper(seen.front())) {
                    form = std::string(seen);
                    break;
                }
            }
            if (is_all_caps(form)) form = title_case(form);
        }
        for (auto& turn : transcript_.turns) {
            if (is_generic_speaker(turn.speaker) || listed(turn.speaker)) continue;
            if (const auto k = form_of(turn.speaker)) turn.speaker = forms[*k];
        }
    }

    // A person's headers may differ ("Steven Chubak" with and without his
    // title line): every turn of theirs gets what any of them says.
    void consolidate_speakers() {
        std::map<std::string, const Turn*> fullest;
        for (const auto& turn : transcript_.turns) {
            const Turn*& best = fullest[turn.speaker];
            const auto weight = [](const Turn* t) { return (t->roles.empty() ? 0 : 2) + (t->title.empty() ? 0 : 1); };
            if (!best || weight(&turn) > weight(best)) best = &turn;
        }
        std::map<std::string, Turn> copies;
        for (const auto& [name, turn] : fullest) copies.emplace(name, *turn);
        for (auto& turn : transcript_.turns) {
            const Turn& best = copies.at(turn.speaker);
            if ((turn.title.empty() && !best.title.empty()) || turn.roles.empty()) {
                turn.roles = best.roles;
                turn.title = best.title;
                turn.firm = best.firm;
            }
        }
    }

    void assign_roles() {
        auto& turns = transcript_.turns;
        // What each speaker's header and list entry say.
        for (auto& turn : turns) {
            const auto* entry = listed(turn.speaker);
            if (turn.title.empty() && entry) turn.title = entry->title;
            if (turn.firm.empty() && entry) turn.firm = entry->affiliation;
            const Side side = entry ? entry->side : Side::Unknown;
            std::string firm = turn.firm;
            if (is_generic_speaker(turn.speaker)) {
                turn.roles = roles_for(turn.speaker, turn.title);
                // 主持人 names the role itself; a moderator runs the call as an operator does.
                if (turn.roles.empty() && contains_non_ascii(turn.speaker)) turn.roles = roles_for("", turn.speaker);
                if (turn.roles.empty() && equals_ci(turn.speaker, "moderator")) turn.roles = {"operator"};
            } else if (side == Side::Outside) {
                turn.roles = {"analyst"};
            } else if (!turn.title.empty()) {
                turn.roles = roles_for(turn.speaker, turn.title);
                if (side == Side::Company && turn.roles == std::vector<std::string>{"analyst"}) turn.roles = {"executive"};
                if (turn.roles == std::vector<std::string>{"analyst"} && firm.empty()) firm = analyst_firm(turn.title);
            } else if (side == Side::Company) {
                turn.roles = {"executive"};
            } else if (!turn.firm.empty() && !company_side_firm(turn.firm)) {
                // "KEITH WEISS, Morgan Stanley:" speaks for a firm that is not the company.
                turn.roles = {"analyst"};
            } else {
                turn.roles.clear();
            }
            const bool analyst = std::find(turn.roles.begin(), turn.roles.end(), "analyst") != turn.roles.end();
            turn.firm = analyst ? firm : std::string();
        }
        // Where nothing specific is known: the host's introductions (first
        // turns) and the operator's introductions of questioners.
        std::string opening;
        // Introductions come first: the opening turns, within a bound.
        for (std::size_t t = 0; t < std::min<std::size_t>(turns.size(), 6) && opening.size() < 30'000; ++t) {
            for (const auto& p : turns[t].paragraphs) {
                if (opening.size() >= 30'000) break;
                opening += p.text;
                opening += '\n';
            }
        }
        // Only names whose family name the opening mentions are looked for there.
        std::unordered_set<std::string> opening_words;
        {
            std::string word;
            for (char c : opening) {
                if (is_ascii_alnum(c) || c == '\'' || c == '-' || is_non_ascii(c)) {
                    word += ascii_lower(c);
                } else if (!word.empty()) {
                    opening_words.insert(std::move(word));
                    word.clear();
                }
            }
            if (!word.empty()) opening_words.insert(std::move(word));
        }
        std::map<std::string, std::vector<std::string>> introduced;
        for (auto& turn : turns) {
            const bool unknown = turn.roles.empty() || turn.roles == std::vector<std::string>{"executive"};
            if (!unknown || is_generic_speaker(turn.speaker)) continue;
            if (!opening_words.contains(family_key(turn.speaker))) continue;
            auto it = introduced.find(turn.speaker);
            if (it == introduced.end()) {
                it = introduced.emplace(turn.speaker, roles_from_introduction(opening, turn.speaker)).first;
            }
            if (!it->second.empty()) turn.roles = it->second;
        }
        for (std::size_t t = 0; t < turns.size(); ++t) {
            Turn& turn = turns[t];
            const bool firmless_analyst = is_analyst_turn(turn) && turn.firm.empty();
            if ((!turn.roles.empty() && !firmless_analyst) || is_generic_speaker(turn.speaker)) continue;
            // The turn just before, or the one before that, introduces them.
            for (std::size_t back = 1; back <= 2 && back <= t; ++back) {
                const Turn& prev = turns[t - back];
                if (!is_operator_turn(prev) && !is_company_turn(prev)) continue;
                bool found = false;
                for (const auto& p : prev.paragraphs) {
                    if (auto firm = questioner_introduced(p.text, turn.speaker)) {
                        for (auto& other : turns) {
                            if (other.speaker != turn.speaker) continue;
                            if (other.roles.empty()) other.roles = {"analyst"};
                            if (is_analyst_turn(other) && other.firm.empty()) other.firm = *firm;
                        }
                        found = true;
                        break;
                    }
                }
                if (found) break;
            }
        }
    }

    bool is_company_turn(const Turn& t) const {
        return !t.roles.empty() && !is_analyst_turn(t) && !is_operator_turn(t);
    }

    // A firm named in a prefix that is the company itself ("Microsoft") is no analyst's firm.
    bool company_side_firm(std::string_view firm) const { return company_affiliations_.contains(lower_ascii(firm)); }

    void participants() {
        for (const auto& e : lists_.entries) {
            std::string title = e.title;
            if (e.side == Side::Outside && !e.affiliation.empty()) {
                title = e.title.empty() ? e.affiliation + " -- Analyst" : e.affiliation + " -- " + e.title;
            }
            transcript_.participants.push_back(Participant{e.name, title});
        }
        if (transcript_.participants.empty()) transcript_.participants = participants_from_turns(transcript_.turns);
    }

    void metadata() {
        CallInfo& call = transcript_.call;
        ParseNotes& notes = transcript_.notes;
        const std::size_t header_end = std::min(first_turn_line_, lines_.size());
        const CallInfo title = call_info_from_title_block(std::span<const std::string_view>(lines_.data(), header_end));
        const CallInfo file = call_info_from_file_name(path_);
        CallInfo welcome;
        for (std::size_t t = 0; t < std::min<std::size_t>(transcript_.turns.size(), 3) && welcome.company.empty(); ++t) {
            for (const auto& p : transcript_.turns[t].paragraphs) {
                CallInfo w = call_info_from_welcome(p.text);
                if (!w.company.empty() || w.quarter != 0) {
                    welcome = std::move(w);
                    break;
                }
            }
        }
        merge_call_sources(title, welcome, file, call, notes);
        if (call.company.empty()) {
            // The employer most company-side participants are listed with.
            std::map<std::string, std::size_t> votes;
            for (const auto& e : lists_.entries) {
                if (e.side == Side::Company && !e.affiliation.empty()) ++votes[e.affiliation];
            }
            std::size_t best = 0;
            for (const auto& [name, n] : votes) {
                if (n > best) {
                    best = n;
                    call.company = name;
                    notes.company_from = "participant list";
                }
            }
        }
        call.layout = layout_;
    }

    std::string path_;
    std::string written_text_;
    std::string plain_text_;
    std::vector<std::string_view> lines_;
    std::vector<std::string_view> written_;
    ParticipantLists lists_;
    std::unordered_map<std::string, std::vector<std::size_t>> listed_by_family_;
    std::unordered_set<std::string> company_affiliations_;
    std::vector<bool> in_list_;
    std::unordered_map<std::string, std::size_t> line_counts_;
    std::unordered_map<std::string, std::size_t> prefix_counts_;
    std::unordered_map<std::string, std::size_t> word_counts_;  // lowered words of the whole text
    std::vector<std::optional<Header>> headers_;
    bool inline_mode_ = false;
    bool cues_ = false;  // a caption file (WebVTT, SRT): timed cues
    bool saw_qa_heading_ = false;
    std::size_t body_end_ = 0;
    std::size_t first_turn_line_ = 0;
    Layout layout_ = Layout::NameLines;
    Transcript transcript_;
};

}  // namespace

Transcript parse_marked(std::string_view text, std::string_view source_path) {
    return MarkedParser(text, source_path).run();
}

}  // namespace callsearch
