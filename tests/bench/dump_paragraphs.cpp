// dump_paragraphs: transcripts -> an SQL script that fills an SQLite FTS5
// table with one row per paragraph, the peer of our index in the performance
// benchmark (README.md, "Performance"). The parsing happens here, untimed; the
// benchmark times only `sqlite3 DB < script` (load + FTS5 build).
//
//   dump_paragraphs OUT.sql PATH...
//
// Files that cannot be read or parsed are passed over (counted on stderr),
// as the indexer passes them over.

#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "parse/transcript_parser.h"
#include "read/input_paths.h"
#include "read/source_file.h"

namespace {

// An SQL string literal: single quotes doubled.
std::string sql_text(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: dump_paragraphs OUT.sql PATH...\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary);
    if (!out) {
        std::cerr << "dump_paragraphs: cannot write " << argv[1] << '\n';
        return 2;
    }
    const std::vector<std::string> arguments(argv + 2, argv + argc);
    const callsearch::InputPaths inputs = callsearch::collect_input_paths(arguments);

    // One transaction: the way anyone would bulk-load SQLite.
    out << "CREATE VIRTUAL TABLE p USING fts5(body, speaker, title, roles, section, company, ticker, year, "
           "quarter, lang, file UNINDEXED, tokenize = 'porter unicode61');\n"
           "BEGIN;\n";
    std::size_t files = 0, skipped = 0, rows = 0;
    for (const auto& path : inputs.files) {
        callsearch::Transcript transcript;
        try {
            const auto source = callsearch::read_source_file(path);
            transcript = callsearch::parse_transcript(source.text, path.string());
        } catch (const std::exception& e) {
            ++skipped;
            std::cerr << "dump_paragraphs: passed over " << path.string() << ": " << e.what() << '\n';
            continue;
        }
        ++files;
        const auto& call = transcript.call;
        const std::string call_fields = sql_text(call.company) + ", " + sql_text(call.ticker) + ", " +
                                        (call.year ? std::to_string(call.year) : "NULL") + ", " +
                                        (call.quarter ? std::to_string(call.quarter) : "NULL");
        for (const auto& turn : transcript.turns) {
            const std::string turn_fields = sql_text(turn.speaker) + ", " + sql_text(turn.title) + ", " +
                                            sql_text(joined(turn.roles)) + ", " +
                                            sql_text(callsearch::to_string(turn.section));
            for (const auto& paragraph : turn.paragraphs) {
                out << "INSERT INTO p VALUES(" << sql_text(paragraph.text) << ", " << turn_fields << ", "
                    << call_fields << ", " << sql_text(callsearch::to_string(paragraph.lang)) << ", "
                    << sql_text(call.source_path) << ");\n";
                ++rows;
            }
        }
    }
    out << "COMMIT;\n";
    out.close();
    if (!out) {
        std::cerr << "dump_paragraphs: write failed: " << argv[1] << '\n';
        return 2;
    }
    std::cerr << "dump_paragraphs: " << files << " files, " << rows << " rows, " << skipped << " passed over\n";
    return 0;
}
