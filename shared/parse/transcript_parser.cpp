#include "parse/transcript_parser.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parse/bilingual_parser.h"
#include "parse/call_metadata.h"
#include "parse/layout_detector.h"
#include "parse/marked_parser.h"
#include "parse/motley_fool_parser.h"
#include "parse/text_repair.h"
#include "parse/speaker_line.h"
#include "parse/unattributed_parser.h"

namespace callsearch {
namespace {

// Fields the file's own header left empty, from its name ("AAPL_q3_2023.txt").
void fill_from_file_name(Transcript& transcript, std::string_view path) {
    const CallInfo file = call_info_from_file_name(path);
    CallInfo& call = transcript.call;
    ParseNotes& notes = transcript.notes;
    if (call.company.empty() && !file.company.empty()) {
        call.company = file.company;
        notes.company_from = "file name";
    }
    if (call.ticker.empty() && !file.ticker.empty()) {
        call.ticker = file.ticker;
        notes.ticker_from = "file name";
    }
    if (call.quarter == 0 && file.quarter != 0) {
        call.quarter = file.quarter;
        call.year = file.year;
        notes.quarter_from = notes.year_from = "file name";
    }
    if (!call.date && file.date) {
        call.date = file.date;
        notes.date_from = "file name";
    }
}

// A page in the fool.com style whose header the Motley Fool reader did not
// recognise ("Crestline Foods (NYSE: CRSF) Q1 2025 Earnings Call dated May 08, 2025").
void fill_from_title_block(Transcript& transcript, std::string_view text) {
    CallInfo& call = transcript.call;
    if (!call.company.empty() && call.quarter != 0 && !call.ticker.empty() && call.date) return;
    std::vector<std::string_view> head;
    std::size_t start = 0;
    while (start < text.size() && head.size() < 40) {
        const auto end = std::min(text.find('\n', start), text.size());
        head.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    const std::string plain = plain_spaces(std::string(text.substr(0, start)));
    head.clear();
    start = 0;
    while (start < plain.size() && head.size() < 40) {
        const auto end = std::min(plain.find('\n', start), plain.size());
        head.push_back(std::string_view(plain).substr(start, end - start));
        start = end + 1;
    }
    const CallInfo title = call_info_from_title_block(head);
    ParseNotes& notes = transcript.notes;
    if (title.quarter != 0 && title.year != 0 && (call.quarter == 0 || call.company.empty())) {
        call.quarter = title.quarter;
        call.year = title.year;
        notes.quarter_from = notes.year_from = "title block";
        if (!title.company.empty()) {
            call.company = title.company;
            notes.company_from = "title block";
        }
    }
    if (call.ticker.empty() && !title.ticker.empty()) {
        call.ticker = title.ticker;
        notes.ticker_from = "title block";
    }
    if (!call.date && title.date) {
        call.date = title.date;
        notes.date_from = "title block";
    }
}

void note_header_sources(Transcript& transcript, const char* source) {
    ParseNotes& notes = transcript.notes;
    const CallInfo& call = transcript.call;
    if (!call.company.empty()) notes.company_from = source;
    if (!call.ticker.empty()) notes.ticker_from = source;
    if (call.quarter != 0) notes.quarter_from = source;
    if (call.year != 0) notes.year_from = source;
    if (call.date) notes.date_from = source;
}

std::size_t paragraph_count(const Transcript& t) {
    std::size_t n = 0;
    for (const auto& turn : t.turns) n += turn.paragraphs.size();
    return n;
}

std::size_t dropped_lines(const Transcript& t, std::string_view kind) {
    for (const auto& d : t.notes.dropped) {
        if (d.kind == kind) return d.lines;
    }
    return 0;
}

}  // namespace

Transcript parse_transcript(std::string_view text, std::string source_path) {
    if (text.find_first_not_of(" \t\n") == std::string_view::npos) throw ParseError("not a transcript: the text is empty");
    const auto layout = detect_layout(text);
    Transcript transcript;
    if (layout) {
        transcript = *layout == Layout::Bilingual ? parse_bilingual(text) : parse_motley_fool(text);
        if (*layout == Layout::MotleyFool && transcript.turns.size() < 5) {
            // fool.com headings around speakers of another shape ("Name: text"
            // from a converted JSON call): the layout-independent reader decides.
            Transcript marked = parse_marked(text, source_path);
            if (marked.turns.size() > transcript.turns.size()) {
                marked.call.source_path = std::move(source_path);
                return marked;
            }
        }
        if (transcript.turns.empty()) {
            throw ParseError(std::string("not a transcript: no speaker turns found (") + to_string(*layout) + " layout)");
        }
        transcript.call.layout = *layout;
        note_header_sources(transcript, *layout == Layout::Bilingual ? "operator's welcome" : "title block");
        transcript.notes.layout_evidence = *layout == Layout::Bilingual
                                               ? "speaker lines repeated on the next line, with Chinese lines"
                                               : "fool.com page marks and 'Name -- Title' speaker lines";
        if (*layout == Layout::MotleyFool) fill_from_title_block(transcript, text);
        fill_from_file_name(transcript, source_path);
    } else {
        transcript = parse_marked(text, source_path);
        // Speaker marks that leave most of the text before the first turn
        // (a stray "Operator" line in a sentence dataset) are no layout.
        const std::size_t before = dropped_lines(transcript, "title block");
        const bool marked = transcript.turns.size() >= 2 && before <= paragraph_count(transcript) + 40;
        if (!marked) {
            std::string why;
            if (!reads_as_call(repair_text(text).text, &why)) {
                throw ParseError("not a transcript: no speaker lines of any known layout, and " + why);
            }
            transcript = parse_unattributed(text, source_path);
            if (transcript.turns.empty()) throw ParseError("not a transcript: no text found");
        }
    }
    transcript.call.source_path = std::move(source_path);
    return transcript;
}

std::string missing_call_fields(const CallInfo& call) {
    std::string out;
    auto add = [&](bool missing, const char* name) {
        if (!missing) return;
        if (!out.empty()) out += ", ";
        out += name;
    };
    add(call.company.empty(), "company");
    add(call.ticker.empty(), "ticker");
    add(call.quarter == 0, "quarter");
    add(call.year == 0, "year");
    add(!call.date, "date");
    return out;
}

}  // namespace callsearch
