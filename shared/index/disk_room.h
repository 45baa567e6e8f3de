#pragma once
// Room on disk for the scratch shards a rebuild is about to commit.
//
// Xapian 1.4 can end the whole process when a commit meets a full disk: the
// failed block write throws, and a second write made while that exception
// unwinds throws again inside a destructor, so std::terminate runs (seen in
// about one full-disk rebuild in four, always inside WritableDatabase::commit).
// A scratch shard is a new database that grows from nothing, so the room its
// commit needs can be told in advance; shards committed on other threads at
// the same time reserve theirs first. Too little room is then an ordinary
// IndexError, before Xapian writes anything. (The live database in an update
// reuses its own freed blocks, which the file system does not count as free,
// so no such estimate holds there; its writes are left to Xapian.)

#include <cstdint>
#include <filesystem>
#include <mutex>

namespace callsearch {

class DiskRoom {
public:
    // Room held for one commit, given back when it ends.
    class Reservation {
    public:
        Reservation(const Reservation&) = delete;
        Reservation& operator=(const Reservation&) = delete;
        ~Reservation();

    private:
        friend class DiskRoom;
        Reservation(DiskRoom& room, std::uintmax_t bytes) : room_(room), bytes_(bytes) {}
        DiskRoom& room_;
        std::uintmax_t bytes_;
    };

    DiskRoom() = default;
    DiskRoom(const DiskRoom&) = delete;
    DiskRoom& operator=(const DiskRoom&) = delete;

    // Holds `bytes` for writing under `where` (its file system), on top of
    // what other reservations hold and a margin. Throws IndexError naming
    // `where`, "no space left on device" and the file system when there is
    // less. When the file system cannot be asked, holds nothing and lets
    // Xapian find out.
    [[nodiscard]] Reservation reserve(const std::filesystem::path& where, std::uintmax_t bytes);

    [[nodiscard]] std::uintmax_t reserved() const;

private:
    mutable std::mutex mutex_;
    std::uintmax_t reserved_ = 0;
};

}  // namespace callsearch
