// known_item_benchmark: how well our ranking finds a paragraph that the query
// was taken from, against SQLite FTS5's standard BM25 on the same paragraphs
// and queries (README.md, "Ranking").
//
//   known_item_benchmark [--archive PATH] [--work DIR] [--sample N] [--seed S]
//                        [--jobs N] [--reuse-index] [--variants]
//
// 1. The bench transcripts are unpacked into WORK/corpus (once) and indexed by
//    our indexer into WORK/index (rebuilt each run unless --reuse-index);
//    the same files, parsed by our parser, fill an FTS5 table WORK/fts5.sqlite
//    with one row per paragraph (porter tokenizer, standard bm25).
// 2. Known items: N paragraphs (default 400) drawn with a fixed seed from the
//    English paragraphs whose text occurs once in the corpus and that hold at
//    least three medium-frequency words: words of letters, 3+ long, in at
//    least kMinDocFreq paragraphs and at most kMaxDocFreqShare of them. Three
//    of those words, drawn with the same generator, are the query.
// 3. The query goes, as bare words, through our library's search path
//    (search/search_job's find_hits, what the searcher prints) and, as three
//    quoted words (an implicit AND, as ours), through FTS5 `ORDER BY rank`.
//    A result list is cut to its first kFetch paragraphs (a paragraph split
//    into passages counts once, at its best passage).
// 4. Per query: the reciprocal rank of the known paragraph in the top 10
//    (0 when absent), whether it is first, whether it is in the top 10. Ties
//    are broken fairly for both: when the known paragraph has the same score
//    as others, each order of the tied ones is taken as equally likely and
//    the expected value is counted.
// Prints a markdown table: MRR@10, success@1, success@10 for FTS5 and ours
// (with --variants also other settings of our ranking), and ours ÷ FTS5.

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "analyze/passages.h"
#include "analyze/text_analyzer.h"
#include "match/matcher.h"
#include "search/search_job.h"
#include "parse/transcript_parser.h"
#include "query/query_parser.h"
#include "read/input_paths.h"
#include "read/source_file.h"

namespace fs = std::filesystem;

namespace {

// The medium-frequency band (--min-share, --max-share): shares of all paragraphs.
constexpr double kMinDocFreqShare = 0.0005;  // with these two, FTS5 and our old ranking
// score as the measurements quoted in issue 9 (FTS5 MRR 0.82, b = 0 0.62)
constexpr double kMaxDocFreqShare = 0.02;
constexpr std::size_t kQueryWords = 3;
constexpr std::size_t kFetch = 200;           // results read per query, for the ties around rank 10
constexpr std::size_t kCutoff = 10;

// ------------------------------------------------------------ the corpus --

struct KnownParagraph {
    std::string file;  // absolute path, as our indexer stores it
    int turn = 0;      // 1-based
    int number = 0;    // 1-based among the turn's paragraphs of its language
    int passage = 0;   // with --unit passage: 1-based passage (analyze/passages.h); else 0
    std::string text;
};

// Letters-only words, lower-cased, 3+ long: a tokenizer of neither system.
// An apostrophe belongs to the word (as in our index: "haven't"); such words
// are left out, save possessives, which count as the bare word. So a query
// word is one that both systems see as a word of the text.
std::vector<std::string> plain_words(std::string_view text) {
    std::vector<std::string> words;
    std::string w;
    bool apostrophe = false;
    auto flush = [&] {
        if (apostrophe && w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
            w.resize(w.size() - 2);
            apostrophe = w.find('\'') != std::string::npos;
        }
        if (w.size() >= 3 && !apostrophe) words.push_back(w);
        w.clear();
        apostrophe = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool quote = c == '\'' || text.compare(i, 3, "\u2019") == 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            w += static_cast<char>(c | 0x20);
        } else if (quote && !w.empty() && i + (c == '\'' ? 1 : 3) < text.size() &&
                   std::isalpha(static_cast<unsigned char>(text[i + (c == '\'' ? 1 : 3)]))) {
            w += '\'';
            apostrophe = true;
            if (c != '\'') i += 2;
        } else {
            flush();
        }
    }
    flush();
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

// With `passages`, each unit is a passage as our indexer cuts it (the same
// split), so that FTS5's rows and our documents are the same texts.
std::vector<KnownParagraph> parse_corpus(const fs::path& corpus, bool passages) {
    const callsearch::InputPaths inputs = callsearch::collect_input_paths({corpus.string()});
    std::vector<KnownParagraph> out;
    std::size_t skipped = 0;
    for (const auto& path : inputs.files) {
        callsearch::Transcript t;
        try {
            t = callsearch::parse_transcript(callsearch::read_source_file(path).text, path.string());
        } catch (const std::exception&) {
            ++skipped;  // the indexer passes it over too
            continue;
        }
        for (std::size_t i = 0; i < t.turns.size(); ++i) {
            int en = 0;
            for (const auto& p : t.turns[i].paragraphs) {
                if (p.lang != callsearch::Lang::En) continue;
                ++en;
                if (!passages) {
                    out.push_back({path.string(), static_cast<int>(i + 1), en, 0, p.text});
                    continue;
                }
                auto ranges = callsearch::analyze::split_passages(p.text);
                if (ranges.size() <= 1) ranges = {{0, p.text.size()}};
                for (std::size_t k = 0; k < ranges.size(); ++k) {
                    out.push_back({path.string(), static_cast<int>(i + 1), en, static_cast<int>(k + 1),
                                   p.text.substr(ranges[k].begin, ranges[k].end - ranges[k].begin)});
                }
            }
        }
    }
    std::cerr << "known-item: " << inputs.files.size() << " files (" << skipped << " passed over), " << out.size()
              << " English " << (passages ? "passages" : "paragraphs") << "\n";
    return out;
}

// --------------------------------------------------------------- queries --

struct KnownItem {
    std::size_t target = 0;  // index into the paragraphs
    std::vector<std::string> words;
};

// Uniform in [0, n) from the generator's raw output, the same on every platform
// (std::uniform_int_distribution is not specified bit for bit).
std::size_t draw(std::mt19937_64& rng, std::size_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t v;
    do v = rng(); while (v >= limit);
    return static_cast<std::size_t>(v % n);
}

std::vector<KnownItem> sample_known_items(const std::vector<KnownParagraph>& paragraphs, std::size_t count,
                                          std::uint64_t seed, double min_share, double max_share) {
    std::unordered_map<std::string, std::size_t> doc_freq;
    std::unordered_map<std::string_view, std::size_t> text_count;
    std::vector<std::vector<std::string>> words(paragraphs.size());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        words[i] = plain_words(paragraphs[i].text);
        for (const auto& w : words[i]) ++doc_freq[w];
        ++text_count[paragraphs[i].text];
    }
    const auto n = static_cast<double>(paragraphs.size());
    const auto min_df = std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(min_share * n)));
    const auto max_df = static_cast<std::size_t>(max_share * n);
    std::vector<std::size_t> eligible;
    std::vector<std::vector<std::string>> medium(paragraphs.size());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (text_count[paragraphs[i].text] != 1) continue;
        for (const auto& w : words[i]) {
            const std::size_t df = doc_freq[w];
            if (df >= min_df && df <= max_df) medium[i].push_back(w);
        }
        if (medium[i].size() >= kQueryWords) eligible.push_back(i);
    }
    std::cerr << "known-item: " << eligible.size() << " units eligible (unique text, >= " << kQueryWords
              << " words with " << min_df << " <= units <= " << max_df << ")\n";
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i + 1 < eligible.size(); ++i) {  // Fisher-Yates
        std::swap(eligible[i], eligible[i + draw(rng, eligible.size() - i)]);
    }
    std::vector<KnownItem> items;
    for (std::size_t k = 0; k < std::min(count, eligible.size()); ++k) {
        const std::size_t p = eligible[k];
        std::vector<std::string> pool = medium[p];
        KnownItem item{p, {}};
        for (std::size_t w = 0; w < kQueryWords; ++w) {
            const std::size_t pick = draw(rng, pool.size());
            item.words.push_back(pool[pick]);
            pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
        }
        items.push_back(std::move(item));
    }
    return items;
}

// --------------------------------------------------------------- scoring --

struct Scored {
    std::size_t paragraph = 0;  // index into the paragraphs; SIZE_MAX when not one of them
    double score = 0;
};

struct Figures {
    double rr = 0, first = 0, top10 = 0;
    void operator+=(const Figures& o) { rr += o.rr, first += o.first, top10 += o.top10; }
};

bool same_score(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

// Expected figures when the results tied with the known paragraph come in any order.
Figures judge(const std::vector<Scored>& ranked, std::size_t target) {
    const auto it = std::find_if(ranked.begin(), ranked.end(), [&](const Scored& s) { return s.paragraph == target; });
    if (it == ranked.end()) return {};
    std::size_t better = 0, tied = 0;
    for (const Scored& s : ranked) {
        if (s.paragraph == target) continue;
        if (same_score(s.score, it->score)) {
            ++tied;
        } else if (s.score > it->score) {
            ++better;
        }
    }
    Figures f;
    for (std::size_t rank = better + 1; rank <= better + tied + 1; ++rank) {
        if (rank <= kCutoff) f.rr += 1.0 / static_cast<double>(rank), f.top10 += 1;
        if (rank == 1) f.first += 1;
    }
    const auto n = static_cast<double>(tied + 1);
    f.rr /= n, f.first /= n, f.top10 /= n;
    return f;
}

// ------------------------------------------------------------- children --

int run(const std::vector<std::string>& argv, const std::string& stdin_path = "", const std::string& stdout_path = "") {
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (!stdin_path.empty() && !std::freopen(stdin_path.c_str(), "r", stdin)) _exit(126);
        if (!stdout_path.empty() && !std::freopen(stdout_path.c_str(), "w", stdout)) _exit(126);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string sql_text(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// ----------------------------------------------------------------- FTS5 --

// One row per paragraph, rowid = its index + 1; standard bm25 (k1 1.2, b 0.75).
std::vector<std::vector<Scored>> fts5_results(const fs::path& work, const std::vector<KnownParagraph>& paragraphs,
                                              const std::vector<KnownItem>& items, double& seconds) {
    const fs::path db = work / "fts5.sqlite", load = work / "fts5-load.sql", queries = work / "fts5-queries.sql",
                   out = work / "fts5-results.txt";
    fs::remove(db);
    {
        std::ofstream sql(load, std::ios::binary);
        sql << "CREATE VIRTUAL TABLE p USING fts5(body, tokenize = 'porter unicode61');\nBEGIN;\n";
        for (std::size_t i = 0; i < paragraphs.size(); ++i) {
            sql << "INSERT INTO p(rowid, body) VALUES(" << i + 1 << ", " << sql_text(paragraphs[i].text) << ");\n";
        }
        sql << "COMMIT;\n";
    }
    if (run({"sqlite3", db.string()}, load.string()) != 0) throw std::runtime_error("sqlite3 load failed");
    {
        std::ofstream sql(queries, std::ios::binary);
        for (std::size_t q = 0; q < items.size(); ++q) {
            std::string match;
            for (const auto& w : items[q].words) match += (match.empty() ? "\"" : " \"") + w + "\"";
            sql << "SELECT " << q << ", rowid, -bm25(p) FROM p WHERE p MATCH " << sql_text(match)
                << " ORDER BY rank LIMIT " << kFetch << ";\n";
        }
    }
    const auto start = std::chrono::steady_clock::now();
    if (run({"sqlite3", "-batch", db.string()}, queries.string(), out.string()) != 0) {
        throw std::runtime_error("sqlite3 queries failed");
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<std::vector<Scored>> results(items.size());
    std::ifstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string q, rowid, score;
        std::getline(fields, q, '|'), std::getline(fields, rowid, '|'), std::getline(fields, score, '|');
        results.at(std::stoul(q)).push_back({std::stoul(rowid) - 1, std::stod(score)});
    }
    return results;
}

// ------------------------------------------------------------------ ours --

struct ParagraphKey {
    std::string file;
    int turn = 0, number = 0, passage = 0;
    friend auto operator<=>(const ParagraphKey&, const ParagraphKey&) = default;
};

// Through the search job, as the searcher runs a query (index opened per query).
std::vector<std::vector<Scored>> our_results(const fs::path& index, const std::vector<KnownParagraph>& paragraphs,
                                             const std::vector<KnownItem>& items, const callsearch::Ranking& ranking,
                                             double& seconds) {
    const bool units_are_passages = !paragraphs.empty() && paragraphs.front().passage > 0;
    std::map<ParagraphKey, std::size_t> by_key;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        by_key.emplace(ParagraphKey{paragraphs[i].file, paragraphs[i].turn, paragraphs[i].number, paragraphs[i].passage},
                       i);
    }
    callsearch::SearchConfig config;
    config.db_dir = index;
    config.match.limit = kFetch;
    config.match.ranking = ranking;
    std::vector<std::vector<Scored>> results(items.size());
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t q = 0; q < items.size(); ++q) {
        config.query.clear();
        for (const auto& w : items[q].words) config.query += (config.query.empty() ? "" : " ") + w;
        callsearch::analyze::TextAnalyzer analyzer;
        const auto found = callsearch::find_hits(config, analyzer);
        std::set<std::size_t> seen;  // a paragraph counts once, at its best passage
        for (const auto& hit : found.result.hits) {
            if (hit.paragraph.lang != "en") continue;
            const int passage = units_are_passages ? hit.paragraph.passage : 0;
            const auto it = by_key.find({hit.paragraph.file, hit.paragraph.turn, hit.paragraph.paragraph, passage});
            const std::size_t id = it == by_key.end() ? SIZE_MAX : it->second;
            if (id != SIZE_MAX && !seen.insert(id).second) continue;
            results[q].push_back({id, hit.score});
        }
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return results;
}

Figures total(const std::vector<std::vector<Scored>>& results, const std::vector<KnownItem>& items) {
    Figures sum;
    for (std::size_t q = 0; q < items.size(); ++q) sum += judge(results[q], items[q].target);
    const auto n = static_cast<double>(items.size());
    return {sum.rr / n, sum.first / n, sum.top10 / n};
}

int usage() {
    std::cerr << "usage: known_item_benchmark [--archive PATH] [--work DIR] [--sample N] [--seed S] [--jobs N] "
                 "[--min-share F] [--max-share F] [--unit paragraph|passage] [--try K1:B:PROXIMITY]... "
                 "[--reuse-index] [--variants]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path archive = CALLSEARCH_BENCH_ARCHIVE, work = CALLSEARCH_KNOWN_ITEM_WORK_DIR;
    std::size_t sample = 400;
    std::uint64_t seed = 20261201;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    double min_share = kMinDocFreqShare, max_share = kMaxDocFreqShare;
    bool reuse_index = false, variants = false, passages = false;
    std::vector<std::string> tries;  // K1:B:PROXIMITY, ranking settings to measure besides the default
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool value = i + 1 < argc;
        if (arg == "--archive" && value) {
            archive = argv[++i];
        } else if (arg == "--work" && value) {
            work = argv[++i];
        } else if (arg == "--sample" && value) {
            sample = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--seed" && value) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--jobs" && value) {
            jobs = static_cast<unsigned>(std::max(1ul, std::strtoul(argv[++i], nullptr, 10)));
        } else if (arg == "--min-share" && value) {
            min_share = std::strtod(argv[++i], nullptr);
        } else if (arg == "--max-share" && value) {
            max_share = std::strtod(argv[++i], nullptr);
        } else if (arg == "--try" && value) {
            tries.push_back(argv[++i]);
        } else if (arg == "--unit" && value) {
            const std::string unit = argv[++i];
            if (unit != "paragraph" && unit != "passage") return usage();
            passages = unit == "passage";
        } else if (arg == "--reuse-index") {
            reuse_index = true;
        } else if (arg == "--variants") {
            variants = true;
        } else {
            return usage();
        }
    }
    try {
        const fs::path corpus = fs::absolute(work / "corpus"), index = fs::absolute(work / "index");
        fs::create_directories(corpus);
        if (!fs::exists(corpus / ".unpacked")) {
            if (!fs::exists(archive)) {
                std::cerr << "known_item_benchmark: no bench archive at " << archive.string() << '\n';
                return 2;
            }
            std::cerr << "known-item: unpacking " << archive.string() << '\n';
            if (run({"tar", "xzf", fs::absolute(archive).string(), "-C", corpus.string()}) != 0) {
                throw std::runtime_error("tar failed on " + archive.string());
            }
            std::ofstream(corpus / ".unpacked") << "";
        }
        if (!reuse_index || !fs::exists(index)) {
            std::cerr << "known-item: indexing into " << index.string() << '\n';
            fs::remove_all(index);
            if (run({CALLSEARCH_INDEXER, "--db", index.string(), "--quiet", "--jobs", std::to_string(jobs),
                     corpus.string()}, "", "/dev/null") != 0) {
                throw std::runtime_error("indexer failed");
            }
        }
        const auto paragraphs = parse_corpus(corpus, passages);
        const auto items = sample_known_items(paragraphs, sample, seed, min_share, max_share);
        if (items.empty()) throw std::runtime_error("no known items");

        double fts_seconds = 0;
        std::cerr << "known-item: FTS5 (load and " << items.size() << " queries)\n";
        const auto fts = total(fts5_results(work, paragraphs, items, fts_seconds), items);

        struct Variant {
            std::string name;
            callsearch::Ranking ranking;
        };
        using Model = callsearch::Ranking::Model;
        const auto ranking = [](Model model, double k1, double b, double proximity,
                                double exact_form_weight = callsearch::analyze::kExactFormWeight) {
            callsearch::Ranking r;
            r.model = model, r.k1 = k1, r.b = b, r.proximity = proximity, r.exact_form_weight = exact_form_weight;
            return r;
        };
        std::vector<Variant> runs = {
            {"ours (default: BM25 k1 1.2 b 0.75, form as typed + 1.0)", callsearch::Ranking{}}};
        if (variants) {
            runs.push_back({"ours, BM25 k1 1 b 0, no bonus for the form typed (until issue 9)",
                            ranking(Model::BM25, 1.0, 0.0, 0.0, 0.0)});
            runs.push_back({"ours, BM25 k1 1.2 b 0.75, no bonus for the form typed",
                            ranking(Model::BM25, 1.2, 0.75, 0.0, 0.0)});
            runs.push_back({"ours, default with form as typed + 2.0", ranking(Model::BM25, 1.2, 0.75, 0.0, 2.0)});
            runs.push_back({"ours, BM25 k1 1.2 b 1", ranking(Model::BM25, 1.2, 1.0, 0.0)});
            runs.push_back({"ours, BM25 k1 0.9 b 0.75", ranking(Model::BM25, 0.9, 0.75, 0.0)});
            runs.push_back({"ours, BM25 + proximity rerank of the top 100", ranking(Model::BM25, 1.2, 0.75, 1.0)});
            runs.push_back({"ours, query likelihood (Dirichlet, mu 100)", ranking(Model::LMDirichlet, 0, 0, 0.0)});
            runs.push_back({"ours, DPH (divergence from randomness)", ranking(Model::DPH, 0, 0, 0.0)});
        }
        for (const std::string& t : tries) {
            callsearch::Ranking r;
            if (std::sscanf(t.c_str(), "%lf:%lf:%lf", &r.k1, &r.b, &r.proximity) != 3) return usage();
            runs.push_back({"ours, BM25 k1:b:proximity " + t, r});
        }
        std::printf("Known-item retrieval on %s: %zu %s, %zu known items (seed %llu), query = %zu "
                    "medium-frequency words of the unit, top %zu\n\n",
                    archive.filename().string().c_str(), paragraphs.size(), passages ? "passages" : "paragraphs",
                    items.size(),
                    static_cast<unsigned long long>(seed), kQueryWords, kCutoff);
        std::printf("| ranking | MRR@10 | success@1 | success@10 | MRR ÷ FTS5 (goal ≥ 1.05) | query s |\n"
                    "|---|---:|---:|---:|---:|---:|\n");
        std::printf(passages ? "| SQLite FTS5, standard bm25, one row per passage |"
                             : "| SQLite FTS5, standard bm25, one row per paragraph |");
        std::printf(" %.3f | %.1f%% | %.1f%% | 1.00 | %.2f |\n",
                    fts.rr, 100 * fts.first, 100 * fts.top10, fts_seconds);
        for (const Variant& v : runs) {
            double seconds = 0;
            std::cerr << "known-item: " << v.name << '\n';
            const auto ours = total(our_results(index, paragraphs, items, v.ranking, seconds), items);
            std::printf("| %s | %.3f | %.1f%% | %.1f%% | %.2f %s | %.2f |\n", v.name.c_str(), ours.rr,
                        100 * ours.first, 100 * ours.top10, ours.rr / fts.rr, ours.rr >= 1.05 * fts.rr ? "✓" : "✗",
                        seconds);
        }
        std::printf("\nTies with the known paragraph's score count as every order equally likely. "
                    "query s: all %zu queries, top %zu each, in one process.\n",
                    items.size(), kFetch);
    } catch (const std::exception& e) {
        std::cerr << "known_item_benchmark: error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
