// format_bench: extraction speed of the PDF, HTML and JSON readers against the
// text path on the same calls (README.md, "Formats"). For each file: the
// median time of read_document on its bytes, and of the text path
// (decode_source_bytes) on the text that extraction gave, each also with the
// parse stage after it. Prints a markdown table; not part of ctest.
//
//   format_bench [--runs N] [--dump DIR] PATH...
//
// --dump DIR writes each extracted text to DIR/<folder>__<file>[.N].txt.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "parse/transcript_parser.h"
#include "read/document_reader.h"
#include "read/input_paths.h"
#include "read/source_file.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
double median_ms(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

struct Totals {
    double bytes = 0, text_bytes = 0, read_ms = 0, text_ms = 0, read_parse_ms = 0, text_parse_ms = 0;
    int files = 0;
};

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::string dump;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::stoi(argv[++i]));
        } else if (arg == "--dump" && i + 1 < argc) {
            dump = argv[++i];
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) {
        std::cerr << "usage: format_bench [--runs N] [--dump DIR] PATH...\n";
        return 2;
    }
    const callsearch::InputPaths inputs = callsearch::collect_input_paths(paths);
    std::map<std::string, Totals> totals;
    std::cout << "| file | format | calls | input KB | text KB | read ms | text path ms | read+parse ms | "
                 "text path+parse ms | read MB/s | text MB/s (same calls) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& path : inputs.files) {
        std::string bytes;
        try {
            bytes = callsearch::read_source_bytes(path);
        } catch (const std::exception& e) {
            std::cerr << path.string() << ": " << e.what() << '\n';
            continue;
        }
        callsearch::DocumentText doc;
        try {
            doc = callsearch::read_document(bytes);
        } catch (const std::exception& e) {
            std::cerr << path.string() << ": " << e.what() << '\n';
            continue;
        }
        const std::string name = path.parent_path().filename().string() + "__" + path.filename().string();
        std::vector<std::string> texts;
        double text_bytes = 0;
        for (std::size_t i = 0; i < doc.calls.size(); ++i) {
            texts.push_back(doc.calls[i].source.text);
            text_bytes += static_cast<double>(texts.back().size());
            if (!dump.empty()) {
                std::ofstream(dump + "/" + name + (doc.calls.size() > 1 ? "." + std::to_string(i + 1) : "") + ".txt")
                    << texts.back();
            }
        }
        const auto parse_all = [&](const callsearch::DocumentText& d) {
            for (const auto& call : d.calls) {
                try {
                    (void)callsearch::parse_transcript(call.source.text, path.string());
                } catch (const callsearch::ParseError&) {
                }
            }
        };
        const double read_ms = median_ms(runs, [&] { (void)callsearch::read_document(bytes); });
        const double text_ms = median_ms(runs, [&] {
            for (const std::string& t : texts) (void)callsearch::decode_source_bytes(t);
        });
        const double read_parse_ms = median_ms(runs, [&] { parse_all(callsearch::read_document(bytes)); });
        const double text_parse_ms = median_ms(runs, [&] {
            for (const std::string& t : texts) {
                try {
                    (void)callsearch::parse_transcript(callsearch::decode_source_bytes(t).text, path.string());
                } catch (const callsearch::ParseError&) {
                }
            }
        });
        const double mb = static_cast<double>(bytes.size()) / 1e6;
        char line[512];
        std::snprintf(line, sizeof line, "| %s | %s | %zu | %.0f | %.0f | %.2f | %.3f | %.2f | %.2f | %.1f | %.1f |\n",
                      name.c_str(), callsearch::to_string(doc.format), doc.calls.size(), bytes.size() / 1e3,
                      text_bytes / 1e3, read_ms, text_ms, read_parse_ms, text_parse_ms, mb / (read_ms / 1e3),
                      text_bytes / 1e6 / (text_ms / 1e3));
        std::cout << line;
        Totals& t = totals[callsearch::to_string(doc.format)];
        t.files += 1;
        t.bytes += static_cast<double>(bytes.size());
        t.text_bytes += text_bytes;
        t.read_ms += read_ms;
        t.text_ms += text_ms;
        t.read_parse_ms += read_parse_ms;
        t.text_parse_ms += text_parse_ms;
    }
    std::cout << "\n| format | files | input MB | read MB/s (input) | read MB/s (text out) | text path MB/s | "
                 "read ÷ text path time | read+parse ÷ text+parse time |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& [format, t] : totals) {
        char line[400];
        std::snprintf(line, sizeof line, "| %s | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", format.c_str(),
                      t.files, t.bytes / 1e6, t.bytes / 1e6 / (t.read_ms / 1e3), t.text_bytes / 1e6 / (t.read_ms / 1e3),
                      t.text_bytes / 1e6 / (t.text_ms / 1e3), t.read_ms / t.text_ms, t.read_parse_ms / t.text_parse_ms);
        std::cout << line;
    }
    std::cout << "\nmedian of " << runs << " runs per figure\n";
    return 0;
}
