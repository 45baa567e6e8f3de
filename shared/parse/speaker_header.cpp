#include "parse/speaker_header.h"

#include <algorithm>

#include "parse/line_text.h"
#include "parse/participant_list.h"
#include "parse/speaker_line.h"

namespace callsearch {
namespace {

constexpr std::size_t kMaxPrefixBytes = 90;

bool name_ok(std::string_view name) {
    return !name.empty() && (is_generic_speaker(name) || looks_like_person_name(name));
}

// Two to four Han characters: a Chinese personal name.
bool chinese_name(std::string_view name) {
    if (name.size() < 6 || name.size() > 12 || name.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < name.size(); i += 3) {
        const auto b = static_cast<unsigned char>(name[i]);
        if (b < 0xE3 || b > 0xE9) return false;
    }
    return true;
}

// A firm's name as it follows a name in a prefix: capitalized words, '&', '.'.
bool firm_ok(std::string_view firm) {
    firm = trim(firm);
    if (firm.empty() || firm.size() > 60) return false;
    if (!is_upper(firm.front()) && !is_digit(firm.front())) return false;
    return firm.find_first_of("?!;") == std::string_view::npos;
}

}  // namespace

std::optional<HeaderShape> parse_numbered_header(std::string_view line) {
    line = trim(line);
    if (line.size() < 4 || line.back() != ']') return std::nullopt;
    const auto open = line.rfind('[');
    if (open == std::string_view::npos || open + 2 > line.size() - 1) return std::nullopt;
    const auto number = line.substr(open + 1, line.size() - open - 2);
    if (number.empty() || number.size() > 4) return std::nullopt;
    for (char c : number) {
        if (!is_digit(c)) return std::nullopt;
    }
    const std::string_view head = trim(line.substr(0, open));
    if (head.empty()) return std::nullopt;
    HeaderShape shape;
    const auto comma = head.find(", ");
    shape.name = std::string(trim(head.substr(0, comma)));
    if (!name_ok(shape.name)) return std::nullopt;
    if (comma != std::string_view::npos) {
        ListedParticipant entry;
        assign_title(entry, head.substr(comma + 1));
        shape.title = std::move(entry.title);
        shape.affiliation = std::move(entry.affiliation);
    }
    return shape;
}

std::optional<HeaderShape> parse_inline_prefix(std::string_view line) {
    line = trim(line);
    HeaderShape shape;
    // Bloomberg: "<Q - Glenn Schorr>: text", "<A - R. Martin Chavez>: text".
    if (line.starts_with("<")) {
        const auto close = line.find(">:");
        if (close == std::string_view::npos || close > kMaxPrefixBytes) return std::nullopt;
        std::string_view inner = trim(line.substr(1, close - 1));
        if (inner.size() > 4 && (inner[0] == 'Q' || inner[0] == 'A') && inner.substr(1, 3) == " - ") {
            inner = trim(inner.substr(4));
        }
        if (!name_ok(inner)) return std::nullopt;
        shape.name = std::string(inner);
        shape.text = std::string(trim(line.substr(close + 2)));
        return shape;
    }
    // Captions: "[Tom Ridley] Thank you."
    if (line.starts_with("[")) {
        const auto close = line.find("] ");
        if (close != std::string_view::npos && close < 60) {
            const std::string_view inner = trim(line.substr(1, close - 1));
            if (inner.find(' ') != std::string_view::npos && name_ok(inner) && !is_stage_direction(line.substr(0, close + 1))) {
                shape.name = std::string(inner);
                shape.text = std::string(trim(line.substr(close + 2)));
                return shape;
            }
        }
        return std::nullopt;
    }
    // Chinese: "张伟（首席财务官）：text" or "张伟：text".
    if (const auto colon = line.find("\uff1a"); colon != std::string_view::npos && colon <= 60) {
        std::string_view head = trim(line.substr(0, colon));
        std::string_view title;
        for (auto [open_mark, close_mark] : {std::pair<std::string_view, std::string_view>{"\uff08", "\uff09"},
                                             std::pair<std::string_view, std::string_view>{"(", ")"}}) {
            const auto open = head.find(open_mark);
            if (open != std::string_view::npos && head.ends_with(close_mark)) {
                title = head.substr(open + open_mark.size(), head.size() - open - open_mark.size() - close_mark.size());
                head = trim(head.substr(0, open));
                break;
            }
        }
        // "问：" and "答：" mark a question and an answer, not a speaker.
        static const std::string_view kNotNames[] = {"问", "答", "問", "问题", "問題", "回答", "提问", "提問"};
        for (const auto w : kNotNames) {
            if (head == w) return std::nullopt;
        }
        if (chinese_name(head) || name_ok(head)) {
            shape.name = std::string(head);
            title = trim(title);
            // "陈晓东（中信达证券）：" names a firm, not a post.
            static const std::string_view kFirmEnds[] = {"证券", "證券", "资本", "資本", "基金", "银行", "銀行", "投资", "投資",
                                                         "研究所", "研究院", "资管", "資管", "公司", "集团", "集團"};
            bool firm = false;
            for (const auto end : kFirmEnds) firm = firm || title.ends_with(end);
            if (firm) {
                shape.affiliation = std::string(title);
            } else {
                shape.title = std::string(title);
            }
            shape.text = std::string(trim(line.substr(colon + 3)));
            return shape;
        }
    }
    // Markdown bold around the name: "**Tim Cook:** text", "**Tim Cook**: text".
    std::string unbolded;
    if (line.starts_with("**")) {
        const auto close = line.find("**", 2);
        if (close == std::string_view::npos || close > kMaxPrefixBytes) return std::nullopt;
        unbolded = std::string(line.substr(2, close - 2)) + std::string(line.substr(close + 2));
        line = unbolded;
    }
    auto colon = line.find(':');
    // "Speaker 1 (00:00:04): text": the time's colons are inside the parentheses.
    if (const auto open = line.find(" ("); open != std::string_view::npos && open < colon) {
        const auto close = line.find("):", open);
        if (close != std::string_view::npos && close < kMaxPrefixBytes) colon = close + 1;
    }
    if (colon == std::string_view::npos || colon == 0 || colon > kMaxPrefixBytes) return std::nullopt;
    // "10:30" or "http://" are not prefixes.
    if (colon + 1 < line.size() && line[colon + 1] != ' ') return std::nullopt;
    std::string_view head = trim(line.substr(0, colon));
    if (head.starts_with("#")) return std::nullopt;
    // A field of a header block ("**Date:** 2025-07-31") names no speaker.
    static const std::string_view kFieldKeys[] = {"Date", "Company", "Ticker", "Quarter", "Year", "Symbol", "Title",
                                                  "Time", "Event", "Source", "Duration", "Note", "Period", "Location"};
    for (const auto key : kFieldKeys) {
        if (head == key) return std::nullopt;
    }
    // "Tim Cook (CEO): text"; Rev.com's "Jenna Liu (00:18): text" times the line.
    if (head.ends_with(")")) {
        if (const auto open = head.rfind(" ("); open != std::string_view::npos) {
            const std::string_view inner = trim(head.substr(open + 2, head.size() - open - 3));
            const bool time = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
                return is_digit(c) || c == ':' || c == '.';
            });
            if (!time) shape.title = std::string(inner);
            head = trim(head.substr(0, open));
        }
    }
    // "Simon Ashworth -- Chief Executive Officer: text"
    for (std::string_view dash : {" -- ", " \u2013 ", " \u2014 ", " - "}) {
        const auto at = head.find(dash);
        if (at == std::string_view::npos || !shape.title.empty()) continue;
        const std::string_view title = trim(head.substr(at + dash.size()));
        const std::string_view name = trim(head.substr(0, at));
        if (!title.empty() && (title_is_telling(title) || title.find("--") != std::string_view::npos) && name_ok(name)) {
            shape.title = std::string(title);
            head = name;
        }
        break;
    }
    std::string_view firm;
    if (const auto comma = head.find(", "); comma != std::string_view::npos) {
        firm = trim(head.substr(comma + 2));
        head = trim(head.substr(0, comma));
        if (!firm_ok(firm)) return std::nullopt;
    }
    if (!name_ok(head)) return std::nullopt;
    shape.name = std::string(head);
    if (!firm.empty() && title_is_telling(firm)) {
        // Investing.com: "Christopher Dunn, Chief Executive Officer, Brightwell Retail:" names a post, then the employer.
        const auto comma = firm.rfind(", ");
        const bool employer = comma != std::string_view::npos && !title_is_telling(firm.substr(comma + 2));
        shape.title = std::string(employer ? trim(firm.substr(0, comma)) : firm);
        shape.affiliation = employer ? std::string(trim(firm.substr(comma + 2))) : std::string();
    } else {
        shape.affiliation = std::string(firm);
    }
    shape.text = std::string(trim(line.substr(colon + 1)));
    return shape;
}

std::optional<std::string> strip_qa_marker(std::string_view line) {
    line = trim(line);
    if (line.size() < 5 || (line[0] != 'Q' && line[0] != 'A') || line.substr(1, 3) != " - ") return std::nullopt;
    const auto name = trim(line.substr(4));
    if (!name_ok(name)) return std::nullopt;
    return std::string(name);
}

std::string_view strip_timestamp(std::string_view line) {
    line = trim(line);
    std::size_t i = 0;
    const bool bracket = !line.empty() && (line[0] == '[' || line[0] == '(');
    if (bracket) ++i;
    const std::size_t start = i;
    while (i < line.size() && (is_digit(line[i]) || line[i] == ':' || line[i] == '.')) ++i;
    const std::string_view stamp = line.substr(start, i - start);
    // At least "m:ss": digits on both sides of a colon.
    const auto colon = stamp.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 >= stamp.size()) return line;
    if (bracket) {
        if (i >= line.size() || (line[i] != ']' && line[i] != ')')) return line;
        ++i;
    }
    if (i >= line.size() || line[i] != ' ') return line;
    return trim(line.substr(i));
}

bool is_stage_direction(std::string_view line) {
    line = trim(line);
    if (line.size() < 3 || line.size() > 60) return false;
    const bool round = line.front() == '(' && line.back() == ')';
    const bool square = line.front() == '[' && line.back() == ']';
    if (!round && !square) {
        // "(Operator Direction.)" may close with ".)"
        return false;
    }
    const std::string lowered = lower_ascii(line);
    return lowered.find("operator") != std::string::npos || lowered.find("instruction") != std::string::npos ||
           lowered.find("break in audio") != std::string::npos || lowered.find("inaudible") != std::string::npos;
}

}  // namespace callsearch
