// A watch file -> saved queries: labels, comments and blank lines, and the
// lines that stop the job, each named by file and line.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "search/watch_list.h"
#include "support/temp_dir.h"

using namespace callsearch;

namespace {

std::string error_of(const std::string& text) {
    try {
        check_watch_list(parse_watch_list(text, "watch.txt"));
    } catch (const WatchListError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_SUITE("search") {

TEST_CASE("watch list: a line is a query, a leading 'label:' names it") {
    struct Case {
        const char* line;
        const char* label;
        const char* query;
    };
    const Case cases[] = {
        {"buybacks: buyback OR repurchase role:cfo", "buybacks", "buyback OR repurchase role:cfo"},
        {"  supply-chain:\t\"supply chain\" NEAR/5 inventory  ", "supply-chain", "\"supply chain\" NEAR/5 inventory"},
        {"回购: 回购", "回购", "回购"},
        {"fx_2024: currency", "fx_2024", "currency"},
        // No label: a filter, a filter's name before a space, words without a colon.
        {"role:cfo guidance", "", "role:cfo guidance"},
        {"speaker:\"Fei Chen\" margin", "", "speaker:\"Fei Chen\" margin"},
        {"Role: cfo", "", "Role: cfo"},
        {"dividend NEAR/5 buyback", "", "dividend NEAR/5 buyback"},
        {"\"cash: flow\"", "", "\"cash: flow\""},
        {"~buyback: plans", "", "~buyback: plans"},
        {"buyback:repurchase", "", "buyback:repurchase"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const WatchList list = parse_watch_list(c.line, "w");
        REQUIRE(list.queries.size() == 1);
        CHECK(list.queries[0].label == c.label);
        CHECK(list.queries[0].query == c.query);
        CHECK(list.queries[0].line == 1);
    }
}

TEST_CASE("watch list: blank lines, comments, CRLF and a byte order mark are skipped; lines keep their numbers") {
    const WatchList list = parse_watch_list(
        "\xEF\xBB\xBF# the desk's list\r\n\r\nbuybacks: buyback\r\n   # indented comment\n\t\nrole:cfo margin\n", "w.txt");
    REQUIRE(list.queries.size() == 2);
    CHECK(list.name == "w.txt");
    CHECK(list.queries[0] == SavedQuery{3, "buybacks", "buyback"});
    CHECK(list.queries[1] == SavedQuery{6, "", "role:cfo margin"});
    CHECK(parse_watch_list("", "w").queries.empty());
    CHECK(parse_watch_list("# nothing yet\n", "w").queries.empty());
}

TEST_CASE("watch list: bad lines are errors naming the file and line") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"ok: margin\nbuybacks:\n", "watch.txt:2: no query after the label 'buybacks:'"},
        {"a: margin\n\nb: revenue\na: guidance\n", "watch.txt:4: the label 'a' is already used on line 1"},
        {"margin\n\"supply chain\n", "watch.txt:2: unterminated quote in query '\"supply chain'"},
        {"x: dividend NEAR/0 buyback", "watch.txt:1: invalid distance in 'NEAR/0'"},
        {"# c\nrole:wizard growth", "watch.txt:2: "},
        {"role: cfo", "watch.txt:1: missing value after 'role:'"},
        {"SENTENCE(dividend buyback", "watch.txt:1: "},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const std::string error = error_of(c.text);
        CHECK(error.rfind(c.message, 0) == 0);
        CHECK(error.size() > std::string_view("watch.txt:1: ").size());
    }
    CHECK(error_of("a: margin\nb: role:cfo \"supply chain\"\nc: ~buyback\n# d: \"\n").empty());
}

TEST_CASE("watch list: a file that cannot be read is an error naming it") {
    test_support::TempDir tmp;
    const std::string expected = "cannot read watch list " + (tmp.path / "missing.txt").string();
    CHECK_THROWS_WITH_AS((void)read_watch_list(tmp.path / "missing.txt"), doctest::Contains(expected.c_str()), WatchListError);
    std::ofstream(tmp.path / "w.txt") << "guidance\n";
    CHECK(read_watch_list(tmp.path / "w.txt").queries.size() == 1);
}

}  // TEST_SUITE
