#include "search/search_job.h"

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "print/json_printer.h"
#include "print/text_printer.h"
#include "query/thesaurus.h"

namespace callsearch {

namespace {

// The thesaurus is read only when a query needs it (~word, --synonyms).
struct QueryContext {
    explicit QueryContext(const SearchConfig& config)
        : thesaurus(config.thesaurus),
          options{config.synonyms, [this]() -> const Thesaurus& { return thesaurus.get(); }} {}
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
        return spelling_suggestions(matcher.parts(), config.query, config.filters);
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

}  // namespace

SearchHits find_hits(const SearchConfig& config, analyze::TextAnalyzer& analyzer) {
    const QueryContext context(config);
    check_query(config, analyzer, context.options);
    Matcher matcher(index_access(config.db_dir, config.index));
    return find_hits_with(config, analyzer, context.options, matcher);
}

SearchOutcome run_search(const SearchConfig& config, std::ostream& out) {
    analyze::TextAnalyzer analyzer;
    const QueryContext context(config);
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
    const TextStyle style{config.color, config.width, config.full};
    for (const Hit& hit : found.result.hits) {
        const auto spans = find_highlights(hit.paragraph.text, found.parsed.highlight, analyzer);
        if (config.format == OutputFormat::Json) {
            out << format_json_hit(hit, spans) << '\n';
        } else {
            const auto translation_spans =
                hit.paragraph.translation ? find_highlights(*hit.paragraph.translation, found.parsed.highlight, analyzer)
                                          : std::vector<Span>{};
            out << format_text_hit(hit, spans, translation_spans, style);
        }
    }
    outcome.matches = static_cast<Xapian::doccount>(found.result.hits.size());
    if (outcome.matches == 0 && config.match.offset == 0) {
        outcome.suggestions = suggestions_for(config, matcher);
        if (config.format == OutputFormat::Json) {
            for (const Suggestion& s : outcome.suggestions) {
                out << nlohmann::ordered_json{{"type", "suggestion"}, {"field", s.field}, {"word", s.word},
                                              {"suggestions", s.nearest}}
                           .dump()
                    << '\n';
            }
        }
    }
    outcome.missing_parts = matcher.missing_parts();
    if (config.format == OutputFormat::Json) put_partial(outcome.missing_parts, out);
    out.flush();
    return outcome;
}

}  // namespace callsearch
