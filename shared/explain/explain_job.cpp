#include "explain/explain_job.h"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/source_file.h"
#include "read/source_format.h"

namespace callsearch {
namespace {

struct Speaker {
    std::string name;
    std::string title;
    std::vector<std::string> roles;
    std::string firm;
    std::size_t turns = 0;
};

std::vector<Speaker> speakers_of(const Transcript& t) {
    std::vector<Speaker> out;
    std::map<std::string, std::size_t> index;
    for (const auto& turn : t.turns) {
        const std::string key = turn.speaker + '\n' + turn.title;
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, out.size()).first;
            out.push_back(Speaker{turn.speaker, turn.title, turn.roles, turn.firm, 0});
        }
        ++out[it->second].turns;
    }
    return out;
}

std::size_t paragraphs_of(const Transcript& t) {
    std::size_t n = 0;
    for (const auto& turn : t.turns) n += turn.paragraphs.size();
    return n;
}

std::optional<std::size_t> qa_turn(const Transcript& t) {
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        if (t.turns[i].section == Section::QA) return i;
    }
    return std::nullopt;
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += ",";
        out += s;
    }
    return out;
}

std::string first_words(const Turn& turn) {
    if (turn.paragraphs.empty()) return {};
    std::string s = turn.paragraphs.front().text.substr(0, 70);
    return s;
}

}  // namespace

std::vector<Explanation> explain_file(const std::filesystem::path& path) {
    std::vector<Explanation> out;
    Explanation file;
    file.path = path.string();
    DocumentText document;
    try {
        document = read_document(read_source_bytes(path));
    } catch (const std::exception& ex) {
        file.error = ex.what();
        out.push_back(std::move(file));
        return out;
    }
    for (DocumentText::Call& call : document.calls) {
        Explanation e = file;
        e.format = to_string(document.format);
        e.label = call.label;
        e.notes = std::move(call.source.notes);
        e.extraction = document.dropped;
        try {
            e.transcript = parse_transcript(call.source.text, e.path);
            e.accepted = true;
        } catch (const std::exception& ex) {
            e.error = ex.what();
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::string format_explanation_text(const Explanation& e) {
    std::ostringstream out;
    out << e.path;
    if (!e.label.empty()) out << " (" << e.label << ")";
    out << '\n';
    if (e.format != "text") out << "  format: " << e.format << '\n';
    for (const auto& n : e.notes) out << "  note: " << n << '\n';
    for (const auto& d : e.extraction) out << "  extraction dropped: " << d << '\n';
    if (!e.accepted) {
        out << "  refused: " << e.error << "\n\n";
        return out.str();
    }
    const Transcript& t = e.transcript;
    const CallInfo& c = t.call;
    const ParseNotes& n = t.notes;
    auto field = [&](const char* name, const std::string& value, const std::string& from) {
        out << "  " << name << ": " << (value.empty() ? "(not found)" : value);
        if (!value.empty() && !from.empty()) out << "  [from " << from << "]";
        out << '\n';
    };
    out << "  layout: " << to_string(c.layout) << " (" << n.layout_evidence << ")\n";
    field("company", c.company, n.company_from);
    field("ticker", c.ticker, n.ticker_from);
    field("quarter", c.quarter ? "Q" + std::to_string(c.quarter) : "", n.quarter_from);
    field("year", c.year ? std::to_string(c.year) : "", n.year_from);
    field("date", c.date.value_or(""), n.date_from);
    const auto speakers = speakers_of(t);
    out << "  turns: " << t.turns.size() << ", paragraphs: " << paragraphs_of(t) << ", speakers: " << speakers.size()
        << '\n';
    if (const auto qa = qa_turn(t)) {
        out << "  Q&A starts at turn " << (*qa + 1) << " (" << t.turns[*qa].speaker << ": \"" << first_words(t.turns[*qa])
            << "\")";
        if (!n.qa_from.empty()) out << "  [from " << n.qa_from << "]";
        out << '\n';
    } else {
        out << "  Q&A: none found\n";
    }
    out << "  speakers:\n";
    for (const auto& s : speakers) {
        out << "    " << (s.name.empty() ? "(unknown speaker)" : s.name);
        if (!s.title.empty()) out << " -- " << s.title;
        out << "  roles: " << (s.roles.empty() ? "(none)" : join(s.roles));
        if (!s.firm.empty()) out << "  firm: " << s.firm;
        out << "  turns: " << s.turns << '\n';
    }
    if (n.repaired_words) out << "  repaired: " << n.repaired_words << " words split by PDF extraction\n";
    if (!n.dropped.empty()) {
        out << "  dropped:\n";
        for (const auto& d : n.dropped) {
            out << "    " << d.kind << ": " << d.lines << " lines";
            if (!d.first_words.empty()) out << " (first: \"" << d.first_words << "\")";
            out << '\n';
        }
    }
    out << '\n';
    return out.str();
}

std::string format_explanation_json(const Explanation& e) {
    nlohmann::ordered_json j;
    j["file"] = e.path;
    j["format"] = e.format;
    j["call_label"] = e.label.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.label);
    j["accepted"] = e.accepted;
    j["notes"] = e.notes;
    j["extraction_dropped"] = e.extraction;
    if (!e.accepted) {
        j["error"] = e.error;
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    const Transcript& t = e.transcript;
    const CallInfo& c = t.call;
    const ParseNotes& n = t.notes;
    j["layout"] = to_string(c.layout);
    j["layout_evidence"] = n.layout_evidence;
    auto value = [&](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
    nlohmann::ordered_json call;
    call["company"] = value(c.company);
    call["ticker"] = value(c.ticker);
    call["quarter"] = c.quarter ? nlohmann::ordered_json(c.quarter) : nlohmann::ordered_json();
    call["year"] = c.year ? nlohmann::ordered_json(c.year) : nlohmann::ordered_json();
    call["date"] = c.date ? nlohmann::ordered_json(*c.date) : nlohmann::ordered_json();
    j["call"] = call;
    nlohmann::ordered_json from;
    from["company"] = value(n.company_from);
    from["ticker"] = value(n.ticker_from);
    from["quarter"] = value(n.quarter_from);
    from["year"] = value(n.year_from);
    from["date"] = value(n.date_from);
    j["sources"] = from;
    j["turns"] = t.turns.size();
    j["paragraphs"] = paragraphs_of(t);
    const auto qa = qa_turn(t);
    j["qa_start_turn"] = qa ? nlohmann::ordered_json(*qa + 1) : nlohmann::ordered_json();
    j["qa_from"] = value(n.qa_from);
    nlohmann::ordered_json speakers = nlohmann::ordered_json::array();
    for (const auto& s : speakers_of(t)) {
        nlohmann::ordered_json o;
        o["speaker"] = s.name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.name);
        o["title"] = s.title;
        o["roles"] = s.roles;
        o["firm"] = value(s.firm);
        o["turns"] = s.turns;
        speakers.push_back(std::move(o));
    }
    j["speakers"] = std::move(speakers);
    nlohmann::ordered_json dropped = nlohmann::ordered_json::array();
    for (const auto& d : n.dropped) {
        nlohmann::ordered_json o;
        o["kind"] = d.kind;
        o["lines"] = d.lines;
        o["first_words"] = d.first_words;
        dropped.push_back(std::move(o));
    }
    j["dropped"] = std::move(dropped);
    j["repaired_words"] = n.repaired_words;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace callsearch
