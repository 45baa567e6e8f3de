#include "index/write_failure.h"

#include <cstdint>
#include <system_error>

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace callsearch {

namespace fs = std::filesystem;

namespace {

// Less than this left and a failed write is put down to a full disk: Xapian
// writes blocks of 8 KiB and the compactor whole runs of them.
constexpr std::uintmax_t kAlmostFullBytes = 1 << 20;

fs::path nearest_existing(fs::path p) {
    std::error_code ec;
    while (!p.empty() && !fs::exists(p, ec)) {
        if (p == p.parent_path()) break;
        p = p.parent_path();
    }
    return p.empty() ? fs::path(".") : p;
}

// The mount point of the file system holding `p`: the last folder upwards on
// the same device.
fs::path mount_point(fs::path p) {
    std::error_code ec;
    p = fs::weakly_canonical(fs::absolute(p, ec), ec);
    struct stat here{};
    if (::stat(p.c_str(), &here) != 0) return p;
    while (p.has_parent_path() && p != p.parent_path()) {
        struct stat up{};
        if (::stat(p.parent_path().c_str(), &up) != 0 || up.st_dev != here.st_dev) break;
        p = p.parent_path();
    }
    return p;
}

}  // namespace

std::optional<FreeSpace> free_space(const fs::path& where) {
    const fs::path existing = nearest_existing(where);
    struct statvfs vfs{};
    if (::statvfs(existing.c_str(), &vfs) != 0) return std::nullopt;
    const bool root = ::geteuid() == 0;  // root may write into the blocks reserved for it; others may not
    return FreeSpace{std::uintmax_t{root ? vfs.f_bfree : vfs.f_bavail} * vfs.f_frsize,
                     vfs.f_files > 0 && (root ? vfs.f_ffree : vfs.f_favail) == 0, mount_point(existing)};
}

std::string disk_full_reason(const fs::path& where) {
    const std::optional<FreeSpace> space = free_space(where);
    if (!space || (space->bytes >= kAlmostFullBytes && !space->inodes_out)) return {};
    if (space->bytes >= kAlmostFullBytes) {
        return "no space left on device: the file system mounted at " + space->mount.string() + " has no free inodes";
    }
    return "no space left on device: the file system mounted at " + space->mount.string() + " is full (" +
           std::to_string(space->bytes >> 10) + " KiB free)";
}

std::string describe_write_failure(const Xapian::Error& error, const fs::path& where) {
    if (std::string full = disk_full_reason(where); !full.empty()) return full;
    std::string message = error.get_msg();
    if (const char* reason = error.get_error_string(); reason && *reason) message += std::string(": ") + reason;
    return message;
}

}  // namespace callsearch
