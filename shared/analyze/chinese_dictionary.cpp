#include "analyze/chinese_dictionary.h"

#include <stdexcept>
#include <string>

#include <unicode/ures.h>
#include <unicode/ustring.h>

namespace callsearch::analyze {

namespace {

// ICU's break iterator data ("brkitr" tree) and the layout of its dictionary
// files: eight int32 fields, of which the first is the trie's byte offset
// and the fifth its type.
constexpr const char* kBreakData = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";
constexpr int kTrieOffsetField = 0;
constexpr int kTrieTypeField = 4;
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kUCharsTrie = 1;
constexpr std::int32_t kTrieHasValues = 8;

[[noreturn]] void unavailable(const std::string& what, UErrorCode status) {
    throw std::runtime_error("ICU Chinese word dictionary unavailable: " + what + " (" + u_errorName(status) + ")");
}

// The dictionary's file name for Han script ("cjdict.dict" in ICU 72), as the
// break iterator itself looks it up.
std::string han_dictionary_name() {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* root = ures_open(kBreakData, "", &status);
    UResourceBundle* table = ures_getByKey(root, "dictionaries", nullptr, &status);
    int32_t length = 0;
    const UChar* name = ures_getStringByKey(table, "Hani", &length, &status);
    std::string out;
    if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < length; ++i) out.push_back(static_cast<char>(name[i]));  // invariant ASCII
    }
    ures_close(table);
    ures_close(root);
    if (U_FAILURE(status) || out.empty()) unavailable("no dictionary named for Han", status);
    return out;
}

}  // namespace

ChineseDictionary::ChineseDictionary() {
    const std::string file = han_dictionary_name();
    const std::size_t dot = file.rfind('.');
    if (dot == std::string::npos) unavailable("unexpected dictionary name " + file, U_ZERO_ERROR);
    UErrorCode status = U_ZERO_ERROR;
    data_ = udata_open(kBreakData, file.substr(dot + 1).c_str(), file.substr(0, dot).c_str(), &status);
    if (U_FAILURE(status)) unavailable(file, status);
    UDataInfo info;
    info.size = sizeof info;
    udata_getInfo(data_, &info);
    const auto* fields = static_cast<const std::int32_t*>(udata_getMemory(data_));
    const bool dict_format = info.dataFormat[0] == 'D' && info.dataFormat[1] == 'i' &&
                             info.dataFormat[2] == 'c' && info.dataFormat[3] == 't' && info.formatVersion[0] == 1;
    const std::int32_t type = fields ? fields[kTrieTypeField] : 0;
    if (!dict_format || (type & kTrieTypeMask) != kUCharsTrie || (type & kTrieHasValues) == 0) {
        udata_close(data_);
        unavailable(file + " is not a dictionary of words with costs", U_INVALID_FORMAT_ERROR);
    }
    trie_ = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(fields) + fields[kTrieOffsetField]);
}

ChineseDictionary::~ChineseDictionary() { udata_close(data_); }

void ChineseDictionary::prefixes(std::u32string_view text, std::vector<Word>& out) const {
    out.clear();
    icu::UCharsTrie trie(trie_);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto cp = static_cast<UChar32>(text[i]);
        const UStringTrieResult result = i == 0 ? trie.firstForCodePoint(cp) : trie.nextForCodePoint(cp);
        if (USTRINGTRIE_HAS_VALUE(result)) out.push_back({i + 1, trie.getValue()});
        if (!USTRINGTRIE_HAS_NEXT(result)) return;  // no longer word starts this way
    }
}

}  // namespace callsearch::analyze
