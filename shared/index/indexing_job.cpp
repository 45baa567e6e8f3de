#include "index/indexing_job.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "analyze/text_analyzer.h"
#include "index/disk_room.h"
#include "index/document_builder.h"
#include "index/file_records.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "index/new_calls.h"
#include "index/shard_set.h"
#include "index/worker_pool.h"
#include "index/writer_lock.h"
#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/input_paths.h"
#include "read/manifest.h"
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

// One input file, in input order.
// What reading a PDF, HTML or JSON file gave, kept for a file whose
// preparation waits for the second pass, so that it is not extracted twice.
struct Extracted {
    std::string hash;
    DocumentText document;
};

struct InputFile {
    fs::path path;
    std::uintmax_t bytes = 0;
    std::shared_ptr<const Extracted> extracted{};  // second pass only; null: read the file again
};

// A file read, parsed and turned into documents, waiting to be written.
struct Prepared {
    std::string file_key;
    FileRecord record;
    std::vector<StoredCall> calls;  // one per call the file holds
    std::vector<Xapian::Document> docs;
    std::size_t turns = 0;
};

// Contiguous runs of files of about `budget` bytes each (at least one file):
// the unit of work of one thread, and of what it holds in memory at once.
std::vector<std::vector<InputFile>> batches_of(std::vector<InputFile> files, std::uintmax_t budget) {
    std::vector<std::vector<InputFile>> out;
    std::uintmax_t bytes = 0;
    for (InputFile& f : files) {
        if (out.empty() || (bytes > 0 && bytes + f.bytes > budget)) {
            out.emplace_back();
            bytes = 0;
        }
        bytes += f.bytes;
        out.back().push_back(std::move(f));
    }
    return out;
}

// One writer per part of the index (index/index_layout.h), each opened when
// first needed; a file's documents go to the part part_of() gives it. With a
// DiskRoom (scratch shards), each commit first reserves the room it needs.
class PartWriters {
public:
    PartWriters(std::size_t parts, std::function<fs::path(std::size_t)> path, IndexWriter::Mode mode,
                DiskRoom* room = nullptr)
        : writers_(parts), path_(std::move(path)), mode_(mode), room_(room) {}
    [[nodiscard]] std::size_t size() const { return writers_.size(); }
    IndexWriter& at(std::size_t part) {
        if (!writers_[part]) writers_[part] = std::make_unique<IndexWriter>(path_(part), mode_);
        return *writers_[part];
    }
    IndexWriter& of_file(const std::string& file_key) { return at(part_of(file_key, writers_.size())); }
    void commit() {
        for (auto& w : writers_) {
            if (!w) continue;
            // Remote parts read the stems from metadata (schema::stem_metadata_key).
            if (writers_.size() > 1 && mode_ == IndexWriter::Mode::Transaction) w->mirror_stems();
            if (room_) {
                const DiskRoom::Reservation held = room_->reserve(w->dir(), w->pending_bytes());
                w->commit();
            } else {
                w->commit();
            }
        }
    }

private:
    std::vector<std::unique_ptr<IndexWriter>> writers_;
    std::function<fs::path(std::size_t)> path_;
    IndexWriter::Mode mode_;
    DiskRoom* room_;
};

// The body of one run. Methods marked "any thread" may run on several worker
// threads at once; they share state only under mutex_.
class Run {
public:
    // `previous_generation`: the parts of the index a rebuild replaces (null
    // where unreadable); `current`: the parts as they are, for their records.
    Run(const IndexJobConfig& config, const WarningSink& warn, const Manifest& manifest,
        std::vector<const Xapian::Database*> previous_generation, const std::vector<Xapian::Database>& current)
        : config_(config), warn_(warn), manifest_(manifest), previous_dbs_(std::move(previous_generation)),
          started_(std::chrono::steady_clock::now()) {
        for (const Xapian::Database& part : current) {
            previous_.merge(read_file_records(part));
            for (auto& [company, ticker] : read_known_tickers(part)) tickers_[company] = {std::string(), std::move(ticker)};
        }
        const unsigned jobs = std::max(1u, config_.jobs);
        analyzers_.resize(jobs);
        const std::uintmax_t budget = std::uintmax_t{config_.memory_mib} << 20;
        batch_bytes_ = std::max<std::uintmax_t>(64 << 10, budget / jobs / kMemoryPerInputByte);
        if (config_.track_new_calls) new_calls_.emplace(previous_);
    }

    // What this run added or changed, against `before` (the parts of the
    // index as the run found it; a null part is unreadable).
    [[nodiscard]] std::vector<schema::CallRef> new_calls(const std::vector<const Xapian::Database*>& before) const {
        if (!new_calls_) return {};
        return new_calls_->new_calls([&](const std::string& file_key) -> const Xapian::Database* {
            return before.empty() ? nullptr : before[part_of(file_key, before.size())];
        });
    }

    // Rebuild (or first run): every thread writes its own shards.
    // In parts, each batch has a scratch shard per part (numbered batch * parts
    // + part), and each part merges its own.
    void build_generation(const InputPaths& inputs, const std::vector<fs::path>& targets, const fs::path& scratch,
                          IndexSummary& summary) {
        const ShardSet shards(scratch);
        const std::size_t parts = targets.size();
        std::size_t shard_count = 0;
        DiskRoom room;
        const auto writers_for = [&](std::size_t number) {
            return PartWriters(parts, [&shards, number, parts](std::size_t p) { return shards.path(number * parts + p); },
                               IndexWriter::Mode::Shard, &room);
        };
        auto write_shards = [&](std::vector<std::vector<InputFile>> batches, bool deferred_pass) {
            run_tasks(batches.size(), config_.jobs, [&](std::size_t b, unsigned worker) {
                PartWriters writers = writers_for(shard_count + b);
                for (const InputFile& file : batches[b]) {
                    if (auto prepared = prepare(file, worker, deferred_pass, summary)) {
                        store(writers.of_file(prepared->file_key), *prepared, summary);
                    }
                }
                writers.commit();
            });
            shard_count += batches.size();
        };
        begin(inputs, summary);
        // Several batches per thread, so that threads finish together.
        const std::uintmax_t balanced = progress_.bytes_total / (std::uintmax_t{config_.jobs} * 8) + 1;
        const std::uintmax_t batch = std::min(batch_bytes_, std::max<std::uintmax_t>(balanced, 256 << 10));
        write_shards(batches_of(files_, batch), false);
        write_shards(batches_of(take_deferred(), batch), true);
        {
            // Last shard: what failed files carry over, and the tickers known (in every part).
            PartWriters writers = writers_for(shard_count++);
            std::sort(carried_.begin(), carried_.end());
            for (const std::string& key : carried_) {
                if (const Xapian::Database* from = previous_of(key)) writers.of_file(key).copy_file(*from, key);
            }
            for (std::size_t p = 0; p < parts; ++p) {
                IndexWriter& writer = writers.at(p);
                for (const auto& [company, ticker] : tickers_) writer.remember_ticker(company, ticker.second);
            }
            writers.commit();
        }
        finish(inputs, summary, nullptr);
        report_progress(true);
        for (std::size_t p = 0; p < parts; ++p) {
            std::vector<std::size_t> numbers;
            for (std::size_t i = 0; i < shard_count; ++i) numbers.push_back(i * parts + p);
            std::error_code ec;
            fs::create_directories(targets[p].parent_path(), ec);  // a new part's folder
            shards.merge_into(targets[p], numbers);
        }
        if (parts > 1) {
            for (const fs::path& target : targets) {
                IndexWriter writer(target);
                writer.mirror_stems();
                writer.commit();
            }
        }
    }

    // Incremental: threads prepare documents, one writer writes them in input order.
    void update(const InputPaths& inputs, PartWriters& writers, IndexSummary& summary) {
        auto write_in_order = [&](const std::vector<std::vector<InputFile>>& batches, bool deferred_pass) {
            for (const auto& batch : batches) {
                std::vector<std::optional<Prepared>> ready(batch.size());
                run_tasks(batch.size(), config_.jobs, [&](std::size_t i, unsigned worker) {
                    ready[i] = prepare(batch[i], worker, deferred_pass, summary);
                });
                for (auto& prepared : ready) {
                    if (prepared) store(writers.of_file(prepared->file_key), *prepared, summary);
                }
            }
        };
        // A batch per thread, so that every thread has work.
        const std::uintmax_t batch = batch_bytes_ * std::max(1u, config_.jobs);
        begin(inputs, summary);
        write_in_order(batches_of(files_, batch), false);
        write_in_order(batches_of(take_deferred(), batch), true);
        for (std::size_t p = 0; p < writers.size(); ++p) {
            for (const auto& [company, ticker] : tickers_) writers.at(p).remember_ticker(company, ticker.second);
        }
        finish(inputs, summary, &writers);
    }

private:
    void begin(const InputPaths& inputs, IndexSummary& summary) {
        summary.files = inputs.files.size() + inputs.passed_over.size();
        for (const PassedOver& p : inputs.passed_over) {
            skip(p.path, p.reason, summary);
            keep_previous(p.path);
        }
        for (const fs::path& path : inputs.files) {
            std::error_code ec;
            const std::uintmax_t size = fs::file_size(path, ec);
            files_.push_back({path, ec ? 0 : size});
            progress_.bytes_total += files_.back().bytes;
        }
        progress_.files_total = files_.size();
    }

    // Files gone from a folder argument lose what they contributed. A rebuild
    // starts empty, so everything it did not index again is gone too.
    void finish(const InputPaths& inputs, IndexSummary& summary, PartWriters* writer) {
        for (const auto& [key, record] : previous_) {
            if (seen_.count(key)) continue;
            if (config_.rebuild || !writer) {
                ++summary.removed;
            } else if (is_under(record.path, inputs.directories)) {
                writer->of_file(key).remove_file(key);
                ++summary.removed;
            }
        }
        std::stable_sort(summary.skipped.begin(), summary.skipped.end(),
                         [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
    }

    // Ticker-less calls are prepared after every other file of the run has
    // had the chance to tell us the company's ticker. Only their paths wait.
    std::vector<InputFile> take_deferred() {
        std::sort(deferred_.begin(), deferred_.end(),
                  [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
        return std::exchange(deferred_, {});
    }

    // Any thread. Reads, parses and analyzes one file; nullopt when there is
    // nothing to write (unchanged, skipped, or deferred to the second pass).
    // The hash is of the file's bytes (and its manifest overrides), taken
    // before any extraction, so an unchanged PDF is never extracted again.
    std::optional<Prepared> prepare(const InputFile& file, unsigned worker, bool deferred_pass,
                                    IndexSummary& summary) {
        const std::string shown = file.path.string();
        const std::string key = schema::file_key(shown);
        std::optional<Prepared> out;
        bool failed = false;
        // Notes and per-call problems, given once: not when the file waits
        // for the second pass, which reads it again.
        std::vector<std::string> notes;
        try {
            const CallOverrides* overrides = manifest_.find(file.path);
            std::string hash;
            std::shared_ptr<const Extracted> extracted = file.extracted;
            if (!extracted) {
                std::string bytes = read_source_bytes(file.path);
                hash = content_hash(bytes);
                if (overrides) hash = content_hash(hash + "\x1f" + overrides->fingerprint());
                if (!config_.rebuild && is_unchanged(key, hash)) {
                    done(file, key, [&] { ++summary.unchanged; });
                    return std::nullopt;
                }
                extracted = std::make_shared<const Extracted>(Extracted{hash, read_document(std::move(bytes))});
            }
            hash = extracted->hash;
            const DocumentText& document = extracted->document;
            std::vector<Transcript> transcripts;
            std::string first_error;
            for (const DocumentText::Call& call : document.calls) {
                const std::string where = call.label.empty() ? shown : shown + " (" + call.label + ")";
                for (const std::string& note : call.source.notes) notes.push_back(where + ": " + note);
                try {
                    transcripts.push_back(parse_transcript(call.source.text, shown));
                } catch (const ParseError& e) {
                    if (document.calls.size() == 1) throw;
                    // The file's other calls are still indexed.
                    notes.push_back(where + ": " + e.what());
                    if (first_error.empty()) first_error = e.what();
                    continue;
                }
                if (overrides) overrides->apply_to(transcripts.back().call);
            }
            if (transcripts.empty()) {
                throw ParseError("none of its " + std::to_string(document.calls.size()) +
                                 " calls could be read (" + first_error + ")");
            }
            const bool ticker_missing = std::any_of(transcripts.begin(), transcripts.end(),
                                                    [](const Transcript& t) { return t.call.ticker.empty(); });
            if (ticker_missing && !deferred_pass) {
                // Extracted text is kept for the second pass while it fits a
                // quarter of the memory budget; plain text is cheap to read again.
                std::size_t text_bytes = 0;
                for (const DocumentText::Call& c : document.calls) text_bytes += c.source.text.size();
                const std::lock_guard lock(mutex_);
                const bool keep = document.format != SourceFormat::Text &&
                                  deferred_text_bytes_ + text_bytes <= (std::size_t{config_.memory_mib} << 20) / 4;
                if (keep) deferred_text_bytes_ += text_bytes;
                deferred_.push_back({file.path, file.bytes, keep ? extracted : nullptr});
                return std::nullopt;  // counted as done in the second pass
            }
            for (std::size_t i = 0; i < transcripts.size(); ++i) {
                Transcript& t = transcripts[i];
                if (t.call.ticker.empty()) {
                    t.call.ticker = known_ticker(t.call.company);
                } else {
                    learn_ticker(t.call, file.path);
                }
                if (const std::string missing = missing_call_fields(t.call); !missing.empty()) {
                    const std::string where = transcripts.size() == 1 ? shown
                                              : shown + " (call " + std::to_string(i + 1) + " of " +
                                                    std::to_string(transcripts.size()) + ")";
                    notes.push_back(where + ": call fields not found: " + missing);
                }
            }
            out = Prepared{key, FileRecord{shown, std::move(hash), 0, transcripts.size()}, {}, {}, 0};
            for (std::size_t i = 0; i < transcripts.size(); ++i) {
                const Transcript& t = transcripts[i];
                out->calls.push_back(stored_call(t.call, schema::call_key(t.call)));
                std::vector<Xapian::Document> docs = build_documents(t, key, analyzers_[worker], i);
                std::move(docs.begin(), docs.end(), std::back_inserter(out->docs));
                out->turns += t.turns.size();
            }
            out->record.paragraphs = out->docs.size();
        } catch (const InputError& e) {
            for (const std::string& note : notes) warn(note);
            skip(shown, e.what(), summary);
            failed = true;
        } catch (const ParseError& e) {
            for (const std::string& note : notes) warn(note);
            skip(shown, e.what(), summary);
            failed = true;
        }
        if (!failed) {
            for (const std::string& note : notes) warn(note);
        }
        if (failed) {
            keep_previous(shown);
            out.reset();
        }
        done(file, key, [] {});
        return out;
    }

    // Any thread (the writer is the caller's own).
    void store(IndexWriter& writer, const Prepared& prepared, IndexSummary& summary) {
        writer.replace_file(prepared.file_key, prepared.docs, prepared.record, prepared.calls);
        if (new_calls_) new_calls_->written(prepared.file_key, prepared.record, prepared.calls, prepared.docs);
        const std::lock_guard lock(mutex_);
        ++(previous_.count(prepared.file_key) && !config_.rebuild ? summary.updated : summary.added);
        summary.calls += prepared.calls.size();
        summary.turns += prepared.turns;
        summary.paragraphs += prepared.docs.size();
    }

    bool is_unchanged(const std::string& key, const std::string& hash) const {
        const auto it = previous_.find(key);  // previous_ is read-only while threads run
        return it != previous_.end() && it->second.content_hash == hash;
    }

    template <typename Count>
    void done(const InputFile& file, const std::string& key, Count&& count) {
        const std::lock_guard lock(mutex_);
        seen_.insert(key);
        count();
        ++progress_.files_done;
        progress_.bytes_done += file.bytes;
        report_progress_locked(false);
    }

    void report_progress(bool merging) {
        const std::lock_guard lock(mutex_);
        report_progress_locked(merging);
    }

    void report_progress_locked(bool merging) {
        if (!config_.progress) return;
        progress_.merging = merging;
        progress_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        config_.progress(progress_);
    }

    // What a file or folder we could not take this time contributed before
    // stays: an update leaves it alone, a rebuild carries it over.
    void keep_previous(const std::string& path) {
        const std::vector<fs::path> under = {fs::path(path)};
        const std::lock_guard lock(mutex_);
        for (const auto& [key, record] : previous_) {
            if (record.path != path && !is_under(record.path, under)) continue;
            if (seen_.insert(key).second && previous_of(key)) carried_.push_back(key);
        }
    }

    // The part of the replaced index holding `key`, if readable.
    const Xapian::Database* previous_of(const std::string& key) const {
        return previous_dbs_.empty() ? nullptr : previous_dbs_[part_of(key, previous_dbs_.size())];
    }

    // When files of one company give different tickers, the last file in
    // input order wins, however the files were shared out among threads.
    void learn_ticker(const CallInfo& call, const fs::path& path) {
        const std::string company = company_key(call.company);
        if (company.empty()) return;
        const std::lock_guard lock(mutex_);
        auto& [from, ticker] = tickers_[company];
        if (from.empty() || from < path.string()) {
            from = path.string();
            ticker = call.ticker;
        }
    }

    std::string known_ticker(const std::string& company) {
        const std::lock_guard lock(mutex_);
        const auto it = tickers_.find(company_key(company));
        return it == tickers_.end() ? std::string() : it->second.second;
    }

    void warn(const std::string& line) {
        const std::lock_guard lock(mutex_);
        warn_(line);
    }

    void skip(std::string path, std::string reason, IndexSummary& summary) {
        const std::lock_guard lock(mutex_);
        warn_(path + ": " + reason);
        summary.skipped.push_back({std::move(path), std::move(reason)});
    }

    const IndexJobConfig& config_;
    const WarningSink& warn_;
    const Manifest& manifest_;
    std::vector<const Xapian::Database*> previous_dbs_;  // the parts a rebuild replaces (null: unreadable)
    const std::chrono::steady_clock::time_point started_;
    std::vector<analyze::TextAnalyzer> analyzers_;  // one per worker thread
    std::uintmax_t batch_bytes_ = 0;
    std::map<std::string, FileRecord> previous_;
    std::vector<InputFile> files_;
    std::optional<NewCallTracker> new_calls_;  // with config_.track_new_calls

    std::mutex mutex_;  // guards everything below
    // company key -> (path of the file it was learned from, ticker); empty
    // path for tickers from earlier runs, which any file of this run overrides
    std::map<std::string, std::pair<std::string, std::string>> tickers_;
    std::set<std::string> seen_;
    std::vector<std::string> carried_;
    std::vector<InputFile> deferred_;
    std::size_t deferred_text_bytes_ = 0;  // text held by deferred_ entries
    IndexProgress progress_;
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
    // A manifest that cannot be used stops the run before anything is written.
    const Manifest manifest = config.manifest.empty() ? Manifest{} : read_manifest(config.manifest);
    for (const std::string& w : manifest.warnings) warn(w);
    const IndexLayout layout(config.db_dir);
    layout.check_writable_here();
    const WriterLock lock(config.db_dir, config.wait);
    const std::vector<fs::path> old_parts = layout.parts();
    const auto live = layout.live_generation();
    const std::size_t have = !old_parts.empty() ? old_parts.size() : (live ? 1 : 0);
    const std::size_t parts = config.shards > 0 ? config.shards : std::max<std::size_t>(have, 1);
    if (have > 0 && parts != have && !config.rebuild) {
        throw IndexError("the index at " + config.db_dir.string() + " is in " + std::to_string(have) + " part" +
                         (have == 1 ? "" : "s") + "; sharing it out into " + std::to_string(parts) +
                         " needs --rebuild (the index is left as it was)");
    }
    // Each part is a folder of the usual layout: the index folder itself when
    // the index is in one part (index/index_layout.h).
    std::vector<IndexLayout> part_layouts;
    for (std::size_t p = 0; p < parts; ++p) {
        part_layouts.emplace_back(parts == 1 ? config.db_dir : config.db_dir / part_dir_name(p));
    }
    const bool new_generation = config.rebuild || have == 0;
    std::vector<fs::path> targets;
    for (const IndexLayout& part : part_layouts) {
        const auto part_live = parts == 1 ? live : part.live_generation();
        if (!new_generation && !part_live) {
            throw IndexError("part " + part.dir().string() + " of the index has no live generation; run indexer --rebuild");
        }
        targets.push_back(new_generation ? part.new_generation() : *part_live);
        part.remove_stale_generations(targets.back());  // leftovers of killed rebuilds
    }
    if (parts > 1) layout.remove_stale_generations();  // scratch folders, and a generation from before the parts

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
    // What a rebuild replaces: the old parts, in their old number.
    std::vector<std::optional<Xapian::Database>> previous(new_generation ? have : 0);
    for (std::size_t p = 0; p < previous.size(); ++p) {
        const fs::path where = old_parts.empty() ? *live : old_parts[p];
        try {
            previous[p].emplace(where.string());
        } catch (const Xapian::Error& e) {
            warn(where.string() + ": cannot read the old generation (" + e.get_msg() + "); rebuilding without it");
        }
    }
    std::vector<const Xapian::Database*> previous_parts;
    std::vector<Xapian::Database> current;
    for (auto& db : previous) {
        previous_parts.push_back(db ? &*db : nullptr);
        if (db) current.push_back(*db);
    }
    try {
        if (new_generation) {
            Run run(config, warn, manifest, previous_parts, current);
            try {
                run.build_generation(inputs, targets, layout.scratch_dir(targets.front()), summary);
                summary.new_calls = run.new_calls(previous_parts);
                for (std::size_t p = 0; p < parts; ++p) part_layouts[p].publish(targets[p]);
                if (parts > 1 && old_parts.size() != parts) layout.publish_parts(parts);
            } catch (...) {
                // Give back the space of a half-built generation now (a full
                // disk is the usual cause), not at the next run.
                for (std::size_t p = 0; p < parts; ++p) {
                    if (part_layouts[p].live_generation() == targets[p]) continue;  // already switched
                    std::error_code ignored;
                    fs::remove_all(targets[p], ignored);
                }
                throw;
            }
        } else {
            // Readers keep the state before the run for comparison (index/new_calls.h).
            std::vector<Xapian::Database> before;
            std::vector<const Xapian::Database*> before_parts;
            if (config.track_new_calls) {
                for (const fs::path& target : targets) before.emplace_back(target.string());
                for (const Xapian::Database& db : before) before_parts.push_back(&db);
            }
            PartWriters writers(parts, [&](std::size_t p) { return targets[p]; }, IndexWriter::Mode::Transaction);
            for (std::size_t p = 0; p < parts; ++p) current.push_back(writers.at(p).database());
            Run run(config, warn, manifest, {}, current);
            run.update(inputs, writers, summary);
            summary.new_calls = run.new_calls(before_parts);
            // One commit per part, in part order: a run killed between two
            // leaves some parts updated and the rest as they were; the next
            // run finishes the job.
            writers.commit();
        }
    } catch (const IndexError& e) {
        // Until the commit or the switch, searchers see the index as it was.
        throw IndexError(std::string(e.what()) + "; the index is left as it was");
    }
    if (new_generation) {
        previous.clear();
        for (const IndexLayout& part : part_layouts) part.remove_stale_generations();
        if (parts > 1) layout.remove_stale_generations();
        layout.remove_parts_from(parts == 1 ? 0 : parts);
    }
    for (std::size_t p = 0; p < parts; ++p) {
        if (!summary.generation.empty()) summary.generation += ' ';
        summary.generation += (parts == 1 ? std::string() : part_dir_name(p) + "/") + targets[p].filename().string();
    }
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

std::string format_progress(const IndexProgress& p) {
    constexpr double kMB = 1e6;
    const double rate = p.seconds > 0 ? static_cast<double>(p.bytes_done) / kMB / p.seconds : 0.0;
    char line[160];
    if (p.merging) {
        std::snprintf(line, sizeof line, "%zu/%zu files, %.1f MB, %.1f MB/s; merging shards", p.files_done,
                      p.files_total, static_cast<double>(p.bytes_done) / kMB, rate);
    } else {
        const double left_mb = static_cast<double>(p.bytes_total - std::min(p.bytes_done, p.bytes_total)) / kMB;
        const std::string left = rate > 0 ? std::to_string(static_cast<long long>(left_mb / rate + 0.5)) + " s left"
                                          : std::string("starting");
        std::snprintf(line, sizeof line, "%zu/%zu files, %.1f/%.1f MB, %.1f MB/s, %s", p.files_done, p.files_total,
                      static_cast<double>(p.bytes_done) / kMB, static_cast<double>(p.bytes_total) / kMB, rate,
                      left.c_str());
    }
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
