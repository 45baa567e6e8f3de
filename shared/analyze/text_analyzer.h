#pragma once
// Text analysis shared by indexing and querying, so that both sides cut text
// into the same terms at the same positions.
//
// Position scheme (one position space per paragraph):
//  - Runs of non-Han text go through Xapian::TermGenerator (no stemming):
//    unprefixed lower-cased words with positions. Stemmed matching goes
//    through the index's synonym table instead (analyze/stemmer.h).
//  - Every Han character, after Traditional->Simplified normalization, is an
//    unprefixed term at its own position (consecutive within a Han run).
//  - Between two Han characters separated by anything that is not a word
//    (space, punctuation) the position jumps by one extra, so a phrase of
//    characters matches exactly where the normalized text contains it as a
//    substring. A Latin word directly adjacent to Han text (or separated only by
//    white space) keeps consecutive positions, so mixed runs such as
//    "EngageLab產品" can be searched as one phrase.
//  - Punctuation between a Latin word and Han text ("財報，EngageLab") jumps
//    too; only white space keeps a Latin word and Han text adjacent.
//  - ICU dictionary words of each Han run (Simplified) are added as unprefixed
//    terms without positions: they only feed ranking.
//  - Normalization applies to the whole paragraph or query before it is cut
//    into runs: ICU's transform has phrase rules (計畫 -> 计划, but 畫 -> 画), so
//    the index holds exactly the terms of to_simplified(text).
//
// A query is analyzed by this same code into a scratch document and its terms
// read back, so the two sides cannot drift apart. For a Han query the phrase
// window spans any jump inside the query itself ("財報，電話"), which then also
// matches "財報電話": the exact-substring guarantee is for queries without
// punctuation between Han characters.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace callsearch::analyze {

// What a query asks to see highlighted in a hit's text.
struct HighlightTerms {
    std::vector<std::string> stems;        // English stems: any word stemming to one of these
    std::vector<std::string> exact_words;  // lower-cased English words matched as written
    std::vector<std::string> han_strings;  // Simplified Han (or mixed) strings, matched as substrings
    // English phrases of two words or more (lower-cased, in order): highlighted
    // only where the words stand together, as one span.
    std::vector<std::vector<std::string>> phrases;
};

// The words of the index filed under an English stem (analyze/stemmer.h).
using StemExpander = std::function<std::vector<std::string>(const std::string& stem)>;

// A bare word matches every form of its stem as one term; the form as typed,
// when the index holds it and other forms too, adds this fraction of its own
// BM25 weight on top. Measured on the known-item benchmark (README.md,
// "Ranking"): MRR 0.82 without, 0.90 with 1.0; larger weights gain little more.
inline constexpr double kExactFormWeight = 1.0;

// Not thread-safe (ICU break iterator and transliterator state): use one per thread.
class TextAnalyzer {
public:
    TextAnalyzer();  // throws std::runtime_error if ICU data is unavailable
    ~TextAnalyzer();
    TextAnalyzer(const TextAnalyzer&) = delete;
    TextAnalyzer& operator=(const TextAnalyzer&) = delete;
    TextAnalyzer(TextAnalyzer&&) noexcept;
    TextAnalyzer& operator=(TextAnalyzer&&) noexcept;

    // Adds the free-text terms of one paragraph to doc (positions start at 2).
    void index_text(Xapian::Document& doc, std::string_view text);

    // Where bare words find the forms of their stem. Until one is set, a bare
    // word becomes the placeholder term "Z" + stem, which matches nothing in
    // an index: enough to check a query's syntax before an index is open.
    void set_stem_expander(StemExpander expander);

    // Weight of the form as typed beside its stem's other forms (0 = none);
    // kExactFormWeight unless set, which only the benchmark's comparisons do.
    void set_exact_form_weight(double weight);

    // One bare query token as the user typed it ("repurchases", "订阅服务",
    // "EngageLab產品", "non-GAAP"). English words match by stem (through the
    // expander, as one OP_SYNONYM term); a token that
    // splits into several words or contains Han text becomes a phrase.
    // Returns an empty Xapian::Query if the token holds no searchable text.
    // Appends what should be highlighted to `highlight`.
    [[nodiscard]] Xapian::Query word_query(std::string_view token, HighlightTerms& highlight);

    // The text of a "quoted phrase": exact (unstemmed) words in order; Han
    // characters as exact substrings. A quoted single word is exact too.
    [[nodiscard]] Xapian::Query phrase_query(std::string_view text, HighlightTerms& highlight);

    // Traditional -> Simplified Chinese (other text unchanged).
    [[nodiscard]] std::string to_simplified(std::string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace callsearch::analyze
