#include "parse/motley_fool_parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

#include "parse/bilingual_parser.h"
#include "parse/call_metadata.h"
#include "parse/line_text.h"
#include "parse/speaker_line.h"

namespace callsearch {
namespace {

enum class Heading { None, Prepared, QA, Participants };

Heading heading_of(std::string_view line) {
    if (line.size() > 40) return Heading::None;
    if (line.ends_with(':')) line.remove_suffix(1);
    if (equals_ci(line, "Prepared Remarks")) return Heading::Prepared;
    if (equals_ci(line, "Questions and Answers") || equals_ci(line, "Questions & Answers") ||
        equals_ci(line, "Question-and-Answer Session") || equals_ci(line, "Question and Answer Session")) {
        return Heading::QA;
    }
    if (equals_ci(line, "Call participants")) return Heading::Participants;
    return Heading::None;
}

bool is_footer(std::string_view line) {
    return line == "All earnings call transcripts" ||
           (line.starts_with("More ") && line.ends_with(" analysis") && line.size() < 40);
}

// Evidence from the participant list, which the page puts at its end.
struct ListEvidence {
    std::unordered_set<std::string_view> lines;  // "Fei Chen -- President"
    std::unordered_set<std::string_view> names;  // "Fei Chen"
};

SpeakerLine split_entry(std::string_view line) {
    const auto sep = line.find(kMotleyFoolSeparator);
    if (sep == std::string_view::npos) return SpeakerLine{std::string(line), {}};
    return SpeakerLine{std::string(trim(line.substr(0, sep))),
                       std::string(trim(line.substr(sep + kMotleyFoolSeparator.size())))};
}

struct BodyLine {
    std::size_t index;  // into the split lines
    std::string_view text;
    int blanks_before;
};

}  // namespace

bool is_motley_fool_boilerplate(std::string_view line) {
    line = trim(line);
    static const std::string_view kPrefixes[] = {
        "Logo of jester cap",
        "Image source: The Motley Fool",
        "\u2022",  // contents list bullets
        "Duration:",
        // The advertisement block.
        "When our award-winning analyst team",
        "They just revealed what they believe are the",
        "See the 10 stocks",
        "*Stock Advisor returns as of",
        "Stock Advisor returns as of",
    };
    for (const auto prefix : kPrefixes) {
        if (line.starts_with(prefix)) return true;
    }
    // "10 stocks we like better than Aurora Mobile Ltd" (the count may change).
    if (const auto pos = line.find(" stocks we like better than "); pos != std::string_view::npos && pos <= 3) {
        return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(pos), is_digit);
    }
    return line == "Contents:" || heading_of(line) == Heading::Participants || is_footer(line);
}

std::vector<Participant> parse_participant_list(std::span<const std::string_view> lines) {
    std::vector<Participant> participants;
    for (const auto raw : lines) {
        const auto line = trim(raw);
        if (line.empty() || heading_of(line) == Heading::Participants) continue;
        if (is_footer(line)) break;
        SpeakerLine entry = split_entry(line);
        participants.push_back(Participant{std::move(entry.name), std::move(entry.title)});
    }
    return participants;
}

Transcript parse_motley_fool(std::string_view text) {
    Transcript transcript;
    transcript.call.layout = Layout::MotleyFool;
    // Lines are recognized with plain spaces; paragraphs keep the text as written.
    const std::string plain = plain_spaces(text);
    const auto lines = split_trimmed_lines(plain);
    const auto written = split_trimmed_lines(text);

    // The participant list closes the page; it is read first because it is
    // the best evidence of which lines are speaker lines.
    std::size_t body_end = lines.size();
    for (std::size_t i = lines.size(); i-- > 0;) {
        if (heading_of(lines[i]) == Heading::Participants) {
            body_end = i;
            break;
        }
    }
    const std::span<const std::string_view> list_lines(lines.data() + body_end, lines.size() - body_end);
    transcript.participants = parse_participant_list(list_lines);
    ListEvidence evidence;
    for (const auto line : list_lines) {
        if (line.empty() || heading_of(line) != Heading::None || is_footer(line)) continue;
        evidence.lines.insert(line);
        evidence.names.insert(trim(line.substr(0, line.find(kMotleyFoolSeparator))));
    }

    std::vector<BodyLine> body;
    int blanks = 0;
    for (std::size_t i = 0; i < body_end; ++i) {
        if (lines[i].empty()) {
            ++blanks;
            continue;
        }
        body.push_back(BodyLine{i, lines[i], blanks});
        blanks = 0;
    }

    // Pages that set every sure speaker line off by two blank lines (most
    // do) let that spacing vouch for the less sure ones too.
    std::size_t sure = 0;
    std::size_t sure_spaced = 0;
    for (const auto& line : body) {
        if (evidence.lines.contains(line.text) || line.text == "Operator") {
            ++sure;
            if (line.blanks_before >= 2) ++sure_spaced;
        }
    }
    const bool spacing_marks_speakers = sure >= 2 && sure_spaced * 10 >= sure * 8;

    auto opens_turn = [&](const BodyLine& line) -> std::optional<SpeakerLine> {
        if (evidence.lines.contains(line.text)) return split_entry(line.text);
        auto speaker = parse_speaker_line(line.text, kMotleyFoolSeparator);
        if (!speaker) return std::nullopt;
        if (is_generic_speaker(speaker->name)) return speaker;
        if (spacing_marks_speakers && line.blanks_before >= 2) return speaker;
        if (evidence.names.contains(speaker->name)) return speaker;
        if (!speaker->title.empty() && title_is_telling(speaker->title)) return speaker;
        return std::nullopt;
    };

    Section section = Section::Prepared;
    bool saw_qa_heading = false;
    std::size_t first_turn_line = body_end;
    for (const auto& line : body) {
        switch (heading_of(line.text)) {
            case Heading::Prepared:
                section = Section::Prepared;
                continue;
            case Heading::QA:
                section = Section::QA;
                saw_qa_heading = true;
                continue;
            case Heading::Participants:
            case Heading::None:
                break;
        }
        if (is_motley_fool_boilerplate(line.text)) continue;
        if (auto speaker = opens_turn(line)) {
            if (transcript.turns.empty()) first_turn_line = line.index;
            transcript.turns.push_back(make_turn(std::move(*speaker), section));
            continue;
        }
        // Lines before the first turn are the header block, read below.
        if (transcript.turns.empty()) continue;
        transcript.turns.back().paragraphs.push_back(Paragraph{std::string(written[line.index]), Lang::En, std::nullopt, std::nullopt});
    }
    // A speaker line repeated with nothing between them leaves an empty turn.
    std::erase_if(transcript.turns, [](const Turn& turn) { return turn.paragraphs.empty(); });

    if (!saw_qa_heading) {
        if (const auto qa = qa_start_by_operator_cue(transcript.turns)) {
            for (std::size_t t = *qa; t < transcript.turns.size(); ++t) transcript.turns[t].section = Section::QA;
        }
    }
    if (transcript.participants.empty()) transcript.participants = participants_from_turns(transcript.turns);

    CallInfo header = call_info_from_header(std::span<const std::string_view>(lines.data(), first_turn_line));
    if ((header.company.empty() || header.quarter == 0) && !transcript.turns.empty()) {
        // No header block: the operator's welcome may still name the call.
        for (const auto& paragraph : transcript.turns.front().paragraphs) {
            CallInfo welcome = call_info_from_welcome(paragraph.text);
            if (welcome.company.empty() && welcome.quarter == 0) continue;
            if (header.company.empty()) header.company = std::move(welcome.company);
            if (header.quarter == 0) {
                header.quarter = welcome.quarter;
                header.year = welcome.year;
            }
            break;
        }
    }
    transcript.call.company = std::move(header.company);
    transcript.call.ticker = std::move(header.ticker);
    transcript.call.quarter = header.quarter;
    transcript.call.year = header.year;
    transcript.call.date = std::move(header.date);
    return transcript;
}

}  // namespace callsearch
