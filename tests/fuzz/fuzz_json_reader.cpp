// libFuzzer target: bytes -> JSON reader -> the canonical call text -> the
// read stage's checks. Only InputError is expected (not JSON, too deep, too
// many values, no call, extracted text over the limits); anything else
// escapes and crashes the fuzzer, as does a broken invariant.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/call_text.h"
#include "read/json_reader.h"
#include "read/source_file.h"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        for (const callsearch::CallText& call : callsearch::read_json_calls(bytes)) {
            const std::string text = callsearch::render_call_text(call);
            check(callsearch::find_invalid_utf8(text) == std::string_view::npos);
            check(text.find("Earnings Call Transcript\n") != std::string::npos);
            try {
                (void)callsearch::decode_source_bytes(text);
            } catch (const callsearch::InputError&) {
            }
        }
    } catch (const callsearch::InputError&) {
    }
    return 0;
}
