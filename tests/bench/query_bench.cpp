// query_bench: the library's search path in-process, as a long-running
// server would run it: one TextAnalyzer and one Matcher (one open database)
// kept across queries; each execution parses the query, matches the top 10,
// highlights every hit and formats it as JSON Lines into a discarded stream.
// A second, shorter pass times callsearch::run_search as the searcher program
// calls it (analyzer and database opened per query), for comparison.
//
//   query_bench --db DIR [--iterations N] [--warmup N] [--open-iterations N] [--tsv]
//               [--k1 X] [--b X] [--proximity X] [--exact-form-weight X]
//
// The last four set the ranking of the kept-open pass (default: the
// library's), to put the cost of ranking choices side by side.
// Prints p50 and p99 per query of tests/bench/query_set.h and over all
// executions of the set. --tsv prints the same as tab-separated lines for
// perf_benchmark: "query<TAB>INDEX<TAB>p50_ms<TAB>p99_ms<TAB>hits",
// "all<TAB>-<TAB>p50_ms<TAB>p99_ms<TAB>executions", "open<TAB>-<TAB>p50_ms<TAB>p99_ms<TAB>executions".

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "bench/query_set.h"
#include "match/matcher.h"
#include "search/search_job.h"
#include "print/highlighter.h"
#include "print/json_printer.h"
#include "query/query_parser.h"

namespace {

using Clock = std::chrono::steady_clock;

// Accepts and drops everything, like output sent to /dev/null.
class NullBuffer : public std::streambuf {
protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

double elapsed_ms(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int usage() {
    std::cerr << "usage: query_bench --db DIR [--iterations N] [--warmup N] [--open-iterations N] [--tsv] "
                 "[--k1 X] [--b X] [--proximity X] [--exact-form-weight X]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db;
    int iterations = 200, warmup = 5, open_iterations = 20;
    bool tsv = false;
    callsearch::Ranking ranking;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--db" && has_value) {
            db = argv[++i];
        } else if (arg == "--iterations" && has_value) {
            iterations = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--warmup" && has_value) {
            warmup = std::max(0, std::atoi(argv[++i]));
        } else if (arg == "--open-iterations" && has_value) {
            open_iterations = std::max(0, std::atoi(argv[++i]));
        } else if (arg == "--k1" && has_value) {
            ranking.k1 = std::atof(argv[++i]);
        } else if (arg == "--b" && has_value) {
            ranking.b = std::atof(argv[++i]);
        } else if (arg == "--proximity" && has_value) {
            ranking.proximity = std::atof(argv[++i]);
        } else if (arg == "--exact-form-weight" && has_value) {
            ranking.exact_form_weight = std::atof(argv[++i]);
        } else if (arg == "--tsv") {
            tsv = true;
        } else {
            return usage();
        }
    }
    if (db.empty()) return usage();

    using callsearch::bench::kQueries;
    NullBuffer null_buffer;
    std::ostream sink(&null_buffer);
    try {
        callsearch::analyze::TextAnalyzer analyzer;
        callsearch::Matcher matcher(db);
        analyzer.set_stem_expander(matcher.stem_expander());  // bare words find their stems' forms
        analyzer.set_exact_form_weight(ranking.exact_form_weight);
        callsearch::MatchOptions options;  // top 10 by relevance, as the searcher's default
        options.ranking = ranking;

        auto execute = [&](const callsearch::bench::BenchQuery& q) {
            const auto parsed = callsearch::parse_query(q.ours, {}, analyzer);
            const auto result = matcher.match(parsed, options);
            for (const auto& hit : result.hits) {
                sink << callsearch::format_json_hit(hit, callsearch::find_highlights(hit.paragraph.text,
                                                                                   parsed.highlight, analyzer))
                     << '\n';
            }
            return result.hits.size();
        };

        // Warm-up: every query a few times (page cache, Xapian's block cache).
        for (int w = 0; w < warmup; ++w) {
            for (const auto& q : kQueries) (void)execute(q);
        }

        // Interleaved rounds, so that a burst of noise from other processes is
        // spread over all queries rather than landing on one.
        std::vector<std::vector<double>> per_query(kQueries.size());
        std::vector<std::size_t> hits(kQueries.size());
        for (int round = 0; round < iterations; ++round) {
            for (std::size_t i = 0; i < kQueries.size(); ++i) {
                const auto start = Clock::now();
                hits[i] = execute(kQueries[i]);
                per_query[i].push_back(elapsed_ms(start));
            }
        }
        std::vector<double> all;
        for (const auto& v : per_query) all.insert(all.end(), v.begin(), v.end());

        // run_search as the searcher program calls it: analyzer and index opened per query.
        std::vector<double> open_path;
        for (int round = 0; round < open_iterations; ++round) {
            for (const auto& q : kQueries) {
                callsearch::SearchConfig config;
                config.db_dir = db;
                config.query = std::string(q.ours);
                config.format = callsearch::OutputFormat::Json;
                const auto start = Clock::now();
                (void)callsearch::run_search(config, sink);
                open_path.push_back(elapsed_ms(start));
            }
        }

        if (tsv) {
            for (std::size_t i = 0; i < kQueries.size(); ++i) {
                std::printf("query\t%zu\t%.4f\t%.4f\t%zu\n", i, percentile(per_query[i], 0.50),
                            percentile(per_query[i], 0.99), hits[i]);
            }
            std::printf("all\t-\t%.4f\t%.4f\t%zu\n", percentile(all, 0.50), percentile(all, 0.99), all.size());
            std::printf("open\t-\t%.4f\t%.4f\t%zu\n", percentile(open_path, 0.50), percentile(open_path, 0.99),
                        open_path.size());
        } else {
            std::printf("| query | hits | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
            for (std::size_t i = 0; i < kQueries.size(); ++i) {
                std::printf("| `%.*s` | %zu | %.3f | %.3f |\n", static_cast<int>(kQueries[i].ours.size()),
                            kQueries[i].ours.data(), hits[i], percentile(per_query[i], 0.50),
                            percentile(per_query[i], 0.99));
            }
            std::printf("| all %zu executions (Matcher kept open) | | %.3f | %.3f |\n", all.size(),
                        percentile(all, 0.50), percentile(all, 0.99));
            std::printf("| all %zu executions of run_search (opens per query) | | %.3f | %.3f |\n",
                        open_path.size(), percentile(open_path, 0.50), percentile(open_path, 0.99));
        }
    } catch (const Xapian::Error& e) {
        std::cerr << "query_bench: error: " << e.get_description() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "query_bench: error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
