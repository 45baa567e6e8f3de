#pragma once
// Runs numbered tasks on a few threads. Each thread has a worker number, so
// per-thread state (a TextAnalyzer, which is not thread-safe) can be kept in a
// vector indexed by it.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace callsearch {

// Calls task(i, worker) for every i in [0, count), taking tasks in order as
// threads come free, on at most `workers` threads (worker < workers). With one
// worker everything runs on the calling thread. After a task throws, no new
// task starts, and the first exception is rethrown here once all have stopped.
template <typename Task>
void run_tasks(std::size_t count, unsigned workers, Task&& task) {
    workers = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(workers, count)));
    if (workers == 1) {
        for (std::size_t i = 0; i < count; ++i) task(i, 0u);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto loop = [&](unsigned worker) {
        for (std::size_t i = next++; i < count && !failed; i = next++) {
            try {
                task(i, worker);
            } catch (...) {
                const std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) {
        try {
            threads.emplace_back(loop, w);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running do the work
        }
    }
    loop(0);
    for (std::thread& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace callsearch
