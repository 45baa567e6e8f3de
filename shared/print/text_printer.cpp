#include "print/text_printer.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

#include "analyze/script.h"
#include "print/snippet.h"

namespace callsearch {

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kCallColor = "\x1b[35m";      // magenta, as ripgrep prints paths
constexpr const char* kSpeakerColor = "\x1b[1;32m";  // bold green
constexpr const char* kMatchColor = "\x1b[1;31m";    // bold red
constexpr const char* kDimColor = "\x1b[2m";

// `text` from `begin` to `end`, with the parts of `spans` inside marked.
std::string marked(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Span>& spans,
                   const TextStyle& style) {
    std::string out;
    std::size_t at = begin;
    for (const Span& span : spans) {
        const std::size_t b = std::max(span.begin, at), e = std::min(span.end, end);
        if (span.end > text.size() || span.begin >= span.end || b >= e) continue;
        out.append(text, at, b - at);
        out += style.color ? kMatchColor : "[";
        out.append(text, b, e - b);
        out += style.color ? kReset : "]";
        at = e;
    }
    out.append(text, at, end - at);
    return out;
}

// Terminal columns of one code point: two for Han and other East Asian wide forms.
std::size_t columns(char32_t c) {
    const bool wide = analyze::is_han(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff60) ||
                      (c >= 0xac00 && c <= 0xd7a3);
    return wide ? 2 : 1;
}

// Byte ranges of the lines of `text` in at most `width` columns, broken at
// white space or next to a wide character (Chinese has no spaces); a word wider
// than the line has a line of its own. Width 0: one line. `marks`: spans whose
// two brackets take a column each (printing without colour).
std::vector<std::pair<std::size_t, std::size_t>> wrap(std::string_view text, std::size_t width,
                                                      const std::vector<Span>& marks) {
    if (width == 0) return {{0, text.size()}};
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t line_begin = 0, line_end = 0, line_cols = 0;
    bool empty = true, space_before = false;
    for (std::size_t i = 0; i < text.size();) {
        // The next piece: white space, one wide character, or a word.
        analyze::CodePoint cp = analyze::decode_utf8(text, i);
        if (cp.value == U' ' || cp.value == U'\t') {
            space_before = true;
            i += cp.size;
            continue;
        }
        const std::size_t begin = i;
        std::size_t cols = 0;
        if (columns(cp.value) == 2) {
            cols = 2;
            i += cp.size;
        } else {
            while (i < text.size()) {
                cp = analyze::decode_utf8(text, i);
                if (cp.value == U' ' || cp.value == U'\t' || columns(cp.value) == 2) break;
                cols += 1;
                i += cp.size;
            }
        }
        for (const Span& m : marks) {
            cols += (m.begin >= begin && m.begin < i) + (m.end > begin && m.end <= i);
        }
        const std::size_t needed = cols + (space_before && !empty ? 1 : 0);
        if (!empty && line_cols + needed > width) {
            lines.emplace_back(line_begin, line_end);
            line_begin = begin, line_cols = cols;
        } else {
            if (empty) line_begin = begin;
            line_cols += needed;
        }
        line_end = i, empty = false, space_before = false;
    }
    lines.emplace_back(empty ? 0 : line_begin, empty ? 0 : line_end);
    return lines;
}

// The text as indented lines: `first` before the first line, `rest` before the others.
std::string block(std::string_view text, const std::vector<Span>& spans, const std::string& first,
                  const std::string& rest, std::size_t prefix_columns, const TextStyle& style) {
    const std::size_t width = style.width > prefix_columns + 20 ? style.width - prefix_columns : 0;
    std::string out;
    bool first_line = true;
    for (const auto& [b, e] : wrap(text, width, style.color ? std::vector<Span>{} : spans)) {
        out += first_line ? first : rest;
        out += marked(text, b, e, spans, style);
        out += '\n';
        first_line = false;
    }
    return out;
}

std::string paint_dim(const std::string& s, const TextStyle& style) {
    return style.color ? std::string(kDimColor) + s + kReset : s;
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
    // Text without speaker marks (parse/unattributed_parser.h) has none.
    std::string line = p.speaker.empty() ? std::string("unknown speaker") : p.speaker;
    if (!p.title.empty()) line += " — " + p.title;
    return line;
}

// --answers: each answering turn under the question, its first sentences
// (all of it with --full, a paragraph a block).
std::string answers_block(const Hit& hit, const TextStyle& style) {
    const StoredParagraph& p = hit.paragraph;
    const bool question =
        p.section == "qa" && std::find(p.roles.begin(), p.roles.end(), "analyst") != p.roles.end();
    if (!question) return {};
    if (hit.answers.empty()) return "   " + paint_dim("(no answer follows in the call)", style) + '\n';
    std::string out;
    for (const Answer& a : hit.answers) {
        std::string who = a.speaker.empty() ? std::string("unknown speaker") : a.speaker;
        if (!a.title.empty()) who += " — " + a.title;
        out += "   " + paint_dim("answered by ", style) + (style.color ? kSpeakerColor + who + kReset : who) +
               paint_dim("  [turn " + std::to_string(a.turn) + "]", style) + '\n';
        if (style.full) {
            for (std::size_t at = 0; at <= a.text.size();) {
                const std::size_t end = std::min(a.text.find("\n\n", at), a.text.size());
                out += block(std::string_view(a.text).substr(at, end - at), {}, "     ", "     ", 5, style);
                at = end + 2;
            }
        } else {
            std::string flat = a.text;
            for (std::size_t at = 0; (at = flat.find("\n\n", at)) != std::string::npos;) flat.replace(at, 2, " ");
            out += block(make_snippet(flat, {}).text, {}, "     ", "     ", 5, style);
        }
    }
    return out;
}

}  // namespace

std::string format_text_hit(const Hit& hit, const std::vector<Span>& text_highlights,
                            const std::vector<Span>& translation_highlights, const TextStyle& style,
                            const std::vector<Span>& question_highlights, bool question_as_above) {
    const StoredParagraph& p = hit.paragraph;
    const auto paint = [&](const char* color, const std::string& s) {
        return style.color ? std::string(color) + s + kReset : s;
    };
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);

    std::string out;
    std::string header = call_line(p);
    if (hit.call_matches > 0) {
        // --per-call: the call is the hit; its best passage follows.
        header = header.substr(0, header.rfind(" · ")) + " — " + std::to_string(hit.call_matches) +
                 (hit.call_matches == 1 ? " matching passage" : " matching passages");
    }
    out += paint(kCallColor, std::to_string(hit.rank) + ". " + header);
    std::string where = p.file + " turn " + std::to_string(p.turn) + " ¶" + std::to_string(p.paragraph);
    if (p.passages > 1) where += " passage " + std::to_string(p.passage) + "/" + std::to_string(p.passages);
    out += paint(kDimColor, "  [" + where + ", score " + score + "]");
    out += '\n';
    if (hit.question) {
        const std::string who = hit.question->speaker +
                                (hit.question->firm.empty() ? std::string() : " (" + hit.question->firm + ")");
        if (question_as_above) {
            out += "   " + paint(kDimColor, "asked by " + who + ", turn " + std::to_string(hit.question->turn) +
                                            " (the question above)") + '\n';
        } else if (hit.question->matched.empty()) {
            out += "   " + paint(kDimColor, "asked by " + who + ":") + '\n';
            out += block(hit.question->text, {}, "     ", "     ", 5, style);
        } else {
            // asked: the sentences of the question that hold the asked words.
            out += "   " + paint(kDimColor, "asked by " + who + ", turn " + std::to_string(hit.question->turn) + ":") +
                   '\n';
            const Snippet asked = make_snippet(hit.question->matched, question_highlights);
            out += block(asked.text, join_adjacent(asked.text, asked.highlights), "     ", "     ", 5, style);
        }
    }
    out += "   " + paint(kSpeakerColor, speaker_line(p)) +
           (hit.call_matches > 0 ? (p.section == "qa" ? " · Q&A" : " · prepared remarks") : "") + '\n';
    const Snippet shown = style.full ? Snippet{p.text, text_highlights} : make_snippet(p.text, text_highlights);
    out += block(shown.text, join_adjacent(shown.text, shown.highlights), "   ", "   ", 3, style);
    if (p.translation) {
        out += block(*p.translation, join_adjacent(*p.translation, translation_highlights), "   ↳ ", "     ", 5, style);
    }
    if (style.answers) out += answers_block(hit, style);
    out += '\n';
    return out;
}

}  // namespace callsearch
