#include "read/call_text.h"

#include <string_view>

namespace callsearch {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// One line: white space runs (line breaks included) collapsed, ends trimmed.
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (const char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string speaker_name(std::string_view s) {
    std::string out = one_line(s);
    for (char& c : out) {
        if (c == ':') c = ' ';
    }
    return one_line(out);
}

}  // namespace

std::string render_call_text(const CallText& call) {
    const std::string company = one_line(call.company), ticker = one_line(call.ticker), date = one_line(call.date);
    std::string out = "#";
    if (!company.empty() || !ticker.empty()) out += " " + (company.empty() ? ticker : company);
    if (call.quarter > 0) out += " Q" + std::to_string(call.quarter);
    if (call.year > 0) out += " " + std::to_string(call.year);
    out += " Earnings Call Transcript\n";
    if (!company.empty()) out += "**Company:** " + company + "\n";
    if (!ticker.empty()) out += "**Ticker:** " + ticker + "\n";
    if (call.quarter > 0 && call.year > 0) {
        out += "**Quarter:** Q" + std::to_string(call.quarter) + " " + std::to_string(call.year) + "\n";
    } else if (call.quarter > 0) {
        out += "**Quarter:** Q" + std::to_string(call.quarter) + "\n";
    } else if (call.year > 0) {
        out += "**Year:** " + std::to_string(call.year) + "\n";
    }
    if (!date.empty()) out += "**Date:** " + date + "\n";
    out += "\n";
    // Titles given per turn only complete the participant list.
    std::vector<CallText::Participant> participants = call.participants;
    for (const CallText::Turn& turn : call.turns) {
        const std::string name = speaker_name(turn.speaker);
        if (name.empty() || one_line(turn.title).empty()) continue;
        bool listed = false;
        for (const CallText::Participant& p : participants) listed = listed || speaker_name(p.name) == name;
        if (!listed) participants.push_back({name, turn.title});
    }
    if (!participants.empty()) {
        out += "Participants:\n";
        for (const CallText::Participant& p : participants) {
            const std::string name = one_line(p.name), title = one_line(p.title);
            if (name.empty()) continue;
            out += title.empty() ? name + "\n" : name + " -- " + title + "\n";
        }
        out += "\n";
    }
    out += "---\n\n";
    if (call.turns.empty()) {
        out += call.body;
        if (!out.empty() && out.back() != '\n') out += '\n';
        return out;
    }
    bool in_qa = false;
    for (const CallText::Turn& turn : call.turns) {
        std::vector<std::string> paragraphs;
        for (const std::string& p : turn.paragraphs) {
            std::string line = one_line(p);
            if (!line.empty()) paragraphs.push_back(std::move(line));
        }
        if (paragraphs.empty()) continue;
        if (turn.qa && !in_qa) {
            out += "Questions and Answers:\n";
            in_qa = true;
        }
        const std::string speaker = speaker_name(turn.speaker);
        for (std::size_t i = 0; i < paragraphs.size(); ++i) {
            if (i == 0 && !speaker.empty()) out += speaker + ": ";
            out += paragraphs[i];
            out += '\n';
        }
    }
    return out;
}

}  // namespace callsearch
