#include "parse/layout_detector.h"

#include <algorithm>
#include <string>

#include "parse/bilingual_parser.h"
#include "parse/line_text.h"
#include "parse/speaker_line.h"

namespace callsearch {
namespace {

bool is_page_mark(std::string_view line) {
    return line.starts_with("Image source: The Motley Fool") || line.starts_with("Logo of jester cap") ||
           line == "Prepared Remarks:" || line == "Questions and Answers:" || line == "Questions & Answers:" ||
           line == "Call participants:";
}

}  // namespace

std::optional<Layout> detect_layout(std::string_view text) {
    std::size_t repeated_speaker_lines = 0;
    std::size_t chinese_lines = 0;
    std::size_t dashed_speaker_lines = 0;
    std::size_t run_together_lines = 0;  // "Lisa Su--President and Chief Executive Officer"
    bool page_marks = false;
    std::string previous;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto written = trim(text.substr(start, end - start));
        start = end + 1;
        if (written.empty()) continue;
        const std::string plain = plain_spaces(written);
        const std::string_view line = trim(plain);
        if (line.empty()) continue;
        if (is_page_mark(line)) page_marks = true;
        if (contains_non_ascii(line) && line_language(line) == Lang::Zh) ++chinese_lines;
        if (line == previous && parse_speaker_line(line, kBilingualSeparator)) ++repeated_speaker_lines;
        if (line.find(kMotleyFoolSeparator) != std::string_view::npos) {
            if (auto speaker = parse_speaker_line(line, kMotleyFoolSeparator); speaker && title_is_telling(speaker->title)) {
                ++dashed_speaker_lines;
            }
        }
        if (const auto dash = line.find("--"); dash != std::string_view::npos && dash > 0 && line[dash - 1] != ' ' &&
            line.size() < 200) {
            std::string spaced(line);
            spaced.replace(dash, 2, " -- ");
            if (auto speaker = parse_speaker_line(spaced, kMotleyFoolSeparator); speaker && title_is_telling(speaker->title)) {
                ++run_together_lines;
            }
        }
        previous = std::string(line);
    }
    // A fool.com page scraped without its headings writes "Name--Title": the
    // layout-independent reader takes it (parse/marked_parser.h).
    if (page_marks) return run_together_lines > dashed_speaker_lines ? std::nullopt : std::optional(Layout::MotleyFool);
    if (repeated_speaker_lines > 0 && chinese_lines > 0) return Layout::Bilingual;
    if (dashed_speaker_lines > 0) return Layout::MotleyFool;
    return std::nullopt;
}

}  // namespace callsearch
