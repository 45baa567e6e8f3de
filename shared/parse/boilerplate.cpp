#include "parse/boilerplate.h"

#include <algorithm>
#include <string>

#include "parse/line_text.h"

namespace callsearch {
namespace {

bool is_rule(std::string_view line) {
    if (line.size() < 5) return false;
    const char c = line.front();
    if (c != '=' && c != '-' && c != '_' && c != '*' && c != '.' && c != '~') return false;
    return std::all_of(line.begin(), line.end(), [c](char x) { return x == c || x == ' '; });
}

bool is_page_number(std::string_view line) {
    if (line.size() <= 4 && std::all_of(line.begin(), line.end(), is_digit)) return true;
    const std::string lowered = lower_ascii(line);
    // "Page 3 of 20", "Page 3", "- 12 -", "3 | Page"
    if (lowered.starts_with("page ") && lowered.size() < 20) {
        return std::any_of(lowered.begin(), lowered.end(), is_digit);
    }
    if (lowered.size() < 12 && lowered.starts_with("- ") && lowered.ends_with(" -")) return true;
    return lowered.size() < 16 && lowered.ends_with("| page");
}

bool has(const std::string& lowered, std::string_view what) { return lowered.find(what) != std::string::npos; }

}  // namespace

const char* boilerplate_kind(std::string_view line) {
    line = trim(line);
    if (line.empty()) return nullptr;
    if (is_rule(line)) return "rule";
    if (is_page_number(line)) return "page number";
    if (line == "Q" || line == "A") return "question/answer mark";
    // Caption files: "WEBVTT", "00:00:09.800 --> 00:00:16.400", a lone "00:12:03".
    if (line == "WEBVTT") return "timestamp";
    if (line.size() < 40 && std::all_of(line.begin(), line.end(), [](char c) {
            return is_digit(c) || c == ':' || c == '.' || c == ',' || c == ' ' || c == '-' || c == '>';
        }) && line.find(':') != std::string_view::npos) {
        return "timestamp";
    }
    if (line.size() < 100 && line.starts_with("Slide ") && line.size() > 6 && is_digit(line[6])) return "slide heading";
    const std::string lowered = lower_ascii(line);
    if (line.size() < 200) {
        if (lowered.starts_with("thomson reuters streetevents") || lowered == "e d i t e d   v e r s i o n" ||
            lowered.starts_with("refinitiv streetevents") || lowered == "edited version" ||
            lowered.starts_with("welcome to seeking alpha") || has(lowered, "subscribe to premium") ||
            lowered == "join premium" || lowered == "sa transcripts" || has(lowered, "are available to you for free") ||
            (lowered.starts_with("read more current") && lowered.ends_with("analysis and news")) ||
            lowered.starts_with("view all earnings call transcripts") || lowered == "all earnings call transcripts" ||
            lowered.starts_with("image source: the motley fool") || lowered.starts_with("logo of jester cap") ||
            (lowered.ends_with("followers") && line.size() < 30) || (lowered.ends_with("follower s") && line.size() < 30)) {
            return "banner";
        }
        if (lowered.starts_with("copyright") || lowered.starts_with("\u00a9") || lowered.starts_with("(c) ") ||
            has(lowered, "all rights reserved") || has(lowered, "reproduction prohibited")) {
            return "copyright";
        }
        // Vendor disclaimers printed around the transcript.
        if (lowered.starts_with("this transcript may not be") || lowered.starts_with("risk disclosure:") ||
            lowered.starts_with("disclaimer:") || has(lowered, "transcript is provided for informational purposes") ||
            lowered == "related articles") {
            return "disclaimer";
        }
        if ((lowered.starts_with("http://") || lowered.starts_with("https://") || lowered.starts_with("www.")) &&
            line.find(' ') == std::string_view::npos) {
            return "link";
        }
    }
    return nullptr;
}

}  // namespace callsearch
