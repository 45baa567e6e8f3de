#pragma once
// Repairs to the text itself, made before any line is recognized, for
// artefacts of how the file was produced rather than of its layout:
// - PDF text extraction: ligature characters ("ﬁnancial"), words split in two
//   ("Micron T echnology", "dif fer"), spaces before punctuation ("Sanjay ,");
// - speech-to-text: Chinese characters separated by spaces ("一 切 的 简 报").
// Each repair applies only where the file shows the artefact often enough
// that the repair is certain; a clean file passes through unchanged.

#include <cstddef>
#include <string>
#include <string_view>

namespace callsearch {

struct RepairedText {
    std::string text;
    std::size_t ligatures = 0;      // ligature characters expanded
    std::size_t split_words = 0;    // words joined again
    std::size_t spaced_han = 0;     // spaces removed between Han characters
    bool pdf_like = false;          // the text shows PDF-extraction artefacts
};

// '\n' and the number of lines are kept, so line numbers stay valid.
[[nodiscard]] RepairedText repair_text(std::string_view text);

// "ﬁ" -> "fi" and the other Latin ligatures (U+FB00-U+FB06); the count of
// expansions goes to *count when given.
[[nodiscard]] std::string expand_ligatures(std::string_view text, std::size_t* count = nullptr);

// Joins the words a PDF extraction split, when the split is certain: the
// joined word occurs unsplit elsewhere in the same text and one of the two
// pieces is no word of the text ("dif fer" with "differ" elsewhere), or the
// first piece is a lone capital other than A and I ("T echnology"). Also
// removes the space such text puts before , . ; : ? ! and ).
[[nodiscard]] std::string join_split_words(std::string_view text, std::size_t* count = nullptr);

// Removes a single space between two Han characters; applied by repair_text
// only when most Han characters of the text are spaced that way.
[[nodiscard]] std::string join_spaced_han(std::string_view text, std::size_t* count = nullptr);

}  // namespace callsearch
