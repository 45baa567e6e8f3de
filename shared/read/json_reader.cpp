#include "read/json_reader.h"

#include <array>
#include <cctype>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "read/source_file.h"

namespace callsearch {

namespace {

using nlohmann::json;

// Field names, normalized (lower case, no '_' or '-').
constexpr std::array<std::string_view, 3> kTickerKeys = {"symbol", "ticker", "tickersymbol"};
constexpr std::array<std::string_view, 4> kCompanyKeys = {"company", "companyname", "name", "organization"};
constexpr std::array<std::string_view, 3> kQuarterKeys = {"quarter", "fiscalquarter", "fq"};
constexpr std::array<std::string_view, 3> kYearKeys = {"year", "fiscalyear", "fy"};
constexpr std::array<std::string_view, 4> kDateKeys = {"date", "calldate", "eventdate", "datetime"};
constexpr std::array<std::string_view, 4> kBodyKeys = {"content", "transcript", "text", "body"};
constexpr std::array<std::string_view, 9> kTurnListKeys = {
    "transcriptsplit", "turns", "utterances", "segments", "dialogue", "speeches", "content", "transcript", "text"};
constexpr std::array<std::string_view, 3> kPreparedKeys = {"preparedremarks", "presentation", "prepared"};
constexpr std::array<std::string_view, 5> kQaKeys = {"qanda", "qa", "questionsandanswers", "questionandanswer", "qna"};
constexpr std::array<std::string_view, 4> kParticipantKeys = {"participants", "callparticipants", "attendees",
                                                              "speakers"};
constexpr std::array<std::string_view, 3> kSpeakerKeys = {"speaker", "name", "speakername"};
constexpr std::array<std::string_view, 6> kSpeechKeys = {"text", "speech", "content", "utterance", "paragraphs",
                                                         "transcript"};
constexpr std::array<std::string_view, 4> kTitleKeys = {"title", "role", "speakertitle", "position"};
constexpr std::array<std::string_view, 3> kFirmKeys = {"firm", "affiliation", "company"};

// Whether `key`, with case, '_', '-' and ' ' ignored, is `wanted` (lower case,
// none of those). Compared in place: objects may have many keys.
bool key_is(std::string_view key, std::string_view wanted) {
    std::size_t w = 0;
    for (const char c : key) {
        if (c == '_' || c == '-' || c == ' ') continue;
        if (w == wanted.size() || std::tolower(static_cast<unsigned char>(c)) != wanted[w]) return false;
        ++w;
    }
    return w == wanted.size();
}

template <std::size_t N>
const json* field(const json& object, const std::array<std::string_view, N>& keys) {
    for (std::string_view wanted : keys) {  // table order is priority order
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (key_is(it.key(), wanted)) return &*it;
        }
    }
    return nullptr;
}

template <std::size_t N>
std::string string_field(const json& object, const std::array<std::string_view, N>& keys) {
    const json* v = field(object, keys);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::optional<int> number_in(const json& v, int lo, int hi) {
    if (v.is_number_integer()) {
        const auto n = v.get<long long>();
        if (n >= lo && n <= hi) return static_cast<int>(n);
        return std::nullopt;
    }
    if (!v.is_string()) return std::nullopt;
    // "Q1", "FQ1", "1", "2025", "FY2025", "Q1 2025": the first run of digits
    // that fits the range.
    const std::string s = v.get<std::string>();
    for (std::size_t i = 0; i < s.size();) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j - i <= 4) {
            const int n = std::stoi(s.substr(i, j - i));
            if (n >= lo && n <= hi) return n;
        }
        i = j;
    }
    return std::nullopt;
}

struct Metadata {
    std::string company, ticker, date;
    int quarter = 0, year = 0;
};

Metadata metadata_of(const json& object, Metadata inherited) {
    if (std::string s = string_field(object, kTickerKeys); !s.empty()) inherited.ticker = std::move(s);
    if (std::string s = string_field(object, kCompanyKeys); !s.empty()) inherited.company = std::move(s);
    if (std::string s = string_field(object, kDateKeys); !s.empty()) {
        // An ISO timestamp keeps its date: "2025-01-30T21:00:00Z" -> "2025-01-30".
        if (s.size() > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ')) s.resize(10);
        inherited.date = std::move(s);
    }
    if (const json* q = field(object, kQuarterKeys)) {
        if (auto n = number_in(*q, 1, 4)) inherited.quarter = *n;
    }
    if (const json* y = field(object, kYearKeys)) {
        if (auto n = number_in(*y, 1900, 2200)) inherited.year = *n;
    }
    return inherited;
}

std::vector<std::string> paragraphs_of(const json& v) {
    std::vector<std::string> out;
    const auto split = [&](const std::string& s) {
        std::size_t start = 0;
        while (start <= s.size()) {
            const std::size_t end = std::min(s.find('\n', start), s.size());
            if (end > start) out.push_back(s.substr(start, end - start));
            start = end + 1;
        }
    };
    if (v.is_string()) {
        split(v.get<std::string>());
    } else if (v.is_array()) {
        for (const json& item : v) {
            if (item.is_string()) split(item.get<std::string>());
        }
    }
    return out;
}

// A list of turns: objects with a speaker and what they said.
bool is_turn_list(const json& v) {
    if (!v.is_array() || v.empty()) return false;
    for (const json& item : v) {
        if (item.is_object() && field(item, kSpeechKeys)) return true;
    }
    return false;
}

void add_turns(const json& list, bool qa, CallText& call) {
    for (const json& item : list) {
        if (!item.is_object()) continue;
        const json* speech = field(item, kSpeechKeys);
        if (!speech) continue;
        CallText::Turn turn;
        turn.speaker = string_field(item, kSpeakerKeys);
        turn.title = string_field(item, kTitleKeys);
        turn.paragraphs = paragraphs_of(*speech);
        turn.qa = qa;
        call.turns.push_back(std::move(turn));
    }
}

// "Name--Title", "Name -- Firm -- Analyst", "Name - Title", or a name alone.
CallText::Participant participant_from(std::string_view s) {
    for (std::string_view sep : {"--", " \u2013 ", " \u2014 ", " - "}) {
        const std::size_t at = s.find(sep);
        if (at == std::string_view::npos) continue;
        CallText::Participant p{std::string(s.substr(0, at)), std::string(s.substr(at + sep.size()))};
        const auto trim = [](std::string& t) {
            t.erase(0, t.find_first_not_of(' '));
            t.erase(t.find_last_not_of(' ') + 1);
        };
        trim(p.name);
        trim(p.title);
        return p;
    }
    return {std::string(s), {}};
}

void add_participants(const json& list, CallText& call) {
    if (!list.is_array()) return;
    for (const json& item : list) {
        if (item.is_string()) {
            call.participants.push_back(participant_from(item.get<std::string>()));
        } else if (item.is_object()) {
            CallText::Participant p{string_field(item, kSpeakerKeys), string_field(item, kTitleKeys)};
            if (std::string firm = string_field(item, kFirmKeys); !firm.empty()) {
                p.title = p.title.empty() ? firm : firm + " -- " + p.title;
            }
            if (!p.name.empty()) call.participants.push_back(std::move(p));
        }
    }
}

// The call this object holds, if it holds one.
std::optional<CallText> call_of(const json& object, const Metadata& meta) {
    CallText call;
    const json* prepared = field(object, kPreparedKeys);
    const json* qa = field(object, kQaKeys);
    if ((prepared && is_turn_list(*prepared)) || (qa && is_turn_list(*qa))) {
        if (prepared && prepared->is_array()) add_turns(*prepared, false, call);
        if (qa && qa->is_array()) add_turns(*qa, true, call);
    } else {
        // Structured turns win over the same call as one string.
        for (std::string_view key : kTurnListKeys) {
            const std::array<std::string_view, 1> one = {key};
            const json* list = field(object, one);
            if (list && is_turn_list(*list)) {
                add_turns(*list, false, call);
                break;
            }
        }
        if (call.turns.empty()) {
            const std::string body = string_field(object, kBodyKeys);
            if (body.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
            call.body = body;
        }
    }
    if (call.turns.empty() && call.body.empty()) return std::nullopt;
    call.company = meta.company;
    call.ticker = meta.ticker;
    call.quarter = meta.quarter;
    call.year = meta.year;
    call.date = meta.date;
    if (const json* list = field(object, kParticipantKeys)) add_participants(*list, call);
    return call;
}

void collect(const json& v, const Metadata& inherited, int depth, std::vector<CallText>& out) {
    if (depth > kMaxJsonDepth) return;  // the parser refused deeper input already
    if (v.is_array()) {
        for (const json& item : v) collect(item, inherited, depth + 1, out);
        return;
    }
    if (!v.is_object()) return;
    const Metadata meta = metadata_of(v, inherited);
    if (auto call = call_of(v, meta)) {
        out.push_back(std::move(*call));
        return;
    }
    for (const auto& item : v) {
        if (item.is_structured()) collect(item, meta, depth + 1, out);
    }
}

// Parses one JSON text with the depth and size limits applied as it goes.
json parse_bounded(std::string_view text) {
    std::size_t values = 0;
    const json::parser_callback_t limit = [&values](int depth, json::parse_event_t event, json&) {
        if (depth > kMaxJsonDepth) {
            throw InputError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        if (event == json::parse_event_t::value || event == json::parse_event_t::object_start ||
            event == json::parse_event_t::array_start) {
            if (++values > kMaxJsonValues) {
                throw InputError("JSON holds more than " + std::to_string(kMaxJsonValues) + " values");
            }
        }
        return true;
    };
    return json::parse(text.begin(), text.end(), limit);
}

}  // namespace

std::vector<CallText> read_json_calls(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::vector<CallText> calls;
    try {
        collect(parse_bounded(bytes), Metadata{}, 0, calls);
    } catch (const json::out_of_range& e) {
        throw InputError(std::string("not usable JSON: ") + e.what());  // a number too large for any type
    } catch (const json::parse_error& whole) {
        // JSON Lines: one value a line. Only when every line is a JSON value.
        std::size_t start = 0, values = 0;
        try {
            while (start < bytes.size()) {
                const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
                const std::string_view text = bytes.substr(start, end - start);
                if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
                    collect(parse_bounded(text), Metadata{}, 0, calls);
                    ++values;
                }
                start = end + 1;
            }
        } catch (const json::exception&) {
            values = 0;
        }
        if (values < 2) throw InputError(std::string("not valid JSON: ") + whole.what());
    }
    if (calls.empty()) {
        throw InputError("JSON holds no transcript (no object with a content/transcript/text string or a list "
                         "of speaker turns)");
    }
    return calls;
}

}  // namespace callsearch
