#pragma once
// What output for people needs to know of the terminal it goes to: shared by
// the searcher and the indexer's watch lists.

#include <cstddef>
#include <string_view>

namespace callsearch {

// The width of the terminal `fd` is, for wrapping; 0 (no wrapping) when it is none.
[[nodiscard]] std::size_t terminal_width(int fd);

// Whether to colour output to `fd`: mode "always", "never", or "auto" (`fd`
// is a terminal and NO_COLOR is unset or empty, https://no-color.org).
[[nodiscard]] bool want_color(std::string_view mode, int fd);

}  // namespace callsearch
