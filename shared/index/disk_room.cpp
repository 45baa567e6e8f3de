#include "index/disk_room.h"

#include <string>

#include "index/index_writer.h"
#include "index/write_failure.h"

namespace callsearch {

namespace {

// Left free beyond every reservation: the estimates are rough (a commit also
// writes its tables' headers and freelists), and other programs share the disk.
constexpr std::uintmax_t kMarginBytes = 1 << 20;

std::string kib(std::uintmax_t bytes) { return std::to_string((bytes + 1023) >> 10) + " KiB"; }

}  // namespace

DiskRoom::Reservation::~Reservation() {
    const std::lock_guard lock(room_.mutex_);
    room_.reserved_ -= bytes_;
}

DiskRoom::Reservation DiskRoom::reserve(const std::filesystem::path& where, std::uintmax_t bytes) {
    const std::lock_guard lock(mutex_);
    const std::optional<FreeSpace> space = free_space(where);
    if (!space) return Reservation(*this, 0);
    const std::uintmax_t wanted = reserved_ + bytes + kMarginBytes;
    if (space->bytes < wanted || space->inodes_out) {
        throw IndexError("cannot write index " + where.string() +
                         ": no space left on device: the file system mounted at " + space->mount.string() +
                         (space->inodes_out ? " has no free inodes"
                                            : " has " + kib(space->bytes) + " free, and committing needs about " +
                                                  kib(wanted)));
    }
    reserved_ += bytes;
    return Reservation(*this, bytes);
}

std::uintmax_t DiskRoom::reserved() const {
    const std::lock_guard lock(mutex_);
    return reserved_;
}

}  // namespace callsearch
