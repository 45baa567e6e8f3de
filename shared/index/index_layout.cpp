#include "index/index_layout.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "index/index_writer.h"
#include "index/write_failure.h"
#include "schema/filter_terms.h"

namespace callsearch {

namespace fs = std::filesystem;

namespace {

bool is_generation_name(const std::string& name) {
    return name.size() > kGenerationPrefix.size() && name.compare(0, kGenerationPrefix.size(), kGenerationPrefix) == 0 &&
           std::all_of(name.begin() + static_cast<long>(kGenerationPrefix.size()), name.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

bool is_scratch_name(const std::string& name) {
    return name.compare(0, kScratchPrefix.size(), kScratchPrefix) == 0 &&
           is_generation_name(name.substr(kScratchPrefix.size()));
}

bool is_part_name(const std::string& name) {
    return name.size() > kPartPrefix.size() && name.compare(0, kPartPrefix.size(), kPartPrefix) == 0 &&
           std::all_of(name.begin() + static_cast<long>(kPartPrefix.size()), name.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

long generation_number(const fs::path& p) {
    return std::stol(p.filename().string().substr(kGenerationPrefix.size()));
}

void fsync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace

std::size_t part_of(std::string_view file_key, std::size_t parts) {
    if (parts <= 1) return 0;
    return static_cast<std::size_t>(std::stoull(schema::file_digest(file_key), nullptr, 16) % parts);
}

std::string part_dir_name(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "%s%02zu", std::string(kPartPrefix).c_str(), index + 1);
    return name;
}

fs::path default_index_dir() {
    const char* env = std::getenv("CALLSEARCH_DB");
    return env && *env ? fs::path(env) : fs::path("index");
}

std::optional<fs::path> IndexLayout::live_generation() const {
    const fs::path stub = dir_ / kStubFileName;
    std::ifstream in(stub);
    if (!in) {
        std::error_code ec;
        if (!fs::exists(stub, ec)) return std::nullopt;
        throw IndexError("cannot read " + stub.string());
    }
    std::string backend, name;
    in >> backend >> name;
    if (is_part_name(name)) return std::nullopt;
    if (backend.empty() || !is_generation_name(name)) {
        throw IndexError(stub.string() + " does not name a generation of this index");
    }
    return dir_ / name;
}

std::vector<fs::path> IndexLayout::generations() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        if (is_generation_name(it->path().filename().string())) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end(),
              [](const fs::path& a, const fs::path& b) { return generation_number(a) < generation_number(b); });
    return out;
}

fs::path IndexLayout::new_generation() const {
    const auto existing = generations();
    const long next = existing.empty() ? 1 : generation_number(existing.back()) + 1;
    char name[32];
    std::snprintf(name, sizeof name, "%s%06ld", std::string(kGenerationPrefix).c_str(), next);
    return dir_ / name;
}

fs::path IndexLayout::scratch_dir(const fs::path& generation) const {
    return dir_ / (std::string(kScratchPrefix) + generation.filename().string());
}

std::vector<fs::path> IndexLayout::parts() const {
    std::vector<fs::path> out;
    std::ifstream in(dir_ / kStubFileName);
    std::string backend, name;
    while (in >> backend >> name) {
        if (!is_part_name(name)) return {};
        out.push_back(dir_ / name);
    }
    return out;
}

void IndexLayout::publish_parts(std::size_t count) const {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) text += "auto " + part_dir_name(i) + "\n";
    write_stub(text);
}

void IndexLayout::remove_parts_from(std::size_t count) const {
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!is_part_name(name) || std::stoul(name.substr(kPartPrefix.size())) <= count) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

void IndexLayout::publish(const fs::path& generation) const {
    write_stub("auto " + generation.filename().string() + "\n");
}

void IndexLayout::write_stub(const std::string& text) const {
    const fs::path stub = dir_ / kStubFileName;
    const fs::path tmp = dir_ / (std::string(kStubFileName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            const std::string full = disk_full_reason(dir_);
            std::error_code ignored;
            fs::remove(tmp, ignored);
            throw IndexError("cannot write " + tmp.string() + (full.empty() ? "" : ": " + full));
        }
    }
    fsync_path(tmp, O_RDONLY);
    if (std::rename(tmp.c_str(), stub.c_str()) != 0) {
        throw IndexError("cannot switch " + stub.string() + ": " + std::strerror(errno));
    }
    fsync_path(dir_, O_RDONLY | O_DIRECTORY);
}

void IndexLayout::remove_stale_generations(const std::optional<fs::path>& keep) const {
    const auto live = live_generation();
    for (const fs::path& g : generations()) {
        if ((live && g.filename() == live->filename()) || (keep && g.filename() == keep->filename())) continue;
        std::error_code ec;
        fs::remove_all(g, ec);  // a leftover we cannot remove now goes next time
    }
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        if (!is_scratch_name(it->path().filename().string())) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

void IndexLayout::check_writable_here() const {
    std::error_code ec;
    if (!fs::exists(dir_, ec)) return;
    if (!fs::is_directory(dir_, ec)) throw IndexError(dir_.string() + " is not a folder");
    if (fs::exists(dir_ / kStubFileName, ec)) return;
    if (fs::exists(dir_ / "iamglass", ec)) {
        throw IndexError(dir_.string() + " holds an index of an older layout; remove that folder and run indexer again");
    }
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name != kLockFileName && !is_generation_name(name) && !is_scratch_name(name) && !is_part_name(name) &&
            name.rfind(kStubFileName, 0) != 0) {
            throw IndexError(dir_.string() + " is not an index folder (it holds " + name +
                             "); refusing to write into it");
        }
    }
}

}  // namespace callsearch
