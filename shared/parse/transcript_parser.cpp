#include "parse/transcript_parser.h"

#include <utility>

#include "parse/bilingual_parser.h"
#include "parse/layout_detector.h"
#include "parse/motley_fool_parser.h"

namespace callsearch {

Transcript parse_transcript(std::string_view text, std::string source_path) {
    const auto layout = detect_layout(text);
    if (!layout) {
        throw ParseError(text.find_first_not_of(" \t\n") == std::string_view::npos
                             ? "not a transcript: the text is empty"
                             : "not a transcript: no speaker lines of a known layout (Motley Fool or bilingual)");
    }
    Transcript transcript = *layout == Layout::Bilingual ? parse_bilingual(text) : parse_motley_fool(text);
    if (transcript.turns.empty()) {
        throw ParseError(std::string("not a transcript: no speaker turns found (") + to_string(*layout) +
                         " layout)");
    }
    transcript.call.source_path = std::move(source_path);
    transcript.call.layout = *layout;
    return transcript;
}

}  // namespace callsearch
