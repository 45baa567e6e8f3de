#include "query/query_parser.h"

#include <optional>
#include <string>

namespace callsearch {

namespace {

enum class TokenKind { Word, Phrase, Filter, LParen, RParen, And, Or, Not, Minus };

struct Token {
    TokenKind kind;
    std::string text;            // word or phrase text, filter value
    Field field = Field::Speaker;  // for Filter
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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
        if (word == "AND") {
            tokens.push_back({TokenKind::And, {}});
        } else if (word == "OR") {
            tokens.push_back({TokenKind::Or, {}});
        } else if (word == "NOT") {
            tokens.push_back({TokenKind::Not, {}});
        } else {
            tokens.push_back({TokenKind::Word, std::move(word)});
        }
    }
    return tokens;
}

// A parsed piece of the query. Boolean pieces (filters, pure negations) carry
// no weight, so they restrict results without changing the ranking.
struct Node {
    Xapian::Query query;
    bool boolean = false;
    bool negated = false;
};

Xapian::Query weightless(const Xapian::Query& q) { return Xapian::Query(0.0, q); }

class Parser {
public:
    Parser(std::string_view text, analyze::TextAnalyzer& analyzer, analyze::HighlightTerms& highlight)
        : text_(text), tokens_(tokenize(text)), analyzer_(analyzer), highlight_(highlight) {}

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
        if (auto first = parse_and()) items.push_back(std::move(*first));
        while (at(TokenKind::Or)) {
            ++pos_;
            if (!starts_operand()) throw error("OR needs something on both sides");
            if (auto next = parse_and()) items.push_back(std::move(*next));
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
            if (auto n = parse_unary()) items.push_back(std::move(*n));
            if (at(TokenKind::And)) {
                ++pos_;
                if (!starts_operand()) throw error("AND needs something on both sides");
            }
        }
        return combine_and(std::move(items));
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
            return scored(analyzer_.word_query(token.text, highlight_));
        case TokenKind::Phrase:
            return scored(analyzer_.phrase_query(token.text, highlight_));
        case TokenKind::Filter:
            return Node{filter_query({token.field, token.text}), true};
        default:
            throw error("unexpected operator");
        }
    }

    static std::optional<Node> scored(Xapian::Query q) {
        if (q.empty()) return std::nullopt;
        return Node{std::move(q), false};
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    analyze::TextAnalyzer& analyzer_;
    analyze::HighlightTerms& highlight_;

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
                        analyze::TextAnalyzer& analyzer) {
    ParsedQuery parsed;
    Parser parser(text, analyzer, parsed.highlight);
    std::vector<Node> parts;
    if (auto node = parser.parse()) parts.push_back(std::move(*node));
    for (const FilterSpec& f : filters) parts.push_back(Node{filter_query(f), true});
    if (parts.empty()) {
        throw QueryError(text.find_first_not_of(" \t") == std::string_view::npos
                             ? std::string("empty query")
                             : "nothing searchable in query '" + std::string(text) + "'");
    }
    auto combined = Parser::combine_and(std::move(parts));
    parsed.query = combined->boolean ? weightless(combined->query) : combined->query;
    return parsed;
}

}  // namespace callsearch
