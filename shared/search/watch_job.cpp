#include "search/watch_job.h"

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "match/matcher.h"
#include "query/query_parser.h"
#include "query/thesaurus.h"

namespace callsearch {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

std::string json_string(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string counted(Xapian::doccount n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string heading(const WatchList& list, const SavedQuery& saved, Xapian::doccount hits, Xapian::doccount calls,
                    Xapian::doccount shown, const TextStyle& style) {
    std::string line = "== " + (saved.label.empty() ? saved.query : saved.label) + ": ";
    if (hits == 0) {
        line += "no new hits";
    } else {
        line += counted(hits, "new hit", "new hits") + " in " + counted(calls, "call", "calls");
        if (shown < hits) line += ", the best " + std::to_string(shown) + " shown";
    }
    if (style.color) line = kBold + line + kReset;
    line += "  (" + list.name + ":" + std::to_string(saved.line) + (saved.label.empty() ? "" : ": " + saved.query) + ")";
    return line + "\n\n";
}

// The searcher's hit object with the saved query in front.
std::string tagged(const SavedQuery& saved, const std::string& hit_json) {
    std::string out = "{\"watch\":" + (saved.label.empty() ? std::string("null") : json_string(saved.label)) +
                      ",\"line\":" + std::to_string(saved.line) + ",\"query\":" + json_string(saved.query);
    if (hit_json.size() > 3) out += ',';  // "{}\n" holds no field
    out.append(hit_json, 1);
    return out;
}

}  // namespace

WatchOutcome run_watch(const WatchList& list, const std::vector<schema::CallRef>& calls, const WatchConfig& config,
                       std::ostream& out) {
    WatchOutcome outcome;
    const Xapian::Query scope = schema::calls_query(calls);
    analyze::TextAnalyzer analyzer;
    ThesaurusSource thesaurus(config.thesaurus);
    const QueryOptions options{false, [&]() -> const Thesaurus& { return thesaurus.get(); }};
    // Nothing new: nothing to search, though people still see every saved query.
    std::unique_ptr<Matcher> matcher;
    if (!calls.empty()) {
        matcher = std::make_unique<Matcher>(config.db_dir);
        analyzer.set_stem_expander(matcher->stem_expander());
    }
    MatchOptions match;
    match.limit = config.limit;
    for (const SavedQuery& saved : list.queries) {
        ++outcome.queries;
        const auto parse = [&] {
            ParsedQuery parsed = parse_query(saved.query, {}, analyzer, options);
            parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, scope);
            return parsed;
        };
        MatchResult result;
        ParsedQuery parsed;
        Xapian::doccount hits = 0, in_calls = 0;
        if (matcher && config.format == OutputFormat::Json) {
            result = matcher->match(parse, match, parsed);
        } else if (matcher) {
            // People get the exact counts in the heading.
            hits = matcher->count(parse);
            if (hits > 0) {
                in_calls = matcher->count(parse, /*per_call=*/true);
                result = matcher->match(parse, match, parsed);
            }
        }
        if (config.format == OutputFormat::Text) {
            out << heading(list, saved, hits, in_calls, static_cast<Xapian::doccount>(result.hits.size()), config.style);
        }
        for (const Hit& hit : result.hits) {
            const std::string shown = format_hit(hit, parsed.highlight, analyzer, config.format, config.style);
            out << (config.format == OutputFormat::Json ? tagged(saved, shown) : shown);
        }
        outcome.printed += result.hits.size();
        if (!result.hits.empty()) ++outcome.matched;
        out.flush();
    }
    return outcome;
}

}  // namespace callsearch
