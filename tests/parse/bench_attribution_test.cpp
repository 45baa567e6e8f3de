// Speaker attribution measured on the bench: 1,104 Motley Fool transcripts
// with a hand-checked truth of every turn (speaker, title, section, first
// words, paragraph count). Set CALLSEARCH_BENCH_VERBOSE=1 to list mismatches.

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parse/transcript_parser.h"

namespace {

using callsearch::Transcript;
using callsearch::Turn;

struct TruthTurn {
    std::string speaker;
    std::string title;
    std::string section;
    std::string first_words;
    std::size_t paragraph_count = 0;
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool same_speaker(const TruthTurn& truth, const Turn& turn) {
    return truth.speaker == turn.speaker && truth.title == turn.title &&
           truth.section == callsearch::to_string(turn.section);
}

bool same_text(const TruthTurn& truth, const Turn& turn) {
    return turn.paragraphs.size() == truth.paragraph_count && !turn.paragraphs.empty() &&
           turn.paragraphs.front().text.starts_with(truth.first_words);
}

// Pairs truth and parsed turns by a longest common subsequence on
// (speaker, title, section), so one missed or extra turn costs one turn,
// not the rest of the file.
std::vector<std::pair<std::size_t, std::size_t>> align(const std::vector<TruthTurn>& truth,
                                                       const std::vector<Turn>& parsed) {
    const std::size_t n = truth.size();
    const std::size_t m = parsed.size();
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lcs[i][j] = same_speaker(truth[i], parsed[j]) ? lcs[i + 1][j + 1] + 1
                                                          : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (same_speaker(truth[i], parsed[j])) {
            pairs.emplace_back(i, j);
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

// Text of the page that must never reach a paragraph.
bool is_boilerplate_text(const std::string& text) {
    static const char* const kMarks[] = {
        "stocks we like better than", "award-winning analyst team", "They just revealed what they believe",
        "See the 10 stocks",          "Stock Advisor returns as of", "Call participants:",
        "All earnings call transcripts", "Image source: The Motley Fool", "Logo of jester cap",
        "Prepared Remarks:",          "Questions and Answers:",
    };
    for (const char* mark : kMarks) {
        if (text.find(mark) != std::string::npos) return true;
    }
    return text.starts_with("Duration:") || (text.starts_with("More ") && text.ends_with(" analysis"));
}

}  // namespace

TEST_CASE("bench: speakers, titles and sections of 1,104 transcripts match the truth") {
    const char* unpacked = std::getenv("CALLSEARCH_BENCH_UNPACKED");
    if (unpacked == nullptr || *unpacked == '\0') {
        std::printf("SKIPPED: CALLSEARCH_BENCH_UNPACKED is not set\n");
        return;
    }
    const std::filesystem::path root(unpacked);
    const auto truth_path = root / "truth.jsonl";
    const auto transcripts = root / "transcripts";
    if (!std::filesystem::exists(truth_path) || !std::filesystem::is_directory(transcripts)) {
        std::printf("SKIPPED: no bench at %s (expected truth.jsonl and transcripts/)\n", root.string().c_str());
        return;
    }
    const bool verbose = std::getenv("CALLSEARCH_BENCH_VERBOSE") != nullptr;
    const auto started = std::chrono::steady_clock::now();

    std::size_t files = 0;
    std::size_t parse_failures = 0;
    std::size_t truth_turns = 0;
    std::size_t parsed_turns = 0;
    std::size_t matched = 0;  // speaker, title and section
    std::size_t strict = 0;   // and first words, paragraph count
    std::size_t metadata_ok = 0;
    std::size_t boilerplate = 0;
    std::size_t participant_paragraphs = 0;

    std::ifstream truth_in(truth_path);
    std::string json_line;
    while (std::getline(truth_in, json_line)) {
        if (json_line.empty()) continue;
        const auto truth = nlohmann::json::parse(json_line);
        const std::string file = truth.at("file");
        std::vector<TruthTurn> expected;
        for (const auto& t : truth.at("turns")) {
            expected.push_back(TruthTurn{t.at("speaker"), t.at("title"), t.at("section"), t.at("first_words"),
                                         t.at("paragraph_count")});
        }
        ++files;
        truth_turns += expected.size();

        Transcript parsed;
        try {
            parsed = callsearch::parse_transcript(read_file(transcripts / file), file);
        } catch (const callsearch::ParseError& e) {
            ++parse_failures;
            if (verbose) std::printf("%s: parse error: %s\n", file.c_str(), e.what());
            continue;
        }
        parsed_turns += parsed.turns.size();
        if (parsed.call.company == truth.at("company") && parsed.call.ticker == truth.at("ticker") &&
            parsed.call.quarter == truth.at("quarter") && parsed.call.year == truth.at("year")) {
            ++metadata_ok;
        }

        const auto pairs = align(expected, parsed.turns);
        matched += pairs.size();
        std::vector<bool> truth_matched(expected.size(), false);
        for (const auto& [i, j] : pairs) {
            truth_matched[i] = true;
            if (same_text(expected[i], parsed.turns[j])) {
                ++strict;
            } else if (verbose) {
                std::printf("%s: turn %zu %s: paragraphs %zu vs truth %zu; first \"%.60s\" vs \"%.60s\"\n",
                            file.c_str(), i, expected[i].speaker.c_str(), parsed.turns[j].paragraphs.size(),
                            expected[i].paragraph_count,
                            parsed.turns[j].paragraphs.empty() ? "" : parsed.turns[j].paragraphs[0].text.c_str(),
                            expected[i].first_words.c_str());
            }
        }
        if (verbose) {
            for (std::size_t i = 0; i < expected.size(); ++i) {
                if (!truth_matched[i]) {
                    std::printf("%s: turn %zu missed: %s -- %s (%s)\n", file.c_str(), i,
                                expected[i].speaker.c_str(), expected[i].title.c_str(), expected[i].section.c_str());
                }
            }
            if (parsed.turns.size() > pairs.size()) {
                std::vector<bool> used(parsed.turns.size(), false);
                for (const auto& [i, j] : pairs) used[j] = true;
                for (std::size_t j = 0; j < parsed.turns.size(); ++j) {
                    if (!used[j]) {
                        std::printf("%s: extra turn %zu: %s -- %s (%s)\n", file.c_str(), j,
                                    parsed.turns[j].speaker.c_str(), parsed.turns[j].title.c_str(),
                                    callsearch::to_string(parsed.turns[j].section));
                    }
                }
            }
        }

        for (const auto& turn : parsed.turns) {
            for (const auto& paragraph : turn.paragraphs) {
                if (is_boilerplate_text(paragraph.text)) {
                    ++boilerplate;
                    if (verbose) std::printf("%s: boilerplate paragraph \"%.80s\"\n", file.c_str(), paragraph.text.c_str());
                }
                for (const auto& participant : parsed.participants) {
                    if (!participant.title.empty() && paragraph.text == participant.name + " -- " + participant.title) {
                        ++participant_paragraphs;
                    }
                }
            }
        }
    }

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto percent = [&](std::size_t n) { return truth_turns ? 100.0 * static_cast<double>(n) / static_cast<double>(truth_turns) : 0.0; };
    std::printf(
        "bench attribution: %zu files (%zu unparsed), %zu truth turns, %zu parsed turns; "
        "speaker/title/section matched %zu (%.2f%%); strict (also first words, paragraph count) %zu (%.2f%%); "
        "metadata right in %zu files; boilerplate paragraphs: %zu (participant lines: %zu); %.1f s\n",
        files, parse_failures, truth_turns, parsed_turns, matched, percent(matched), strict, percent(strict),
        metadata_ok, boilerplate, participant_paragraphs, seconds);

    REQUIRE(files > 0);
    CHECK(parse_failures == 0);
    CHECK(percent(matched) >= 99.5);
    CHECK(percent(strict) >= 99.5);
    CHECK(boilerplate == 0);
    CHECK(participant_paragraphs == 0);
    CHECK(metadata_ok == files);
}
