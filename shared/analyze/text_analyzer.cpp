#include "analyze/text_analyzer.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "analyze/chinese_normalizer.h"
#include "analyze/chinese_segmenter.h"
#include "analyze/script.h"
#include "analyze/sentence_splitter.h"
#include "analyze/stemmer.h"
#include "schema/index_schema.h"

namespace callsearch::analyze {

namespace {

// Xapian rejects terms over 245 bytes; ICU words never get near this, but a
// pathological run without dictionary breaks must not abort indexing.
constexpr std::size_t kMaxTermBytes = 200;

// A positional term as the index side would write it.
struct PositionedTerm {
    Xapian::termpos pos = 0;
    std::string term;
};

// Whether the text before the first word of a non-Han run (or after its last
// word) holds punctuation rather than only white space. Such punctuation next to
// Han text makes the position jump, so that "財報，EngageLab" is not the
// phrase "財報EngageLab".
bool leading_punctuation(std::string_view run) {
    for (std::size_t pos = 0; pos < run.size();) {
        const CodePoint cp = decode_utf8(run, pos);
        if (!is_space(cp.value)) return !is_word_char(cp.value);
        pos += cp.size;
    }
    return false;
}

bool trailing_punctuation(std::string_view run) {
    // Walk forwards (UTF-8 cannot safely be decoded backwards when malformed),
    // remembering the last non-space character.
    bool last_is_punct = false;
    for (std::size_t pos = 0; pos < run.size();) {
        const CodePoint cp = decode_utf8(run, pos);
        if (!is_space(cp.value)) last_is_punct = !is_word_char(cp.value);
        pos += cp.size;
    }
    return last_is_punct;
}

// Pieces of a query to highlight: maximal stretches of Han and word characters
// (apostrophes kept inside words), so "財報，電話" highlights 财报 and 电话 even
// where the text has other punctuation between them.
std::vector<std::string> highlight_pieces(std::string_view text) {
    std::vector<std::string> pieces;
    std::string current;
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_utf8(text, pos);
        const bool keep = is_han(cp.value) || is_word_char(cp.value) ||
                          ((cp.value == U'\'' || cp.value == U'\u2019') && !current.empty());
        if (keep) {
            append_utf8(current, cp.value);
        } else if (!current.empty()) {
            pieces.push_back(std::move(current));
            current.clear();
        }
        pos += cp.size;
    }
    if (!current.empty()) pieces.push_back(std::move(current));
    return pieces;
}

// A quoted single word is highlighted wherever it stands; words of a phrase only together.
void add_phrase(const std::vector<PositionedTerm>& positioned, HighlightTerms& highlight) {
    if (positioned.size() == 1) {
        highlight.exact_words.push_back(positioned.front().term);
        return;
    }
    std::vector<std::string> words;
    for (const PositionedTerm& t : positioned) words.push_back(t.term);
    highlight.phrases.push_back(std::move(words));
}

}  // namespace

struct TextAnalyzer::Impl {
    // Built on first use: loading ICU's word dictionary costs more than a
    // whole English-only search, and most searches never need it.
    std::optional<ChineseSegmenter> segmenter_;
    Xapian::TermGenerator generator;
    Stemmer stemmer;
    StemExpander expander;
    double exact_form_weight = kExactFormWeight;

    ChineseSegmenter& segmenter() {
        if (!segmenter_) segmenter_.emplace();
        return *segmenter_;
    }

    // Words only, as written: stems live in the synonym table (analyze/stemmer.h),
    // which halves the postings a paragraph costs to index.
    Impl() { generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE); }

    std::string simplified(std::string_view text) {
        // Most paragraphs are English: skip the conversion for them.
        return contains_han(text) ? analyze::to_simplified(text) : std::string(text);
    }

    // Writes the terms of already-normalized text into doc, positions from 2.
    // Both index_text and the query builders go through here, which is what
    // keeps the two sides identical.
    void add_terms(Xapian::Document& doc, std::string_view text) {
        generator.set_document(doc);
        // Not from 1: Xapian 1.4 matches a phrase "a b" in a document where b
        // stands at position 1 and a is a term without positions, as the words
        // a passage holds from the rest of its paragraph are
        // (schema/index_schema.h). From 2 it never does (checked for every
        // phrase of 2..4 such terms).
        Xapian::termpos pos = 1;
        bool first = true;
        for (const std::string_view sentence : split_sentences(text)) {
            // Sentences are kSentenceGap positions apart, so that a window of
            // kSentenceGap positions never spans two of them (SENTENCE(...)).
            if (!first) pos += schema::kSentenceGap;
            first = false;
            add_sentence_terms(doc, sentence, pos);
        }
        generator.set_document(Xapian::Document());  // don't keep the caller's document alive
    }

    void add_sentence_terms(Xapian::Document& doc, std::string_view text, Xapian::termpos& pos) {
        const std::vector<ScriptRun> runs = split_han_runs(text);
        bool jump_before_han = false;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const std::string_view run = text.substr(runs[i].begin, runs[i].end - runs[i].begin);
            if (runs[i].han) {
                if (jump_before_han) ++pos;
                jump_before_han = false;
                add_han_run(doc, run, pos);
                continue;
            }
            // Runs alternate, so the neighbours of a non-Han run are Han if present.
            const bool han_before = i > 0;
            const bool han_after = i + 1 < runs.size();
            const Xapian::termpos start = pos + ((han_before && leading_punctuation(run)) ? 1 : 0);
            generator.set_termpos(start);
            generator.index_text(std::string(run));
            const Xapian::termpos end = generator.get_termpos();
            if (end == start) {
                // No word at all between two Han characters: still not adjacent.
                jump_before_han = han_before && han_after;
            } else {
                pos = end;
                jump_before_han = han_after && trailing_punctuation(run);
            }
        }
    }

    void add_han_run(Xapian::Document& doc, std::string_view run, Xapian::termpos& pos) {
        for (std::size_t at = 0; at < run.size();) {
            const CodePoint cp = decode_utf8(run, at);
            doc.add_posting(std::string(run.substr(at, cp.size)), ++pos);
            at += cp.size;
        }
        for (std::string& word : segmenter().segment(run)) {
            if (decode_utf8(word, 0).size < word.size() && word.size() <= kMaxTermBytes) {
                doc.add_term(word);  // multi-character words only; single ones are already there
            }
        }
    }

    // Analyzes normalized query text exactly as the index side would, then
    // reads the terms back.
    struct Analysis {
        std::vector<PositionedTerm> positioned;  // by position
        std::vector<std::string> words;          // ICU words (no positions)
    };

    Analysis analyze(std::string_view normalized) {
        Xapian::Document scratch;
        add_terms(scratch, normalized);
        Analysis out;
        for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
            const std::string term = *it;
            bool positioned = false;
            for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
                out.positioned.push_back({*p, term});
                positioned = true;
            }
            if (!positioned) out.words.push_back(term);
        }
        std::sort(out.positioned.begin(), out.positioned.end(),
                  [](const PositionedTerm& a, const PositionedTerm& b) { return a.pos < b.pos; });
        return out;
    }

    // A phrase over the positional terms; the window spans any position jumps
    // the query itself contains (punctuation between Han characters).
    static Xapian::Query phrase_of(const std::vector<PositionedTerm>& positioned) {
        if (positioned.size() == 1) return Xapian::Query(positioned.front().term);
        std::vector<Xapian::Query> parts;
        parts.reserve(positioned.size());
        for (const PositionedTerm& t : positioned) parts.emplace_back(t.term);
        const Xapian::termcount window = positioned.back().pos - positioned.front().pos + 1;
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), window);
    }

    Xapian::Query han_query(std::string_view token, HighlightTerms& highlight) {
        const std::string normalized = analyze::to_simplified(token);
        const Analysis analysis = analyze(normalized);
        if (analysis.positioned.empty()) return Xapian::Query();
        Xapian::Query query = phrase_of(analysis.positioned);
        if (!analysis.words.empty()) {
            const Xapian::Query words(Xapian::Query::OP_OR, analysis.words.begin(),
                                      analysis.words.end());
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, words);
        }
        for (std::string& piece : highlight_pieces(normalized)) {
            if (contains_han(piece)) {
                highlight.han_strings.push_back(std::move(piece));
            } else {
                for (const PositionedTerm& t : analyze(piece).positioned) {
                    highlight.exact_words.push_back(t.term);
                }
            }
        }
        return query;
    }
};

TextAnalyzer::TextAnalyzer() : impl_(std::make_unique<Impl>()) {}
TextAnalyzer::~TextAnalyzer() = default;
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;

void TextAnalyzer::index_text(Xapian::Document& doc, std::string_view text) {
    // Normalize the whole paragraph at once: the transform has phrase rules, and
    // the index must hold exactly to_simplified(text).
    impl_->add_terms(doc, impl_->simplified(text));
}

Xapian::Query TextAnalyzer::word_query(std::string_view token, HighlightTerms& highlight) {
    if (contains_han(token)) return impl_->han_query(token, highlight);
    const Impl::Analysis analysis = impl_->analyze(token);
    if (analysis.positioned.empty()) return Xapian::Query();
    if (analysis.positioned.size() == 1) {
        const std::string& word = analysis.positioned.front().term;
        std::string stem = impl_->stemmer.stem_of(word);
        if (stem.empty()) {  // a number: it can only match as written
            highlight.exact_words.push_back(word);
            return Xapian::Query(word);
        }
        highlight.stems.push_back(stem);
        const std::vector<std::string> words = impl_->expander ? impl_->expander(stem) : std::vector<std::string>{};
        // The stem key itself is never an index term: a query that matches
        // nothing, yet not an empty one (which would read as "nothing searchable").
        if (words.empty()) return Xapian::Query(schema::stem_key(stem));
        // One term for ranking purposes, whichever of its forms a paragraph uses.
        Xapian::Query any_form(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
        const double exact = impl_->exact_form_weight;
        if (exact <= 0 || words.size() < 2 || std::find(words.begin(), words.end(), word) == words.end()) {
            return any_form;
        }
        // The form as typed scores again on top: matches no more paragraphs,
        // but ranks "tariffs" above "tariff" for a query of tariffs.
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, any_form, Xapian::Query(exact, Xapian::Query(word)));
    }
    add_phrase(analysis.positioned, highlight);
    return Impl::phrase_of(analysis.positioned);
}

Xapian::Query TextAnalyzer::phrase_query(std::string_view text, HighlightTerms& highlight) {
    if (contains_han(text)) return impl_->han_query(text, highlight);
    const Impl::Analysis analysis = impl_->analyze(text);
    if (analysis.positioned.empty()) return Xapian::Query();
    add_phrase(analysis.positioned, highlight);
    return Impl::phrase_of(analysis.positioned);
}

void TextAnalyzer::set_stem_expander(StemExpander expander) { impl_->expander = std::move(expander); }

void TextAnalyzer::set_exact_form_weight(double weight) { impl_->exact_form_weight = weight; }

std::string TextAnalyzer::to_simplified(std::string_view text) { return impl_->simplified(text); }

}  // namespace callsearch::analyze
