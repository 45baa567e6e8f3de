#include "index/file_records.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace callsearch {

std::string encode_file_record(const FileRecord& record) {
    nlohmann::json j = {{"path", record.path}, {"hash", record.content_hash}, {"paragraphs", record.paragraphs}};
    if (record.calls != 1) j["calls"] = record.calls;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<FileRecord> decode_file_record(std::string_view data) {
    const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("path") || !j.contains("hash") || !j["path"].is_string() ||
        !j["hash"].is_string()) {
        return std::nullopt;
    }
    FileRecord r;
    r.path = j["path"].get<std::string>();
    r.content_hash = j["hash"].get<std::string>();
    r.paragraphs = j.value("paragraphs", std::size_t{0});
    r.calls = j.value("calls", std::size_t{1});
    if (r.calls > 1'000'000) return std::nullopt;
    return r;
}

std::map<std::string, FileRecord> read_file_records(const Xapian::Database& db) {
    std::map<std::string, FileRecord> out;
    const std::string prefix(kFileRecordKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        if (auto record = decode_file_record(db.get_metadata(*it))) out[(*it).substr(prefix.size())] = *record;
    }
    return out;
}

std::string content_hash(std::string_view bytes) {
    std::uint64_t a = 14695981039346656037ull;
    std::uint64_t b = 0x9e3779b97f4a7c15ull;
    for (unsigned char c : bytes) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0x100000001b3ull;
        b ^= b >> 29;
    }
    char hex[40];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return hex;
}

}  // namespace callsearch
