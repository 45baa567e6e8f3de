#include <doctest/doctest.h>

#include <fstream>

#include "index/document_builder.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "match/matcher.h"
#include "schema/filter_terms.h"
#include "support/sample_transcript.h"
#include "support/temp_dir.h"
#include "support/transcript_index.h"

using namespace callsearch;

namespace {

StoredCall call_of(const Transcript& t) { return stored_call(t.call, schema::call_key(t.call)); }

MatchOptions paging(Xapian::doccount offset, Xapian::doccount limit, SortOrder sort) {
    MatchOptions options;
    options.offset = offset, options.limit = limit, options.sort = sort;
    return options;
}

struct IndexedSample {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    IndexedSample() {
        const Transcript a = test_support::sample_transcript();
        Transcript b = a;
        b.call.year = 2021;
        test_support::index_transcripts(dir.path / "db", {{"a", a}, {"b", b}}, analyzer);
    }
};

}  // namespace

TEST_CASE("hits are ranked from 1, carry their stored paragraph, and respect offset and limit") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto q = parse_query("EngageLab", {}, s.analyzer);
    const auto all = matcher.match(q, paging(0, 10, SortOrder::Relevance));
    // The analyst's question and its translation, in each call: one hit a pair.
    REQUIRE(all.hits.size() == 2);
    CHECK(all.hits[0].rank == 1);
    CHECK(all.hits[0].paragraph.speaker == "Unidentified Analyst");
    CHECK(all.hits[0].paragraph.translation);
    const auto page = matcher.match(q, paging(1, 1, SortOrder::Relevance));
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].rank == 2);
    CHECK(matcher.count(q) == 2);
    // Restricted to one language, that side of each pair.
    const auto zh = matcher.match(parse_query("EngageLab lang:zh", {}, s.analyzer), paging(0, 10, SortOrder::Relevance));
    REQUIRE(zh.hits.size() == 2);
    CHECK(zh.hits[0].paragraph.lang == "zh");
}

TEST_CASE("sorting by date puts the newer call first, in speaking order within it") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto q = parse_query("role:cfo", {}, s.analyzer);
    const auto newest = matcher.match(q, paging(0, 10, SortOrder::Newest));
    REQUIRE(newest.hits.size() == 4);  // two translated pairs in each call
    CHECK(newest.hits[0].paragraph.year == 2023);
    CHECK(newest.hits[3].paragraph.year == 2021);
    CHECK(newest.hits[0].paragraph.text.rfind("Subscription", 0) == 0);
    const auto oldest = matcher.match(q, paging(0, 10, SortOrder::Oldest));
    CHECK(oldest.hits[0].paragraph.year == 2021);
}

TEST_CASE("a missing or foreign index is a DatabaseError naming the path") {
    test_support::TempDir dir;
    const auto missing = dir.path / "missing";
    try {
        Matcher m(missing);
        FAIL("opened");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find(missing.string()) != std::string::npos);
    }
    std::filesystem::create_directories(dir.path / "not-an-index");
    CHECK_THROWS_AS(Matcher(dir.path / "not-an-index"), DatabaseError);
    std::filesystem::create_directories(dir.path / "old");
    std::ofstream(dir.path / "old" / "iamglass") << "x";
    try {
        Matcher m(dir.path / "old");
        FAIL("opened");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("older layout") != std::string::npos);
    }
}

TEST_CASE("a matcher kept open across several commits answers from the newest state") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto q = parse_query("EngageLab", {}, s.analyzer);
    REQUIRE(matcher.count(q) == 2);  // one hit per translated pair
    // Commits free the blocks of older revisions, which makes a reader on an old
    // revision throw DatabaseModifiedError; the matcher must reopen and retry.
    const auto generation = *IndexLayout(s.dir.path / "db").live_generation();
    for (int round = 0; round < 5; ++round) {
        IndexWriter writer(generation);
        auto transcript = test_support::sample_transcript();
        for (int i = 0; i < 20; ++i) {
            const std::string key = "extra" + std::to_string(round) + "-" + std::to_string(i);
            writer.replace_file(key, build_documents(transcript, key, s.analyzer), {key, "h", 7},
                                call_of(transcript));
        }
        writer.commit();
    }
    const auto after = matcher.match(q, paging(0, 10, SortOrder::Relevance));
    CHECK(after.hits.size() == 10);
    CHECK(matcher.count(q) == 2 + 5 * 20);
}

TEST_CASE("a bare word is expanded against the same state it is matched on") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto parse = [&] { return parse_query("repurchasing", {}, s.analyzer); };
    REQUIRE(matcher.count(parse) == 2);  // "repurchased", in both sample calls
    // A commit brings a form of the stem the index has never held.
    const auto generation = *IndexLayout(s.dir.path / "db").live_generation();
    {
        IndexWriter writer(generation);
        auto transcript = test_support::sample_transcript();
        transcript.turns.resize(1);
        transcript.turns[0].paragraphs = {{"We keep repurchasing shares.", Lang::En, {}, {}}};
        writer.replace_file("new-form", build_documents(transcript, "new-form", s.analyzer), {"new-form", "h", 1},
                            call_of(transcript));
        writer.commit();
    }
    // Words are expanded after the matcher has moved to the new state, so the
    // new form counts.
    CHECK(matcher.count(parse) == 3);
    ParsedQuery parsed;
    CHECK(matcher.match(parse, paging(0, 10, SortOrder::Relevance), parsed).hits.size() == 3);
    CHECK(parsed.highlight.stems == std::vector<std::string>{"repurchas"});
}

TEST_CASE("a matcher kept open across a rebuild answers from the new generation") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    const auto q = parse_query("EngageLab", {}, s.analyzer);
    REQUIRE(matcher.count(q) == 2);
    const IndexLayout layout(s.dir.path / "db");
    const auto generation = layout.new_generation();
    {
        IndexWriter writer(generation);
        const auto transcript = test_support::sample_transcript();
        writer.replace_file("only", build_documents(transcript, "only", s.analyzer), {"only", "h", 7},
                            call_of(transcript));
        writer.commit();
    }
    layout.publish(generation);
    layout.remove_stale_generations();
    CHECK(matcher.count(q) == 1);
    CHECK(matcher.match(q, paging(0, 10, SortOrder::Relevance)).hits.size() == 1);
}

TEST_CASE("with the proximity boost on, the words side by side rank above the same words apart") {
    test_support::TempDir dir;
    analyze::TextAnalyzer analyzer;
    const IndexLayout layout(dir.path / "db");
    const auto generation = layout.new_generation();
    {
        IndexWriter writer(generation);
        auto transcript = test_support::sample_transcript();
        transcript.turns.resize(1);
        // Same length, same frequencies: BM25 alone ties them.
        transcript.turns[0].paragraphs = {{"The supply was tight and we expect the chain to ease.", Lang::En, {}, {}},
                                          {"The supply chain was tight and we expect it to ease.", Lang::En, {}, {}}};
        writer.replace_file("a", build_documents(transcript, "a", analyzer), {"a", "1", 2}, call_of(transcript));
        writer.commit();
    }
    layout.publish(generation);
    Matcher matcher(dir.path / "db");
    analyzer.set_stem_expander(matcher.stem_expander());
    const auto q = parse_query("supply chain", {}, analyzer);
    MatchOptions options;
    options.ranking.proximity = 0;
    const auto plain = matcher.match(q, options);
    REQUIRE(plain.hits.size() == 2);
    CHECK(plain.hits[0].score == doctest::Approx(plain.hits[1].score));
    options.ranking.proximity = 1;
    const auto boosted = matcher.match(q, options);
    REQUIRE(boosted.hits.size() == 2);
    CHECK(boosted.hits[0].paragraph.text.rfind("The supply chain", 0) == 0);
    CHECK(boosted.hits[0].rank == 1);
    CHECK(boosted.hits[0].score > boosted.hits[1].score);
    // Pages of a reranked query agree with the whole list.
    options.offset = 1, options.limit = 1;
    const auto second = matcher.match(q, options);
    REQUIRE(second.hits.size() == 1);
    CHECK(second.hits[0].rank == 2);
    CHECK(second.hits[0].paragraph.text == boosted.hits[1].paragraph.text);
}

TEST_CASE("per call: one hit a call, its best passage, with the call's matching passages counted as shown") {
    IndexedSample s;
    Matcher matcher(s.dir.path / "db");
    s.analyzer.set_stem_expander(matcher.stem_expander());
    MatchOptions options;
    options.per_call = true;
    const auto q = parse_query("role:cfo", {}, s.analyzer);
    const auto calls = matcher.match(q, options);
    REQUIRE(calls.hits.size() == 2);
    CHECK(calls.hits[0].paragraph.call != calls.hits[1].paragraph.call);
    for (const Hit& hit : calls.hits) CHECK(hit.call_matches == 2);  // two translated pairs, each once
    CHECK(matcher.count(q, true) == 2);
    CHECK(matcher.count(q, false) == 4);
    options.sort = SortOrder::Newest;
    const auto newest = matcher.match(q, options);
    REQUIRE(newest.hits.size() == 2);
    CHECK(newest.hits[0].paragraph.year == 2023);
    options.offset = 1;
    const auto second = matcher.match(q, options);
    REQUIRE(second.hits.size() == 1);
    CHECK(second.hits[0].rank == 2);
    CHECK(second.hits[0].paragraph.year == 2021);
}
