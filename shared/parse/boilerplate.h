#pragma once
// Lines that are never speech, whatever the layout: rules, page numbers
// ("Page 3 of 20", "- 12 -"), vendor banners ("Thomson Reuters StreetEvents
// Event Transcript", "Welcome to Seeking Alpha!", "subscribe to Premium"),
// link blocks ("View all earnings call transcripts") and copyright lines.
// Stage directions ("(Operator Instructions)") stay: transcripts print them
// inside the turn, as part of what the speaker's text records.

#include <string_view>

namespace callsearch {

// The kind of boilerplate the (trimmed) line is, for `--explain`
// ("rule", "page number", "banner", "copyright", "link"), or
// nullptr when it may be speech.
[[nodiscard]] const char* boilerplate_kind(std::string_view line);

}  // namespace callsearch
