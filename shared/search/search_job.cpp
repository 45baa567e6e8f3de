#include "search/search_job.h"

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "print/csv_printer.h"
#include "print/csv_writer.h"
#include "print/json_printer.h"
#include "print/trend_printer.h"
#include "print/text_printer.h"
#include "query/thesaurus.h"

namespace callsearch {

namespace {

// The thesaurus is read only when a query needs it (~word, --synonyms).
struct QueryContext {
    explicit QueryContext(const SearchConfig& config)
        : thesaurus(config.thesaurus),
          options{config.synonyms, [this]() -> const Thesaurus& { return thesaurus.get(); }, config.asked} {}
    ThesaurusSource thesaurus;
    QueryOptions options;
};

// Parse before opening the index: a bad query is reported as such even when
// there is no index yet. Then again with the index's stems at hand.
void check_query(const SearchConfig& config, analyze::TextAnalyzer& analyzer, const QueryOptions& options) {
    analyzer.set_exact_form_weight(config.match.ranking.exact_form_weight);
    (void)parse_query(config.query, config.filters, analyzer, options);
}

// Nothing matched: what the user may have meant. Spelling is advice, so an
// index that cannot be read for it gives none rather than an error.
std::vector<Suggestion> suggestions_for(const SearchConfig& config, const Matcher& matcher) {
    try {
        return spelling_suggestions(matcher.parts(), config.query, config.filters, config.asked.value_or(""));
    } catch (const Xapian::Error&) {
        return {};
    }
}

void put_partial(const std::vector<std::string>& missing, std::ostream& out) {
    if (missing.empty()) return;
    out << nlohmann::ordered_json{{"type", "partial"}, {"partial", true}, {"missing", missing}}.dump(
               -1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
}

SearchHits find_hits_with(const SearchConfig& config, analyze::TextAnalyzer& analyzer, const QueryOptions& options,
                          Matcher& matcher) {
    analyzer.set_stem_expander(matcher.stem_expander());
    const auto parse = [&] { return parse_query(config.query, config.filters, analyzer, options); };
    SearchHits found;
    found.result = matcher.match(parse, config.match, found.parsed);
    return found;
}

void put_json_suggestions(std::ostream& out, const std::vector<Suggestion>& suggestions) {
    for (const Suggestion& s : suggestions) {
        out << nlohmann::ordered_json{{"type", "suggestion"}, {"field", s.field}, {"word", s.word},
                                      {"suggestions", s.nearest}}
                   .dump()
            << '\n';
    }
}

// The command-line filters alone: they decide the calls a trend bucket holds.
std::optional<Xapian::Query> filters_alone(const std::vector<FilterSpec>& filters, analyze::TextAnalyzer& analyzer) {
    if (filters.empty()) return std::nullopt;
    return parse_query("", filters, analyzer).query;
}

SearchOutcome run_trend(const SearchConfig& config, std::ostream& out, analyze::TextAnalyzer& analyzer,
                        const QueryOptions& options) {
    check_query(config, analyzer, options);
    Matcher matcher(index_access(config.db_dir, config.index));
    analyzer.set_stem_expander(matcher.stem_expander());
    const TrendTable table = matcher.trend([&] { return parse_query(config.query, config.filters, analyzer, options); },
                                           filters_alone(config.filters, analyzer), *config.trend);
    if (config.format == OutputFormat::Json) {
        for (const TrendRow& row : table.rows) out << format_trend_json_row(table.spec, row) << '\n';
    } else if (config.format == OutputFormat::Csv) {
        const auto columns = trend_columns(table.spec);
        out << csv_row(columns);
        for (const TrendRow& row : table.rows) {
            out << csv_row(csv_cells(nlohmann::json::parse(format_trend_json_row(table.spec, row)), columns));
        }
    } else {
        out << format_trend_chart(table, config.query, config.chart_width);
    }
    SearchOutcome outcome;
    outcome.matches = static_cast<Xapian::doccount>(table.passages);
    if (outcome.matches == 0) {
        outcome.suggestions = suggestions_for(config, matcher);
        if (config.format == OutputFormat::Json) put_json_suggestions(out, outcome.suggestions);
    }
    out.flush();
    return outcome;
}

}  // namespace

SearchHits find_hits(const SearchConfig& config, analyze::TextAnalyzer& analyzer) {
    const QueryContext context(config);
    check_query(config, analyzer, context.options);
    Matcher matcher(index_access(config.db_dir, config.index));
    return find_hits_with(config, analyzer, context.options, matcher);
}

std::string format_hit(const Hit& hit, const analyze::HighlightTerms& highlight, analyze::TextAnalyzer& analyzer,
                       OutputFormat format, const TextStyle& style, const analyze::HighlightTerms* asked_highlight,
                       bool answers, bool question_as_above, bool per_call) {
    const auto spans = find_highlights(hit.paragraph.text, highlight, analyzer);
    if (format == OutputFormat::Csv) return format_csv_hit(hit, spans, per_call);
    const auto question_spans = asked_highlight && hit.question && !hit.question->matched.empty()
                                    ? find_highlights(hit.question->matched, *asked_highlight, analyzer)
                                    : std::vector<Span>{};
    if (format == OutputFormat::Json) return format_json_hit(hit, spans, question_spans, answers) + '\n';
    const auto translation_spans =
        hit.paragraph.translation ? find_highlights(*hit.paragraph.translation, highlight, analyzer) : std::vector<Span>{};
    return format_text_hit(hit, spans, translation_spans, style, question_spans, question_as_above);
}

SearchOutcome run_search(const SearchConfig& config, std::ostream& out) {
    analyze::TextAnalyzer analyzer;
    const QueryContext context(config);
    if (config.trend) return run_trend(config, out, analyzer, context.options);
    SearchOutcome outcome;
    check_query(config, analyzer, context.options);
    Matcher matcher(index_access(config.db_dir, config.index));
    if (config.format == OutputFormat::Count) {
        analyzer.set_stem_expander(matcher.stem_expander());
        outcome.matches = matcher.count(
            [&] { return parse_query(config.query, config.filters, analyzer, context.options); }, config.match.per_call);
        out << outcome.matches << '\n';
        if (outcome.matches == 0) outcome.suggestions = suggestions_for(config, matcher);
        outcome.missing_parts = matcher.missing_parts();
        return outcome;
    }
    const SearchHits found = find_hits_with(config, analyzer, context.options, matcher);
    const TextStyle style{config.color, config.width, config.full, config.match.answers};
    if (config.format == OutputFormat::Csv) out << csv_row(csv_hit_columns(config.match.per_call));
    const Hit* previous = nullptr;
    for (const Hit& hit : found.result.hits) {
        // Answers to one question often follow each other (asked: ranks them so).
        const bool as_above = config.format == OutputFormat::Text && previous && hit.question && previous->question &&
                              previous->paragraph.file == hit.paragraph.file &&
                              previous->paragraph.call == hit.paragraph.call &&
                              previous->question->turn == hit.question->turn;
        out << format_hit(hit, found.parsed.highlight, analyzer, config.format, style, &found.parsed.asked_highlight,
                          config.match.answers, as_above, config.match.per_call);
        previous = &hit;
    }
    outcome.matches = static_cast<Xapian::doccount>(found.result.hits.size());
    if (outcome.matches == 0 && config.match.offset == 0) {
        outcome.suggestions = suggestions_for(config, matcher);
        if (config.format == OutputFormat::Json) put_json_suggestions(out, outcome.suggestions);
    }
    outcome.missing_parts = matcher.missing_parts();
    if (config.format == OutputFormat::Json) put_partial(outcome.missing_parts, out);
    out.flush();
    return outcome;
}

}  // namespace callsearch
