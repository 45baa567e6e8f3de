#include "read/pdf_pages.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

namespace callsearch {

namespace {

// Ligatures as PDF fonts encode them, and what they stand for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kLigatures = {{
    {"\uFB00", "ff"},
    {"\uFB01", "fi"},
    {"\uFB02", "fl"},
    {"\uFB03", "ffi"},
    {"\uFB04", "ffl"},
    {"\uFB05", "st"},
    {"\uFB06", "st"},
}};

std::string plain(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::string_view rest = s.substr(i);
        if (rest.starts_with("\u00AD")) {  // soft hyphen
            i += 2;
            continue;
        }
        if (rest.starts_with("\u00A0")) {
            out += ' ';
            i += 2;
            continue;
        }
        bool replaced = false;
        if (rest.starts_with("\xEF\xAC")) {
            for (const auto& [lig, letters] : kLigatures) {
                if (rest.starts_with(lig)) {
                    out += letters;
                    i += lig.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (replaced) continue;
        const char c = s[i++];
        if (c == '\f' || c == '\r' || c == '\v') {
            out += '\n';
        } else if (c == '\t') {
            out += ' ';
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n') {
            continue;  // other control characters carry no text
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& page) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= page.size()) {
        const std::size_t end = std::min(page.find('\n', start), page.size());
        std::string line = page.substr(start, end - start);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

// Each run of digits one '#', white space collapsed: "Page 3 of 20" and
// "Page 10 of 20" match.
std::string shape_of(std::string_view line) {
    std::string out;
    bool space = false;
    for (const char c : line) {
        if (c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        const bool digit = c >= '0' && c <= '9';
        if (digit && !out.empty() && out.back() == '#') continue;  // "9" and "10" alike
        out += digit ? '#' : c;
    }
    return out;
}

bool ends_sentence(std::string_view line) {
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty()) return true;
    static constexpr std::array<std::string_view, 10> kEnds = {".", "?", "!", ":", ";", "\"", ")", "]",
                                                               "\u201D", "\u2019"};
    for (std::string_view e : kEnds) {
        if (line.ends_with(e)) return true;
    }
    return false;
}

bool starts_lower(std::string_view line) {
    const std::size_t i = line.find_first_not_of(' ');
    return i != std::string_view::npos && line[i] >= 'a' && line[i] <= 'z';
}

// Indices of the non-blank lines within kPageEdgeLines of either end.
std::vector<std::size_t> edge_lines(const std::vector<std::string>& lines) {
    std::vector<std::size_t> nonblank;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].empty()) nonblank.push_back(i);
    }
    if (nonblank.size() <= 2 * kPageEdgeLines) return nonblank;
    std::vector<std::size_t> out(nonblank.begin(), nonblank.begin() + kPageEdgeLines);
    out.insert(out.end(), nonblank.end() - kPageEdgeLines, nonblank.end());
    return out;
}

}  // namespace

PdfPagesText join_pdf_pages(const std::vector<std::string>& pages) {
    std::vector<std::vector<std::string>> lines;
    lines.reserve(pages.size());
    for (const std::string& page : pages) lines.push_back(lines_of(plain(page)));

    // How many pages have each shape at an edge. A shape counts once per page.
    std::map<std::string, std::size_t> pages_with;
    for (const auto& page : lines) {
        std::set<std::string> shapes;
        for (std::size_t i : edge_lines(page)) shapes.insert(shape_of(page[i]));
        for (const std::string& s : shapes) ++pages_with[s];
    }
    // Repeating means on at least half the pages, and on three at least (two
    // pages that open alike prove nothing).
    const std::size_t needed = std::max<std::size_t>(3, (pages.size() + 1) / 2);
    const auto repeats = [&](const std::string& line) {
        const auto it = pages_with.find(shape_of(line));
        return it != pages_with.end() && it->second >= needed;
    };

    PdfPagesText out;
    const auto drop = [&](const std::string& line) {
        ++out.dropped_lines;
        if (out.dropped_samples.size() < 5 &&
            std::find(out.dropped_samples.begin(), out.dropped_samples.end(), line) == out.dropped_samples.end()) {
            out.dropped_samples.push_back(line);
        }
    };
    std::string previous_last;  // the last line written, to decide on joining
    for (const auto& page : lines) {
        std::size_t begin = 0, end = page.size();
        // The first page's running header stays: it is often the only place
        // that names the company, the call and its date.
        const bool first = out.text.empty();
        while (begin < end && (page[begin].empty() || (!first && repeats(page[begin])))) {
            if (!page[begin].empty()) drop(page[begin]);
            ++begin;
        }
        while (end > begin && (page[end - 1].empty() || repeats(page[end - 1]))) {
            if (!page[end - 1].empty()) drop(page[end - 1]);
            --end;
        }
        if (begin == end) continue;
        if (!out.text.empty()) {
            // A page break inside a sentence joins; else it is a paragraph break.
            const bool cut = !ends_sentence(previous_last) || starts_lower(page[begin]);
            out.text += cut ? "\n" : "\n\n";
        }
        for (std::size_t i = begin; i < end; ++i) {
            out.text += page[i];
            if (i + 1 < end) out.text += '\n';
        }
        previous_last = page[end - 1];
    }
    if (!out.text.empty()) out.text += '\n';
    return out;
}

}  // namespace callsearch
