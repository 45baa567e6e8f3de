#pragma once
// Transcripts without speaker markup: sentence-per-line research datasets,
// audio-aligned utterances with masked names, speech-to-text output
// ("[33.020 --> 37.620] 一 切 的 简 报 内 容"). They are indexed and
// searchable with the speaker unknown (Turn::speaker empty).

#include <string_view>

#include "model/transcript.h"

namespace callsearch {

// True when the text reads as an earnings call: mostly prose lines (not
// code, not a table of numbers) using the vocabulary of a call (quarter,
// revenue, margin, guidance, questions ...; 季度, 营收, 毛利 ...). A README or
// a CSV fails it; `why_not` receives the reason.
[[nodiscard]] bool reads_as_call(std::string_view text, std::string* why_not = nullptr);

// One turn of unknown speaker; lines grouped into paragraphs (a blank line,
// a pause of over two seconds in timed speech, or about 120 words end one);
// timestamps removed from the text and kept as Paragraph::start_seconds;
// Chinese characters that speech-to-text spaced apart joined again.
// Metadata from the first lines, the welcome and the file name. Never throws.
[[nodiscard]] Transcript parse_unattributed(std::string_view text, std::string_view source_path);

}  // namespace callsearch
