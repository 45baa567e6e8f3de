#pragma once
// The bilingual layout: each English paragraph line is followed by its
// Traditional Chinese machine translation; speaker lines ("Shan-Nen Bong - CFO",
// "Operator") appear twice in a row; a Chinese disclaimer line opens the file;
// there are no section headings, participant list or header block.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "model/transcript.h"

namespace callsearch {

// Zh when the line is mostly Chinese (Han or CJK punctuation, with Latin
// words such as "EBITDA" allowed in it), En otherwise.
[[nodiscard]] Lang line_language(std::string_view line);

// The translation notice that opens the file ("使用警語:中文譯文來源為 Google 翻譯...").
[[nodiscard]] bool is_translation_disclaimer(std::string_view line);

// Where Q&A starts in a call without section headings: the first Operator
// turn after a non-operator turn that mentions questions ("question", "Q&A").
// nullopt when there is no such turn.
[[nodiscard]] std::optional<std::size_t> qa_start_by_operator_cue(const std::vector<Turn>& turns);

// Turns (each Chinese paragraph linked to the English one it translates),
// sections, participants (from the turns) and what the operator's welcome
// says of the call. Paragraphs keep the text as written (no-break spaces
// included). call.source_path is left empty; call.layout is Bilingual.
// Never throws; a text without speaker lines gives no turns.
[[nodiscard]] Transcript parse_bilingual(std::string_view text);

}  // namespace callsearch
