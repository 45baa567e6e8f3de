#include "search/watch_list.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

#include "analyze/text_analyzer.h"
#include "query/filter_values.h"
#include "query/query_parser.h"
#include "query/thesaurus.h"

namespace callsearch {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// The label a line starts with, if any: "name:" then white space or the end.
// A query's own tokens never look like that: a filter is written `field:value`
// (and a filter's name with a space after it is a query error, not a label),
// a word never holds ':'.
std::optional<std::string_view> label_of(std::string_view line) {
    std::size_t end = 0;
    while (end < line.size() && !is_blank(line[end]) && line[end] != ':' && line[end] != '"' && line[end] != '(' &&
           line[end] != ')' && line[end] != '~') {
        ++end;
    }
    if (end == 0 || end >= line.size() || line[end] != ':') return std::nullopt;
    if (end + 1 < line.size() && !is_blank(line[end + 1])) return std::nullopt;
    const std::string_view word = line.substr(0, end);
    if (field_from_name(word)) return std::nullopt;
    return word;
}

}  // namespace

WatchList parse_watch_list(std::string_view text, std::string name) {
    WatchList list{std::move(name), {}};
    // Editors on Windows start UTF-8 files with a byte order mark.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::map<std::string, std::size_t, std::less<>> label_lines;
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        const std::size_t eol = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, eol));
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty() || line.front() == '#') continue;
        const std::string where = list.name + ":" + std::to_string(number) + ": ";
        SavedQuery saved{number, {}, std::string(line)};
        if (const auto label = label_of(line)) {
            saved.label = std::string(*label);
            saved.query = std::string(trimmed(line.substr(label->size() + 1)));
            if (saved.query.empty()) throw WatchListError(where + "no query after the label '" + saved.label + ":'");
            const auto [at, first] = label_lines.emplace(saved.label, number);
            if (!first) {
                throw WatchListError(where + "the label '" + saved.label + "' is already used on line " +
                                     std::to_string(at->second));
            }
        }
        list.queries.push_back(std::move(saved));
    }
    return list;
}

WatchList read_watch_list(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw WatchListError("cannot read watch list " + file.string() + ": " + std::strerror(errno));
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw WatchListError("cannot read watch list " + file.string() + ": " + std::strerror(errno));
    return parse_watch_list(text, file.string());
}

void check_watch_list(const WatchList& list, const std::optional<std::filesystem::path>& thesaurus) {
    analyze::TextAnalyzer analyzer;
    ThesaurusSource source(thesaurus);
    const QueryOptions options{false, [&]() -> const Thesaurus& { return source.get(); }};
    for (const SavedQuery& saved : list.queries) {
        try {
            (void)parse_query(saved.query, {}, analyzer, options);
        } catch (const QueryError& e) {
            throw WatchListError(list.name + ":" + std::to_string(saved.line) + ": " + e.what());
        } catch (const ThesaurusError& e) {
            throw WatchListError(list.name + ":" + std::to_string(saved.line) + ": " + e.what());
        }
    }
}

}  // namespace callsearch
