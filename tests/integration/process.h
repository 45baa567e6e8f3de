#pragma once
// Runs programs the way a script or a cron job would, and watches them.

#include <string>
#include <vector>

#include <sys/types.h>

namespace e2e {

struct ProcessResult {
    int exit_code = -1;  // -1 if ended by a signal
    std::string out;
    std::string err;
    long max_rss_kib = 0;  // peak resident memory of the process
};

// argv[0] is the program path. `env` entries ("NAME=value") are added to the
// environment (replacing same-named ones). No standard input. Safe to call
// from several threads at once.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// Starts a program with stdin, stdout and stderr on /dev/null; returns its pid.
pid_t start_process(const std::vector<std::string>& argv);

// Waits for a started program. Exit code, or -signal number if a signal ended it.
int wait_process(pid_t pid);

}  // namespace e2e
