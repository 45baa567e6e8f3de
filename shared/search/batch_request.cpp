#include "search/batch_request.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

namespace callsearch {

namespace {

using nlohmann::json;

// The searcher's own --limit bound, so that a batch line cannot ask for more.
constexpr std::int64_t kMaxLimit = 1000000;

std::string_view trimmed(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// A filter value as text: scripts write years and quarters as numbers.
std::string filter_value(const std::string& field, const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    throw QueryError("filter \"" + field + "\" must be a string or an integer");
}

Xapian::doccount count_option(const json& object, const char* key, std::int64_t min, std::int64_t max) {
    const json& value = object.at(key);
    if (!value.is_number_integer() || value.get<std::int64_t>() < min || value.get<std::int64_t>() > max) {
        throw QueryError(std::string("\"") + key + "\" must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max));
    }
    return static_cast<Xapian::doccount>(value.get<std::int64_t>());
}

SortOrder sort_option(const json& value) {
    const std::string sort = value.is_string() ? value.get<std::string>() : std::string();
    if (sort == "relevance") return SortOrder::Relevance;
    if (sort == "newest") return SortOrder::Newest;
    if (sort == "oldest") return SortOrder::Oldest;
    throw QueryError("\"sort\" must be \"relevance\", \"newest\" or \"oldest\"");
}

void apply_object(const json& object, BatchRequest& request) {
    for (const auto& [key, value] : object.items()) {
        if (key == "id") {
            if (value.is_object() || value.is_array()) throw QueryError("\"id\" must be a string or a number");
            // Set before anything can fail, so that an error names the id.
            continue;
        }
        if (key == "query") {
            if (!value.is_string()) throw QueryError("\"query\" must be a string");
            request.query = value.get<std::string>();
        } else if (key == "limit") {
            request.match.limit = count_option(object, "limit", 1, kMaxLimit);
        } else if (key == "offset") {
            request.match.offset =
                count_option(object, "offset", 0, std::numeric_limits<Xapian::doccount>::max());
        } else if (key == "sort") {
            request.match.sort = sort_option(value);
        } else if (key == "filters") {
            if (!value.is_object()) throw QueryError("\"filters\" must be an object such as {\"role\": \"cfo\"}");
            for (const auto& [name, filter] : value.items()) {
                const auto field = field_from_name(name);
                if (!field) throw QueryError("unknown filter \"" + name + "\"");
                std::erase_if(request.filters, [&](const FilterSpec& f) { return f.field == *field; });
                request.filters.push_back({*field, filter_value(name, filter)});
            }
        } else {
            throw QueryError("unknown key \"" + key + "\" (expected id, query, limit, offset, sort, filters)");
        }
    }
}

}  // namespace

std::optional<BatchLine> parse_batch_line(std::string_view line, std::size_t line_number,
                                          const std::vector<FilterSpec>& default_filters,
                                          const MatchOptions& default_match) {
    const std::string_view text = trimmed(line);
    if (text.empty()) return std::nullopt;
    BatchLine out;
    out.request.id_json = std::to_string(line_number);
    out.request.filters = default_filters;
    out.request.match = default_match;
    if (text.front() != '{') {
        out.request.query = std::string(text);
        return out;
    }
    const json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
        out.error = "line " + std::to_string(line_number) + " starts with '{' but is not a JSON object";
        return out;
    }
    if (const auto id = object.find("id"); id != object.end() && !id->is_object() && !id->is_array()) {
        out.request.id_json = dump(*id);
    }
    try {
        apply_object(object, out.request);
    } catch (const QueryError& e) {
        out.error = e.what();
    } catch (const json::exception& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace callsearch
