#include "query/query_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>

#include "schema/index_schema.h"

namespace callsearch {

namespace {

enum class TokenKind { Word, Phrase, Filter, LParen, RParen, And, Or, Not, Minus, Near, Sentence, Tilde, Asked };

struct Token {
    TokenKind kind;
    std::string text;            // word or phrase text, filter value; Asked: its words as query text
    Field field = Field::Speaker;  // for Filter
    unsigned distance = 0;         // for Near: the n of NEAR/n, ADJ/n
    bool ordered = false;          // for Near: ADJ
    bool synonym = false;          // for Word and Phrase: ~ before it
};

// The largest n of NEAR/n and ADJ/n: a window must stay within a sentence's
// share of positions (schema::kSentenceGap).
constexpr unsigned kMaxDistance = schema::kSentenceGap - 1;

// "NEAR", "NEAR/5", "ADJ/2" -> a Near token; nullopt for any other word.
// Throws QueryError for a malformed distance ("NEAR/0", "NEAR/x").
std::optional<Token> proximity_token(const std::string& word, std::string_view whole) {
    const std::size_t slash = word.find('/');
    const std::string op = word.substr(0, slash);
    if (op != "NEAR" && op != "ADJ") return std::nullopt;
    Token token{TokenKind::Near, {}};
    token.ordered = op == "ADJ";
    token.distance = token.ordered ? 1 : 10;
    if (slash == std::string::npos) return token;
    const std::string digits = word.substr(slash + 1);
    unsigned n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || n < 1 || n > kMaxDistance) {
        throw QueryError("invalid distance in '" + word + "': expected " + op + "/n with n from 1 to " +
                         std::to_string(kMaxDistance) + " in query '" + std::string(whole) + "'");
    }
    token.distance = n;
    return token;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// "asked" in any case: the field of asked:WORDS, which is no filter.
bool is_asked_field(std::string_view name) {
    if (name.size() != 5) return false;
    for (std::size_t i = 0; i < 5; ++i) {
        if (std::tolower(static_cast<unsigned char>(name[i])) != "asked"[i]) return false;
    }
    return true;
}

// Reads a "quoted" run starting at s[i] == '"'; i ends past the closing quote.
std::string read_quoted(std::string_view s, std::size_t& i, std::string_view whole) {
    const std::size_t close = s.find('"', i + 1);
    if (close == std::string_view::npos) {
        throw QueryError("unterminated quote in query '" + std::string(whole) + "'");
    }
    std::string inner(s.substr(i + 1, close - i - 1));
    i = close + 1;
    return inner;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    bool at_token_start = true;  // after white space, '(' or the start
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            at_token_start = true;
            continue;
        }
        if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? TokenKind::LParen : TokenKind::RParen, {}});
            ++i;
            at_token_start = c == '(';
            continue;
        }
        if (at_token_start && c == '-' && i + 1 < s.size() && !is_space(s[i + 1]) && s[i + 1] != '-') {
            tokens.push_back({TokenKind::Minus, {}});
            ++i;
            continue;
        }
        if (at_token_start && c == '~' && i + 1 < s.size() && !is_space(s[i + 1])) {
            tokens.push_back({TokenKind::Tilde, {}});
            ++i;
            continue;
        }
        if (at_token_start && c == '+' && i + 1 < s.size() && !is_space(s[i + 1])) {
            ++i;  // "+word": required, which every word already is
            continue;
        }
        at_token_start = false;
        if (c == '"') {
            tokens.push_back({TokenKind::Phrase, read_quoted(s, i, s)});
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && !is_space(s[end]) && s[end] != '(' && s[end] != ')' && s[end] != '"') ++end;
        std::string word(s.substr(i, end - i));
        const std::size_t colon = word.find(':');
        if (colon == 5 && is_asked_field(std::string_view(word).substr(0, colon))) {
            // asked:word, asked:~word, asked:"a phrase": the value is query text.
            std::string value = word.substr(colon + 1);
            i = end;
            if (value.empty() && i < s.size() && s[i] == '"') value = '"' + read_quoted(s, i, s) + '"';
            if (value.empty() || value == "\"\"") {
                throw QueryError("missing words after 'asked:' in query '" + std::string(s) + "'");
            }
            tokens.push_back({TokenKind::Asked, std::move(value)});
            continue;
        }
        if (colon != std::string::npos && colon > 0) {
            if (const auto field = field_from_name(std::string_view(word).substr(0, colon))) {
                std::string value = word.substr(colon + 1);
                i = end;
                if (value.empty() && i < s.size() && s[i] == '"') value = read_quoted(s, i, s);
                if (value.empty()) {
                    throw QueryError(std::string("missing value after '") + field_name(*field) + ":' in query '" +
                                     std::string(s) + "'");
                }
                tokens.push_back({TokenKind::Filter, std::move(value), *field});
                continue;
            }
        }
        i = end;
        if (word == "SENTENCE" && i < s.size() && s[i] == '(') {
            tokens.push_back({TokenKind::Sentence, {}});
            ++i;
            at_token_start = true;
            continue;
        }
        if (auto near = proximity_token(word, s)) {
            tokens.push_back(std::move(*near));
        } else if (word == "AND") {
            tokens.push_back({TokenKind::And, {}});
        } else if (word == "OR") {
            tokens.push_back({TokenKind::Or, {}});
        } else if (word == "NOT") {
            tokens.push_back({TokenKind::Not, {}});
        } else {
            tokens.push_back({TokenKind::Word, std::move(word)});
        }
    }
    // "~" marks the word or phrase after it.
    std::vector<Token> merged;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (tokens[t].kind != TokenKind::Tilde) {
            merged.push_back(std::move(tokens[t]));
            continue;
        }
        if (t + 1 >= tokens.size() || (tokens[t + 1].kind != TokenKind::Word && tokens[t + 1].kind != TokenKind::Phrase)) {
            throw QueryError("'~' goes right before a word or a \"phrase\" in query '" + std::string(s) + "'");
        }
        tokens[t + 1].synonym = true;
    }
    return merged;
}

// A parsed piece of the query. Boolean pieces (filters, pure negations) carry
// no weight, so they restrict results without changing the ranking.
struct Node {
    Xapian::Query query;
    bool boolean = false;
    bool negated = false;
};

Xapian::Query weightless(const Xapian::Query& q) { return Xapian::Query(0.0, q); }

// A word or phrase as an operand of NEAR, ADJ or SENTENCE. Xapian's OP_NEAR and
// OP_PHRASE take only terms or ORs of terms, so a stemmed word becomes the OR
// of its forms, and a phrase its words in order (its own query is then also
// required, so its words are still adjacent). An operand with phrases among
// its alternatives (a thesaurus group) is one form per phrase, and the
// proximity query the OR over every combination of forms.
struct ProximityForm {
    std::vector<Xapian::Query> leaves;  // each a term or an OR of terms, in order
    Xapian::termcount span = 1;         // positions the form covers
    std::optional<Xapian::Query> phrase;
};
using ProximityOperand = std::vector<ProximityForm>;  // alternatives

bool is_term(const Xapian::Query& q) { return q.get_type() == Xapian::Query::LEAF_TERM; }

bool is_alternatives(const Xapian::Query& q) {
    return q.get_type() == Xapian::Query::OP_OR || q.get_type() == Xapian::Query::OP_SYNONYM;
}

// Appends the forms of q; false if q is not made of terms, phrases and ORs.
bool collect_forms(const Xapian::Query& q, std::vector<Xapian::Query>& terms, ProximityOperand& phrases) {
    if (is_term(q)) {
        terms.push_back(q);
        return true;
    }
    if (is_alternatives(q)) {
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            if (!collect_forms(q.get_subquery(i), terms, phrases)) return false;
        }
        return true;
    }
    // A bare word is its forms AND_MAYBE the form as typed (a ranking bonus,
    // analyze/text_analyzer.h): in a proximity only its forms count.
    if (q.get_type() == Xapian::Query::OP_AND_MAYBE && q.get_num_subqueries() == 2 &&
        q.get_subquery(0).get_type() != Xapian::Query::OP_PHRASE) {
        return collect_forms(q.get_subquery(0), terms, phrases);
    }
    // A Han query is its phrase AND_MAYBE its dictionary words.
    const Xapian::Query phrase =
        q.get_type() == Xapian::Query::OP_AND_MAYBE && q.get_num_subqueries() > 0 ? q.get_subquery(0) : q;
    if (phrase.get_type() != Xapian::Query::OP_PHRASE) return false;
    ProximityForm form;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        if (!is_term(phrase.get_subquery(i))) return false;
        form.leaves.push_back(phrase.get_subquery(i));
    }
    form.span = static_cast<Xapian::termcount>(form.leaves.size());
    // Han phrases may span a position jump or two (punctuation in the query).
    for (const Xapian::Query& leaf : form.leaves) {
        const std::string term = *leaf.get_terms_begin();
        if (!term.empty() && static_cast<unsigned char>(term[0]) >= 0x80) {
            form.span += 2;
            break;
        }
    }
    form.phrase = q;
    phrases.push_back(std::move(form));
    return true;
}

std::optional<ProximityOperand> proximity_operand(const Xapian::Query& q) {
    std::vector<Xapian::Query> terms;
    ProximityOperand forms;
    if (!collect_forms(q, terms, forms)) return std::nullopt;
    if (!terms.empty()) {
        ProximityForm words;
        words.leaves.push_back(terms.size() == 1 ? terms[0]
                                                 : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
        forms.insert(forms.begin(), std::move(words));
    }
    return forms;
}

class Parser {
public:
    // `asked`: where asked: parts go (their words highlight in `asked_highlight`);
    // null while parsing asked: words themselves, which hold no filters.
    Parser(std::string_view text, analyze::TextAnalyzer& analyzer, analyze::HighlightTerms& highlight,
           const QueryOptions& options, std::vector<Xapian::Query>* asked = nullptr,
           analyze::HighlightTerms* asked_highlight = nullptr)
        : text_(text), tokens_(tokenize(text)), analyzer_(analyzer), highlight_(highlight), options_(options),
          asked_(asked), asked_highlight_(asked_highlight) {}

    // The words of asked: or --asked, as a query over question passages.
    static Xapian::Query parse_asked(std::string_view text, analyze::TextAnalyzer& analyzer,
                                     analyze::HighlightTerms& highlight, const QueryOptions& options) {
        Parser sub(text, analyzer, highlight, options);
        auto node = sub.parse();
        if (!node) throw QueryError("nothing searchable in the asked words '" + std::string(text) + "'");
        auto combined = combine_and({std::move(*node)});
        return combined->boolean ? weightless(combined->query) : combined->query;
    }

    // nullopt: nothing searchable in the text (empty, or only punctuation).
    std::optional<Node> parse() {
        auto node = parse_or();
        if (pos_ < tokens_.size()) {
            throw error(tokens_[pos_].kind == TokenKind::RParen ? "unbalanced ')'" : "unexpected operator");
        }
        return node;
    }

private:
    QueryError error(std::string_view what) const {
        return QueryError(std::string(what) + " in query '" + std::string(text_) + "'");
    }

    bool at(TokenKind kind) const { return pos_ < tokens_.size() && tokens_[pos_].kind == kind; }

    bool starts_operand() const {
        if (pos_ >= tokens_.size()) return false;
        const TokenKind k = tokens_[pos_].kind;
        return k != TokenKind::RParen && k != TokenKind::Or && k != TokenKind::And;
    }

    std::optional<Node> parse_or() {
        if (at(TokenKind::Or)) throw error("OR needs something on both sides");
        std::vector<Node> items;
        const std::size_t asked_before = asked_ ? asked_->size() : 0;
        if (auto first = parse_and()) items.push_back(std::move(*first));
        while (at(TokenKind::Or)) {
            ++pos_;
            if (!starts_operand()) throw error("OR needs something on both sides");
            if (auto next = parse_and()) items.push_back(std::move(*next));
            if (asked_ && asked_->size() != asked_before) throw asked_misplaced();
        }
        if (items.empty()) return std::nullopt;
        if (items.size() == 1) return std::move(items[0]);
        std::vector<Xapian::Query> parts;
        bool all_boolean = true;
        for (Node& n : items) {
            if (n.negated) n = Node{Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, n.query), true};
            all_boolean = all_boolean && n.boolean;
            parts.push_back(n.boolean ? weightless(n.query) : n.query);
        }
        return Node{Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), all_boolean};
    }

    std::optional<Node> parse_and() {
        if (at(TokenKind::And)) throw error("AND needs something on both sides");
        std::vector<Node> items;
        while (starts_operand()) {
            auto n = parse_unary();
            if (at(TokenKind::Near)) n = parse_proximity_chain(std::move(n));
            if (n) items.push_back(std::move(*n));
            if (at(TokenKind::And)) {
                ++pos_;
                if (!starts_operand()) throw error("AND needs something on both sides");
            }
        }
        return combine_and(std::move(items));
    }

    ProximityOperand operand_of(const std::optional<Node>& node, std::string_view op) const {
        if (!node || node->boolean || node->negated) {
            throw error(std::string(op) + " needs a word or a phrase on both sides");
        }
        auto operand = proximity_operand(node->query);
        if (!operand) throw error(std::string(op) + " takes words, phrases and (a OR b) of them");
        return std::move(*operand);
    }

    // No query a person types comes near this; a product of large thesaurus
    // groups could.
    static constexpr std::size_t kMaxCombinations = 256;

    // The OR over every combination of the operands' forms of one window
    // query: `distance` words apart (NEAR/ADJ), or within a sentence (nullopt).
    Node proximity_node(const std::vector<ProximityOperand>& operands, Xapian::Query::op op,
                        std::optional<unsigned> distance) const {
        std::size_t combinations = 1;
        for (const ProximityOperand& o : operands) {
            combinations *= o.size();
            if (combinations > kMaxCombinations) throw error("too many synonyms and phrases in one NEAR, ADJ or SENTENCE");
        }
        std::vector<Xapian::Query> alternatives;
        std::vector<std::size_t> pick(operands.size(), 0);
        for (std::size_t c = 0; c < combinations; ++c) {
            std::vector<Xapian::Query> leaves;
            std::vector<Xapian::Query> phrases;
            // Words n apart are n + 1 positions wide; a phrase widens the
            // window by its extra words.
            Xapian::termcount window = distance ? *distance + 1 : schema::kSentenceGap;
            for (std::size_t i = 0; i < operands.size(); ++i) {
                const ProximityForm& form = operands[i][pick[i]];
                leaves.insert(leaves.end(), form.leaves.begin(), form.leaves.end());
                if (form.phrase) phrases.push_back(*form.phrase);
                if (distance) window += form.span - 1;
            }
            Xapian::Query q(op, leaves.begin(), leaves.end(), window);
            for (const Xapian::Query& p : phrases) q = Xapian::Query(Xapian::Query::OP_AND, q, p);
            alternatives.push_back(std::move(q));
            for (std::size_t i = 0; i < pick.size() && ++pick[i] == operands[i].size(); ++i) pick[i] = 0;
        }
        if (alternatives.size() == 1) return Node{std::move(alternatives[0]), false};
        return Node{Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), false};
    }

    // a NEAR/n b [NEAR/m c ...]: one window over all operands. The chain must
    // use one operator; its distance is the largest n given.
    std::optional<Node> parse_proximity_chain(std::optional<Node> first) {
        const bool ordered = tokens_[pos_].ordered;
        const char* name = ordered ? "ADJ" : "NEAR";
        std::vector<ProximityOperand> operands;
        operands.push_back(operand_of(first, name));
        unsigned distance = 0;
        while (at(TokenKind::Near)) {
            if (tokens_[pos_].ordered != ordered) throw error("NEAR and ADJ cannot be chained together (use brackets)");
            distance = std::max(distance, tokens_[pos_].distance);
            ++pos_;
            if (!starts_operand() || at(TokenKind::Near)) throw error(std::string(name) + " needs a word or a phrase on both sides");
            operands.push_back(operand_of(parse_unary(), name));
        }
        return proximity_node(operands, ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, distance);
    }

    // SENTENCE(a "b c" d): words and phrases only, all in one sentence.
    std::optional<Node> parse_sentence() {
        std::vector<ProximityOperand> operands;
        std::optional<Node> last;
        while (!at(TokenKind::RParen)) {
            if (pos_ >= tokens_.size()) throw error("unclosed SENTENCE(");
            const Token& token = tokens_[pos_++];
            if (token.kind != TokenKind::Word && token.kind != TokenKind::Phrase) {
                throw error("SENTENCE( ) takes only words and \"phrases\"");
            }
            auto node = scored(text_query(token));
            if (node) {
                operands.push_back(operand_of(node, "SENTENCE"));
                last = std::move(node);
            }
        }
        ++pos_;
        if (operands.empty()) throw error("SENTENCE( ) needs words");
        if (operands.size() == 1) return last;
        return proximity_node(operands, Xapian::Query::OP_NEAR, std::nullopt);
    }

    // Deep nesting would exhaust the stack; no real query comes near this.
    static constexpr int kMaxDepth = 100;

    void enter() {
        if (++depth_ > kMaxDepth) throw error("too deeply nested (over 100 levels of brackets or negations)");
    }

    std::optional<Node> parse_unary() {
        enter();
        const auto result = parse_unary_inner();
        --depth_;
        return result;
    }

    std::optional<Node> parse_unary_inner() {
        if (at(TokenKind::Not) || at(TokenKind::Minus)) {
            const bool is_not = at(TokenKind::Not);
            ++pos_;
            if (!starts_operand()) throw error(is_not ? "NOT needs something after it" : "'-' needs something after it");
            auto inner = parse_unary();
            if (inner) inner->negated = !inner->negated;
            return inner;
        }
        return parse_primary();
    }

    std::optional<Node> parse_primary() {
        const Token& token = tokens_[pos_++];
        switch (token.kind) {
        case TokenKind::LParen: {
            auto inner = parse_or();
            if (!at(TokenKind::RParen)) throw error("missing ')'");
            ++pos_;
            return inner;
        }
        case TokenKind::Word:
        case TokenKind::Phrase:
            return scored(text_query(token));
        case TokenKind::Filter:
            if (!asked_) throw error("the asked words take no filters (give them to the query)");
            return Node{filter_query({token.field, token.text}), true};
        case TokenKind::Asked:
            // It restricts the whole query, so it stands only as one of its
            // top-level words (depth 1: no brackets, no negation).
            if (!asked_) throw error("asked: cannot hold asked:");
            if (depth_ != 1) throw asked_misplaced();
            asked_->push_back(parse_asked(token.text, analyzer_, *asked_highlight_, options_));
            return std::nullopt;
        case TokenKind::Sentence:
            return parse_sentence();
        case TokenKind::Near:
            throw error(std::string(token.ordered ? "ADJ" : "NEAR") + " needs a word or a phrase on both sides");
        default:
            throw error("unexpected operator");
        }
    }

    static std::optional<Node> scored(Xapian::Query q) {
        if (q.empty()) return std::nullopt;
        return Node{std::move(q), false};
    }

    QueryError asked_misplaced() const {
        return error("asked: restricts the whole query: it cannot go inside ( ), OR or NOT");
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    analyze::TextAnalyzer& analyzer_;
    analyze::HighlightTerms& highlight_;
    const QueryOptions& options_;
    std::vector<Xapian::Query>* asked_;
    analyze::HighlightTerms* asked_highlight_;

    // A word or phrase token, expanded through the thesaurus when asked: the
    // members as one OP_SYNONYM (so ranking sees one term), single words
    // stemmed, several words as a phrase.
    Xapian::Query text_query(const Token& token) {
        const bool is_word = token.kind == TokenKind::Word;
        const auto plain = [&](const std::string& text, bool word) {
            return word ? analyzer_.word_query(text, highlight_) : analyzer_.phrase_query(text, highlight_);
        };
        if (!token.synonym && !(is_word && options_.synonyms)) return plain(token.text, is_word);
        if (!options_.thesaurus) throw error("no thesaurus to expand '~" + token.text + "' with");
        const std::vector<std::string> members = options_.thesaurus().expand(token.text);
        std::vector<Xapian::Query> parts;
        Xapian::Query typed = plain(token.text, is_word);
        if (!typed.empty()) parts.push_back(std::move(typed));
        for (std::size_t m = 1; m < members.size(); ++m) {
            Xapian::Query q = plain(members[m], members[m].find(' ') == std::string::npos);
            if (!q.empty()) parts.push_back(std::move(q));
        }
        if (parts.size() <= 1) return parts.empty() ? Xapian::Query() : parts[0];
        return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
    }

public:
    // Conjunction of items: scored ones are ANDed, boolean ones filter them,
    // negated ones are subtracted.
    static std::optional<Node> combine_and(std::vector<Node> items) {
        std::vector<Xapian::Query> scored_parts, filter_parts, negated_parts;
        for (Node& n : items) {
            if (n.negated) {
                negated_parts.push_back(std::move(n.query));
            } else if (n.boolean) {
                filter_parts.push_back(std::move(n.query));
            } else {
                scored_parts.push_back(std::move(n.query));
            }
        }
        if (scored_parts.empty() && filter_parts.empty() && negated_parts.empty()) return std::nullopt;
        if (items.size() == 1 && !items[0].negated) return Node{items[0].boolean ? filter_parts[0] : scored_parts[0],
                                                                 items[0].boolean};
        Node out;
        const auto conj = [](const std::vector<Xapian::Query>& v) {
            return v.size() == 1 ? v[0] : Xapian::Query(Xapian::Query::OP_AND, v.begin(), v.end());
        };
        if (!scored_parts.empty()) {
            out.query = conj(scored_parts);
            if (!filter_parts.empty()) out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, conj(filter_parts));
        } else {
            out.boolean = true;
            out.query = filter_parts.empty() ? Xapian::Query::MatchAll : conj(filter_parts);
        }
        if (!negated_parts.empty()) {
            const Xapian::Query excluded = negated_parts.size() == 1
                                               ? negated_parts[0]
                                               : Xapian::Query(Xapian::Query::OP_OR, negated_parts.begin(),
                                                               negated_parts.end());
            out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, excluded);
        }
        return out;
    }
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const std::vector<FilterSpec>& filters,
                        analyze::TextAnalyzer& analyzer, const QueryOptions& options) {
    ParsedQuery parsed;
    std::vector<Xapian::Query> asked;
    if (options.asked) {
        if (options.asked->find_first_not_of(" \t") == std::string::npos) {
            throw QueryError("--asked needs words to find in the analyst's question");
        }
        asked.push_back(Parser::parse_asked(*options.asked, analyzer, parsed.asked_highlight, options));
    }
    Parser parser(text, analyzer, parsed.highlight, options, &asked, &parsed.asked_highlight);
    std::vector<Node> parts;
    if (auto node = parser.parse()) parts.push_back(std::move(*node));
    for (const FilterSpec& f : filters) parts.push_back(Node{filter_query(f), true});
    if (!asked.empty()) {
        parsed.asked = asked.size() == 1 ? asked[0] : Xapian::Query(Xapian::Query::OP_AND, asked.begin(), asked.end());
    }
    if (parts.empty()) {
        if (!parsed.asked) {
            throw QueryError(text.find_first_not_of(" \t") == std::string_view::npos
                                 ? std::string("empty query")
                                 : "nothing searchable in query '" + std::string(text) + "'");
        }
        parts.push_back(Node{Xapian::Query::MatchAll, true});  // the answers themselves
    }
    auto combined = Parser::combine_and(std::move(parts));
    parsed.has_text = !combined->boolean;
    parsed.query = combined->boolean ? weightless(combined->query) : combined->query;
    return parsed;
}

}  // namespace callsearch
