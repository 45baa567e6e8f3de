#include "index/indexing_job.h"

#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "index/document_builder.h"
#include "index/file_records.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/writer_lock.h"
#include "parse/transcript_parser.h"
#include "read/input_paths.h"
#include "read/source_file.h"
#include "schema/filter_terms.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 16> kCorporateSuffixes = {
    "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company",
    "plc", "holdings", "holding", "group", "llc", "lp", "sa", "nv"};

bool is_corporate_suffix(std::string_view word) {
    for (std::string_view s : kCorporateSuffixes) {
        if (word == s) return true;
    }
    return false;
}

bool is_under(const std::string& path, const std::vector<fs::path>& directories) {
    for (const fs::path& dir : directories) {
        std::string prefix = dir.string();
        if (prefix.empty() || prefix.back() != '/') prefix += '/';
        if (path.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
}

// A transcript read and parsed, waiting to be written.
struct Parsed {
    Transcript transcript;
    std::string file_key;
    FileRecord record;
};

// The body of one run, against the generation being written.
class Run {
public:
    Run(const IndexJobConfig& config, const WarningSink& warn, IndexWriter& writer,
        const std::optional<Xapian::Database>& previous_generation)
        : config_(config), warn_(warn), writer_(writer), previous_db_(previous_generation) {
        const Xapian::Database& source = previous_db_ ? *previous_db_ : writer_.database();
        previous_ = read_file_records(source);
        tickers_ = read_known_tickers(source);
        if (previous_db_) {
            for (const auto& [company, ticker] : tickers_) writer_.remember_ticker(company, ticker);
        }
    }

    void index(const InputPaths& inputs, IndexSummary& summary) {
        summary.files = inputs.files.size() + inputs.passed_over.size();
        for (const PassedOver& p : inputs.passed_over) {
            skip(p.path, p.reason, summary);
            keep_previous(p.path);
        }
        std::vector<Parsed> without_ticker;
        for (const fs::path& path : inputs.files) {
            auto parsed = read_and_parse(path, summary);
            if (!parsed) continue;
            if (parsed->transcript.call.ticker.empty()) {
                without_ticker.push_back(std::move(*parsed));
                continue;
            }
            learn_ticker(parsed->transcript.call);
            store_or_skip(*parsed, summary);
        }
        // Calls whose file names no ticker wait until every other file of the
        // run has had the chance to tell us the company's ticker.
        for (Parsed& p : without_ticker) {
            if (auto it = tickers_.find(company_key(p.transcript.call.company)); it != tickers_.end()) {
                p.transcript.call.ticker = it->second;
            }
            store_or_skip(p, summary);
        }
        remove_vanished(inputs.directories, summary);
    }

private:
    std::optional<Parsed> read_and_parse(const fs::path& path, IndexSummary& summary) {
        const std::string shown = path.string();
        const std::string key = schema::file_key(shown);
        seen_.insert(key);
        try {
            SourceText source = read_source_file(path);
            for (const std::string& note : source.notes) warn_(shown + ": " + note);
            const std::string hash = content_hash(source.text);
            if (!config_.rebuild) {
                if (auto it = previous_.find(key); it != previous_.end() && it->second.content_hash == hash) {
                    ++summary.unchanged;
                    return std::nullopt;
                }
            }
            Parsed parsed{parse_transcript(source.text, shown), key, FileRecord{shown, hash, 0}};
            return parsed;
        } catch (const InputError& e) {
            skip(shown, e.what(), summary);
        } catch (const ParseError& e) {
            skip(shown, e.what(), summary);
        }
        keep_previous(shown);
        return std::nullopt;
    }

    // What a file or folder we could not take this time contributed before
    // stays: an update leaves it alone, a rebuild carries it over.
    void keep_previous(const std::string& path) {
        const std::vector<fs::path> under = {fs::path(path)};
        for (const auto& [key, record] : previous_) {
            if (record.path != path && !is_under(record.path, under)) continue;
            seen_.insert(key);
            if (previous_db_) writer_.copy_file(*previous_db_, key);
        }
    }

    void store_or_skip(Parsed& parsed, IndexSummary& summary) {
        try {
            store(parsed, summary);
        } catch (const ParseError& e) {
            skip(parsed.record.path, e.what(), summary);
            keep_previous(parsed.record.path);
        }
    }

    void learn_ticker(const CallInfo& call) {
        const std::string company = company_key(call.company);
        if (company.empty() || tickers_[company] == call.ticker) return;
        tickers_[company] = call.ticker;
        writer_.remember_ticker(company, call.ticker);
    }

    void store(Parsed& parsed, IndexSummary& summary) {
        const auto docs = build_documents(parsed.transcript, parsed.file_key, analyzer_);
        parsed.record.paragraphs = docs.size();
        writer_.replace_file(parsed.file_key, docs, parsed.record);
        ++(previous_.count(parsed.file_key) && !config_.rebuild ? summary.updated : summary.added);
        summary.calls += 1;
        summary.turns += parsed.transcript.turns.size();
        summary.paragraphs += docs.size();
    }

    // Files gone from a folder argument lose what they contributed. A rebuild
    // starts empty, so everything it did not index again is gone too.
    void remove_vanished(const std::vector<fs::path>& directories, IndexSummary& summary) {
        for (const auto& [key, record] : previous_) {
            if (seen_.count(key)) continue;
            if (config_.rebuild) {
                ++summary.removed;
            } else if (is_under(record.path, directories)) {
                writer_.remove_file(key);
                ++summary.removed;
            }
        }
    }

    void skip(std::string path, std::string reason, IndexSummary& summary) {
        warn_(path + ": " + reason);
        summary.skipped.push_back({std::move(path), std::move(reason)});
    }

    const IndexJobConfig& config_;
    const WarningSink& warn_;
    IndexWriter& writer_;
    const std::optional<Xapian::Database>& previous_db_;
    analyze::TextAnalyzer analyzer_;
    std::map<std::string, FileRecord> previous_;
    std::map<std::string, std::string> tickers_;
    std::set<std::string> seen_;
};

}  // namespace

std::string company_key(std::string_view company) {
    std::string key;
    for (const std::string& word : schema::company_words(company)) {
        if (is_corporate_suffix(word)) continue;
        if (!key.empty()) key += ' ';
        key += word;
    }
    if (key.size() > 200) key.resize(200);
    return key;
}

IndexSummary run_index_job(const IndexJobConfig& config, const WarningSink& warn) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    summary.rebuild = config.rebuild;

    if (config.db_dir.empty()) throw IndexError("the index path is empty");
    const IndexLayout layout(config.db_dir);
    layout.check_writable_here();
    const WriterLock lock(config.db_dir, config.wait);
    const auto live = layout.live_generation();
    const bool new_generation = config.rebuild || !live;
    const fs::path target = new_generation ? layout.new_generation() : *live;
    layout.remove_stale_generations(target);  // leftovers of killed rebuilds

    InputPaths inputs = collect_input_paths(config.inputs);
    // `indexer .` with the index inside "." must not read its own database.
    std::error_code ec;
    const std::vector<fs::path> own = {fs::weakly_canonical(fs::absolute(config.db_dir), ec)};
    std::erase_if(inputs.files, [&](const fs::path& f) { return is_under(f.string(), own); });
    std::erase_if(inputs.passed_over, [&](const PassedOver& p) { return is_under(p.path, own); });
    if (config.rebuild && inputs.files.empty()) {
        // Most likely a mistyped path: publishing an empty index would wipe it.
        throw IndexError("--rebuild found no files in the given paths; the index is left as it was");
    }
    std::optional<Xapian::Database> previous;
    if (new_generation && live) {
        try {
            previous.emplace(live->string());
        } catch (const Xapian::Error& e) {
            warn(live->string() + ": cannot read the old generation (" + e.get_msg() + "); rebuilding without it");
        }
    }
    {
        IndexWriter writer(target);
        Run run(config, warn, writer, previous);
        run.index(inputs, summary);
        writer.commit();
    }
    if (new_generation) {
        layout.publish(target);
        previous.reset();
        layout.remove_stale_generations();
    }
    summary.generation = target.filename().string();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace callsearch

namespace callsearch {

std::string format_summary_text(const IndexSummary& s) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "%s %zu files: %zu added, %zu updated, %zu unchanged, %zu removed, %zu skipped; "
                  "%zu calls, %zu turns, %zu paragraphs indexed in %.2f s",
                  s.rebuild ? "rebuilt from" : "indexed", s.files, s.added, s.updated, s.unchanged, s.removed,
                  s.skipped.size(), s.calls, s.turns, s.paragraphs, s.seconds);
    return line;
}

std::string format_summary_json(const IndexSummary& s) {
    nlohmann::ordered_json j;
    j["rebuild"] = s.rebuild;
    j["generation"] = s.generation;
    j["files"] = s.files;
    j["added"] = s.added;
    j["updated"] = s.updated;
    j["unchanged"] = s.unchanged;
    j["removed"] = s.removed;
    j["skipped"] = s.skipped.size();
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const SkippedFile& f : s.skipped) skipped.push_back({{"path", f.path}, {"reason", f.reason}});
    j["skipped_files"] = skipped;
    j["calls"] = s.calls;
    j["turns"] = s.turns;
    j["paragraphs"] = s.paragraphs;
    j["seconds"] = s.seconds;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace callsearch
