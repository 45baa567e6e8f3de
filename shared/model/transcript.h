#pragma once
// The transcript model: what the parsers produce and the indexer consumes.
// Plain value types; nothing here knows about Xapian or ICU.

#include <optional>
#include <string>
#include <vector>

namespace callsearch {

// How the file marks its speakers (parse/layout_detector.h says how each is recognized).
enum class Layout {
    MotleyFool,    // fool.com pages: "Name -- Title" lines, section headings, participant list at the end
    Bilingual,     // English + Traditional Chinese lines, speaker lines repeated
    Refinitiv,     // StreetEvents text: "Name,  Company - Title    [n]" between rules
    TwoLineHeader, // a name line, then a "Company - Title" line (Refinitiv PDF, Capital IQ)
    NameLines,     // a speaker's name alone on a line, known from a participant list (Seeking Alpha)
    InlinePrefix,  // "NAME: text", "Name, Firm: text", "Name: text" (IR sites, transcript APIs)
    DashedLines,   // "Name--Title" / "Name - Title" lines without the fool.com page around them
    Unattributed,  // prose without speaker markup (sentence datasets, speech-to-text)
};
enum class Section { Prepared, QA };
enum class Lang { En, Zh };

[[nodiscard]] const char* to_string(Layout layout);
[[nodiscard]] const char* to_string(Section section);  // "prepared" | "qa"
[[nodiscard]] const char* to_string(Lang lang);        // "en" | "zh"

struct CallInfo {
    std::string company;             // "Aurora Mobile Ltd"
    std::string ticker;              // "JG"; empty when the file does not say
    int quarter = 0;                 // 1-4; 0 when unknown
    int year = 0;                    // fiscal year as the call names it; 0 when unknown
    std::optional<std::string> date; // ISO "2021-09-09" when the file gives one
    std::string source_path;         // as given to the reader
    Layout layout = Layout::MotleyFool;
};

struct Participant {
    std::string name;
    std::string title;  // as written, e.g. "Navis Capital -- Analyst"
};

struct Paragraph {
    std::string text;
    Lang lang = Lang::En;
    // For a translated paragraph (bilingual layout): index, within the same turn,
    // of the paragraph it translates. Empty for originals.
    std::optional<std::size_t> translates;
    // Speech-to-text output: where the paragraph starts in the recording.
    std::optional<double> start_seconds;
};

struct Turn {
    std::string speaker;            // "Shan-Nen Bong", "Operator", "Unidentified Analyst"; "" when unknown
    std::string title;              // as written; "" when none
    std::vector<std::string> roles; // normalized, see parse/roles.h
    std::string firm;               // analysts' firm when the title names one
    Section section = Section::Prepared;
    std::vector<Paragraph> paragraphs;
};

// What the reader made of a file and why, for `indexer --explain` and warnings.
struct ParseNotes {
    std::string layout_evidence;  // "14 lines 'Name,  Company - Title [n]' between rules"
    // Where each call field came from: "header", "welcome", "file name", "participant list", ...;
    // "" when the field was not found.
    std::string company_from, ticker_from, quarter_from, year_from, date_from;
    std::string qa_from;  // "heading 'Questions and Answers'", "operator cue", ""
    struct Dropped {
        std::string kind;         // "page header/footer", "disclaimer", "banner", ...
        std::size_t lines = 0;
        std::string first_words;  // of the first line dropped of this kind
    };
    std::vector<Dropped> dropped;
    std::size_t repaired_words = 0;  // words a PDF extraction had split, joined again
};

struct Transcript {
    CallInfo call;
    std::vector<Participant> participants;
    std::vector<Turn> turns;
    ParseNotes notes;
};

}  // namespace callsearch
