// libFuzzer target: bytes -> read stage checks -> parse_transcript -> one
// Xapian document per paragraph (so the analyzer runs on whatever the parser
// lets through). Only the documented exceptions are expected: InputError from
// decode_source_bytes, ParseError from parse_transcript. Anything else escapes
// and crashes the fuzzer, as does a broken invariant (__builtin_trap).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/text_analyzer.h"
#include "index/document_builder.h"
#include "index/stored_paragraph.h"
#include "model/transcript.h"
#include "parse/transcript_parser.h"
#include "read/source_file.h"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void check_transcript(const callsearch::Transcript& t) {
    for (const callsearch::Turn& turn : t.turns) {
        check(callsearch::find_invalid_utf8(turn.speaker) == std::string_view::npos);
        check(callsearch::find_invalid_utf8(turn.title) == std::string_view::npos);
        for (const callsearch::Paragraph& p : turn.paragraphs) {
            check(!p.text.empty());
            check(callsearch::find_invalid_utf8(p.text) == std::string_view::npos);
            if (p.translates) check(*p.translates < turn.paragraphs.size());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static callsearch::analyze::TextAnalyzer analyzer;

    callsearch::SourceText source;
    try {
        source = callsearch::decode_source_bytes(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const callsearch::InputError&) {
        return 0;
    }
    check(!source.text.empty());
    check(callsearch::find_invalid_utf8(source.text) == std::string_view::npos);
    check(source.text.find('\r') == std::string::npos);

    callsearch::Transcript transcript;
    try {
        transcript = callsearch::parse_transcript(source.text, "fuzz.txt");
    } catch (const callsearch::ParseError&) {
        return 0;
    }
    check(!transcript.turns.empty());
    check_transcript(transcript);

    std::size_t paragraphs = 0;
    for (const callsearch::Turn& turn : transcript.turns) paragraphs += turn.paragraphs.size();
    const auto docs = callsearch::build_documents(transcript, "fuzz", analyzer);
    // One document per passage: an over-long paragraph is cut into several.
    check(docs.size() >= paragraphs);
    // What the index stores must read back as the paragraph it came from:
    // each passage a piece of its paragraph, in order, the pieces all there.
    std::size_t d = 0;
    for (const callsearch::Turn& turn : transcript.turns) {
        for (const callsearch::Paragraph& p : turn.paragraphs) {
            check(d < docs.size());
            const auto first = callsearch::decode_paragraph_data(docs[d].get_data()).paragraph;
            check(first.passage == 1 && first.passages >= 1);
            std::size_t from = 0;
            for (int k = 0; k < first.passages; ++k) {
                check(d < docs.size());
                const auto stored = callsearch::decode_paragraph_data(docs[d++].get_data()).paragraph;
                check(stored.speaker == turn.speaker);
                check(stored.passage == k + 1);
                const auto at = p.text.find(stored.text, from);
                check(at != std::string::npos);
                from = at + stored.text.size();
            }
        }
    }
    check(d == docs.size());
    return 0;
}
