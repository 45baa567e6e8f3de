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

}  // namespace

InputPaths collect_input_paths(const std::vector<std::string>& arguments) {
    InputPaths out;
    for (const std::string& arg : arguments) {
        std::error_code ec;
        const fs::path given(arg);
        const auto status = fs::status(given, ec);
        if (ec || !fs::exists(status)) {
            out.passed_over.push_back({arg, "no such file or directory"});
            continue;
        }
        const fs::path absolute = fs::absolute(given, ec).lexically_normal();
        if (!fs::is_directory(status)) {
            out.files.push_back(absolute);
            continue;
        }
        fs::recursive_directory_iterator it(absolute, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            out.passed_over.push_back({arg, "cannot list directory: " + ec.message()});
            continue;
        }
        out.directories.push_back(absolute);
        for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                out.passed_over.push_back({arg, ec.message()});
                break;
            }
            const fs::directory_entry& entry = *it;
            if (is_hidden(entry.path())) {
                if (entry.is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (entry.is_regular_file(ec)) {
                out.files.push_back(entry.path().lexically_normal());
            } else if (ec) {
                out.passed_over.push_back({entry.path().string(), ec.message()});  // e.g. a symlink loop
                ec.clear();
            } else if (!entry.is_directory(ec)) {
                out.passed_over.push_back({entry.path().string(), "not a regular file"});
            }
        }
    }
    std::sort(out.files.begin(), out.files.end());
    out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
    return out;
}

}  // namespace callsearch
