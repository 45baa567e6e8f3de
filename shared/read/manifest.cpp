#include "read/manifest.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "read/source_file.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 6> kColumns = {"path", "company", "ticker", "quarter", "year", "date"};

std::string trimmed(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const std::size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// RFC 4180 records: each a list of fields, with the line it started on.
struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

std::vector<Record> records_of(std::string_view text, std::string_view shown) {
    std::vector<Record> out;
    Record record;
    std::string field;
    bool quoted = false, was_quoted = false;
    std::size_t line = 1;
    record.line = 1;
    const auto end_field = [&] {
        record.fields.push_back(was_quoted ? field : trimmed(field));
        field.clear();
        was_quoted = false;
    };
    const auto end_record = [&] {
        end_field();
        const bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) out.push_back(std::move(record));
        record = Record{};
        record.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && trimmed(field).empty()) {
            field.clear();
            quoted = was_quoted = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_record();
        } else {
            field += c;
        }
    }
    if (quoted) throw ManifestError(std::string(shown) + " line " + std::to_string(record.line) + ": unclosed quote");
    end_record();
    return out;
}

}  // namespace

void CallOverrides::apply_to(CallInfo& call) const {
    if (company) call.company = *company;
    if (ticker) call.ticker = *ticker;
    if (quarter) call.quarter = *quarter;
    if (year) call.year = *year;
    if (date) call.date = *date;
}

std::string CallOverrides::fingerprint() const {
    std::string out;
    const auto put = [&](char tag, const std::optional<std::string>& v) {
        if (v) out += std::string(1, tag) + *v + '\x1f';
    };
    put('c', company);
    put('t', ticker);
    if (quarter) out += "q" + std::to_string(*quarter) + '\x1f';
    if (year) out += "y" + std::to_string(*year) + '\x1f';
    put('d', date);
    return out;
}

const CallOverrides* Manifest::find(const fs::path& file) const {
    const auto it = by_path.find(file.lexically_normal().string());
    return it == by_path.end() ? nullptr : &it->second;
}

Manifest parse_manifest(std::string_view text, const fs::path& base, std::string_view shown) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::string where(shown);
    const auto error = [&](std::size_t line, const std::string& what) {
        return ManifestError(where + " line " + std::to_string(line) + ": " + what);
    };
    const std::vector<Record> records = records_of(text, shown);
    if (records.empty()) throw ManifestError(where + ": empty manifest (a header row path,company,... is needed)");

    std::vector<std::string> columns;
    for (const std::string& name : records[0].fields) {
        const std::string column = lower(trimmed(name));
        bool known = false;
        for (std::string_view k : kColumns) known = known || column == k;
        if (!known) {
            throw error(records[0].line, "unknown column \"" + name + "\" (columns: path, company, ticker, quarter, "
                                                                      "year, date)");
        }
        for (const std::string& c : columns) {
            if (c == column) throw error(records[0].line, "column \"" + column + "\" appears twice");
        }
        columns.push_back(column);
    }
    std::size_t path_column = columns.size();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == "path") path_column = i;
    }
    if (path_column == columns.size()) throw error(records[0].line, "the header has no \"path\" column");

    Manifest manifest;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& row = records[r];
        if (row.fields.size() != columns.size()) {
            throw error(row.line, std::to_string(row.fields.size()) + " cells where the header has " +
                                      std::to_string(columns.size()));
        }
        const std::string& path_cell = row.fields[path_column];
        if (path_cell.empty()) throw error(row.line, "no path");
        CallOverrides o;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string& v = row.fields[i];
            if (v.empty() || i == path_column) continue;
            const std::string& c = columns[i];
            if (c == "company") {
                o.company = v;
            } else if (c == "ticker") {
                o.ticker = v;
            } else if (c == "quarter") {
                const std::string q = lower(v);
                const std::string digit = q.size() == 2 && q[0] == 'q' ? q.substr(1) : q;
                if (digit.size() != 1 || digit[0] < '1' || digit[0] > '4') {
                    throw error(row.line, "quarter \"" + v + "\" is not 1-4 or Q1-Q4");
                }
                o.quarter = digit[0] - '0';
            } else if (c == "year") {
                const bool digits = v.size() == 4 && std::all_of(v.begin(), v.end(), [](char ch) {
                    return std::isdigit(static_cast<unsigned char>(ch));
                });
                if (!digits || std::stoi(v) < 1900) throw error(row.line, "year \"" + v + "\" is not a four-digit year");
                o.year = std::stoi(v);
            } else if (c == "date") {
                const bool iso = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                                 std::all_of(v.begin(), v.end(), [](char ch) {
                                     return ch == '-' || std::isdigit(static_cast<unsigned char>(ch));
                                 });
                if (!iso) throw error(row.line, "date \"" + v + "\" is not YYYY-MM-DD");
                o.date = v;
            }
        }
        fs::path file(path_cell);
        if (file.is_relative()) file = base / file;
        std::error_code ec;
        file = fs::absolute(file, ec).lexically_normal();
        if (!manifest.by_path.emplace(file.string(), std::move(o)).second) {
            throw error(row.line, "\"" + path_cell + "\" is listed twice");
        }
        if (!fs::exists(file, ec)) manifest.warnings.push_back(where + " line " + std::to_string(row.line) +
                                                                ": no such file: " + file.string());
    }
    return manifest;
}

Manifest read_manifest(const fs::path& path) {
    std::string text;
    try {
        text = read_source_bytes(path);
    } catch (const InputError& e) {
        throw ManifestError(path.string() + ": " + e.what());
    }
    std::error_code ec;
    const fs::path base = fs::absolute(path, ec).parent_path();
    return parse_manifest(text, base, path.string());
}

}  // namespace callsearch
