#include "read/html_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "read/source_file.h"

namespace callsearch {

namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

std::string_view name_of(const xmlNode* node) {
    return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool is_element(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool has_attribute(const xmlNode* node, const char* name) {
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

enum class Drop { Keep, Code, Chrome, Hidden, Ad };

constexpr std::array<std::string_view, 14> kCodeElements = {"script", "style",  "noscript", "template", "svg",
                                                            "head",   "canvas", "object",   "embed",    "video",
                                                            "audio",  "map",    "iframe",   "link"};
constexpr std::array<std::string_view, 8> kChromeElements = {"nav", "header", "footer", "aside",
                                                             "form", "button", "select", "textarea"};
constexpr std::array<std::string_view, 9> kAdTokens = {"ad",      "ads",    "advert", "advertisement", "comments",
                                                       "sidebar", "banner", "popup",  "modal"};
constexpr std::array<std::string_view, 11> kAdTokenPrefixes = {"ad-",     "ads-",   "advert", "dfp",        "sponsor",
                                                               "promo",   "related", "share",  "social",    "newsletter",
                                                               "cookie"};

bool ad_like(const std::string& names) {
    std::size_t i = 0;
    while (i < names.size()) {
        const std::size_t end = std::min(names.find(' ', i), names.size());
        const std::string_view token = std::string_view(names).substr(i, end - i);
        i = end + 1;
        if (token.empty()) continue;
        for (std::string_view t : kAdTokens) {
            if (token == t) return true;
        }
        for (std::string_view p : kAdTokenPrefixes) {
            if (token.starts_with(p)) return true;
        }
        if (token.starts_with("breadcrumb")) return true;
    }
    return false;
}

Drop drop_of(const xmlNode* node) {
    const std::string_view name = name_of(node);
    for (std::string_view n : kCodeElements) {
        if (name == n) return Drop::Code;
    }
    for (std::string_view n : kChromeElements) {
        if (name == n) return Drop::Chrome;
    }
    if (has_attribute(node, "hidden") || attribute(node, "aria-hidden") == "true") return Drop::Hidden;
    if (const std::string style = attribute(node, "style"); !style.empty()) {
        std::string compact;
        for (const char c : style) {
            if (c != ' ') compact += c;
        }
        if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos) {
            return Drop::Hidden;
        }
    }
    if (ad_like(attribute(node, "class")) || ad_like(attribute(node, "id"))) return Drop::Ad;
    return Drop::Keep;
}

bool is_heading(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Line breaks wanted before a block's text: 2 = blank line (paragraphs,
// headings), 1 = new line (other blocks), 0 = inline.
int block_breaks(std::string_view name) {
    static constexpr std::array<std::string_view, 11> kParagraphs = {
        "p", "blockquote", "pre", "table", "ul", "ol", "dl", "section", "article", "hr", "figure"};
    static constexpr std::array<std::string_view, 12> kLines = {
        "div", "li", "tr", "dt", "dd", "figcaption", "caption", "address", "main", "center", "tbody", "body"};
    if (is_heading(name)) return 2;
    for (std::string_view n : kParagraphs) {
        if (name == n) return 2;
    }
    for (std::string_view n : kLines) {
        if (name == n) return 1;
    }
    return 0;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text of a subtree, at most `limit` bytes, and whether it holds a <br>.
// Iterative, so that nesting depth costs no stack.
struct ShortText {
    std::size_t bytes = 0;
    bool has_break = false;
    bool over = false;
};

ShortText short_text(const xmlNode* root, std::size_t limit) {
    ShortText out;
    std::vector<const xmlNode*> stack;
    for (const xmlNode* c = root->last; c; c = c->prev) stack.push_back(c);
    while (!stack.empty() && !out.over) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const char* p = reinterpret_cast<const char*>(n->content); *p; ++p) {
                if (!is_space_byte(*p)) ++out.bytes;
            }
        } else if (n->type == XML_ELEMENT_NODE) {
            if (name_of(n) == "br" || block_breaks(name_of(n)) > 0) out.has_break = true;
            if (drop_of(n) != Drop::Keep) continue;
            for (const xmlNode* c = n->last; c; c = c->prev) stack.push_back(c);
        }
        out.over = out.bytes > limit;
    }
    return out;
}

// A short block, on one line, opening with bold text: a speaker's name.
bool is_speaker_block(const xmlNode* node) {
    const xmlNode* first = node->children;
    while (first && first->type == XML_TEXT_NODE && first->content &&
           std::all_of(reinterpret_cast<const char*>(first->content),
                       reinterpret_cast<const char*>(first->content) + std::strlen(reinterpret_cast<const char*>(first->content)),
                       is_space_byte)) {
        first = first->next;
    }
    if (!first || !(is_element(first, "strong") || is_element(first, "b"))) return false;
    const ShortText text = short_text(node, 200);
    return !text.over && !text.has_break && text.bytes > 0;
}

class TextWriter {
public:
    void want_breaks(int n) { pending_ = std::max(pending_, n); }

    void text(const char* s) {
        for (; *s; ++s) {
            // U+00A0 (non-breaking space) is a space.
            if (s[0] == '\xC2' && s[1] == '\xA0') {
                ++s;
                space_ = true;
                continue;
            }
            if (is_space_byte(*s)) {
                space_ = true;
                continue;
            }
            if (pending_ > 0) {
                if (!out_.empty()) out_.append(static_cast<std::size_t>(pending_), '\n');
                pending_ = 0;
            } else if (space_ && !out_.empty() && out_.back() != '\n') {
                out_ += ' ';
            }
            space_ = false;
            out_ += *s;
        }
    }

    std::string take() {
        if (!out_.empty()) out_ += '\n';
        return std::move(out_);
    }

private:
    std::string out_;
    int pending_ = 0;
    bool space_ = false;
};

// Text bytes below each element, counting only what is kept.
std::unordered_map<const xmlNode*, std::size_t> text_sizes(const xmlNode* root) {
    std::unordered_map<const xmlNode*, std::size_t> size;
    std::vector<std::pair<const xmlNode*, bool>> stack = {{root, false}};
    while (!stack.empty()) {
        auto [n, visited] = stack.back();
        stack.pop_back();
        if (n->type == XML_TEXT_NODE) {
            if (n->content && n->parent) size[n->parent] += std::strlen(reinterpret_cast<const char*>(n->content));
            continue;
        }
        if (n->type != XML_ELEMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE) continue;
        if (visited) {
            if (n->parent) size[n->parent] += size[n];
            continue;
        }
        if (n->type == XML_ELEMENT_NODE && drop_of(n) != Drop::Keep) continue;
        stack.push_back({n, true});
        for (const xmlNode* c = n->children; c; c = c->next) stack.push_back({c, false});
    }
    return size;
}

const xmlNode* find_element(const xmlNode* root, std::string_view name) {
    std::vector<const xmlNode*> stack = {root};
    while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (is_element(n, name)) return n;
        for (const xmlNode* c = n->children; c; c = c->next) stack.push_back(c);
    }
    return nullptr;
}

// The element whose own <p> children hold the most text (README: the article).
const xmlNode* article_of(const xmlNode* body) {
    const auto size = text_sizes(body);
    std::unordered_map<const xmlNode*, std::size_t> paragraph_text;
    std::size_t total = 0;
    for (const auto& [node, bytes] : size) {
        if (node->type == XML_ELEMENT_NODE && name_of(node) == "p" && node->parent) {
            paragraph_text[node->parent] += bytes;
            total += bytes;
        }
    }
    const xmlNode* best = body;
    std::size_t best_bytes = 0;
    for (const auto& [node, bytes] : paragraph_text) {
        if (bytes > best_bytes || (bytes == best_bytes && best != body && node < best)) {
            best = node;
            best_bytes = bytes;
        }
    }
    return best_bytes * 2 >= total && best_bytes > 0 ? best : body;
}

// Invalid UTF-8 that libxml2 let through (bytes a declared charset does not
// cover): each run of bad bytes becomes U+FFFD. Linear: each search stops at
// the next bad byte.
std::string valid_utf8(std::string s) {
    if (find_invalid_utf8(s) == std::string_view::npos) return s;
    std::string out;
    std::size_t i = 0;
    bool after_bad = false;
    while (i < s.size()) {
        const std::size_t bad = find_invalid_utf8(std::string_view(s).substr(i));
        if (bad == std::string_view::npos) {
            out.append(s, i, std::string::npos);
            break;
        }
        if (bad > 0) after_bad = false;
        out.append(s, i, bad);
        if (!after_bad) out += "\uFFFD";
        after_bad = true;
        i += bad + 1;
    }
    return out;
}

bool declares_charset(std::string_view bytes) {
    std::string head(bytes.substr(0, 4096));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head.find("charset") != std::string::npos || head.find("encoding=") != std::string::npos;
}

std::once_flag libxml_once;

}  // namespace

HtmlText read_html_text(std::string_view bytes) {
    std::call_once(libxml_once, [] { xmlInitParser(); });
    // A page in valid UTF-8 is read as UTF-8 whatever it declares (saved pages
    // are re-encoded by browsers without their meta tag changing); otherwise
    // libxml2 follows the page's declaration, and a page declaring nothing is
    // taken as Windows-1252, as browsers take it.
    const char* encoding = find_invalid_utf8(bytes) == std::string_view::npos ? "UTF-8"
                           : declares_charset(bytes)                          ? nullptr
                                                                              : "windows-1252";
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT;
    const DocPtr doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options));
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) throw InputError("HTML page could not be parsed");
    const xmlNode* body = find_element(root, "body");
    const xmlNode* article = article_of(body ? body : root);

    std::map<Drop, std::size_t> dropped;
    TextWriter writer;
    // (node, entering): entering emits breaks before; leaving emits them after.
    std::vector<std::pair<const xmlNode*, bool>> stack;
    for (const xmlNode* c = article->last; c; c = c->prev) stack.push_back({c, true});
    while (!stack.empty()) {
        auto [n, entering] = stack.back();
        stack.pop_back();
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content && n->type == XML_TEXT_NODE) writer.text(reinterpret_cast<const char*>(n->content));
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = name_of(n);
        if (!entering) {
            writer.want_breaks(block_breaks(name));
            continue;
        }
        if (const Drop drop = drop_of(n); drop != Drop::Keep) {
            ++dropped[drop];
            continue;
        }
        if (name == "br") {
            writer.want_breaks(1);
            continue;
        }
        if (name == "td" || name == "th") writer.text(" ");
        const int breaks = block_breaks(name);
        writer.want_breaks(breaks >= 2 && is_speaker_block(n) ? 3 : breaks);
        stack.push_back({n, false});
        for (const xmlNode* c = n->last; c; c = c->prev) stack.push_back({c, true});
    }
    HtmlText out;
    out.text = valid_utf8(writer.take());
    if (out.text.empty()) throw InputError("HTML page holds no text");
    const auto note = [&](Drop d, const char* what) {
        if (dropped[d] > 0) out.dropped.push_back(std::to_string(dropped[d]) + " " + what);
    };
    note(Drop::Code, "scripts, styles and embedded objects");
    note(Drop::Chrome, "navigation, header, footer and form blocks");
    note(Drop::Hidden, "hidden elements");
    note(Drop::Ad, "ads and page-chrome blocks (by class or id)");
    if (article != body && body) out.dropped.push_back("the page outside its article element");
    return out;
}

}  // namespace callsearch
