#include "print/snippet.h"

#include <algorithm>

#include "analyze/passages.h"

namespace callsearch {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t count_words(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = is_space(c);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

struct Range {
    std::size_t begin, end;
};

std::vector<Range> sentences_of(std::string_view text) {
    std::vector<Range> out;
    std::size_t at = 0;
    const auto add = [&](std::size_t end) {
        std::size_t b = at;
        while (b < end && is_space(text[b])) ++b;
        std::size_t e = end;
        while (e > b && is_space(text[e - 1])) --e;
        if (e > b) out.push_back({b, e});
        at = end;
    };
    for (const std::size_t end : analyze::sentence_ends(text)) add(end);
    add(text.size());
    return out;
}

bool has_match(const Range& r, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.begin < r.end && s.end > r.begin; });
}

// Of a sentence over the budget, the words around `focus` (a byte offset).
Range window_around(std::string_view text, Range sentence, std::size_t focus) {
    // Word starts within the sentence.
    std::vector<std::size_t> starts;
    for (std::size_t i = sentence.begin; i < sentence.end; ++i) {
        if (!is_space(text[i]) && (i == sentence.begin || is_space(text[i - 1]))) starts.push_back(i);
    }
    // The word holding `focus`: the last one starting at or before it.
    const auto after = std::upper_bound(starts.begin(), starts.end(), focus) - starts.begin();
    const std::size_t focus_word = after > 0 ? static_cast<std::size_t>(after - 1) : 0;
    const std::size_t first = focus_word > kSnippetWords / 3 ? focus_word - kSnippetWords / 3 : 0;
    const std::size_t last = std::min(starts.size(), first + kSnippetWords);  // one past
    Range r{starts[first], last < starts.size() ? starts[last] : sentence.end};
    while (r.end > r.begin && is_space(text[r.end - 1])) --r.end;
    return r;
}

}  // namespace

std::vector<Span> join_adjacent(std::string_view text, const std::vector<Span>& highlights) {
    std::vector<Span> out;
    for (const Span& s : highlights) {
        if (!out.empty() && out.back().end <= s.begin &&
            std::all_of(text.begin() + static_cast<std::ptrdiff_t>(out.back().end),
                        text.begin() + static_cast<std::ptrdiff_t>(s.begin), [](char c) { return c == ' '; })) {
            out.back().end = s.end;
        } else {
            out.push_back(s);
        }
    }
    return out;
}

Snippet make_snippet(std::string_view text, const std::vector<Span>& highlights) {
    if (count_words(text) <= kSnippetWords) return {std::string(text), highlights};
    const std::vector<Range> sentences = sentences_of(text);
    std::vector<Range> chosen;
    std::size_t words = 0;
    const bool any = !highlights.empty();
    for (const Range& s : sentences) {
        if (any && !has_match(s, highlights)) continue;
        const std::size_t n = count_words(text.substr(s.begin, s.end - s.begin));
        if (chosen.empty() && n > kSnippetWords) {
            const std::size_t focus = any ? std::max(s.begin, std::find_if(highlights.begin(), highlights.end(),
                                                                         [&](const Span& h) { return h.end > s.begin; })
                                                                  ->begin)
                                          : s.begin;
            chosen.push_back(window_around(text, s, focus));
            break;
        }
        if (!chosen.empty() && words + n > kSnippetWords) break;
        chosen.push_back(s);
        words += n;
    }
    Snippet out;
    std::size_t previous_end = 0;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Range& r = chosen[k];
        // Left out before this piece: anything but white space.
        const bool gap = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(previous_end),
                                     text.begin() + static_cast<std::ptrdiff_t>(r.begin),
                                     [](char c) { return !is_space(c); });
        if (gap) {
            if (k > 0) out.text += ' ';
            out.text += kEllipsis;
            out.text += ' ';
        } else if (k > 0) {
            out.text += ' ';
        }
        const std::size_t offset = out.text.size();
        out.text.append(text.substr(r.begin, r.end - r.begin));
        for (const Span& h : highlights) {
            const std::size_t b = std::max(h.begin, r.begin), e = std::min(h.end, r.end);
            if (b < e) out.highlights.push_back({offset + b - r.begin, offset + e - r.begin});
        }
        previous_end = r.end;
    }
    if (std::any_of(text.begin() + static_cast<std::ptrdiff_t>(previous_end), text.end(),
                    [](char c) { return !is_space(c); })) {
        out.text += ' ';
        out.text += kEllipsis;
    }
    return out;
}

}  // namespace callsearch
