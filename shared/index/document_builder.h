#pragma once
// The index stage's mapping: one parsed transcript -> one Xapian document per
// passage of each paragraph (analyze/passages.h; a short paragraph is one
// passage), carrying its free-text terms, filter terms, sort values and the
// stored paragraph.

#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyze/text_analyzer.h"
#include "model/transcript.h"

namespace callsearch {

// `call_index` says which call of the file this is (a file may hold several,
// index/index_writer.h): the paragraphs name that call's record.
[[nodiscard]] std::vector<Xapian::Document> build_documents(const Transcript& transcript,
                                                            std::string_view file_key,
                                                            analyze::TextAnalyzer& analyzer,
                                                            std::size_t call_index = 0);

}  // namespace callsearch
