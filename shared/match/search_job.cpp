#include "match/search_job.h"

#include "analyze/text_analyzer.h"
#include "print/json_printer.h"
#include "print/text_printer.h"

namespace callsearch {

SearchOutcome run_search(const SearchConfig& config, std::ostream& out) {
    analyze::TextAnalyzer analyzer;
    ThesaurusSource thesaurus(config.thesaurus);
    const QueryOptions options{config.synonyms, [&]() -> const Thesaurus& { return thesaurus.get(); }};
    // Parse before opening the index: a bad query is reported as such even
    // when there is no index yet. Then again with the index's stems at hand.
    (void)parse_query(config.query, config.filters, analyzer, options);
    Matcher matcher(config.db_dir);
    analyzer.set_stem_expander(matcher.stem_expander());
    const auto parse = [&] { return parse_query(config.query, config.filters, analyzer, options); };

    SearchOutcome outcome;
    if (config.format == OutputFormat::Count) {
        outcome.matches = matcher.count(parse);
        out << outcome.matches << '\n';
        return outcome;
    }
    ParsedQuery parsed;
    const MatchResult result = matcher.match(parse, config.match, parsed);
    const TextStyle style{config.color};
    for (const Hit& hit : result.hits) {
        const auto spans = find_highlights(hit.paragraph.text, parsed.highlight, analyzer);
        if (config.format == OutputFormat::Json) {
            out << format_json_hit(hit, spans) << '\n';
        } else {
            const auto translation_spans = hit.paragraph.translation
                                               ? find_highlights(*hit.paragraph.translation, parsed.highlight, analyzer)
                                               : std::vector<Span>{};
            out << format_text_hit(hit, spans, translation_spans, style);
        }
    }
    out.flush();
    outcome.matches = static_cast<Xapian::doccount>(result.hits.size());
    return outcome;
}

}  // namespace callsearch
