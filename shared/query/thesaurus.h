#pragma once
// Synonym groups for `~word` and `--synonyms` (README.md, "Synonyms"): one
// readable text file, a group per line, members separated by '~':
//     buyback ~ repurchase ~ share repurchase ~ stock buyback
// A member of several words is matched as a phrase; '#' starts a comment.
// The project ships data/thesaurus.txt; a user file adds its groups to it.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/stemmer.h"

namespace callsearch {

// A thesaurus file that cannot be read or holds a bad line; names the file
// (and the line).
class ThesaurusError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Thesaurus {
public:
    // Adds the groups of a file. Throws ThesaurusError.
    void add_file(const std::filesystem::path& file);
    // Adds the groups of text, as if read from `source` (for messages).
    void add_text(std::string_view text, std::string_view source);

    // Every member of every group holding `word_or_phrase` (compared in lower
    // case, a single word also by its English stem), the word itself first;
    // just the word when no group holds it.
    [[nodiscard]] std::vector<std::string> expand(std::string_view word_or_phrase) const;

    [[nodiscard]] std::size_t groups() const { return groups_.size(); }

private:
    [[nodiscard]] std::string key_of(std::string_view member) const;

    std::vector<std::vector<std::string>> groups_;
    std::vector<std::pair<std::string, std::size_t>> index_;  // member key -> group, sorted by key
    analyze::Stemmer stemmer_;
};

// The thesaurus shipped with the project: the installed copy
// (<prefix>/share/callsearch/thesaurus.txt), else the source tree's
// data/thesaurus.txt (a build tree, CI). nullopt when neither exists.
[[nodiscard]] std::optional<std::filesystem::path> shipped_thesaurus_path();

// The shipped thesaurus plus the user's file: `user_file` if given, else
// $CALLSEARCH_THESAURUS when set and not empty. Throws ThesaurusError.
[[nodiscard]] Thesaurus load_thesaurus(const std::optional<std::filesystem::path>& user_file);

// The thesaurus of ~word and --synonyms, loaded when first needed (at once when
// `user_file` is given, so a bad file is reported even if no word uses it).
class ThesaurusSource {
public:
    explicit ThesaurusSource(std::optional<std::filesystem::path> user_file);
    [[nodiscard]] const Thesaurus& get();

private:
    std::optional<std::filesystem::path> user_file_;
    std::optional<Thesaurus> loaded_;
};

}  // namespace callsearch
