#pragma once
// The fixed query set of the performance benchmark (README.md, "Performance"):
// one row per query, each written for every tool that can say it. Both
// perf_benchmark (whole-process runs of searcher, quest, sqlite3 and rg) and
// query_bench (the library in-process) read this one table.
//
// An empty string for a peer means the tool cannot express the query; the
// tables print "cannot express" there. Peers are asked for what they do best:
//   quest   the omindex database (one document per file), top 10, AND default
//   FTS5    one row per paragraph, columns body/speaker/title/roles/section/
//           company/ticker/year/quarter/lang/file, porter tokenizer, top 10 by rank
//   rg      regular expression over the corpus folder, every matching line
//           (a paragraph is one line in both layouts); rg_flags go before it.
//           Whole words with -w rather than \b: rg 13's Unicode \b under -i
//           is up to 25x slower. AND and NOT need PCRE2 look-arounds (-P).

#include <array>
#include <string_view>

namespace callsearch::bench {

struct BenchQuery {
    std::string_view name;     // short label for the tables
    std::string_view covers;   // what the row exercises
    std::string_view ours;     // our query language, filters inline (one argument to searcher)
    std::string_view quest;    // Xapian QueryParser syntax for quest
    std::string_view fts5;     // the WHERE clause of the FTS5 SELECT; MATCH clauses are ranked
    std::string_view rg_flags; // space-separated rg options, e.g. "-i -P"
    std::string_view rg;       // the pattern
};

// clang-format off
inline constexpr std::array<BenchQuery, 18> kQueries = {{
    {"revenue", "common term",
     "revenue", "revenue",
     "p MATCH 'body:revenue'", "-i -w", "revenues?"},
    {"blockchain", "rare term",
     "blockchain", "blockchain",
     "p MATCH 'body:blockchain'", "-i -w", "blockchains?"},
    {"acquisitions", "stemmed word (acquisition, acquisitions)",
     "acquisitions", "acquisitions",
     "p MATCH 'body:acquisitions'", "-i -w", "acquisitions?"},
    {"\"adjusted EBITDA\"", "phrase",
     "\"adjusted EBITDA\"", "\"adjusted EBITDA\"",
     "p MATCH 'body:\"adjusted EBITDA\"'", "-i -w", R"(adjusted\s+ebitda)"},
    {"\"forward-looking statements\"", "common boilerplate phrase",
     "\"forward-looking statements\"", "\"forward-looking statements\"",
     "p MATCH 'body:\"forward looking statements\"'", "-i -w", R"(forward[- ]looking\s+statements?)"},
    {"dividend AND buyback", "AND",
     "dividend AND buyback", "dividend AND buyback",
     "p MATCH 'body:dividend AND body:buyback'", "-i -P", R"(^(?=.*\bdividends?\b)(?=.*\bbuybacks?\b))"},
    {"free cash flow", "three words, implicit AND",
     "free cash flow", "free cash flow",
     "p MATCH 'body:free AND body:cash AND body:flow'", "-i -P",
     R"(^(?=.*\bfree\b)(?=.*\bcash\b)(?=.*\bflows?\b))"},
    {"inflation OR deflation", "OR",
     "inflation OR deflation", "inflation OR deflation",
     "p MATCH 'body:inflation OR body:deflation'", "-i -w", "inflation|deflation"},
    {"guidance NOT covid", "NOT",
     "guidance NOT covid", "guidance NOT covid",
     "p MATCH 'body:guidance NOT body:covid'", "-i -P", R"(^(?=.*\bguidance\b)(?!.*\bcovid))"},
    {"(tariffs OR tariff) china -pandemic", "parentheses, AND, exclusion",
     "(tariffs OR tariff) china -pandemic", "(tariffs OR tariff) AND china AND NOT pandemic",
     "p MATCH 'body:(tariffs OR tariff) AND body:china NOT body:pandemic'", "-i -P",
     R"(^(?=.*\btariffs?\b)(?=.*\bchina\b)(?!.*\bpandemic\b))"},
    {"role:cfo \"supply chain\"", "role-filtered phrase",
     "role:cfo \"supply chain\"", "",
     "p MATCH 'roles:cfo AND body:\"supply chain\"'", "", ""},
    {"speaker:\"Mick Farrell\" masks", "speaker filter",
     "speaker:\"Mick Farrell\" masks", "",
     "p MATCH 'speaker:\"Mick Farrell\" AND body:masks'", "", ""},
    {"section:qa margin", "section filter",
     "section:qa margin", "",
     "p MATCH 'section:qa AND body:margin'", "", ""},
    {"year:2021 semiconductor", "year filter",
     "year:2021 semiconductor", "",
     "p MATCH 'year:2021 AND body:semiconductor'", "-i -w -g *_2021.txt", "semiconductors?"},
    {"role:ceo year:2020 pandemic", "two filters and a word",
     "role:ceo year:2020 pandemic", "",
     "p MATCH 'roles:ceo AND year:2020 AND body:pandemic'", "", ""},
    {"訂閱", "Chinese word (bilingual seed)",
     "訂閱", "訂閱",
     "body LIKE '%訂閱%'", "", "訂閱"},
    {"EngageLab產品", "mixed Latin + Chinese",
     "EngageLab產品", "EngageLab產品",
     "body LIKE '%EngageLab產品%'", "", "EngageLab產品"},
    {"zyxwvutsr", "no hits",
     "zyxwvutsr", "zyxwvutsr",
     "p MATCH 'body:zyxwvutsr'", "-i -w", "zyxwvutsr"},
}};
// clang-format on

}  // namespace callsearch::bench
