#include "read/input_paths.h"

#include <algorithm>
#include <system_error>

namespace callsearch {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Walks one folder tree without following symlinked folders. A subfolder that
// cannot be listed is reported, not silently skipped: the indexer must know
// that what it held under there was not seen, rather than gone.
void walk(const fs::path& root, InputPaths& out) {
    std::vector<fs::path> pending = {root};
    while (!pending.empty()) {
        const fs::path dir = std::move(pending.back());
        pending.pop_back();
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            out.passed_over.push_back({dir.string(), "cannot list folder: " + ec.message()});
            continue;
        }
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            if (is_hidden(entry.path())) continue;
            std::error_code entry_ec;
            if (entry.is_symlink(entry_ec) && entry.is_directory(entry_ec)) continue;
            if (entry.is_directory(entry_ec)) {
                pending.push_back(entry.path());
            } else if (entry.is_regular_file(entry_ec)) {
                out.files.push_back(entry.path().lexically_normal());
            } else if (entry_ec) {
                out.passed_over.push_back({entry.path().string(), entry_ec.message()});  // e.g. a symlink loop
            } else {
                out.passed_over.push_back({entry.path().string(), "not a regular file"});
            }
        }
        if (ec) out.passed_over.push_back({dir.string(), "cannot list folder: " + ec.message()});
    }
}

}  // namespace

InputPaths collect_input_paths(const std::vector<std::string>& arguments) {
    InputPaths out;
    for (const std::string& arg : arguments) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(fs::path(arg), ec).lexically_normal();
        const auto status = fs::status(absolute, ec);
        if (ec || !fs::exists(status)) {
            out.passed_over.push_back({absolute.string(), "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.files.push_back(absolute);
            continue;
        }
        out.directories.push_back(absolute);
        walk(absolute, out);
    }
    std::sort(out.files.begin(), out.files.end());
    out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
    return out;
}

}  // namespace callsearch
