#pragma once
// A mount(2) that lives as long as the object, for tests of full disks (a
// small tmpfs) and read-only media (a read-only bind mount). Mounting needs
// root (as in CI); where it is refused, `error` says why and the test says
// SKIPPED.

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <sys/mount.h>

namespace test_support {

class Mount {
public:
    Mount(const std::filesystem::path& target, const char* source, const char* type, unsigned long flags,
          const char* data)
        : target_(target) {
        std::filesystem::create_directories(target);
        if (::mount(source, target.c_str(), type, flags, data) == 0) {
            mounted_ = true;
        } else {
            error_ = std::strerror(errno);
        }
    }
    // A tmpfs of `size` ("64k", "4m") at `target`.
    static Mount tmpfs(const std::filesystem::path& target, const std::string& size) {
        return Mount(target, "callsearch-test", "tmpfs", 0, ("size=" + size).c_str());
    }
    ~Mount() {
        if (mounted_) ::umount2(target_.c_str(), MNT_DETACH);
    }
    Mount(const Mount&) = delete;
    Mount& operator=(const Mount&) = delete;

    [[nodiscard]] bool mounted() const { return mounted_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::filesystem::path target_;
    bool mounted_ = false;
    std::string error_;
};

}  // namespace test_support
