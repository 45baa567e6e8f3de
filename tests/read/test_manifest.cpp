#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "read/manifest.h"
#include "support/temp_dir.h"

using namespace callsearch;
namespace fs = std::filesystem;

namespace {

std::string refusal(const std::string& text) {
    try {
        (void)parse_manifest(text, "/calls", "m.csv");
    } catch (const ManifestError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("manifest: any subset of the columns, in any order -- paths relative to the manifest") {
    test_support::TempDir tmp;
    std::ofstream(tmp.path / "qec_ubs_2023_1Q.pdf") << "x";
    std::ofstream(tmp.path / "m.csv") << "\xEF\xBB\xBFTicker,path,Quarter,year,company,date\r\n"
                                         "UBS,qec_ubs_2023_1Q.pdf,Q1,2023,\"UBS Group AG, Zurich\",2023-04-25\r\n"
                                         "\r\n"
                                         ",gone.pdf,,2022,,\r\n";
    const Manifest m = read_manifest(tmp.path / "m.csv");
    const CallOverrides* ubs = m.find(tmp.path / "qec_ubs_2023_1Q.pdf");
    REQUIRE(ubs != nullptr);
    CHECK(*ubs->ticker == "UBS");
    CHECK(*ubs->quarter == 1);
    CHECK(*ubs->year == 2023);
    CHECK(*ubs->company == "UBS Group AG, Zurich");
    CHECK(*ubs->date == "2023-04-25");
    const CallOverrides* gone = m.find(tmp.path / "sub" / ".." / "gone.pdf");
    REQUIRE(gone != nullptr);
    CHECK_FALSE(gone->ticker.has_value());
    CHECK(*gone->year == 2022);
    REQUIRE(m.warnings.size() == 1);
    CHECK(m.warnings[0].find("line 4: no such file: ") != std::string::npos);
}

TEST_CASE("manifest: overrides set only the fields given -- the fingerprint follows them") {
    CallInfo call;
    call.company = "UBS";
    call.ticker = "";
    call.quarter = 4;
    call.year = 2022;
    CallOverrides o;
    o.ticker = "UBS";
    o.quarter = 1;
    o.apply_to(call);
    CHECK(call.company == "UBS");
    CHECK(call.ticker == "UBS");
    CHECK(call.quarter == 1);
    CHECK(call.year == 2022);
    CallOverrides other = o;
    CHECK(other.fingerprint() == o.fingerprint());
    other.quarter = 2;
    CHECK(other.fingerprint() != o.fingerprint());
}

TEST_CASE("manifest: what makes it malformed, named by line") {
    struct Case {
        std::string text, message;
    };
    const std::vector<Case> cases = {
        {"", "m.csv: empty manifest"},
        {"company,ticker\nAcme,ACM\n", "m.csv line 1: the header has no \"path\" column"},
        {"path,tikcer\na.pdf,X\n", "m.csv line 1: unknown column \"tikcer\""},
        {"path,year,year\n", "m.csv line 1: column \"year\" appears twice"},
        {"path,ticker\na.pdf\n", "m.csv line 2: 1 cells where the header has 2"},
        {"path,ticker\na.pdf,X,Y\n", "m.csv line 2: 3 cells where the header has 2"},
        {"path,quarter\na.pdf,5\n", "m.csv line 2: quarter \"5\" is not 1-4 or Q1-Q4"},
        {"path,year\na.pdf,23\n", "m.csv line 2: year \"23\" is not a four-digit year"},
        {"path,date\na.pdf,27 April 2023\n", "m.csv line 2: date \"27 April 2023\" is not YYYY-MM-DD"},
        {"path\na.pdf\nb.pdf\n./a.pdf\n", "m.csv line 4: \"./a.pdf\" is listed twice"},
        {"path,company\na.pdf,\"Acme\n", "m.csv line 2: unclosed quote"},
        {"path,company\n,Acme\n", "m.csv line 2: no path"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(refusal(c.text).find(c.message) == 0);
    }
}
