#include "print/text_printer.h"

#include <cstdio>

namespace callsearch {

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kCallColor = "\x1b[35m";      // magenta, as ripgrep prints paths
constexpr const char* kSpeakerColor = "\x1b[1;32m";  // bold green
constexpr const char* kMatchColor = "\x1b[1;31m";    // bold red
constexpr const char* kDimColor = "\x1b[2m";

std::string marked(const std::string& text, const std::vector<Span>& spans, const TextStyle& style) {
    std::string out;
    std::size_t at = 0;
    for (const Span& s : spans) {
        if (s.begin < at || s.end > text.size() || s.begin >= s.end) continue;
        out.append(text, at, s.begin - at);
        out += style.color ? kMatchColor : "[";
        out.append(text, s.begin, s.end - s.begin);
        out += style.color ? kReset : "]";
        at = s.end;
    }
    out.append(text, at, std::string::npos);
    return out;
}

std::string call_line(const StoredParagraph& p) {
    std::string line = p.company.empty() ? std::string("(unknown company)") : p.company;
    if (!p.ticker.empty()) line += " (" + p.ticker + ")";
    if (p.quarter > 0 && p.year > 0) {
        line += " Q" + std::to_string(p.quarter) + " " + std::to_string(p.year);
    } else if (p.year > 0) {
        line += " " + std::to_string(p.year);
    }
    if (p.date) line += ", " + *p.date;
    line += p.section == "qa" ? " · Q&A" : " · prepared remarks";
    return line;
}

std::string speaker_line(const StoredParagraph& p) {
    std::string line = p.speaker;
    if (!p.title.empty()) line += " — " + p.title;
    return line;
}

}  // namespace

std::string format_text_hit(const Hit& hit, const std::vector<Span>& text_highlights,
                            const std::vector<Span>& translation_highlights, const TextStyle& style) {
    const StoredParagraph& p = hit.paragraph;
    const auto paint = [&](const char* color, const std::string& s) {
        return style.color ? std::string(color) + s + kReset : s;
    };
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);

    std::string out;
    out += paint(kCallColor, std::to_string(hit.rank) + ". " + call_line(p));
    std::string where = p.file + " turn " + std::to_string(p.turn) + " ¶" + std::to_string(p.paragraph);
    if (p.passages > 1) where += " passage " + std::to_string(p.passage) + "/" + std::to_string(p.passages);
    out += paint(kDimColor, "  [" + where + ", score " + score + "]");
    out += '\n';
    out += "   " + paint(kSpeakerColor, speaker_line(p)) + '\n';
    out += "   " + marked(p.text, text_highlights, style) + '\n';
    if (p.translation) out += "   ↳ " + marked(*p.translation, translation_highlights, style) + '\n';
    out += '\n';
    return out;
}

}  // namespace callsearch
