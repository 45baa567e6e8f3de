#pragma once
// Why writing an index failed, in words an operator can act on. A full disk
// is the common case in production, and Xapian 1.4 does not always say so: a
// failed block write reports "Error writing block N" (the system's reason only
// as a separate errno string), and a scratch shard opened with DB_DANGEROUS
// reports "cancel() not supported" when a flush fails, the real error lost.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

namespace callsearch {

// What the file system holding `where` (or its nearest existing parent) has
// left for this process to write; nullopt when it cannot be asked.
struct FreeSpace {
    std::uintmax_t bytes = 0;
    bool inodes_out = false;
    std::filesystem::path mount;  // where that file system is mounted
};
[[nodiscard]] std::optional<FreeSpace> free_space(const std::filesystem::path& where);

// "" while the file system holding `where` (or its nearest existing parent)
// has room; otherwise "no space left on device: the file system mounted at
// MOUNT is full (N KiB free)" or the same for inodes. Almost full counts as
// full: a write that failed may have needed more than what is left.
[[nodiscard]] std::string disk_full_reason(const std::filesystem::path& where);

// Xapian's message for a write into `where`, with the system's reason when
// Xapian kept one; when the disk is full, that is what it says instead.
[[nodiscard]] std::string describe_write_failure(const Xapian::Error& error, const std::filesystem::path& where);

}  // namespace callsearch
