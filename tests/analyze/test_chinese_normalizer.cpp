// Traditional -> Simplified: what lets a query in either script find the other.
// The conversion is a table compiled in from ICU's transform; the last cases
// hold it to ICU itself, so that an index built with either converts alike.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "analyze/chinese_normalizer.h"
#include "analyze/script.h"
#include "support/han_text.h"
#include "analyze/simplified_table.h"
#include "support/seed_text.h"

using callsearch::analyze::to_simplified;
namespace table = callsearch::analyze::simplified_table;

namespace {

// ICU's own transform, as the normalizer used it before the table.
class IcuTransform {
public:
    IcuTransform() {
        UErrorCode status = U_ZERO_ERROR;
        transform_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
        REQUIRE(U_SUCCESS(status));
        REQUIRE(transform_);
    }
    std::string operator()(const std::string& text) const {
        icu::UnicodeString unicode =
            icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        transform_->transliterate(unicode);
        std::string out;
        unicode.toUTF8String(out);
        return out;
    }
    // What the generator walks: every code point the transform can touch, and Han.
    icu::UnicodeSet covered() const {
        icu::UnicodeSet set;
        transform_->getSourceSet(set);
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeSet han;
        han.applyIntPropertyValue(UCHAR_SCRIPT, USCRIPT_HAN, status);
        REQUIRE(U_SUCCESS(status));
        set.addAll(han);
        return set;
    }

private:
    std::unique_ptr<icu::Transliterator> transform_;
};

}  // namespace

using test_support::han_lines_under;
using test_support::utf8;

TEST_SUITE("analyze") {

TEST_CASE("chinese normalizer: Traditional finance words become Simplified") {
    const struct {
        const char* traditional;
        const char* simplified;
    } cases[] = {
        {"訂閱服務", "订阅服务"}, {"財務長", "财务长"}, {"回購", "回购"},
        {"財報", "财报"},         {"監控", "监控"},     {"營運支出", "营运支出"},
    };
    for (const auto& c : cases) {
        INFO(c.traditional);
        CHECK(to_simplified(c.traditional) == c.simplified);
    }
}

TEST_CASE("chinese normalizer: Simplified and Latin text pass through unchanged") {
    for (const char* text : {"订阅服务收入为人民币4,050万元", "adjusted EBITDA improved by 42%",
                             "Aurora Mobile, Q2 2023: non-GAAP.", "", "，。、（）"}) {
        CAPTURE(text);
        CHECK(to_simplified(text) == text);
    }
}

TEST_CASE("chinese normalizer: mixed text keeps its Latin part") {
    CHECK(to_simplified("我們海外EngageLab產品的最新狀況。") == "我们海外EngageLab产品的最新状况。");
}

TEST_CASE("chinese normalizer: phrase rules depend on context, so normalize whole texts") {
    // 畫 alone is 画, but 計畫 (plan) is 计划: normalizing character by character
    // would disagree with normalizing the paragraph.
    CHECK(to_simplified("畫") == "画");
    CHECK(to_simplified("計畫") == "计划");
    CHECK(to_simplified("股票回購計畫的最新情況") == "股票回购计划的最新情况");
}

TEST_CASE("chinese normalizer: the longest phrase wins, and a phrase's characters start no other") {
    // 于思 is an identity phrase: it keeps 思 from being read with what follows.
    const IcuTransform icu;
    for (const char* text : {"于思", "單于", "于飛", "規畫", "計畫分", "畫分", "剩餘額"}) {
        CAPTURE(text);
        CHECK(to_simplified(text) == icu(text));
    }
}

TEST_CASE("chinese normalizer: agrees with ICU on every code point the table was generated from") {
    const IcuTransform icu;
    const icu::UnicodeSet covered = icu.covered();
    REQUIRE(covered.size() > 90000);
    std::size_t checked = 0, changed = 0, disagree = 0;
    for (int32_t r = 0; r < covered.getRangeCount(); ++r) {
        for (UChar32 c = covered.getRangeStart(r); c <= covered.getRangeEnd(r); ++c) {
            const std::string one = utf8(static_cast<char32_t>(c));
            const std::string expected = icu(one);
            ++checked;
            if (expected != one) ++changed;
            if (to_simplified(one) != expected && ++disagree <= 10) {
                MESSAGE("U+" << std::hex << c << ": table " << to_simplified(one) << ", ICU " << expected);
            }
        }
    }
    MESSAGE(checked << " code points, " << changed << " converted; table from ICU " << std::string(table::icu_version));
    CHECK(disagree == 0);
    CHECK(changed == table::chars.size());
}

TEST_CASE("chinese normalizer: agrees with ICU on every phrase rule, alone and run together") {
    const IcuTransform icu;
    REQUIRE(table::phrases.size() > 500);
    std::string all;
    std::size_t disagree = 0;
    for (const table::PhraseMapping& phrase : table::phrases) {
        std::string from;
        for (char32_t c : phrase.from) from += utf8(c);
        if (to_simplified(from) != icu(from) && ++disagree <= 10) MESSAGE(from);
        all += from;
    }
    CHECK(disagree == 0);
    // Phrases back to back overlap in every way the table can meet.
    CHECK(to_simplified(all) == icu(all));
}

TEST_CASE("chinese normalizer: agrees with ICU on the seed transcripts, line by line and whole") {
    const IcuTransform icu;
    const std::vector<std::string> lines = han_lines_under(CALLSEARCH_CORPUS_DIR);
    REQUIRE(lines.size() > 50);
    std::size_t disagree = 0;
    for (const std::string& line : lines) {
        if (to_simplified(line) != icu(line) && ++disagree <= 5) MESSAGE(line);
    }
    CHECK(disagree == 0);
    const std::string whole = test_support::read_seed(test_support::kBilingualSeed);
    CHECK(to_simplified(whole) == icu(whole));
}

TEST_CASE("chinese normalizer: agrees with ICU on the real transcripts of ../shared/wild") {
    const std::filesystem::path wild = std::filesystem::path(CALLSEARCH_SHARED_DIR) / "wild";
    if (!std::filesystem::is_directory(wild)) {
        MESSAGE("SKIPPED: no " << wild.string());
        return;
    }
    const IcuTransform icu;
    const std::vector<std::string> lines = han_lines_under(wild);
    std::size_t disagree = 0;
    for (const std::string& line : lines) {
        if (to_simplified(line) != icu(line) && ++disagree <= 5) MESSAGE(line);
    }
    MESSAGE(lines.size() << " lines holding Han text under " << wild.string());
    CHECK(disagree == 0);
}

TEST_CASE("chinese normalizer: malformed UTF-8 becomes U+FFFD as ICU's conversion made it") {
    const IcuTransform icu;
    for (const std::string& text : {std::string("回\xE8\xB3購"), std::string("\xFF計畫\xC0\x80"),
                                   std::string("財\xF0\x9F\x98"), std::string("\xED\xA0\x80畫")}) {
        CAPTURE(text);
        CHECK(to_simplified(text) == icu(text));
    }
}

}  // TEST_SUITE
