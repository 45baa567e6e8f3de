#pragma once
// corpus/ indexed once into a scratch folder by the library's own index job,
// for tests that run the search side (batch, watch lists) against it.

#include <filesystem>
#include <string_view>
#include <vector>

#include "index/indexing_job.h"
#include "support/temp_dir.h"

namespace test_support {

struct CorpusIndex {
    TempDir dir;
    std::filesystem::path db = dir.path / "index";
    std::vector<callsearch::schema::CallRef> calls;  // the calls the run added: all of corpus/
    CorpusIndex() {
        callsearch::IndexJobConfig config;
        config.db_dir = db;
        config.inputs = {CALLSEARCH_CORPUS_DIR};
        config.track_new_calls = true;
        calls = callsearch::run_index_job(config, [](std::string_view) {}).new_calls;
    }
};

}  // namespace test_support
