#include "parse/bilingual_parser.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "parse/call_metadata.h"
#include "parse/line_text.h"
#include "parse/speaker_line.h"

namespace callsearch {
namespace {

struct Line {
    std::string_view plain;    // for recognition
    std::string_view written;  // as the paragraph keeps it
};

// Non-empty lines, trimmed, in both forms.
std::vector<Line> content_lines(std::string_view plain, std::string_view written) {
    std::vector<Line> lines;
    std::size_t start = 0;
    std::size_t written_start = 0;
    while (start <= plain.size()) {
        const auto end = std::min(plain.find('\n', start), plain.size());
        const auto written_end = std::min(written.find('\n', written_start), written.size());
        const auto line = trim(plain.substr(start, end - start));
        if (!line.empty()) lines.push_back(Line{line, trim(written.substr(written_start, written_end - written_start))});
        start = end + 1;
        written_start = written_end + 1;
    }
    return lines;
}

bool is_cjk(std::uint32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) ||   // radicals, CJK punctuation, kana, Han
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0xFF00 && cp <= 0xFFEF) ||   // full-width forms: ,() ...
           (cp >= 0x20000 && cp <= 0x3FFFF);  // Han extensions
}

bool is_operator(const Turn& turn) {
    return std::find(turn.roles.begin(), turn.roles.end(), "operator") != turn.roles.end();
}

bool mentions_questions(const Turn& turn) {
    for (const auto& paragraph : turn.paragraphs) {
        if (paragraph.lang != Lang::En) continue;
        const std::string lowered = lower_ascii(paragraph.text);
        if (lowered.find("question") != std::string::npos || lowered.find("q&a") != std::string::npos) return true;
    }
    return false;
}

std::optional<SpeakerLine> speaker_shape(std::string_view line) {
    if (auto speaker = parse_speaker_line(line, kBilingualSeparator)) return speaker;
    return parse_speaker_line(line, kMotleyFoolSeparator);
}

// A line opens a turn when it is speaker-shaped and repeated (the layout's
// mark), or, unrepeated, when it is plainly a header: "Operator" alone or a
// name with a telling title.
std::optional<SpeakerLine> header_at(const std::vector<Line>& lines, std::size_t i) {
    const auto line = lines[i].plain;
    if (line_language(line) != Lang::En) return std::nullopt;
    auto speaker = speaker_shape(line);
    if (!speaker) return std::nullopt;
    const bool repeated = i + 1 < lines.size() && lines[i + 1].plain == line;
    if (repeated) return speaker;
    if (speaker->title.empty() ? is_generic_speaker(speaker->name) : title_is_telling(speaker->title)) return speaker;
    return std::nullopt;
}

}  // namespace

Lang line_language(std::string_view line) {
    std::size_t cjk = 0;
    std::size_t latin = 0;
    for (std::size_t i = 0; i < line.size();) {
        const auto b = static_cast<unsigned char>(line[i]);
        if (b < 0x80) {
            if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++latin;
            ++i;
            continue;
        }
        const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        std::uint32_t cp = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : (b & 0x1Fu);
        for (std::size_t k = 1; k < len && i + k < line.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(line[i + k]) & 0x3Fu);
        }
        if (is_cjk(cp)) ++cjk;
        i += len;
    }
    // A Chinese character stands for a word, a Latin letter for a fraction of
    // one: a translation keeps "EBITDA" or "Aurora Mobile" and is still Chinese,
    // while an English paragraph naming 极光 stays English.
    return cjk > 0 && cjk * 5 >= latin ? Lang::Zh : Lang::En;
}

bool is_translation_disclaimer(std::string_view line) {
    return line.find("使用警語") != std::string_view::npos || line.find("使用警语") != std::string_view::npos ||
           (line.find("Google") != std::string_view::npos &&
            (line.find("翻譯") != std::string_view::npos || line.find("翻译") != std::string_view::npos) &&
            line.size() < 300);
}

std::optional<std::size_t> qa_start_by_operator_cue(const std::vector<Turn>& turns) {
    bool questions_mentioned = false;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        if (is_operator(turns[i])) {
            if (questions_mentioned) return i;
        } else if (mentions_questions(turns[i])) {
            questions_mentioned = true;
        }
    }
    return std::nullopt;
}

Transcript parse_bilingual(std::string_view text) {
    Transcript transcript;
    transcript.call.layout = Layout::Bilingual;
    const std::string plain = plain_spaces(text);
    const auto lines = content_lines(plain, text);

    // The turn's last English paragraph, kept rather than searched for so
    // that a turn of thousands of Chinese lines stays linear.
    std::optional<std::size_t> last_english;
    for (std::size_t i = 0; i < lines.size();) {
        const auto line = lines[i].plain;
        const auto written = lines[i].written;
        if (auto speaker = header_at(lines, i)) {
            transcript.turns.push_back(make_turn(std::move(*speaker), Section::Prepared));
            last_english.reset();
            ++i;
            while (i < lines.size() && lines[i].plain == line) ++i;
            continue;
        }
        ++i;
        // Before the first speaker line there is only the disclaimer.
        if (transcript.turns.empty() || is_translation_disclaimer(line)) continue;
        auto& paragraphs = transcript.turns.back().paragraphs;
        Paragraph paragraph{std::string(written), line_language(line), std::nullopt, std::nullopt};
        if (paragraph.lang == Lang::Zh) {
            // Linked to the English paragraph just before it; a translation
            // split over two lines links both to that paragraph.
            paragraph.translates = last_english;
        } else if (!paragraphs.empty() && paragraphs.back().lang == Lang::En && paragraphs.back().text == written) {
            // A "translation" that left the English as it was adds nothing.
            continue;
        } else {
            last_english = paragraphs.size();
        }
        paragraphs.push_back(std::move(paragraph));
    }

    std::erase_if(transcript.turns, [](const Turn& turn) { return turn.paragraphs.empty(); });
    if (const auto qa = qa_start_by_operator_cue(transcript.turns)) {
        for (std::size_t t = *qa; t < transcript.turns.size(); ++t) transcript.turns[t].section = Section::QA;
    }
    transcript.participants = participants_from_turns(transcript.turns);

    // The operator's welcome, in the first turns, names the call.
    constexpr std::size_t kWelcomeTurns = 3;
    for (std::size_t t = 0; t < std::min(kWelcomeTurns, transcript.turns.size()); ++t) {
        for (const auto& paragraph : transcript.turns[t].paragraphs) {
            if (paragraph.lang != Lang::En) continue;
            CallInfo welcome = call_info_from_welcome(paragraph.text);
            if (welcome.company.empty() && welcome.quarter == 0) continue;
            transcript.call.company = std::move(welcome.company);
            transcript.call.quarter = welcome.quarter;
            transcript.call.year = welcome.year;
            return transcript;
        }
    }
    return transcript;
}

}  // namespace callsearch
