#include "search/search_job.h"

#include "analyze/text_analyzer.h"
#include "print/json_printer.h"
#include "print/text_printer.h"

namespace callsearch {

namespace {

// Parse before opening the index: a bad query is reported as such even when
// there is no index yet. Then again with the index's stems at hand.
void check_query(const SearchConfig& config, analyze::TextAnalyzer& analyzer) {
    analyzer.set_exact_form_weight(config.match.ranking.exact_form_weight);
    (void)parse_query(config.query, config.filters, analyzer);
}

}  // namespace

SearchHits find_hits(const SearchConfig& config, analyze::TextAnalyzer& analyzer) {
    check_query(config, analyzer);
    Matcher matcher(config.db_dir);
    analyzer.set_stem_expander(matcher.stem_expander());
    const auto parse = [&] { return parse_query(config.query, config.filters, analyzer); };
    SearchHits found;
    found.result = matcher.match(parse, config.match, found.parsed);
    return found;
}

SearchOutcome run_search(const SearchConfig& config, std::ostream& out) {
    analyze::TextAnalyzer analyzer;
    SearchOutcome outcome;
    if (config.format == OutputFormat::Count) {
        check_query(config, analyzer);
        Matcher matcher(config.db_dir);
        analyzer.set_stem_expander(matcher.stem_expander());
        outcome.matches = matcher.count([&] { return parse_query(config.query, config.filters, analyzer); },
                                        config.match.per_call);
        out << outcome.matches << '\n';
        return outcome;
    }
    const SearchHits found = find_hits(config, analyzer);
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
    out.flush();
    outcome.matches = static_cast<Xapian::doccount>(found.result.hits.size());
    return outcome;
}

}  // namespace callsearch
