#pragma once
// An index folder holding a few transcripts, written as the indexer writes
// them (a generation of documents, file records and call records, then
// published), for tests of what reads an index.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "analyze/text_analyzer.h"
#include "index/document_builder.h"
#include "index/index_layout.h"
#include "index/index_writer.h"
#include "model/transcript.h"
#include "schema/index_schema.h"

namespace test_support {

// `calls`: file key and transcript, one call per file.
inline void index_transcripts(const std::filesystem::path& db,
                              const std::vector<std::pair<std::string, callsearch::Transcript>>& calls,
                              callsearch::analyze::TextAnalyzer& analyzer) {
    using namespace callsearch;
    const IndexLayout layout(db);
    const auto generation = layout.new_generation();
    {
        IndexWriter writer(generation);
        for (const auto& [key, t] : calls) {
            const auto docs = build_documents(t, key, analyzer);
            writer.replace_file(key, docs, {key, "hash-" + key, docs.size()}, stored_call(t.call, schema::call_key(t.call)));
        }
        writer.commit();
    }
    layout.publish(generation);
}

}  // namespace test_support
