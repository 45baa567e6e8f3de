#include "query/thesaurus.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

namespace callsearch {

namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Lower case, one space between words, quotes dropped: "Share  Repurchase" and
// "share repurchase" are one member.
std::string normalized(std::string_view member) {
    std::string out;
    bool space = false;
    for (const char c : member) {
        if (c == '"') continue;
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

std::string Thesaurus::key_of(std::string_view member) const {
    std::string key = normalized(member);
    if (key.find(' ') == std::string::npos) {
        // "buybacks" finds the group of "buyback".
        if (std::string stem = stemmer_.stem_of(key); !stem.empty()) return stem;
    }
    return key;
}

void Thesaurus::add_text(std::string_view text, std::string_view source) {
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        ++line_number;
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = trim(line);
        if (line.empty()) continue;
        std::vector<std::string> members;
        std::size_t from = 0;
        while (from <= line.size()) {
            const std::size_t tilde = std::min(line.find('~', from), line.size());
            const std::string member = normalized(trim(line.substr(from, tilde - from)));
            if (member.empty()) {
                throw ThesaurusError(std::string(source) + ":" + std::to_string(line_number) +
                                     ": empty member (expected 'word ~ other word ~ ...')");
            }
            if (std::find(members.begin(), members.end(), member) == members.end()) members.push_back(member);
            from = tilde + 1;
        }
        if (members.size() < 2) {
            throw ThesaurusError(std::string(source) + ":" + std::to_string(line_number) +
                                 ": a group needs at least two members separated by '~'");
        }
        const std::size_t group = groups_.size();
        for (const std::string& m : members) index_.emplace_back(key_of(m), group);
        groups_.push_back(std::move(members));
    }
    std::sort(index_.begin(), index_.end());
}

void Thesaurus::add_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ThesaurusError("cannot read thesaurus " + file.string() + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ThesaurusError("error reading thesaurus " + file.string());
    add_text(text.str(), file.string());
}

std::vector<std::string> Thesaurus::expand(std::string_view word_or_phrase) const {
    std::vector<std::string> out{normalized(word_or_phrase)};
    const std::string key = key_of(word_or_phrase);
    auto it = std::lower_bound(index_.begin(), index_.end(), std::make_pair(key, std::size_t{0}));
    for (; it != index_.end() && it->first == key; ++it) {
        for (const std::string& m : groups_[it->second]) {
            if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        }
    }
    return out;
}

std::optional<std::filesystem::path> shipped_thesaurus_path() {
    std::error_code ec;
    for (const char* candidate : {CALLSEARCH_THESAURUS_INSTALLED, CALLSEARCH_THESAURUS_SOURCE}) {
        if (std::filesystem::is_regular_file(candidate, ec)) return std::filesystem::path(candidate);
    }
    return std::nullopt;
}

Thesaurus load_thesaurus(const std::optional<std::filesystem::path>& user_file) {
    Thesaurus thesaurus;
    const auto shipped = shipped_thesaurus_path();
    if (!shipped) {
        throw ThesaurusError(std::string("the project's thesaurus is missing (looked for ") +
                             CALLSEARCH_THESAURUS_INSTALLED + " and " + CALLSEARCH_THESAURUS_SOURCE + ")");
    }
    thesaurus.add_file(*shipped);
    std::optional<std::filesystem::path> user = user_file;
    if (!user) {
        if (const char* env = std::getenv("CALLSEARCH_THESAURUS"); env && *env) user = env;
    }
    if (user) thesaurus.add_file(*user);
    return thesaurus;
}

ThesaurusSource::ThesaurusSource(std::optional<std::filesystem::path> user_file)
    : user_file_(std::move(user_file)) {
    if (user_file_) (void)get();
}

const Thesaurus& ThesaurusSource::get() {
    if (!loaded_) loaded_ = load_thesaurus(user_file_);
    return *loaded_;
}

}  // namespace callsearch
