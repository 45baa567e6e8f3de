// How well PDF, HTML and JSON transcripts are read, measured on the real files
// of ../shared/formats against their truth.jsonl: per call (a JSON file may
// hold several) and in total, whether it was accepted, named speakers found,
// turn count within 15% of the truth, role hints held, the first Q&A turn in
// section qa, and metadata right. The figures are printed; the goal they must
// reach is asserted by the parse stage's owner once its layouts land, so this
// test only fails when the files cannot be measured at all.

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/source_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string lower_words(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            space = true;
        }
    }
    return out;
}

std::string first_word(std::string_view s) {
    const std::string w = lower_words(s);
    return w.substr(0, w.find(' '));
}

struct Score {
    bool accepted = false;
    std::size_t speakers = 0, speakers_found = 0;
    int turns = 0, truth_turns = -1;
    std::size_t roles = 0, roles_held = 0;
    bool qa_right = false, qa_known = false;
    bool metadata_right = false;
    std::string note;

    [[nodiscard]] bool speakers_right() const { return speakers == 0 || speakers_found * 10 >= speakers * 8; }
    [[nodiscard]] bool turns_right() const {
        return truth_turns < 0 || (accepted && std::abs(turns - truth_turns) * 100 <= truth_turns * 15);
    }
    [[nodiscard]] bool roles_right() const { return roles_held == roles; }
    [[nodiscard]] bool all_right() const {
        return accepted && speakers_right() && turns_right() && roles_right() && (!qa_known || qa_right) &&
               metadata_right;
    }
};

Score score(const json& truth, const callsearch::Transcript* parsed) {
    Score s;
    for (const json& sp : truth["speakers"]) {
        ++s.speakers;
        if (!sp["role_hint"].is_null()) ++s.roles;
    }
    s.truth_turns = truth["turn_count"].is_number() ? truth["turn_count"].get<int>() : -1;
    s.qa_known = truth["qa_starts_with"].is_string();
    if (!parsed) return s;
    s.accepted = true;
    s.turns = static_cast<int>(parsed->turns.size());
    for (const json& sp : truth["speakers"]) {
        const std::string name = lower_words(sp["name"].get<std::string>());
        bool found = false, held = false;
        for (const callsearch::Turn& t : parsed->turns) {
            if (lower_words(t.speaker) != name) continue;
            found = true;
            if (!sp["role_hint"].is_null()) {
                const std::string role = sp["role_hint"].get<std::string>();
                held = held || std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
            }
        }
        s.speakers_found += found;
        s.roles_held += held;
    }
    if (s.qa_known) {
        const std::string start = lower_words(truth["qa_starts_with"].get<std::string>()).substr(0, 40);
        for (std::size_t i = 0; i < parsed->turns.size(); ++i) {
            const auto& t = parsed->turns[i];
            if (t.paragraphs.empty() || !lower_words(t.paragraphs.front().text).starts_with(start)) continue;
            s.qa_right = t.section == callsearch::Section::QA &&
                         (i == 0 || parsed->turns[i - 1].section == callsearch::Section::Prepared);
            break;
        }
    }
    const callsearch::CallInfo& call = parsed->call;
    // The same company however the file spells it: "Citigroup (Citi)" and
    // "Citi", "Digital Realty Trust, Inc." and "Digital Realty".
    const auto holds_word = [](const std::string& words, const std::string& word) {
        return !word.empty() && (" " + words + " ").find(" " + word + " ") != std::string::npos;
    };
    const std::string truth_company = truth["company"].is_null() ? "" : truth["company"].get<std::string>();
    const bool company = truth["company"].is_null() ||
                         holds_word(lower_words(call.company), first_word(truth_company)) ||
                         holds_word(lower_words(truth_company), first_word(call.company));
    const bool ticker = truth["ticker"].is_null() ||
                        lower_words(call.ticker) == first_word(truth["ticker"].get<std::string>());
    const bool quarter = truth["quarter"].is_null() || call.quarter == truth["quarter"].get<int>();
    const bool year = truth["year"].is_null() || call.year == truth["year"].get<int>();
    s.metadata_right = company && ticker && quarter && year;
    if (!s.metadata_right) {
        s.note = "metadata: \"" + call.company + "\" " + call.ticker + " Q" + std::to_string(call.quarter) + " " +
                 std::to_string(call.year);
    }
    return s;
}

const char* mark(bool ok) { return ok ? "yes" : "NO"; }

}  // namespace

TEST_CASE("formats accuracy: PDF, HTML and JSON transcripts of ../shared/formats against their truth") {
    const char* dir_env = std::getenv("CALLSEARCH_FORMATS_DIR");
    const fs::path dir = dir_env ? dir_env : "";
    if (dir.empty() || !fs::exists(dir / "truth.jsonl")) {
        MESSAGE("SKIPPED: ../shared/formats is not there (CALLSEARCH_FORMATS_DIR=" << dir.string() << ")");
        std::cout << "SKIPPED: no ../shared/formats\n";
        return;
    }
    std::vector<json> truths;
    {
        std::ifstream in(dir / "truth.jsonl");
        for (std::string line; std::getline(in, line);) {
            if (!line.empty()) truths.push_back(json::parse(line));
        }
    }
    REQUIRE(!truths.empty());
    std::vector<std::pair<std::string, Score>> rows;
    for (const json& truth : truths) {
        const fs::path path = dir / truth["file"].get<std::string>();
        std::vector<json> calls = truth.contains("items") ? truth["items"].get<std::vector<json>>() : std::vector<json>{truth};
        std::vector<std::optional<callsearch::Transcript>> parsed(calls.size());
        std::string error;
        try {
            const callsearch::DocumentText doc = callsearch::read_document(callsearch::read_source_bytes(path));
            for (std::size_t i = 0; i < calls.size() && i < doc.calls.size(); ++i) {
                try {
                    parsed[i] = callsearch::parse_transcript(doc.calls[i].source.text, path.string());
                } catch (const callsearch::ParseError& e) {
                    error = e.what();
                }
            }
        } catch (const callsearch::InputError& e) {
            error = e.what();
        }
        for (std::size_t i = 0; i < calls.size(); ++i) {
            Score s = score(calls[i], parsed[i] ? &*parsed[i] : nullptr);
            if (!s.accepted) s.note = error;
            std::string name = truth["file"].get<std::string>();
            if (calls.size() > 1) name += " #" + std::to_string(i + 1);
            rows.emplace_back(name, s);
        }
    }
    std::cout << "\n| call | accepted | named speakers found | turns (truth) within 15% | role hints held | "
                 "first Q&A turn in qa | metadata right | all right | note |\n|---|---|---|---|---|---|---|---|---|\n";
    std::size_t accepted = 0, speakers = 0, turns = 0, roles = 0, qa = 0, metadata = 0, all = 0;
    for (const auto& [name, s] : rows) {
        char line[1024];
        std::snprintf(line, sizeof line, "| %s | %s | %zu/%zu %s | %d (%d) %s | %zu/%zu %s | %s | %s | %s | %s |\n",
                      name.c_str(), mark(s.accepted), s.speakers_found, s.speakers, mark(s.speakers_right()), s.turns,
                      s.truth_turns, mark(s.turns_right()), s.roles_held, s.roles, mark(s.roles_right()),
                      s.qa_known ? mark(s.qa_right) : "-", mark(s.metadata_right), mark(s.all_right()),
                      s.note.substr(0, 120).c_str());
        std::cout << line;
        accepted += s.accepted;
        speakers += s.accepted && s.speakers_right();
        turns += s.accepted && s.turns_right();
        roles += s.accepted && s.roles_right();
        qa += s.accepted && (!s.qa_known || s.qa_right);
        metadata += s.metadata_right;
        all += s.all_right();
    }
    char total[512];
    std::snprintf(total, sizeof total,
                  "| **total of %zu calls (%zu files)** | %zu | %zu | %zu | %zu | %zu | %zu | %zu | |\n", rows.size(),
                  truths.size(), accepted, speakers, turns, roles, qa, metadata, all);
    std::cout << total << std::flush;
    CHECK(rows.size() >= truths.size());
}
