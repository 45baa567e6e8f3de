#include "print/trend_printer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "analyze/script.h"

namespace callsearch {

namespace {

std::size_t columns_of(std::string_view s) {
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        const analyze::CodePoint cp = analyze::decode_utf8(s, i);
        i += cp.size;
        const bool wide = analyze::is_han(cp.value) || (cp.value >= 0x3000 && cp.value <= 0x303f) ||
                          (cp.value >= 0xff00 && cp.value <= 0xff60) || (cp.value >= 0xac00 && cp.value <= 0xd7a3);
        cols += wide ? 2 : 1;
    }
    return cols;
}

// `s` cut to at most `cols` columns (an ellipsis where cut), then padded to them.
std::string fit(std::string_view s, std::size_t cols) {
    std::string out;
    if (columns_of(s) > cols) {
        std::size_t used = 0;
        for (std::size_t i = 0; i < s.size();) {
            const analyze::CodePoint cp = analyze::decode_utf8(s, i);
            const std::size_t w = columns_of(s.substr(i, cp.size));
            if (used + w + 1 > cols) break;
            out.append(s.substr(i, cp.size));
            used += w;
            i += cp.size;
        }
        out += "\u2026";
        ++used;
        out.append(cols - used, ' ');
        return out;
    }
    out = std::string(s);
    out.append(cols - columns_of(s), ' ');
    return out;
}

std::string right(const std::string& s, std::size_t cols) {
    return std::string(cols > s.size() ? cols - s.size() : 0, ' ') + s;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// `cells` columns of bar for value / max, in eighths of a column; a value
// above zero shows at least one eighth.
std::string bar(double value, double max, std::size_t cells) {
    static const char* const kEighths[] = {"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"};
    if (max <= 0 || value <= 0) return std::string(cells, ' ');
    auto eighths = static_cast<std::size_t>(std::lround(value / max * static_cast<double>(cells * 8)));
    eighths = std::clamp<std::size_t>(eighths, 1, cells * 8);
    std::string out;
    for (std::size_t i = 0; i < eighths / 8; ++i) out += "\u2588";
    out += kEighths[eighths % 8];
    out.append(cells - eighths / 8 - (eighths % 8 ? 1 : 0), ' ');
    return out;
}

// Prose lines of the chart, wrapped at spaces to `width` columns.
std::string wrapped(std::string_view text, std::size_t width) {
    std::string out, line;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(at, end - at);
        if (!line.empty() && columns_of(line) + 1 + columns_of(word) > width) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + std::string(word);
        at = end + 1;
    }
    return out + line + '\n';
}

std::string by_text(const TrendSpec& spec) {
    std::string out;
    for (std::size_t i = 0; i < spec.keys.size(); ++i) out += (i ? " and " : "") + std::string(trend_key_name(spec.keys[i]));
    return out;
}

}  // namespace

std::vector<std::string> trend_columns(const TrendSpec& spec) {
    std::vector<std::string> columns = {"bucket"};
    for (const TrendKey key : spec.keys) {
        if (key == TrendKey::Quarter) columns.push_back("year");
        columns.push_back(trend_key_name(key));
    }
    for (const char* c : {"passages", "calls", "calls_in_bucket", "per_call"}) columns.push_back(c);
    return columns;
}

std::string trend_bucket_label(const TrendSpec& spec, const TrendBucket& bucket) {
    std::string out;
    for (std::size_t i = 0; i < spec.keys.size() && i < bucket.size(); ++i) {
        out += (i ? " \u00b7 " : "") + trend_label(spec.keys[i], bucket[i]);
    }
    return out;
}

std::string format_trend_json_row(const TrendSpec& spec, const TrendRow& row) {
    nlohmann::ordered_json j;
    j["bucket"] = trend_bucket_label(spec, row.bucket);
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        const TrendValue& v = row.bucket[i];
        const auto known = [](int n) { return n ? nlohmann::ordered_json(n) : nlohmann::ordered_json(nullptr); };
        switch (spec.keys[i]) {
        case TrendKey::Year: j["year"] = known(v.year); break;
        case TrendKey::Quarter:
            j["year"] = known(v.year);
            j["quarter"] = known(v.quarter);
            break;
        default:
            j[trend_key_name(spec.keys[i])] = v.name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.name);
        }
    }
    j["passages"] = row.passages;
    j["calls"] = row.calls;
    j["calls_in_bucket"] = row.calls_in_bucket;
    const auto per_call = row.per_call();
    j["per_call"] = per_call ? nlohmann::ordered_json(*per_call) : nlohmann::ordered_json(nullptr);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string format_trend_chart(const TrendTable& table, std::string_view query, std::size_t width) {
    width = std::max<std::size_t>(width, 50);
    const TrendSpec& spec = table.spec;
    std::string out;
    out += wrapped("'" + std::string(query) + "' by " + by_text(spec) +
                       ": matching passages per call the index holds in each bucket", width);
    out += wrapped(thousands(table.passages) + " matching passages (a translated pair once) in " +
                       thousands(table.calls) + " of " + thousands(table.calls_allowed) + " calls",
                   width);
    if (table.rows.empty()) return out + "no matching passages\n";
    out += '\n';

    // Label columns, one per key, each as wide as its widest value (the
    // first cut to leave the bar room).
    std::vector<std::size_t> label_cols(spec.keys.size(), 0);
    for (std::size_t k = 0; k < spec.keys.size(); ++k) label_cols[k] = columns_of(trend_key_name(spec.keys[k]));
    double max = 0;
    std::size_t passages_cols = std::string("passages").size(), calls_cols = std::string("calls").size();
    for (const TrendRow& row : table.rows) {
        for (std::size_t k = 0; k < spec.keys.size(); ++k) {
            label_cols[k] = std::max(label_cols[k], columns_of(trend_label(spec.keys[k], row.bucket[k])));
        }
        max = std::max(max, row.per_call().value_or(0));
        passages_cols = std::max(passages_cols, thousands(row.passages).size());
        calls_cols = std::max(calls_cols, (thousands(row.calls) + "/" + thousands(row.calls_in_bucket)).size());
    }
    const std::size_t per_call_cols = std::max<std::size_t>(8, fixed2(max).size());
    const std::size_t numbers = 1 + per_call_cols + 2 + passages_cols + 2 + calls_cols;
    const std::size_t min_bar = 10;
    std::size_t labels = 0;
    for (const std::size_t c : label_cols) labels += c + 2;
    // Shorten the widest label column until the line fits (none below 8 columns).
    const std::size_t room = width > min_bar + numbers ? width - min_bar - numbers : 0;
    while (labels > room) {
        const auto widest = std::max_element(label_cols.begin(), label_cols.end());
        if (*widest <= 8) break;
        --*widest;
        --labels;
    }
    const std::size_t bar_cols = width > labels + numbers + min_bar ? width - labels - numbers : min_bar;

    std::string head;
    for (std::size_t k = 0; k < spec.keys.size(); ++k) head += fit(trend_key_name(spec.keys[k]), label_cols[k]) + "  ";
    head += fit("mentions per call", bar_cols) + " " + right("per call", per_call_cols) + "  " +
            right("passages", passages_cols) + "  " + right("calls", calls_cols);
    out += head + '\n';
    for (const TrendRow& row : table.rows) {
        std::string line;
        for (std::size_t k = 0; k < spec.keys.size(); ++k) {
            line += fit(trend_label(spec.keys[k], row.bucket[k]), label_cols[k]) + "  ";
        }
        const auto per_call = row.per_call();
        line += bar(per_call.value_or(0), max, bar_cols) + " " + right(per_call ? fixed2(*per_call) : "-", per_call_cols) +
                "  " + right(thousands(row.passages), passages_cols) + "  " +
                right(thousands(row.calls) + "/" + thousands(row.calls_in_bucket), calls_cols);
        out += line + '\n';
    }
    out += '\n' + wrapped("per call = passages / calls held in the bucket; calls = calls with a match / calls held", width);
    return out;
}

}  // namespace callsearch
