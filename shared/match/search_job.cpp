#include "match/search_job.h"

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "print/json_printer.h"
#include "print/text_printer.h"

namespace callsearch {

namespace {

// Nothing matched: what the user may have meant. Spelling is advice, so an
// index that cannot be read for it gives none rather than an error.
std::vector<Suggestion> suggestions_for(const SearchConfig& config) {
    try {
        return spelling_suggestions(Xapian::Database(config.db_dir.string()), config.query, config.filters);
    } catch (const Xapian::Error&) {
        return {};
    }
}

}  // namespace

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
        if (outcome.matches == 0) outcome.suggestions = suggestions_for(config);
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
    outcome.matches = static_cast<Xapian::doccount>(result.hits.size());
    if (outcome.matches == 0 && config.match.offset == 0) {
        outcome.suggestions = suggestions_for(config);
        if (config.format == OutputFormat::Json) {
            for (const Suggestion& s : outcome.suggestions) {
                out << nlohmann::ordered_json{{"type", "suggestion"}, {"field", s.field}, {"word", s.word},
                                      {"suggestions", s.nearest}}
                           .dump()
                    << '\n';
            }
        }
    }
    out.flush();
    return outcome;
}

}  // namespace callsearch
