#include "print/csv_printer.h"

#include "print/csv_writer.h"
#include "print/json_printer.h"

namespace callsearch {

namespace {

std::string cell(const nlohmann::json& v, const char* separator) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        // A span's two ends are joined by '-', a list's items by "; ".
        const char* inner = std::string_view(separator) == "; " ? "-" : separator;
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out += separator;
            out += cell(v[i], inner);
        }
        return out;
    }
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<std::string> csv_hit_columns(bool per_call) {
    std::vector<std::string> columns = {
        "rank",     "score",      "file",  "call",     "company",    "ticker",     "year",
        "quarter",  "date",       "speaker", "title",  "roles",      "firm",       "section",
        "lang",     "turn",       "paragraph", "passage", "passages", "text",      "translation",
        "time",     "highlights", "snippet", "snippet_highlights", "question.speaker", "question.firm",
        "question.text"};
    if (per_call) columns.push_back("call_matches");
    return columns;
}

std::vector<std::string> csv_cells(const nlohmann::json& object, const std::vector<std::string>& columns) {
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (const std::string& column : columns) {
        const nlohmann::json* v = &object;
        for (std::size_t at = 0; v;) {
            const std::size_t dot = column.find('.', at);
            const std::string name = column.substr(at, dot == std::string::npos ? std::string::npos : dot - at);
            const auto it = v->is_object() ? v->find(name) : v->end();
            v = it == v->end() ? nullptr : &*it;
            if (dot == std::string::npos) break;
            at = dot + 1;
        }
        cells.push_back(v ? cell(*v, "; ") : std::string());
    }
    return cells;
}

std::string format_csv_hit(const Hit& hit, const std::vector<Span>& highlights, bool per_call) {
    const auto object = nlohmann::json::parse(format_json_hit(hit, highlights), nullptr, true, false);
    return csv_row(csv_cells(object, csv_hit_columns(per_call)));
}

}  // namespace callsearch
