#include "index/stored_paragraph.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace callsearch {

using nlohmann::json;

std::string encode_stored_paragraph(const StoredParagraph& p) {
    json j = {
        {"file", p.file},       {"call", p.call},     {"company", p.company}, {"ticker", p.ticker},
        {"year", p.year},       {"quarter", p.quarter}, {"speaker", p.speaker}, {"title", p.title},
        {"roles", p.roles},     {"firm", p.firm},     {"section", p.section}, {"lang", p.lang},
        {"text", p.text},       {"turn", p.turn},     {"paragraph", p.paragraph},
    };
    j["date"] = p.date ? json(*p.date) : json(nullptr);
    j["translation"] = p.translation ? json(*p.translation) : json(nullptr);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoredParagraph decode_stored_paragraph(std::string_view data) {
    const json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) throw std::runtime_error("document data is not a stored paragraph");
    try {
        StoredParagraph p;
        p.file = j.at("file").get<std::string>();
        p.call = j.at("call").get<std::string>();
        p.company = j.at("company").get<std::string>();
        p.ticker = j.at("ticker").get<std::string>();
        p.year = j.at("year").get<int>();
        p.quarter = j.at("quarter").get<int>();
        if (!j.at("date").is_null()) p.date = j.at("date").get<std::string>();
        p.speaker = j.at("speaker").get<std::string>();
        p.title = j.at("title").get<std::string>();
        p.roles = j.at("roles").get<std::vector<std::string>>();
        p.firm = j.at("firm").get<std::string>();
        p.section = j.at("section").get<std::string>();
        p.lang = j.at("lang").get<std::string>();
        p.text = j.at("text").get<std::string>();
        if (!j.at("translation").is_null()) p.translation = j.at("translation").get<std::string>();
        p.turn = j.at("turn").get<int>();
        p.paragraph = j.at("paragraph").get<int>();
        return p;
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("malformed stored paragraph: ") + e.what());
    }
}

}  // namespace callsearch
