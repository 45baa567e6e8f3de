// libFuzzer target: bytes -> HTML reader (libxml2's parser, article choice,
// block structure). Only InputError is expected; the text must be valid
// UTF-8 with no line ends but '\n'.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/html_reader.h"
#include "read/source_file.h"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const callsearch::HtmlText html = callsearch::read_html_text(bytes);
        check(!html.text.empty());
        check(callsearch::find_invalid_utf8(html.text) == std::string_view::npos);
        check(html.text.find('\r') == std::string::npos);
    } catch (const callsearch::InputError&) {
    }
    return 0;
}
