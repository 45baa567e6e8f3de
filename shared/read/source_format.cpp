#include "read/source_format.h"

#include <array>
#include <cctype>
#include <string>

namespace callsearch {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

bool starts_json_value(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    const char c = s[i];
    if (c == '{' || c == '[' || c == '"' || c == ']' || c == '-' || (c >= '0' && c <= '9')) return true;
    const std::string_view rest = s.substr(i);
    return rest.starts_with("true") || rest.starts_with("false") || rest.starts_with("null");
}

bool contains_tag(std::string_view head) {
    static constexpr std::array<std::string_view, 9> kTags = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                                              "<div", "<p>", "<article", "<title"};
    std::string lower(head);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view tag : kTags) {
        if (lower.find(tag) != std::string::npos) return true;
    }
    return lower.find("<p ") != std::string::npos;
}

}  // namespace

const char* to_string(SourceFormat format) {
    switch (format) {
        case SourceFormat::Pdf: return "pdf";
        case SourceFormat::Html: return "html";
        case SourceFormat::Json: return "json";
        case SourceFormat::Text: break;
    }
    return "text";
}

SourceFormat detect_source_format(std::string_view bytes) {
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceFormat::Pdf;
    std::size_t i = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    i = skip_space(bytes, i);
    if (i >= bytes.size()) return SourceFormat::Text;
    if (bytes[i] == '{') {
        const std::size_t j = skip_space(bytes, i + 1);
        if (j < bytes.size() && (bytes[j] == '"' || bytes[j] == '}')) return SourceFormat::Json;
    } else if (bytes[i] == '[') {
        const std::size_t j = skip_space(bytes, i + 1);
        if (j < bytes.size() && (bytes[j] == '-' || (bytes[j] >= '0' && bytes[j] <= '9'))) {
            // "[30.440 --> 33.020] ..." is timed speech: a number opens a JSON
            // array only when a ',' or ']' follows it.
            std::size_t k = j + 1;
            while (k < bytes.size() && (std::isdigit(static_cast<unsigned char>(bytes[k])) || bytes[k] == '.' ||
                                        bytes[k] == 'e' || bytes[k] == 'E' || bytes[k] == '+' || bytes[k] == '-')) {
                ++k;
            }
            k = skip_space(bytes, k);
            if (k < bytes.size() && (bytes[k] == ',' || bytes[k] == ']')) return SourceFormat::Json;
        } else if (starts_json_value(bytes, j)) {
            return SourceFormat::Json;
        }
    } else if (bytes[i] == '<' && contains_tag(bytes.substr(i, 4096))) {
        return SourceFormat::Html;
    }
    return SourceFormat::Text;
}

}  // namespace callsearch
