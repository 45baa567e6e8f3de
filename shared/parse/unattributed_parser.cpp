#include "parse/unattributed_parser.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parse/bilingual_parser.h"
#include "parse/call_metadata.h"
#include "parse/line_text.h"
#include "parse/text_repair.h"

namespace callsearch {
namespace {

struct TimedLine {
    std::string_view text;
    std::optional<double> start;
    std::optional<double> end;
};

// "[33.020 --> 37.620] text" or "[00:01:02.5 --> 00:01:04.0] text".
double parse_seconds(std::string_view s) {
    double total = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
        const auto colon = s.find(':', i);
        const auto part = s.substr(i, (colon == std::string_view::npos ? s.size() : colon) - i);
        total = total * 60 + std::strtod(std::string(part).c_str(), nullptr);
        if (colon == std::string_view::npos) break;
        i = colon + 1;
    }
    return total;
}

TimedLine timed(std::string_view line) {
    TimedLine out{line, std::nullopt, std::nullopt};
    if (!line.starts_with("[")) return out;
    const auto arrow = line.find("-->");
    const auto close = line.find(']');
    if (arrow == std::string_view::npos || close == std::string_view::npos || arrow > close || close > 40) return out;
    const auto a = trim(line.substr(1, arrow - 1));
    const auto b = trim(line.substr(arrow + 3, close - arrow - 3));
    auto numeric = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.' || c == ':'; });
    };
    if (!numeric(a) || !numeric(b)) return out;
    out.start = parse_seconds(a);
    out.end = parse_seconds(b);
    out.text = trim(line.substr(close + 1));
    return out;
}

std::size_t count_words(std::string_view s) {
    std::size_t words = 0;
    bool in = false;
    for (char c : s) {
        const bool w = c != ' ' && c != '\t';
        if (w && !in) ++words;
        in = w;
    }
    return words;
}

std::size_t han_chars(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xE3 && b <= 0xE9) ++n;
    }
    return n;
}

// The capitalized name the text most often uses in the possessive ("Aaron's
// e-commerce", "Apple's services"): how a call without a header names its
// company. Needs three uses, and twice any other name's; common words that take "'s" ("Today's") aside.
std::optional<std::string> company_spoken_of(std::string_view text) {
    static const std::string_view kCommon[] = {"Today", "Let", "It", "That", "There", "What", "Here", "Company",
                                               "Quarter", "Year", "Last", "This", "Next", "Everyone", "Who", "He",
                                               "She", "World", "Nation", "America", "Country", "Management", "Team"};
    std::map<std::string, std::size_t> counts;
    for (std::size_t pos = text.find("'s "); pos != std::string_view::npos; pos = text.find("'s ", pos + 3)) {
        std::size_t start = pos;
        while (start > 0 && (is_upper(text[start - 1]) || is_lower(text[start - 1]) || text[start - 1] == '.')) --start;
        if (start == pos || !is_upper(text[start])) continue;
        const std::string word(text.substr(start, pos - start));
        if (std::find(std::begin(kCommon), std::end(kCommon), word) != std::end(kCommon)) continue;
        ++counts[word];
    }
    std::size_t best = 0;
    std::size_t second = 0;
    std::string name;
    for (const auto& [word, n] : counts) {
        if (n > best) {
            second = best;
            best = n;
            name = word + "'s";
        } else if (n > second) {
            second = n;
        }
    }
    // Three uses, and twice any other name's: the one the call is about.
    if (best < 3 || best < 2 * second) return std::nullopt;
    return name;
}

}  // namespace

bool reads_as_call(std::string_view text, std::string* why_not) {
    auto fail = [&](const char* why) {
        if (why_not) *why_not = why;
        return false;
    };
    std::size_t lines = 0;
    std::size_t prose = 0;
    std::size_t code = 0;
    std::size_t numeric = 0;
    std::size_t markup = 0;   // markdown headings, tables, lists, code: a document, not speech
    std::size_t spoken = 0;   // "we", "our", "I", "you": how people speak on a call
    std::size_t reported = 0; // "said", "says": how a news article reports it
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        ++lines;
        const std::size_t letters = static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
            return is_upper(c) || is_lower(c);
        }));
        const std::size_t digits = static_cast<std::size_t>(std::count_if(line.begin(), line.end(), is_digit));
        const std::size_t han = han_chars(line);
        if (line.ends_with(";") || line.ends_with("{") || line.ends_with("}") || line.starts_with("#include") ||
            line.starts_with("def ") || line.starts_with("import ") || line.starts_with("function ") ||
            line.find("();") != std::string_view::npos || line.find(" = ") != std::string_view::npos) {
            ++code;
        }
        if (digits > letters + han * 3 && std::count(line.begin(), line.end(), ',') >= 2) ++numeric;
        if (line.starts_with("#") || line.starts_with("|") || line.starts_with("```") || line.starts_with("- ") ||
            line.starts_with("* ") || line.find('`') != std::string_view::npos || line.starts_with(">")) {
            ++markup;
        }
        const std::string lowered_line = " " + lower_ascii(line) + " ";
        if (lowered_line.find(" said") != std::string::npos || lowered_line.find(" says ") != std::string::npos ||
            lowered_line.find(" told ") != std::string::npos || lowered_line.starts_with(" by ") ||
            lowered_line.find("(reuters)") != std::string::npos || lowered_line.find("newswire") != std::string::npos) {
            ++reported;
        }
        for (std::string_view w : {" we ", " our ", " i ", " i'm ", " you ", " we're ", " we've ", " us "}) {
            if (lowered_line.find(w) != std::string::npos) {
                ++spoken;
                break;
            }
        }
        if (han > 0 && (line.find("我们") != std::string_view::npos || line.find("我們") != std::string_view::npos ||
                        line.find("我") != std::string_view::npos || line.find("大家") != std::string_view::npos)) {
            ++spoken;
        }
        if (han >= 4 || (letters * 2 > line.size() && count_words(line) >= 3)) ++prose;
    }
    if (lines == 0) return fail("the text is empty");
    if (code * 5 > lines) return fail("it reads as source code");
    if (numeric * 3 > lines) return fail("it reads as a table of numbers");
    if (prose * 2 < lines) return fail("too few lines of prose");
    if (markup * 10 > lines) return fail("it reads as a formatted document (headings, tables, lists), not speech");
    if (spoken * 10 < lines) return fail("it does not read as speech (hardly a 'we', 'our', 'I' or 'you')");
    if (reported * 5 > lines) return fail("it reads as a report of what was said (a news article), not the call itself");

    static const std::string_view kCallWords[] = {
        "quarter", "revenue", "margin", "guidance", "earnings", "fiscal", "growth", "customers", "question",
        "analyst", "operator", "outlook", "billion", "million", "year-over-year", "sequential", "profit",
        "demand", "shareholders", "dividend", "cash flow", "ebitda", "eps", "forecast", "sales",
        "季度", "营收", "收入", "毛利", "利润", "营业", "公司", "业绩", "成长", "增长", "谢谢", "问题", "客户", "产品"};
    const std::string lowered = lower_ascii(text.substr(0, std::min<std::size_t>(text.size(), 200'000)));
    std::size_t distinct = 0;
    std::size_t hits = 0;
    for (const auto w : kCallWords) {
        std::size_t n = 0;
        for (auto pos = lowered.find(w); pos != std::string::npos && n < 1000; pos = lowered.find(w, pos + w.size())) ++n;
        if (n) ++distinct;
        hits += n;
    }
    const std::size_t words = count_words(lowered) + han_chars(lowered) / 2;
    if (distinct < 4 || hits * 200 < words) return fail("it does not use the vocabulary of an earnings call");
    return true;
}

Transcript parse_unattributed(std::string_view text, std::string_view source_path) {
    Transcript transcript;
    RepairedText repaired = repair_text(text);
    transcript.notes.repaired_words = repaired.split_words;
    const std::string& body = repaired.text;

    Turn turn;
    turn.section = Section::Prepared;
    std::string paragraph;
    std::optional<double> paragraph_start;
    std::optional<double> last_end;
    std::size_t timed_lines = 0;
    auto flush = [&] {
        if (!trim(paragraph).empty()) {
            Paragraph p;
            p.text = std::string(trim(paragraph));
            p.lang = line_language(p.text);
            p.start_seconds = paragraph_start;
            turn.paragraphs.push_back(std::move(p));
        }
        paragraph.clear();
        paragraph_start.reset();
    };
    std::vector<std::string_view> head_lines;
    std::size_t start = 0;
    while (start < body.size()) {
        const auto end = std::min(body.find('\n', start), body.size());
        const auto raw = trim(std::string_view(body).substr(start, end - start));
        start = end + 1;
        if (head_lines.size() < 10 && !raw.empty()) head_lines.push_back(raw);
        if (raw.empty()) {
            flush();
            continue;
        }
        const TimedLine line = timed(raw);
        if (line.start) ++timed_lines;
        if (line.text.empty()) continue;
        // A pause in timed speech ends a paragraph.
        if (line.start && last_end && *line.start - *last_end > 2.0) flush();
        last_end = line.end;
        const bool chinese = line_language(line.text) == Lang::Zh;
        const std::size_t size = chinese ? han_chars(paragraph) : count_words(paragraph);
        if (size >= (chinese ? 150u : 120u)) flush();
        if (!paragraph.empty()) {
            // Chinese runs on without spaces; other text gets one.
            const bool joined = chinese && han_chars(paragraph) > 0;
            if (!joined) paragraph += ' ';
        } else {
            paragraph_start = line.start;
        }
        paragraph += line.text;
    }
    flush();
    if (timed_lines > 0) {
        transcript.notes.dropped.push_back(ParseNotes::Dropped{"timestamp", timed_lines, ""});
    }
    if (!turn.paragraphs.empty()) transcript.turns.push_back(std::move(turn));
    transcript.participants.clear();

    CallInfo title = call_info_from_title_block(head_lines);
    CallInfo file = call_info_from_file_name(source_path);
    CallInfo welcome;
    if (!transcript.turns.empty()) {
        for (std::size_t p = 0; p < std::min<std::size_t>(transcript.turns[0].paragraphs.size(), 5); ++p) {
            CallInfo w = call_info_from_welcome(transcript.turns[0].paragraphs[p].text);
            // Without a speaker to tell the operator's welcome from any other
            // "welcome", only one that names the call's quarter counts.
            if (w.quarter != 0 && w.year != 0) {
                welcome = std::move(w);
                break;
            }
        }
    }
    CallInfo& call = transcript.call;
    ParseNotes& notes = transcript.notes;
    merge_call_sources(title, welcome, file, call, notes);
    if (call.company.empty()) {
        if (auto spoken = company_spoken_of(body)) {
            call.company = std::move(*spoken);
            notes.company_from = "the name the text speaks of most ('X's')";
        }
    }
    call.layout = Layout::Unattributed;
    notes.layout_evidence = timed_lines ? std::to_string(timed_lines) + " timed lines of speech-to-text, no speaker marks"
                                        : "prose without speaker marks";
    return transcript;
}

}  // namespace callsearch
