#include "index/index_inspector.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "index/file_records.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/stored_paragraph.h"
#include "index/writer_lock.h"
#include "schema/filter_terms.h"
#include "schema/index_schema.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

fs::path live_generation_or_throw(const fs::path& dir) {
    const auto live = IndexLayout(dir).live_generation();
    if (!live) throw IndexError("no index at " + dir.string() + " (run indexer first, or pass --db)");
    return *live;
}

Xapian::Database open_or_throw(const fs::path& generation) {
    try {
        return Xapian::Database(generation.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + generation.string() + ": " + e.get_msg());
    }
}

// Number of documents per value of the terms under `prefix` (prefix stripped).
std::map<std::string, Xapian::doccount> counts_by_prefix(const Xapian::Database& db, std::string_view prefix) {
    std::map<std::string, Xapian::doccount> out;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        out[(*it).substr(p.size())] = it.get_termfreq();
    }
    return out;
}

// The live generations of an index folder: one, or one per part
// (index/index_layout.h), and all of them combined.
struct LiveIndex {
    std::vector<fs::path> generations;
    std::vector<Xapian::Database> parts;
    Xapian::Database all;
    std::string name;  // "gen-000002", or "part-01/gen-000002 part-02/gen-000001 ..."
};

LiveIndex live_index_or_throw(const fs::path& dir) {
    LiveIndex index;
    const std::vector<fs::path> parts = IndexLayout(dir).parts();
    if (parts.empty()) {
        index.generations.push_back(live_generation_or_throw(dir));
        index.name = index.generations.back().filename().string();
    }
    for (const fs::path& part : parts) {
        index.generations.push_back(live_generation_or_throw(part));
        index.name += (index.name.empty() ? "" : " ") + part.filename().string() + "/" +
                      index.generations.back().filename().string();
    }
    for (const fs::path& g : index.generations) {
        index.parts.push_back(open_or_throw(g));
        index.all.add_database(index.parts.back());
    }
    return index;
}

std::optional<StoredParagraph> first_paragraph(const LiveIndex& index, const std::string& term) {
    const Xapian::Database& db = index.all;
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    try {
        return read_paragraph(db.get_document(*it));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void check_documents(const Xapian::Database& db, CheckReport& report) {
    std::map<std::string, std::size_t> per_file;
    std::size_t reported = 0;
    const auto problem = [&](std::string text) {
        if (++reported <= 20) report.problems.push_back(std::move(text));
    };
    const std::string file_prefix(schema::kFilePrefix);
    std::set<std::string> calls_recorded;  // call digests whose record was found
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        int files = 0;
        std::string file;
        auto t = doc.termlist_begin();
        for (t.skip_to(file_prefix); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term.compare(0, file_prefix.size(), file_prefix) != 0) break;
            ++files;
            file = term;
        }
        if (files != 1) problem("document " + std::to_string(*it) + " names " + std::to_string(files) + " source files");
        ++per_file[file];
        try {
            const ParagraphData data = decode_paragraph_data(doc.get_data());
            if (!calls_recorded.count(data.file_digest)) {
                if (db.get_metadata(call_record_key(data.file_digest)).empty()) {
                    problem("document " + std::to_string(*it) + ": no call record for call " + data.file_digest);
                } else {
                    calls_recorded.insert(data.file_digest);
                }
            }
        } catch (const std::exception& e) {
            problem("document " + std::to_string(*it) + ": " + e.what());
        }
    }
    const auto records = read_file_records(db);
    report.files += records.size();
    for (const auto& [key, record] : records) {
        const std::string term = schema::file_term(key);
        const std::size_t found = per_file.count(term) ? per_file[term] : 0;
        if (found != record.paragraphs) {
            problem(record.path + ": record says " + std::to_string(record.paragraphs) + " paragraphs, index holds " +
                    std::to_string(found));
        }
        per_file.erase(term);
    }
    for (const auto& [key, count] : per_file) {
        if (!key.empty()) problem(key + ": " + std::to_string(count) + " paragraphs with no file record");
    }
    if (reported > 20) report.problems.push_back("... and " + std::to_string(reported - 20) + " more problems");
}

}  // namespace

CheckReport check_index(const fs::path& dir, std::chrono::milliseconds wait) {
    CheckReport report;
    const LiveIndex index = live_index_or_throw(dir);
    const WriterLock lock(dir, wait);
    report.generation = index.name;
    // Each part on its own: its documents and file records agree within it.
    for (std::size_t p = 0; p < index.parts.size(); ++p) {
        std::ostringstream xapian_out;
        try {
            const std::size_t errors = Xapian::Database::check(index.generations[p].string(), 0, &xapian_out);
            if (errors > 0) report.problems.push_back("Xapian's check found " + std::to_string(errors) + " errors");
        } catch (const Xapian::Error& e) {
            report.problems.push_back("Xapian's check failed: " + e.get_msg());
            return report;
        }
        const Xapian::Database& db = index.parts[p];
        report.documents += db.get_doccount();
        if (std::string problem = schema_problem(db, dir); !problem.empty()) {
            report.problems.push_back(problem);
            return report;
        }
        check_documents(db, report);
    }
    return report;
}

namespace {

IndexStats read_stats(const fs::path& dir, std::size_t top_speakers) {
    const LiveIndex index = live_index_or_throw(dir);
    const Xapian::Database& db = index.all;
    IndexStats stats;
    stats.generation = index.name;
    stats.schema_version = index.parts.front().get_metadata(std::string(schema::kSchemaVersionKey));
    stats.paragraphs = db.get_doccount();
    for (const Xapian::Database& part : index.parts) stats.files += read_file_records(part).size();
    stats.paragraphs_by_lang = counts_by_prefix(db, schema::kLangPrefix);
    stats.paragraphs_by_section = counts_by_prefix(db, schema::kSectionPrefix);
    stats.paragraphs_by_role = counts_by_prefix(db, schema::kRolePrefix);

    for (const auto& [call, count] : counts_by_prefix(db, schema::kCallPrefix)) {
        (void)count;
        ++stats.calls;
        const auto p = first_paragraph(index, std::string(schema::kCallPrefix) + call);
        if (p) ++stats.calls_by_company_year[p->company][p->year];
        if (p && !p->date) ++stats.calls_without_date;
    }

    const auto speakers = counts_by_prefix(db, schema::kSpeakerNamePrefix);
    stats.speakers = speakers.size();
    std::vector<std::pair<std::string, Xapian::doccount>> ranked(speakers.begin(), speakers.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (ranked.size() > top_speakers) ranked.resize(top_speakers);
    for (auto& [name, count] : ranked) {
        const auto p = first_paragraph(index, std::string(schema::kSpeakerNamePrefix) + name);
        stats.top_speakers.emplace_back(p ? p->speaker : name, count);
    }
    return stats;
}

}  // namespace

IndexStats index_stats(const fs::path& dir, std::size_t top_speakers) {
    // Stats read without the writer lock, so a commit may overtake them: read
    // again from the new state.
    for (int attempt = 0;; ++attempt) {
        try {
            return read_stats(dir, top_speakers);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 5) throw IndexError("index " + dir.string() + " keeps changing: " + e.get_msg());
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot read index " + dir.string() + ": " + e.get_msg());
        }
    }
}

std::string format_stats_text(const IndexStats& s) {
    std::ostringstream out;
    out << "generation " << s.generation << ", schema " << s.schema_version << ": " << s.files << " files, " << s.calls
        << " calls, " << s.paragraphs << " paragraphs, " << s.speakers << " speakers\n";
    out << "calls without a date: " << s.calls_without_date << '\n';
    out << "paragraphs by language:";
    for (const auto& [lang, n] : s.paragraphs_by_lang) out << ' ' << lang << ' ' << n;
    out << "\nparagraphs by section:";
    for (const auto& [section, n] : s.paragraphs_by_section) out << ' ' << section << ' ' << n;
    out << "\nparagraphs by role:";
    for (const auto& [role, n] : s.paragraphs_by_role) out << ' ' << role << ' ' << n;
    out << "\ncalls by company and year:\n";
    for (const auto& [company, years] : s.calls_by_company_year) {
        out << "  " << (company.empty() ? "(unknown)" : company) << ':';
        for (const auto& [year, n] : years) out << ' ' << year << " (" << n << ')';
        out << '\n';
    }
    out << "speakers with most paragraphs:\n";
    for (const auto& [name, n] : s.top_speakers) out << "  " << name << ' ' << n << '\n';
    return out.str();
}

std::string format_stats_json(const IndexStats& s) {
    nlohmann::ordered_json j;
    j["generation"] = s.generation;
    j["schema_version"] = s.schema_version;
    j["files"] = s.files;
    j["calls"] = s.calls;
    j["calls_without_date"] = s.calls_without_date;
    j["paragraphs"] = s.paragraphs;
    j["paragraphs_by_lang"] = s.paragraphs_by_lang;
    j["paragraphs_by_section"] = s.paragraphs_by_section;
    j["paragraphs_by_role"] = s.paragraphs_by_role;
    nlohmann::ordered_json companies = nlohmann::ordered_json::object();
    for (const auto& [company, years] : s.calls_by_company_year) {
        nlohmann::ordered_json by_year = nlohmann::ordered_json::object();
        for (const auto& [year, n] : years) by_year[std::to_string(year)] = n;
        companies[company] = by_year;
    }
    j["calls_by_company_year"] = companies;
    j["speakers"] = s.speakers;
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    for (const auto& [name, n] : s.top_speakers) top.push_back({{"speaker", name}, {"paragraphs", n}});
    j["top_speakers"] = top;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace callsearch
