#include <doctest/doctest.h>

#include <fstream>

#include "read/source_file.h"
#include "support/temp_dir.h"

using namespace callsearch;

TEST_CASE("bytes that are not transcript text are refused with the reason") {
    struct Case {
        std::string bytes;
        const char* reason;
    };
    const Case cases[] = {
        {"", "empty"},
        {std::string("abc\0def", 7), "binary"},
        {"Caf\xe9\n", "UTF-8"},
        {"\xc0\xaf", "UTF-8"},              // overlong '/'
        {"\xed\xa0\x80", "UTF-8"},          // surrogate
        {"ok \xe4\xb8", "UTF-8"},           // truncated sequence
        {"  \n\t\r\n", "white space"},
    };
    for (const Case& c : cases) {
        INFO(c.reason);
        try {
            (void)decode_source_bytes(c.bytes);
            FAIL("accepted");
        } catch (const InputError& e) {
            CHECK(std::string(e.what()).find(c.reason) != std::string::npos);
        }
    }
}

TEST_CASE("a BOM is dropped and CRLF or CR line ends become LF") {
    CHECK(decode_source_bytes("\xEF\xBB\xBFOperator\r\nHello\rWorld\n").text == "Operator\nHello\nWorld\n");
    CHECK(decode_source_bytes("訂閱服務\n").text == "訂閱服務\n");
}

TEST_CASE("the first invalid UTF-8 byte is located") {
    CHECK(find_invalid_utf8("abc") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xff") == 2);
    CHECK(find_invalid_utf8("回購") == std::string_view::npos);
}

TEST_CASE("reading a file: the seed reads whole; a directory or missing file is refused") {
    const auto seed = read_source_file(std::string(CALLSEARCH_CORPUS_DIR) + "/003_b62d8a1d2292034a.txt");
    CHECK(seed.text.rfind("Logo of jester cap", 0) == 0);
    CHECK_THROWS_AS((void)read_source_file(CALLSEARCH_CORPUS_DIR), InputError);
    CHECK_THROWS_AS((void)read_source_file(std::string(CALLSEARCH_CORPUS_DIR) + "/absent.txt"), InputError);
}
