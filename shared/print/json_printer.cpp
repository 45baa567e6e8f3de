#include "print/json_printer.h"

#include <nlohmann/json.hpp>

namespace callsearch {

using nlohmann::json;

namespace {

json optional_string(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

std::string format_json_hit(const Hit& hit, const std::vector<Span>& highlights) {
    const StoredParagraph& p = hit.paragraph;
    json spans = json::array();
    for (const Span& s : highlights) spans.push_back({s.begin, s.end});
    // nlohmann keeps insertion order only with ordered_json; scripts should not
    // care, but people reading the stream do.
    nlohmann::ordered_json j;
    j["rank"] = hit.rank;
    j["score"] = hit.score;
    j["file"] = p.file;
    j["call"] = p.call;
    j["company"] = p.company;
    j["ticker"] = optional_string(p.ticker);
    j["year"] = p.year == 0 ? json(nullptr) : json(p.year);
    j["quarter"] = p.quarter == 0 ? json(nullptr) : json(p.quarter);
    j["date"] = p.date ? json(*p.date) : json(nullptr);
    j["speaker"] = p.speaker;
    j["title"] = p.title;
    j["roles"] = p.roles;
    j["firm"] = optional_string(p.firm);
    j["section"] = p.section;
    j["lang"] = p.lang;
    j["turn"] = p.turn;
    j["paragraph"] = p.paragraph;
    j["text"] = p.text;
    j["translation"] = p.translation ? json(*p.translation) : json(nullptr);
    j["highlights"] = spans;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace callsearch
