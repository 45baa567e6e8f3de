// libFuzzer target for the query path: bytes -> parse_query -> Xapian::Enquire
// over a small in-memory index of the seed corpus -> find_highlights on every
// hit's stored text and translation.
//
// Input: the first line is the query, as a user would type it (raw bytes: the
// searcher does not check its arguments are UTF-8). An optional second line
// adds command-line style filters: its first byte selects fixed filters (one
// bit each) and a sort order, its second byte a field, and the rest of the
// line is that field's value. The seed queries are one-line files.
//
// parse_query may throw QueryError only; anything else escapes and crashes the
// fuzzer, as does a broken invariant (__builtin_trap).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "support/scratch_index.h"
#include "index/document_builder.h"
#include "index/stored_paragraph.h"
#include "parse/transcript_parser.h"
#include "print/highlighter.h"
#include "query/filter_values.h"
#include "query/query_parser.h"
#include "read/source_file.h"
#include "schema/index_schema.h"

#ifndef CALLSEARCH_CORPUS_DIR
#error "CALLSEARCH_CORPUS_DIR must name the seed transcripts"
#endif

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

struct Fixture {
    test_support::ScratchIndex index;  // on disk: the in-memory backend has no synonym table
    Xapian::WritableDatabase& db = index.db;
    callsearch::analyze::TextAnalyzer analyzer;
    // Groups with one-word and several-word members, for ~word and --synonyms.
    callsearch::Thesaurus thesaurus;

    Fixture() {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(CALLSEARCH_CORPUS_DIR)) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            const callsearch::SourceText source = callsearch::read_source_file(file);
            const callsearch::Transcript transcript = callsearch::parse_transcript(source.text, file.string());
            for (const Xapian::Document& doc : callsearch::build_documents(transcript, file.string(), analyzer)) {
                index.add(doc);
            }
        }
        index.expand_stems_for(analyzer);
        thesaurus.add_text("revenue ~ sales ~ top line\nbuyback ~ repurchase ~ share repurchase\n"
                           "SaaS ~ cloud ~ software as a service\n订阅 ~ subscription\n", "fuzz");
        check(db.get_doccount() > 0);
    }
};

Fixture& fixture() {
    static Fixture f;  // built once per process: the corpus is fixed
    return f;
}

bool utf8_boundary(std::string_view text, std::size_t offset) {
    if (offset == 0 || offset == text.size()) return true;
    return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

void check_highlights(std::string_view text, const std::vector<callsearch::Span>& spans) {
    std::size_t previous_end = 0;
    for (const callsearch::Span& span : spans) {
        check(span.begin < span.end);
        check(span.end <= text.size());
        check(span.begin >= previous_end);  // sorted, non-overlapping
        check(utf8_boundary(text, span.begin));
        check(utf8_boundary(text, span.end));
        previous_end = span.end;
    }
}

struct FuzzInput {
    std::string_view query;
    std::vector<callsearch::FilterSpec> filters;
    int sort = 0;  // 0 relevance, 1 newest first, 2 oldest first
    bool synonyms = false;
};

constexpr callsearch::Field kFields[] = {
    callsearch::Field::Speaker, callsearch::Field::Role,    callsearch::Field::Company,
    callsearch::Field::Ticker,  callsearch::Field::Year,    callsearch::Field::Quarter,
    callsearch::Field::Lang,    callsearch::Field::Section, callsearch::Field::Call,
    callsearch::Field::Date,
};

FuzzInput split_input(std::string_view bytes) {
    FuzzInput in;
    const std::size_t newline = bytes.find('\n');
    in.query = bytes.substr(0, newline);
    if (newline == std::string_view::npos || newline + 1 >= bytes.size()) return in;
    std::string_view options = bytes.substr(newline + 1);
    options = options.substr(0, options.find('\n'));
    if (options.empty()) return in;
    const auto bits = static_cast<unsigned char>(options[0]);
    using callsearch::Field;
    if (bits & 0x01) in.filters.push_back({Field::Role, "cfo"});
    if (bits & 0x02) in.filters.push_back({Field::Lang, "zh"});
    if (bits & 0x04) in.filters.push_back({Field::Section, "qa"});
    if (bits & 0x08) in.filters.push_back({Field::Year, "2020..2023"});
    if (bits & 0x10) in.filters.push_back({Field::Company, "Aurora Mobile"});
    in.sort = (bits >> 5) % 3;
    if (options.size() >= 2) {
        in.synonyms = (static_cast<unsigned char>(options[1]) & 0x80) != 0;
        const Field field = kFields[static_cast<unsigned char>(options[1]) % std::size(kFields)];
        in.filters.push_back({field, std::string(options.substr(2))});
    }
    return in;
}

void set_sort(Xapian::Enquire& enquire, int sort) {
    if (sort == 0) return;
    // As the matcher sorts: by call, date, turn, paragraph, then relevance.
    const bool newest = sort == 1;
    auto* keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(callsearch::schema::kSlotCallOrder, newest);
    keys->add_value(callsearch::schema::kSlotDate, newest);
    keys->add_value(callsearch::schema::kSlotTurn, false);
    keys->add_value(callsearch::schema::kSlotParagraph, false);
    enquire.set_sort_by_key_then_relevance(keys->release(), false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Fixture& f = fixture();
    const FuzzInput in = split_input(std::string_view(reinterpret_cast<const char*>(data), size));

    callsearch::ParsedQuery parsed;
    try {
        const callsearch::QueryOptions options{
            in.synonyms, [&f]() -> const callsearch::Thesaurus& { return f.thesaurus; }};
        parsed = callsearch::parse_query(in.query, in.filters, f.analyzer, options);
    } catch (const callsearch::QueryError&) {
        return 0;
    }

    Xapian::Enquire enquire(f.db);
    enquire.set_query(parsed.query);
    set_sort(enquire, in.sort);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    check(mset.size() <= 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        // Document data only: the fixture writes no call records.
        const callsearch::StoredParagraph p = callsearch::decode_paragraph_data(it.get_document().get_data()).paragraph;
        check_highlights(p.text, callsearch::find_highlights(p.text, parsed.highlight, f.analyzer));
        if (p.translation) {
            check_highlights(*p.translation,
                             callsearch::find_highlights(*p.translation, parsed.highlight, f.analyzer));
        }
    }
    return 0;
}
