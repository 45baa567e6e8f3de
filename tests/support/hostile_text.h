#pragma once
// Generated hostile inputs for the parsers: many thousands of lines shaped
// like headers, for tests that such files parse sanely (or are refused).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace test_support {

// `unit` written `count` times.
inline std::string repeated(std::string_view unit, std::size_t count) {
    std::string out;
    out.reserve(unit.size() * count);
    for (std::size_t i = 0; i < count; ++i) out += unit;
    return out;
}

// A distinct, person-shaped name for each i ("Adb Bb", "Aeb Bc", ...): two
// capitalized words of ASCII letters, as parse_speaker_line accepts.
inline std::string person_name(std::size_t i) {
    std::string first = "A";
    std::string last = "B";
    for (std::size_t k = i; k > 0; k /= 26) last += static_cast<char>('a' + k % 26);
    for (std::size_t k = i * 7 + 3; k > 0; k /= 26) first += static_cast<char>('a' + k % 26);
    return first + " " + last;
}

// `count` turns, each by another person: the speaker line (the name, then
// `title_part` such as " -- Chief Executive Officer") written `times` times,
// then `speech`.
inline std::string distinct_speaker_turns(std::size_t count, std::string_view title_part, std::size_t times,
                                          std::string_view speech) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string line = person_name(i) + std::string(title_part) + "\n";
        out += repeated(line, times);
        out += speech;
    }
    return out;
}

// Every paragraph of the transcript, turn by turn.
inline std::vector<const callsearch::Paragraph*> paragraphs_of(const callsearch::Transcript& transcript) {
    std::vector<const callsearch::Paragraph*> out;
    for (const auto& turn : transcript.turns) {
        for (const auto& paragraph : turn.paragraphs) out.push_back(&paragraph);
    }
    return out;
}

}  // namespace test_support
