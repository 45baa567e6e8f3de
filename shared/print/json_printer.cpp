#include "print/json_printer.h"

#include <charconv>
#include <optional>
#include <vector>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "print/snippet.h"

namespace callsearch {

namespace {

// Written by hand rather than through nlohmann::json: building and dumping a
// json object per hit cost a fifth of a whole search. The output is byte for
// byte what nlohmann's dump(-1, ' ', false, replace) gives (print/
// test_json_printer.cpp compares the two): UTF-8 as is, only '"', '\\' and
// control characters escaped.

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if (b >= 0xc2 && b <= 0xdf) {
            n = 1;
            cp = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
            n = 2;
            cp = b & 0x0f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 3;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3f);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

void put_string(std::string& out, std::string_view s) {
    if (!valid_utf8(s)) {
        // Never seen from our reader, which repairs text; nlohmann decides how
        // to replace what is broken, so that both paths agree.
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            }
        }
    }
    out.append(s, plain, std::string_view::npos);
    out += '"';
}

// Ticker, firm and speaker: empty means unknown.
void put_optional(std::string& out, const std::string& s) {
    if (s.empty()) {
        out += "null";
    } else {
        put_string(out, s);
    }
}

template <typename Int>
void put_int(std::string& out, Int v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// nlohmann's own number formatting (not quite std::to_chars: it prefers fixed
// notation, and whole numbers get ".0"); one number costs little.
void put_double(std::string& out, double v) { out += nlohmann::json(v).dump(); }

// `"name":`, after a comma unless it is the object's first field.
void key(std::string& out, const char* name) {
    if (out.back() != '{') out += ',';
    out += '"';
    out += name;
    out += "\":";
}

void put_optional(std::string& out, const std::optional<std::string>& s) {
    if (s) {
        put_string(out, *s);
    } else {
        out += "null";
    }
}

// Years and quarters: 0 means unknown.
void put_known(std::string& out, int v) {
    if (v == 0) {
        out += "null";
    } else {
        put_int(out, v);
    }
}

template <typename T, typename Put>
void put_array(std::string& out, const std::vector<T>& items, Put&& put) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        put(items[i]);
    }
    out += ']';
}

}  // namespace

std::string format_json_hit(const Hit& hit, const std::vector<Span>& highlights,
                            const std::vector<Span>& question_highlights, bool answers) {
    const StoredParagraph& p = hit.paragraph;
    std::string out;
    out.reserve(p.text.size() + (p.translation ? p.translation->size() : 0) + 512);
    // Field order is the documented one; people reading the stream rely on it.
    out += '{';
    key(out, "rank"), put_int(out, hit.rank);
    key(out, "score"), put_double(out, hit.score);
    key(out, "file"), put_string(out, p.file);
    key(out, "call"), put_string(out, p.call);
    key(out, "company"), put_string(out, p.company);
    key(out, "ticker"), put_optional(out, p.ticker);
    key(out, "year"), put_known(out, p.year);
    key(out, "quarter"), put_known(out, p.quarter);
    key(out, "date"), put_optional(out, p.date);
    key(out, "speaker"), put_optional(out, p.speaker);
    key(out, "title"), put_string(out, p.title);
    key(out, "roles"), put_array(out, p.roles, [&](const std::string& r) { put_string(out, r); });
    key(out, "firm"), put_optional(out, p.firm);
    key(out, "section"), put_string(out, p.section);
    key(out, "lang"), put_string(out, p.lang);
    key(out, "turn"), put_int(out, p.turn);
    key(out, "paragraph"), put_int(out, p.paragraph);
    key(out, "passage"), put_int(out, p.passage);
    key(out, "passages"), put_int(out, p.passages);
    key(out, "text"), put_string(out, p.text);
    key(out, "translation"), put_optional(out, p.translation);
    key(out, "time");
    if (p.start_ms >= 0) {
        put_double(out, static_cast<double>(p.start_ms) / 1000.0);
    } else {
        out += "null";
    }
    key(out, "highlights"), put_array(out, highlights, [&](const Span& span) {
        out += '[';
        put_int(out, span.begin);
        out += ',';
        put_int(out, span.end);
        out += ']';
    });
    const Snippet snippet = make_snippet(p.text, highlights);
    key(out, "snippet"), put_string(out, snippet.text);
    key(out, "snippet_highlights"), put_array(out, snippet.highlights, [&](const Span& span) {
        out += '[';
        put_int(out, span.begin);
        out += ',';
        put_int(out, span.end);
        out += ']';
    });
    key(out, "question");
    if (hit.question) {
        out += '{';
        key(out, "speaker"), put_string(out, hit.question->speaker);
        key(out, "firm"), put_optional(out, hit.question->firm);
        key(out, "text"), put_string(out, hit.question->text);
        key(out, "turn"), put_int(out, hit.question->turn);
        key(out, "matched");
        if (hit.question->matched.empty()) {
            out += "null";
        } else {
            put_string(out, hit.question->matched);
        }
        key(out, "matched_highlights"), put_array(out, question_highlights, [&](const Span& span) {
            out += '[';
            put_int(out, span.begin);
            out += ',';
            put_int(out, span.end);
            out += ']';
        });
        out += '}';
    } else {
        out += "null";
    }
    if (hit.call_matches > 0) key(out, "call_matches"), put_int(out, hit.call_matches);
    if (answers) {
        key(out, "answers"), put_array(out, hit.answers, [&](const Answer& a) {
            out += '{';
            key(out, "speaker"), put_optional(out, a.speaker);
            key(out, "title"), put_string(out, a.title);
            key(out, "roles"), put_array(out, a.roles, [&](const std::string& r) { put_string(out, r); });
            key(out, "firm"), put_optional(out, a.firm);
            key(out, "turn"), put_int(out, a.turn);
            key(out, "text"), put_string(out, a.text);
            out += '}';
        });
    }
    out += '}';
    return out;
}

}  // namespace callsearch
