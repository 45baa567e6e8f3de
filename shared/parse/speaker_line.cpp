#include "parse/speaker_line.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "parse/roles.h"
#include "parse/line_text.h"

namespace callsearch {
namespace {

// Longest name and title we take as a header; beyond this a line is prose.
constexpr std::size_t kMaxNameBytes = 60;
constexpr std::size_t kMaxNameTokens = 7;
constexpr std::size_t kMaxTitleBytes = 220;
constexpr std::size_t kMaxTitleWords = 30;

std::vector<std::string_view> split_spaces(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), word) != std::end(set);
}

// Lowercase words a name may hold ("Derik de Bruin", "Ludwig van Beethoven").
constexpr std::string_view kNameParticles[] = {"de",  "da",  "del", "della", "der", "den", "van", "von", "la",
                                               "le",  "di",  "du",  "dos",   "das", "do",  "bin", "al",  "el",
                                               "y",   "st.", "e",   "ter",   "ten", "zu"};
constexpr std::string_view kNameSuffixes[] = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "PhD", "Ph.D.", "CPA", "MD"};

// Capitalized words that start replies, not names: a line "Okay" is speech.
constexpr std::string_view kReplyWords[] = {
    "Okay",  "OK",    "Ok",      "Yes",       "Yeah",     "Yep",        "Sure",      "Right",    "Thanks",
    "Thank", "Great", "Hello",   "Hi",        "Hey",      "Good",       "Perfect",   "Absolutely", "Correct",
    "Exactly", "Understood", "No", "Nope",    "Got",      "Bye",        "Goodbye",   "Wow",      "Alright",
    "Fair",  "Agreed", "Indeed", "Definitely", "Certainly", "Excellent", "Terrific", "Awesome", "Super",
    "Cool",  "Fine",  "Sorry",   "Welcome",   "Congratulations", "Congrats", "Appreciate", "Operator"};

bool name_token_ok(std::string_view token, bool& has_capital) {
    if (!token.empty() && token.back() == ',') token.remove_suffix(1);  // "Gamble, Jr."
    // Nicknames: "(Bob)", "(\"JAY\")", "\"Duke\"".
    auto strip_front = [&](std::string_view mark) {
        if (token.starts_with(mark)) token.remove_prefix(mark.size());
    };
    auto strip_back = [&](std::string_view mark) {
        if (token.ends_with(mark)) token.remove_suffix(mark.size());
    };
    strip_front("(");
    strip_front("\"");
    strip_front("\u201c");
    strip_back(")");
    strip_back("\"");
    strip_back("\u201d");
    if (token.empty()) return false;
    if (one_of(token, kNameParticles)) return true;
    if (one_of(token, kNameSuffixes)) return true;
    if (!is_upper(token.front()) && !is_non_ascii(token.front())) return false;
    for (char c : token) {
        const bool ok = is_upper(c) || is_lower(c) || is_non_ascii(c) || c == '.' || c == '\'' || c == '-' ||
                        c == '`';
        if (!ok) return false;
    }
    has_capital = true;
    return true;
}

// Function words a title may hold in lower case ("Vice President of Investor Relations").
constexpr std::string_view kTitleFunctionWords[] = {
    "of", "and", "for", "the", "at", "in",  "on",  "to",  "a",  "an", "de", "du", "des", "y",  "la",  "le",
    "et", "und", "per", "with", "from", "by", "or", "&", "-", "--", "---", "van", "von", "der", "del", "di", "da"};

bool reads_as_title(std::string_view title) {
    if (title.empty() || title.size() > kMaxTitleBytes) return false;
    if (title.find_first_of("?!") != std::string_view::npos) return false;
    const auto words = split_spaces(title);
    if (words.size() > kMaxTitleWords) return false;
    int lowercase_words = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i];
        // A sentence break inside: "Good. Thank you" ("J.P. Morgan" is fine).
        if (i + 1 < words.size() && w.size() > 2 && w.back() == '.' && is_lower(words[i + 1].front())) return false;
        if (is_lower(w.front()) && !one_of(w, kTitleFunctionWords)) ++lowercase_words;
    }
    return lowercase_words < 2;
}

}  // namespace

std::string plain_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            out += ' ';
            i += 1;
            continue;
        }
        if (b == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            const auto c = static_cast<unsigned char>(text[i + 2]);
            if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) {
                out += ' ';
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool looks_like_person_name(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > kMaxNameBytes) return false;
    const auto tokens = split_spaces(text);
    if (tokens.empty() || tokens.size() > kMaxNameTokens) return false;
    if (tokens.size() == 1 && one_of(tokens.front(), kReplyWords)) return false;
    // A name ends in a letter or a suffix ("Jr."); "Goodbye." and "Mr. Luo." are speech.
    if (text.back() == '.' && !one_of(tokens.back(), kNameSuffixes)) return false;
    bool has_capital = false;
    for (const auto token : tokens) {
        if (!name_token_ok(token, has_capital)) return false;
    }
    return has_capital;
}

bool is_generic_speaker(std::string_view name) {
    const std::string lowered = lower_ascii(trim(name));
    static const std::string_view kGeneric[] = {
        "operator", "moderator", "analyst", "unidentified", "unknown", "company representative",
        "corporate participant", "conference call participant", "management", "participant"};
    if (one_of(lowered, kGeneric)) return true;
    // The host of a Chinese call: 主持人, 操作员 / 操作員, 接线员 / 接線員.
    static const std::string_view kChineseGeneric[] = {"主持人", "会议主持人", "會議主持人", "操作员", "操作員", "接线员", "接線員"};
    if (one_of(lowered, kChineseGeneric)) return true;
    if (lowered.size() > 40) return false;
    // "Speaker 1", "Speaker A": speech-to-text diarization.
    if (lowered.starts_with("speaker ") && lowered.size() <= 11) {
        const std::string_view id = std::string_view(lowered).substr(8);
        if (!id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return is_ascii_alnum(c); })) return true;
    }
    // "Unidentified Analyst", "Unknown speaker", "Unidentified Company Representative".
    return lowered.starts_with("unidentified ") || lowered.starts_with("unknown ");
}

std::optional<SpeakerLine> parse_speaker_line(std::string_view line, std::string_view separator) {
    line = trim(line);
    if (line.empty()) return std::nullopt;
    std::string_view name = line;
    std::string_view title;
    if (const auto sep = line.find(separator); sep != std::string_view::npos) {
        name = trim(line.substr(0, sep));
        title = trim(line.substr(sep + separator.size()));
        if (title.empty()) return std::nullopt;
    }
    if (!is_generic_speaker(name) && !looks_like_person_name(name)) return std::nullopt;
    if (!title.empty() && !reads_as_title(title)) return std::nullopt;
    return SpeakerLine{std::string(name), std::string(title)};
}

bool title_is_telling(std::string_view title) {
    static const std::string_view kTellingWords[] = {
        "analyst",  "officer", "president", "chairman", "chairwoman", "chair",     "director", "relations",
        "manager",  "chief",   "executive", "treasurer", "founder",   "partner",   "counsel",  "secretary",
        "controller", "head",  "ceo",       "cfo",      "coo",        "cto",       "vp",       "evp",
        "svp",      "gm",      "ir",        "md",       "strategist", "economist", "principal", "associate"};
    const auto words = lower_ascii_words(title);
    return std::any_of(words.begin(), words.end(),
                       [](const std::string& w) { return one_of(std::string_view(w), kTellingWords); });
}

std::string analyst_firm(std::string_view title) {
    title = trim(title);
    // The firm precedes the last separator: "Alliance Global Partners -- Analyst",
    // also written "UBS --Analyst", "Scotiabank-- Analyst", "X - Analyst".
    std::size_t sep = title.rfind("--");
    if (sep == std::string_view::npos) sep = title.rfind(" - ");
    if (sep == std::string_view::npos) return {};
    std::string_view firm = title.substr(0, sep);
    while (!firm.empty() && (firm.back() == '-' || firm.back() == ' ')) firm.remove_suffix(1);
    return std::string(trim(firm));
}

Turn make_turn(SpeakerLine speaker, Section section) {
    Turn turn;
    turn.roles = roles_for(speaker.name, speaker.title);
    if (std::find(turn.roles.begin(), turn.roles.end(), "analyst") != turn.roles.end()) {
        turn.firm = analyst_firm(speaker.title);
    }
    turn.speaker = std::move(speaker.name);
    turn.title = std::move(speaker.title);
    turn.section = section;
    return turn;
}

std::vector<Participant> participants_from_turns(const std::vector<Turn>& turns) {
    std::vector<Participant> participants;
    // A set, not a scan of the list so far: a file of thousands of distinct
    // speakers must not cost their square.
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const auto& turn : turns) {
        if (std::find(turn.roles.begin(), turn.roles.end(), "operator") != turn.roles.end()) continue;
        if (!seen.emplace(turn.speaker, turn.title).second) continue;
        participants.push_back(Participant{turn.speaker, turn.title});
    }
    return participants;
}

}  // namespace callsearch
