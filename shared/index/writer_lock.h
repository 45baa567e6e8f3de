#pragma once
// One writer at a time per index folder. The lock is an flock() on
// DIR/writer.lock, so the kernel releases it when the holder dies, even by
// SIGKILL: a killed job never leaves the index locked.

#include <chrono>
#include <filesystem>
#include <stdexcept>

namespace callsearch {

// Another process holds the lock (after waiting, if asked to).
class IndexBusyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class WriterLock {
public:
    // Creates DIR if needed. Waits up to `wait` for the lock (zero: try once).
    // Throws IndexBusyError when another writer keeps it, IndexError when the
    // lock file cannot be created.
    WriterLock(const std::filesystem::path& dir, std::chrono::milliseconds wait);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace callsearch
