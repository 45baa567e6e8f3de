#pragma once
// Runs a program the way a script would and captures what it says.

#include <string>
#include <vector>

namespace e2e {

struct ProcessResult {
    int exit_code = -1;  // -1 if killed by a signal
    std::string out;
    std::string err;
};

// argv[0] is the program path. `env` entries ("NAME=value") are added to the
// environment (replacing same-named ones). No standard input.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

}  // namespace e2e
