#include "match/spelling.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "analyze/stemmer.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Edit distance counting a swap of two neighbours as one edit ("Bogn" ->
// "Bong"), or limit + 1 once it is sure to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
        before.swap(previous);
        previous.swap(row);
    }
    return previous[b.size()];
}

// A word of the query that could be misspelt, and where it stands: "query"
// for the words searched, "asked" for those of asked: / --asked.
struct QueryWord {
    std::string field;
    std::string word;
};

// The plain-ASCII words of the query that could be misspelt: not operators,
// not field:value (but the words of an asked: value, which are searched in
// the question), not glued to digits or Han text. A quoted phrase is exact on
// purpose, but its words may still be misspelt, so they count too.
std::vector<QueryWord> query_words(std::string_view query, const std::string& label = "query") {
    static const std::set<std::string> operators = {"AND", "OR", "NOT", "NEAR", "ADJ", "SENTENCE"};
    std::vector<QueryWord> words;
    std::size_t i = 0;
    while (i < query.size()) {
        if (!is_letter(query[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && (is_letter(query[end]) || query[end] == '\'')) ++end;
        const std::string word(query.substr(i, end - i));
        const bool field = end < query.size() && query[end] == ':';
        const bool glued = (i > 0 && static_cast<unsigned char>(query[i - 1]) >= 0x80) ||
                           (end < query.size() && (static_cast<unsigned char>(query[end]) >= 0x80 ||
                                                   (query[end] >= '0' && query[end] <= '9')));
        if (field) {  // skip the value too
            end += 1;
            const std::size_t value = end;
            if (end < query.size() && query[end] == '"') end = std::min(query.find('"', end + 1), query.size());
            while (end < query.size() && query[end] != ' ') ++end;
            if (lower(word) == "asked") {
                for (QueryWord& w : query_words(query.substr(value, end - value), "asked")) words.push_back(std::move(w));
            }
        } else if (!operators.count(word) && word.size() >= 3 && !glued) {
            words.push_back({label, lower(word)});
        }
        i = end;
    }
    return words;
}

// What the suggestions read of an index: one database, or an index in
// parts, whose remote parts are asked at once rather than in turn.
using Candidates = std::vector<std::pair<std::string, Xapian::doccount>>;
using KeepTerm = std::function<bool(const std::string& term)>;  // called on several threads at once

struct TermSource {
    std::function<bool(const std::string&)> exists;
    // The terms beginning with `start` that `keep` accepts, with their
    // frequency in the whole index: only those are read and copied.
    std::function<Candidates(const std::string& start, const KeepTerm& keep)> beginning;
    std::function<bool(const std::string& stem)> has_stem;  // any word of the index has it
};

Candidates terms_beginning(const Xapian::Database& db, const std::string& start, const KeepTerm& keep) {
    Candidates out;
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        std::string term = *it;
        if (keep(term)) out.emplace_back(std::move(term), it.get_termfreq());
    }
    return out;
}

TermSource source_of(const Xapian::Database& db) {
    return {[&db](const std::string& term) { return db.term_exists(term); },
            [&db](const std::string& start, const KeepTerm& keep) { return terms_beginning(db, start, keep); },
            [&db](const std::string& stem) {
                const std::string key = schema::stem_key(stem);
                return db.synonyms_begin(key) != db.synonyms_end(key);
            }};
}

TermSource source_of(const IndexParts& parts) {
    if (parts.single()) {
        TermSource one = source_of(parts.all);
        one.has_stem = [&parts](const std::string& stem) { return !parts.words_with_stem(stem).empty(); };
        return one;
    }
    return {[&parts](const std::string& term) {
                std::vector<char> in(parts.parts.size(), 0);
                parts.on_each_part([&](std::size_t p) { in[p] = parts.parts[p].term_exists(term) ? 1 : 0; });
                return std::find(in.begin(), in.end(), 1) != in.end();
            },
            [&parts](const std::string& start, const KeepTerm& keep) {
                std::vector<Candidates> each(parts.parts.size());
                parts.on_each_part([&](std::size_t p) { each[p] = terms_beginning(parts.parts[p], start, keep); });
                std::map<std::string, Xapian::doccount> merged;  // a term's frequency is its parts' sum
                for (const Candidates& list : each) {
                    for (const auto& [term, freq] : list) merged[term] += freq;
                }
                return Candidates(merged.begin(), merged.end());
            },
            [&parts](const std::string& stem) { return !parts.words_with_stem(stem).empty(); }};
}

std::vector<std::string> nearest(const TermSource& index, std::string_view prefix, const std::string& word) {
    const std::size_t limit = word.size() < 6 ? 1 : 2;
    std::vector<std::tuple<std::size_t, Xapian::doccount, std::string>> found;  // distance, -freq order
    // Only words with the same first letter: that keeps a search that finds
    // nothing fast on a large index (all terms would be ~26 times as many),
    // and first letters are rarely the ones mistyped.
    const std::string start = std::string(prefix) + word.substr(0, 1);
    const auto distance = [&](const std::string& full) {
        if (full.size() > start.size() - 1 + word.size() + limit || full.size() + limit < prefix.size() + word.size()) {
            return limit + 1;
        }
        const std::string_view term = std::string_view(full).substr(prefix.size());
        return term == word ? limit + 1 : edit_distance(word, term, limit);
    };
    for (const auto& [full, freq] : index.beginning(start, [&](const std::string& full) { return distance(full) <= limit; })) {
        found.emplace_back(distance(full), freq, full.substr(prefix.size()));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
        if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) > std::get<1>(b);
        return std::get<2>(a) < std::get<2>(b);
    });
    // One form per stem: "repurchase", not also "repurchased".
    const analyze::Stemmer stemmer;
    std::vector<std::string> out;
    std::set<std::string> stems;
    for (const auto& f : found) {
        if (out.size() == 3) break;
        const std::string stem = stemmer.stem_of(std::get<2>(f));
        if (!stem.empty() && !stems.insert(stem).second) continue;
        out.push_back(std::get<2>(f));
    }
    return out;
}

void suggest_field(const TermSource& index, const char* field, std::string_view prefix,
                   const std::vector<std::string>& words, std::vector<Suggestion>& out) {
    for (const std::string& w : words) {
        if (w.size() < 3 || index.exists(std::string(prefix) + w)) continue;
        auto near = nearest(index, prefix, w);
        if (!near.empty()) out.push_back({field, w, std::move(near)});
    }
}

std::vector<Suggestion> suggestions_from(const TermSource& index, std::string_view query,
                                         const std::vector<FilterSpec>& filters, std::string_view asked) {
    std::vector<Suggestion> out;
    const analyze::Stemmer stemmer;
    std::vector<QueryWord> words = query_words(query);
    for (QueryWord& w : query_words(asked, "asked")) words.push_back(std::move(w));
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& [field, word] : words) {
        if (!seen.emplace(field, word).second || index.exists(word)) continue;
        const std::string stem = stemmer.stem_of(word);
        if (!stem.empty() && index.has_stem(stem)) continue;  // another form is there
        auto near = nearest(index, "", word);
        if (!near.empty()) out.push_back({field, word, std::move(near)});
    }
    for (const FilterSpec& f : filters) {
        if (f.field == Field::Speaker) {
            const std::string name = schema::normalize_name(f.value);
            std::vector<std::string> words;
            for (std::size_t start = 0; start < name.size();) {
                const std::size_t space = std::min(name.find(' ', start), name.size());
                words.push_back(name.substr(start, space - start));
                start = space + 1;
            }
            suggest_field(index, "speaker", schema::kSpeakerPrefix, words, out);
        } else if (f.field == Field::Company) {
            suggest_field(index, "company", schema::kCompanyPrefix, schema::company_words(f.value), out);
        }
    }
    return out;
}

}  // namespace

std::vector<Suggestion> spelling_suggestions(const Xapian::Database& db, std::string_view query,
                                             const std::vector<FilterSpec>& filters, std::string_view asked) {
    return suggestions_from(source_of(db), query, filters, asked);
}

std::vector<Suggestion> spelling_suggestions(const IndexParts& parts, std::string_view query,
                                             const std::vector<FilterSpec>& filters, std::string_view asked) {
    return suggestions_from(source_of(parts), query, filters, asked);
}

}  // namespace callsearch
