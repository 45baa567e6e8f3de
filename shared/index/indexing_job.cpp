#include "index/indexing_job.h"

#include <array>
#include <chrono>
#include <map>

#include "analyze/text_analyzer.h"
#include "index/document_builder.h"
#include "index/index_writer.h"
#include "parse/transcript_parser.h"
#include "read/input_paths.h"
#include "read/source_file.h"
#include "schema/filter_terms.h"

namespace callsearch {

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

struct Pending {
    Transcript transcript;
    std::string file_key;
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
    InputPaths inputs = collect_input_paths(config.inputs);
    for (const std::string& w : inputs.warnings) warn(w);
    summary.skipped = inputs.warnings.size();
    summary.files = inputs.files.size();

    IndexWriter writer(config.db_dir);
    analyze::TextAnalyzer analyzer;
    std::map<std::string, std::string> tickers = writer.known_tickers();
    // Calls whose file names no ticker wait until the end of the run, when every
    // other file has had the chance to tell us the company's ticker.
    std::vector<Pending> pending;

    const auto store = [&](const Transcript& transcript, const std::string& key) {
        const auto docs = build_documents(transcript, key, analyzer);
        writer.replace_file(key, docs);
        summary.calls += 1;
        summary.turns += transcript.turns.size();
        summary.paragraphs += docs.size();
    };

    for (const auto& path : inputs.files) {
        const std::string shown = path.string();
        Transcript transcript;
        try {
            SourceText source = read_source_file(path);
            transcript = parse_transcript(source.text, shown);
        } catch (const InputError& e) {
            warn(shown + ": " + e.what());
            ++summary.skipped;
            continue;
        } catch (const ParseError& e) {
            warn(shown + ": " + e.what());
            ++summary.skipped;
            continue;
        }
        const std::string key = schema::file_key(shown);
        const std::string company = company_key(transcript.call.company);
        if (!transcript.call.ticker.empty()) {
            if (!company.empty() && tickers[company] != transcript.call.ticker) {
                tickers[company] = transcript.call.ticker;
                writer.remember_ticker(company, transcript.call.ticker);
            }
            store(transcript, key);
        } else {
            pending.push_back({std::move(transcript), key});
        }
    }
    for (Pending& p : pending) {
        if (auto it = tickers.find(company_key(p.transcript.call.company)); it != tickers.end()) {
            p.transcript.call.ticker = it->second;
        }
        store(p.transcript, p.file_key);
    }
    writer.commit();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace callsearch
