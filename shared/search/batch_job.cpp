#include "search/batch_job.h"

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "print/highlighter.h"
#include "print/json_printer.h"
#include "print/trend_printer.h"
#include "query/query_parser.h"
#include "search/batch_request.h"

namespace callsearch {

namespace {

std::string json_string(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The object of searcher --json (a hit, a trend bucket), tagged: `{"id":ID,"line":L,"type":TYPE,` + the rest.
void put_tagged(std::ostream& out, const std::string& id_json, std::size_t line, const char* type,
                const std::string& hit_json) {
    out << "{\"id\":" << id_json << ",\"line\":" << line << ",\"type\":\"" << type << '"';
    if (hit_json.size() > 2) out << ',';
    out.write(hit_json.data() + 1, static_cast<std::streamsize>(hit_json.size() - 1));
    out << '\n';
}

void put_error(std::ostream& out, const std::string& id_json, std::size_t line, const std::string& message) {
    out << "{\"id\":" << id_json << ",\"line\":" << line << ",\"type\":\"error\",\"error\":" << json_string(message) << "}\n";
}

void put_summary(std::ostream& out, const std::string& id_json, std::size_t line, std::size_t hits, const Xapian::doccount* count,
                 Xapian::doccount estimated, double ms, bool partial) {
    char milliseconds[32];
    std::snprintf(milliseconds, sizeof milliseconds, "%.3f", ms);
    out << "{\"id\":" << id_json << ",\"line\":" << line << ",\"type\":\"summary\",\"hits\":" << hits
        << ",\"count\":" << (count ? std::to_string(*count) : std::string("null")) << ",\"estimated\":" << estimated
        << ",\"ms\":" << milliseconds << (partial ? ",\"partial\":true" : "") << "}\n";
}

}  // namespace

BatchOutcome run_batch(const BatchConfig& config, std::istream& in, std::ostream& out) {
    analyze::TextAnalyzer analyzer;
    ThesaurusSource thesaurus(config.thesaurus);
    const QueryOptions options{config.synonyms, [&]() -> const Thesaurus& { return thesaurus.get(); }, {}};
    // Command-line filters hold for every line: a bad one is the caller's
    // error, reported once before any line is read.
    if (!config.filters.empty()) (void)parse_query("", config.filters, analyzer);
    Matcher matcher(index_access(config.db_dir, config.index));
    analyzer.set_stem_expander(matcher.stem_expander());

    BatchOutcome outcome;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        const auto started = std::chrono::steady_clock::now();
        // Editors on Windows start UTF-8 files with a byte order mark.
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        const std::optional<BatchLine> parsed_line =
            parse_batch_line(line, number, config.filters, config.match);
        if (!parsed_line) continue;
        ++outcome.queries;
        const BatchRequest& request = parsed_line->request;
        if (!parsed_line->error.empty()) {
            ++outcome.failed;
            put_error(out, request.id_json, number, parsed_line->error);
            out.flush();
            continue;
        }
        const auto parse = [&] { return parse_query(request.query, request.filters, analyzer, options); };
        std::size_t hits = 0;
        Xapian::doccount exact = 0;
        Xapian::doccount estimated = 0;
        try {
            if (config.trend) {
                std::optional<Xapian::Query> filters;
                if (!request.filters.empty()) filters = parse_query("", request.filters, analyzer).query;
                const TrendTable table = matcher.trend(parse, filters, *config.trend);
                for (const TrendRow& row : table.rows) {
                    put_tagged(out, request.id_json, number, "trend", format_trend_json_row(table.spec, row));
                }
                hits = table.rows.size();
                exact = static_cast<Xapian::doccount>(table.passages);
                estimated = exact;
            } else if (config.count) {
                exact = matcher.count(parse);
                estimated = exact;
            } else {
                ParsedQuery parsed;
                const MatchResult result = matcher.match(parse, request.match, parsed);
                estimated = result.estimated_total;
                hits = result.hits.size();
                for (const Hit& hit : result.hits) {
                    const auto asked = hit.question && !hit.question->matched.empty()
                                           ? find_highlights(hit.question->matched, parsed.asked_highlight, analyzer)
                                           : std::vector<Span>{};
                    put_tagged(out, request.id_json, number, "hit",
                            format_json_hit(hit, find_highlights(hit.paragraph.text, parsed.highlight, analyzer), asked,
                                            request.match.answers));
                }
            }
        } catch (const QueryError& e) {
            ++outcome.failed;
            put_error(out, request.id_json, number, e.what());
            out.flush();
            continue;
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        const bool counted = config.count || config.trend;
        put_summary(out, request.id_json, number, hits, counted ? &exact : nullptr, estimated, ms,
                    !matcher.missing_parts().empty());
        out.flush();
        if ((hits > 0 && !config.trend) || exact > 0) ++outcome.matched;
    }
    outcome.missing_parts = matcher.missing_parts();
    return outcome;
}

}  // namespace callsearch
