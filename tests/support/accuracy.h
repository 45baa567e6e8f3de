#pragma once
// The reader's accuracy on real files with a truth record (../shared/wild,
// ../shared/formats): per file, whether it was accepted, named speakers
// found, turn count within 15%, role hints held, first Q&A turn in `qa`,
// metadata right. Shared by the accuracy tests so they measure alike.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/indexing_job.h"
#include "model/transcript.h"
#include "parse/speaker_names.h"
#include "parse/text_repair.h"

namespace test_support {

struct FileScore {
    std::string file;
    std::string group;
    bool accepted = false;
    std::string error;
    std::size_t speakers = 0, speakers_found = 0;
    std::optional<std::size_t> truth_turns;
    std::size_t turns = 0;
    std::size_t hints = 0, hints_held = 0;
    std::optional<bool> qa_right;  // nullopt: the truth marks no Q&A
    std::string qa_detail;
    bool metadata_right = false;
    std::string metadata_detail;

    [[nodiscard]] bool speakers_right() const { return speakers_found * 10 >= speakers * 9; }
    [[nodiscard]] bool turns_right() const {
        if (!truth_turns) return true;
        const double t = static_cast<double>(*truth_turns);
        const double d = static_cast<double>(turns) - t;
        return (d < 0 ? -d : d) <= 0.15 * t;
    }
    [[nodiscard]] bool hints_right() const { return hints_held * 10 >= hints * 9; }
    [[nodiscard]] bool all_right() const {
        return accepted && speakers_right() && turns_right() && hints_right() && qa_right.value_or(true) && metadata_right;
    }
};

// Text compared by its first words: ligatures expanded, spaces collapsed.
inline std::string comparable(std::string_view s) {
    std::string expanded = callsearch::expand_ligatures(s);
    std::string out;
    for (char c : expanded) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// The same company however a source spells it: the words of one name lead
// the other's ("Agilent" / "Agilent Technologies Inc.", "JPMorgan Chase" /
// "JPMorgan Chase & Co."), corporate suffixes and punctuation aside; a name
// in parentheses is an alternative ("Citigroup (Citi)").
inline std::vector<std::vector<std::string>> company_spellings(const std::string& name) {
    std::vector<std::string> forms = {name};
    if (const auto open = name.find('('); open != std::string::npos) {
        const auto close = name.find(')', open);
        forms.push_back(name.substr(0, open));
        forms.push_back(name.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1));
    }
    static const std::vector<std::string> kSuffixes = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                                                       "limited", "plc", "ag", "sa", "nv", "llc", "lp", "group",
                                                       "holdings", "holding", "the", "and"};
    std::vector<std::vector<std::string>> out;
    for (const auto& form : forms) {
        std::vector<std::string> words;
        std::string word;
        auto flush = [&] {
            if (!word.empty() && std::find(kSuffixes.begin(), kSuffixes.end(), word) == kSuffixes.end()) words.push_back(word);
            word.clear();
        };
        for (char c : form) {
            if (c == '\'') continue;
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else {
                flush();
            }
        }
        flush();
        if (!words.empty()) out.push_back(std::move(words));
    }
    return out;
}

inline bool same_company(const std::string& ours, const std::string& truth) {
    for (const auto& a : company_spellings(ours)) {
        for (const auto& b : company_spellings(truth)) {
            const auto& shorter = a.size() <= b.size() ? a : b;
            const auto& longer = a.size() <= b.size() ? b : a;
            if (std::equal(shorter.begin(), shorter.end(), longer.begin())) return true;
        }
    }
    return false;
}

inline bool has_role(const callsearch::Turn& t, const std::string& role) {
    return std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
}

inline FileScore score_file(const nlohmann::json& truth, const callsearch::Transcript& parsed) {
    using callsearch::same_person;
    FileScore s;
    s.accepted = true;
    s.turns = parsed.turns.size();
    if (truth.contains("turn_count") && !truth["turn_count"].is_null()) s.truth_turns = truth["turn_count"].get<std::size_t>();
    for (const auto& sp : truth.value("speakers", nlohmann::json::array())) {
        if (!sp.contains("name") || sp["name"].is_null()) continue;
        const std::string name = sp["name"].get<std::string>();
        ++s.speakers;
        bool found = false;
        bool held = false;
        const std::string hint = sp.value("role_hint", nlohmann::json()).is_string() ? sp["role_hint"].get<std::string>() : "";
        for (const auto& turn : parsed.turns) {
            const bool same = name == "Operator" ? turn.speaker == "Operator" : same_person(turn.speaker, name);
            if (!same) continue;
            found = true;
            if (!hint.empty() && has_role(turn, hint)) held = true;
        }
        // A listed participant who never speaks is still a speaker the reader knows.
        for (const auto& p : parsed.participants) {
            if (same_person(p.name, name)) found = true;
        }
        if (found) ++s.speakers_found;
        if (hint == "ceo" || hint == "cfo" || hint == "analyst" || hint == "operator") {
            ++s.hints;
            if (held) ++s.hints_held;
        }
    }
    if (truth.contains("qa_starts_with") && truth["qa_starts_with"].is_string()) {
        const std::string want = comparable(truth["qa_starts_with"].get<std::string>()).substr(0, 40);
        // The truth quotes the start of the turn's text, its paragraphs run together.
        std::optional<std::size_t> at;
        for (std::size_t t = 0; t < parsed.turns.size() && !at; ++t) {
            std::string text;
            for (const auto& p : parsed.turns[t].paragraphs) {
                if (text.size() > 200) break;
                text += p.text;
                text += ' ';
            }
            if (comparable(text).starts_with(want)) at = t;
        }
        if (!at) {
            s.qa_right = false;
            s.qa_detail = "turn not found";
        } else {
            std::size_t first_qa = parsed.turns.size();
            for (std::size_t t = 0; t < parsed.turns.size(); ++t) {
                if (parsed.turns[t].section == callsearch::Section::QA) {
                    first_qa = t;
                    break;
                }
            }
            // It is in Q&A, and Q&A does not start more than two turns before it.
            s.qa_right = parsed.turns[*at].section == callsearch::Section::QA && first_qa + 2 >= *at;
            s.qa_detail = "turn " + std::to_string(*at) + ", Q&A from turn " + std::to_string(first_qa);
        }
    }
    const auto& call = parsed.call;
    bool ok = true;
    std::string detail;
    auto check = [&](const char* field, bool right, const std::string& ours, const std::string& want) {
        if (!right) {
            ok = false;
            detail += std::string(field) + " '" + ours + "' != '" + want + "'; ";
        }
    };
    if (truth.contains("company") && truth["company"].is_string()) {
        const std::string want = truth["company"].get<std::string>();
        check("company", same_company(call.company, want), call.company, want);
    }
    if (truth.contains("ticker") && truth["ticker"].is_string()) {
        const std::string want = truth["ticker"].get<std::string>();
        check("ticker", call.ticker == want, call.ticker, want);
    }
    if (truth.contains("quarter") && truth["quarter"].is_number()) {
        const int want = truth["quarter"].get<int>();
        check("quarter", call.quarter == want, std::to_string(call.quarter), std::to_string(want));
    }
    if (truth.contains("year") && truth["year"].is_number()) {
        const int want = truth["year"].get<int>();
        check("year", call.year == want, std::to_string(call.year), std::to_string(want));
    }
    s.metadata_right = ok;
    s.metadata_detail = detail;
    return s;
}

// One line per group and a total: what the accuracy tests print.
inline std::size_t print_scores(const char* title, const std::vector<FileScore>& scores, bool verbose) {
    std::map<std::string, std::vector<const FileScore*>> groups;
    for (const auto& s : scores) groups[s.group].push_back(&s);
    std::printf("%s\n", title);
    std::printf("| %-20s | files | accepted | speakers | turns ±15%% | role hints | Q&A start | metadata | all right |\n",
                "layout");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    auto row = [](const std::string& name, const std::vector<const FileScore*>& files) {
        std::size_t acc = 0, sp = 0, tu = 0, hi = 0, qa = 0, md = 0, all = 0;
        for (const auto* f : files) {
            acc += f->accepted;
            sp += f->accepted && f->speakers_right();
            tu += f->accepted && f->turns_right();
            hi += f->accepted && f->hints_right();
            qa += f->accepted && f->qa_right.value_or(true);
            md += f->accepted && f->metadata_right;
            all += f->all_right();
        }
        std::printf("| %-20s | %5zu | %8zu | %8zu | %10zu | %10zu | %9zu | %8zu | %9zu |\n", name.c_str(), files.size(),
                    acc, sp, tu, hi, qa, md, all);
        return all;
    };
    std::vector<const FileScore*> every;
    for (const auto& [name, files] : groups) {
        row(name, files);
        every.insert(every.end(), files.begin(), files.end());
    }
    const std::size_t all = row("total", every);
    for (const auto& s : scores) {
        if (!verbose && s.all_right()) continue;
        std::printf("  %s %s: %s speakers %zu/%zu, turns %zu (truth %s), hints %zu/%zu, Q&A %s, metadata %s\n",
                    s.all_right() ? "ok  " : "MISS", s.file.c_str(), s.accepted ? "accepted," : ("REFUSED (" + s.error + "),").c_str(),
                    s.speakers_found, s.speakers, s.turns, s.truth_turns ? std::to_string(*s.truth_turns).c_str() : "-",
                    s.hints_held, s.hints, s.qa_right ? (*s.qa_right ? "right" : ("wrong: " + s.qa_detail).c_str()) : "-",
                    s.metadata_right ? "right" : s.metadata_detail.c_str());
    }
    std::fflush(stdout);
    return all;
}

}  // namespace test_support
