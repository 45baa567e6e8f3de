#include "schema/filter_terms.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include <xapian.h>

#include "schema/index_schema.h"

namespace callsearch::schema {

namespace {

std::string with_prefix(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += value;
    return term;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        if (c == ' ') {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// Xapian rejects terms over 245 bytes; names never come near that, but a
// hostile header line could.
constexpr std::size_t kMaxValueBytes = 200;

}  // namespace

std::string normalize_name(std::string_view name) {
    std::string lowered = Xapian::Unicode::tolower(std::string(name));
    std::string out;
    out.reserve(lowered.size());
    bool pending_space = false;
    for (char c : lowered) {
        if (c == '.' || c == ',') continue;
        if (c == ' ' || c == '\t' || c == '\n') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    if (out.size() > kMaxValueBytes) out.resize(kMaxValueBytes);
    return out;
}

std::vector<std::string> speaker_terms(std::string_view speaker) {
    const std::string full = normalize_name(speaker);
    std::vector<std::string> terms;
    if (full.empty()) return terms;
    terms.push_back(with_prefix(kSpeakerPrefix, full));
    for (const std::string& word : split_words(full)) {
        terms.push_back(with_prefix(kSpeakerPrefix, word));
        if (word.find('-') == std::string::npos) continue;
        std::size_t start = 0;
        while (start <= word.size()) {
            const std::size_t dash = std::min(word.find('-', start), word.size());
            if (dash > start) terms.push_back(with_prefix(kSpeakerPrefix, word.substr(start, dash - start)));
            start = dash + 1;
        }
    }
    return terms;
}

std::string speaker_name_term(std::string_view speaker) {
    return with_prefix(kSpeakerNamePrefix, normalize_name(speaker));
}

std::vector<std::string> company_words(std::string_view company) {
    std::string cleaned;
    for (char c : Xapian::Unicode::tolower(std::string(company))) {
        if (c == '\'') continue;
        const auto u = static_cast<unsigned char>(c);
        cleaned += (u >= 0x80 || std::isalnum(u) || c == '&') ? c : ' ';
    }
    // A "word" longer than any company name's is noise from a damaged header.
    std::vector<std::string> words = split_words(cleaned);
    std::erase_if(words, [](const std::string& w) { return w.size() > 64; });
    return words;
}

std::vector<std::string> company_terms(std::string_view company) {
    std::vector<std::string> terms;
    for (const std::string& word : company_words(company)) terms.push_back(with_prefix(kCompanyPrefix, word));
    return terms;
}

std::string ticker_term(std::string_view ticker) {
    return with_prefix(kTickerPrefix, Xapian::Unicode::tolower(std::string(ticker)));
}

std::string role_term(std::string_view role) { return with_prefix(kRolePrefix, role); }
std::string year_term(int year) { return with_prefix(kYearPrefix, std::to_string(year)); }
std::string quarter_term(int quarter) { return with_prefix(kQuarterPrefix, std::to_string(quarter)); }
std::string lang_term(Lang lang) { return with_prefix(kLangPrefix, to_string(lang)); }
std::string section_term(Section section) { return with_prefix(kSectionPrefix, to_string(section)); }
std::string call_term(std::string_view key) { return with_prefix(kCallPrefix, key); }
namespace {

// FNV-1a: stable across runs and platforms, unlike std::hash.
std::string fnv1a_hex(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

// Every paragraph carries this term, so it is kept short: a digest, not the
// path (which would cost its length in every paragraph's termlist).
std::string file_term(std::string_view key) { return with_prefix(kFilePrefix, fnv1a_hex(key)); }
std::string file_digest(std::string_view key) { return fnv1a_hex(key); }
std::string call_digest(std::string_view key, std::size_t index) {
    if (index == 0) return fnv1a_hex(key);
    return fnv1a_hex(std::string(key) + "\x1f" + "call " + std::to_string(index));
}

std::string call_key(const CallInfo& call) {
    std::string who = Xapian::Unicode::tolower(call.ticker);
    if (who.empty()) {
        for (const std::string& word : company_words(call.company)) {
            if (!who.empty()) who += '-';
            who += word;
        }
    }
    if (who.empty()) who = "unknown";
    if (who.size() > kMaxValueBytes / 2) who.resize(kMaxValueBytes / 2);
    return who + "_q" + std::to_string(call.quarter) + "_" + std::to_string(call.year);
}

std::string file_key(std::string_view absolute_path) {
    if (absolute_path.size() <= kMaxValueBytes) return std::string(absolute_path);
    return "#" + fnv1a_hex(absolute_path);
}

Xapian::Query calls_query(const std::vector<CallRef>& calls) {
    std::vector<Xapian::Query> each;
    each.reserve(calls.size());
    for (const CallRef& c : calls) {
        each.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(file_term(c.file_key)),
                          Xapian::Query(call_term(c.call_key)));
    }
    if (each.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
}

}  // namespace callsearch::schema
