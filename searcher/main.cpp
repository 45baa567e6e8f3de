// searcher: options -> SearchConfig -> callsearch::run_search -> exit code.
// Exit codes: 0 hits, 1 no hits, 2 error (one line on stderr).

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "index/index_layout.h"
#include "print/terminal.h"
#include "search/batch_job.h"
#include "search/search_job.h"

namespace {

constexpr int kExitHits = 0;
constexpr int kExitNoHits = 1;
constexpr int kExitError = 2;

int fail(const std::string& message) {
    std::cerr << "searcher: error: " << message << '\n';
    return kExitError;
}

bool takes_value(const std::string& option) {
    return option != "--count" && option != "--json" && option != "--full" && option != "--per-call" &&
           option != "--synonyms" && option != "--help" && option != "--answers" && option != "--csv" &&
           option != "--partial";
}

// "-word" excludes a word (query syntax) but looks like a short option to the
// option parser; we have no short options besides -h. So every argument that
// is not an option or an option's value is a query word: they all go, in
// their order, behind "--".
std::vector<std::string> with_query_words_last(int argc, char** argv) {
    std::vector<std::string> options, words;
    bool after_separator = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool is_long_option = arg.size() > 2 && arg.rfind("--", 0) == 0;
        if (after_separator || (!is_long_option && arg != "-h" && arg != "--")) {
            words.push_back(arg);
        } else if (arg == "--") {
            after_separator = true;
        } else {
            options.push_back(arg);
            // An option's value is never a query word, even if it starts with '-'.
            if (arg.find('=') == std::string::npos && takes_value(arg)) {
                // Else CLI11 would take the "--" added below for its value.
                if (i + 1 >= argc && arg == "--asked") throw CLI::ArgumentMismatch("--asked needs WORDS");
                if (i + 1 >= argc) continue;
                options.push_back(argv[++i]);
            }
        }
    }
    options.push_back("--");
    options.insert(options.end(), words.begin(), words.end());
    std::reverse(options.begin(), options.end());  // CLI11 takes them last first
    return options;
}

// The chart's width: the terminal's, else $COLUMNS, else 80.
std::size_t chart_width() {
    if (const std::size_t w = callsearch::terminal_width(STDOUT_FILENO)) return w;
    const char* columns = std::getenv("COLUMNS");
    if (columns && *columns) {
        char* end = nullptr;
        const long n = std::strtol(columns, &end, 10);
        if (*end == '\0' && n > 0 && n < 10000) return static_cast<std::size_t>(n);
    }
    return 80;
}

// --partial answered without these parts of the index.
void warn_missing(const std::vector<std::string>& missing) {
    for (const std::string& m : missing) std::cerr << "searcher: warning: answering without a part of the index: " << m << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search indexed earnings-call transcripts.", "searcher"};
    callsearch::SearchConfig config;
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    std::map<callsearch::Field, std::string> filters;
    bool json = false, count = false, full = false, per_call = false, answers = false;
    std::optional<std::string> asked;
    std::string sort = "relevance", color = "auto";
    std::optional<std::string> batch;
    std::optional<std::string> trend;
    bool csv = false;

    app.add_option("--db", dbs,
                   "Index folder, or a Xapian stub file listing parts (local paths, remote :HOST:PORT); "
                   "several --db: one index in parts (default: $CALLSEARCH_DB, else ./index)");
    double timeout_seconds = 5.0;
    app.add_option("--timeout", timeout_seconds, "Seconds to wait for a remote index part (default 5)")
        ->check(CLI::Range(0.001, 86400.0));
    app.add_flag("--partial", config.index.partial,
                 "Answer from the parts of the index that respond (a warning names the others)");
    const std::vector<std::pair<callsearch::Field, const char*>> filter_options = {
        {callsearch::Field::Speaker, "Speaker's full name or any word of it, e.g. Bong"},
        {callsearch::Field::Role, "ceo cfo coo cto president chairman ir gm analyst operator executive (or a title)"},
        {callsearch::Field::Company, "Words of the company name"},
        {callsearch::Field::Ticker, "Ticker symbol"},
        {callsearch::Field::Year, "Fiscal year, or a range 2020..2021"},
        {callsearch::Field::Quarter, "1-4 or Q1-Q4"},
        {callsearch::Field::Lang, "en or zh"},
        {callsearch::Field::Section, "prepared or qa"},
        {callsearch::Field::Call, "Call key, e.g. jg_q2_2021"},
    };
    for (const auto& [field, help] : filter_options) {
        app.add_option(std::string("--") + callsearch::field_name(field), filters[field], help);
    }
    std::string since, until;
    app.add_option("--since", since, "Calls dated on or after YYYY-MM-DD (calls without a date are left out)");
    app.add_option("--until", until, "Calls dated on or before YYYY-MM-DD (calls without a date are left out)");
    app.add_option("--limit", config.match.limit, "Hits to print (default 10)")->check(CLI::Range(1u, 1000000u));
    app.add_option("--offset", config.match.offset, "Hits to skip first");
    app.add_option("--sort", sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
    app.add_flag("--count", count, "Print only the number of matching paragraphs");
    app.add_flag("--json", json, "JSON Lines: one object per hit");
    app.add_flag("--full", full, "Print whole passages, not the sentences around the matches");
    app.add_flag("--per-call", per_call, "One result per call: its number of matching passages and best passage");
    app.add_option("--asked", asked,
                   "Only answers to an analyst question matching WORDS (query syntax, no filters)");
    app.add_flag("--answers", answers, "Under each analyst question hit, the answers it got");
    app.add_option("--color", color, "auto, always or never (auto honours NO_COLOR)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--synonyms", config.synonyms, "Expand every word through the thesaurus (as ~word does)");
    std::string thesaurus;
    app.add_option("--thesaurus", thesaurus,
                   "Your synonym groups, added to the shipped ones (default: $CALLSEARCH_THESAURUS)");
    app.add_option("--batch", batch,
                   "Run every query of FILE (- for stdin), one per line or JSON object; JSON Lines out");
    app.add_option("--trend", trend,
                   "Mentions per bucket, as a chart: year, quarter, company, ticker, speaker, role, section, "
                   "or two (company,quarter)");
    app.add_flag("--csv", csv, "CSV (RFC 4180) with a header row: the JSON fields of each hit or bucket");
    app.add_option("QUERY", words, "Words, \"phrases\", AND OR NOT -word, field:value");

    try {
        app.parse(with_query_words_last(argc, argv));
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(e.what());
    }

    if (dbs.empty()) dbs.push_back(callsearch::default_index_dir().string());
    for (const std::string& db : dbs) {
        if (db.empty()) return fail("--db must name a folder");
    }
    config.db_dir = dbs.front();
    config.index.more_locations.assign(dbs.begin() + 1, dbs.end());
    config.index.timeout = std::chrono::milliseconds(static_cast<long long>(timeout_seconds * 1000.0 + 0.5));
    for (const std::string& w : words) config.query += (config.query.empty() ? "" : " ") + w;
    for (const auto& [field, value] : filters) {
        if (!value.empty()) config.filters.push_back({field, value});
    }
    // One inclusive range on the call date; an open end is no bound.
    if (!since.empty() || !until.empty()) config.filters.push_back({callsearch::Field::Date, since + ".." + until});
    config.match.sort = sort == "newest"   ? callsearch::SortOrder::Newest
                        : sort == "oldest" ? callsearch::SortOrder::Oldest
                                           : callsearch::SortOrder::Relevance;
    if (csv && (json || count || batch)) {
        return fail(std::string("--csv and ") + (json ? "--json" : count ? "--count" : "--batch") +
                    " cannot be combined: give one output format");
    }
    if (trend && (count || per_call)) {
        return fail(std::string("--trend counts every matching passage; ") + (count ? "--count" : "--per-call") +
                    " does not apply to it");
    }
    if (trend) {
        try {
            config.trend = callsearch::parse_trend_spec(*trend);
        } catch (const std::exception& e) {
            return fail(e.what());
        }
    }
    config.format = csv     ? callsearch::OutputFormat::Csv
                    : count ? callsearch::OutputFormat::Count
                    : json  ? callsearch::OutputFormat::Json
                            : callsearch::OutputFormat::Text;
    config.chart_width = chart_width();
    config.color = callsearch::want_color(color, STDOUT_FILENO);
    config.full = full;
    config.match.per_call = per_call;
    // One passage per call has no room for a question's answers beneath it.
    if (answers && per_call) return fail("--answers and --per-call cannot be combined (--answers lists the answers "
                                         "under each question hit; --per-call shows one passage per call)");
    config.match.answers = answers;
    config.asked = asked;
    config.width = callsearch::terminal_width(STDOUT_FILENO);
    if (!thesaurus.empty()) config.thesaurus = thesaurus;

    if (batch) {
        if (!words.empty()) return fail("--batch reads the queries from " + *batch + "; give no QUERY words");
        if (batch->empty()) return fail("--batch must name a file, or - for stdin");
        if (asked) return fail("--asked applies to one query; in a --batch file write asked:WORDS in the lines");
        callsearch::BatchConfig batch_config{config.db_dir, config.index, config.filters, config.match, count,
                                             config.synonyms, config.thesaurus, config.trend};
        std::ifstream file;
        if (*batch != "-") {
            file.open(*batch);
            if (!file) return fail("cannot read batch file " + *batch + ": " + std::strerror(errno));
        }
        try {
            const auto outcome = callsearch::run_batch(batch_config, *batch == "-" ? std::cin : file, std::cout);
            warn_missing(outcome.missing_parts);
            if (file.bad() || std::cin.bad()) return fail("error reading batch file " + *batch);
            return outcome.matched > 0 ? kExitHits : kExitNoHits;
        } catch (const Xapian::Error& e) {
            return fail(e.get_description());
        } catch (const std::exception& e) {
            return fail(e.what());
        }
    }

    try {
        const auto outcome = callsearch::run_search(config, std::cout);
        warn_missing(outcome.missing_parts);
        // People read suggestions on stderr; scripts got them as JSON lines.
        if (config.format != callsearch::OutputFormat::Json) {
            for (const auto& s : outcome.suggestions) {
                std::cerr << "searcher: did you mean: ";
                for (std::size_t i = 0; i < s.nearest.size(); ++i) std::cerr << (i ? ", " : "") << s.nearest[i];
                std::cerr << " (for " << (s.field == "query" ? "" : "--" + s.field + " ") << "'" << s.word << "')\n";
            }
        }
        return outcome.matches > 0 ? kExitHits : kExitNoHits;
    } catch (const Xapian::Error& e) {  // not a std::exception
        return fail(e.get_description());
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
