#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "read/html_reader.h"
#include "read/source_file.h"

using namespace callsearch;

namespace {

// A fool.com article page in miniature: the site's chrome around the
// transcript, an ad block inside it, speakers in <strong>, titles in <em>.
const std::string kFoolPage = R"(<!DOCTYPE html>
<html><head><title>Carnival (CCL) Q2 2020 Earnings Call Transcript</title>
<script>var dataLayer = [];</script><style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/investing">Investing</a></nav></header>
<div class="main"><p>Subscribe to our newsletter today.</p>
<span class="article-content">
<p><strong>Carnival Corp &amp; plc</strong> <span class="ticker">(<a href="#">NYSE:CCL</a>)</span><br/>Q2 2020 Earnings Call<br/><span id="date">Jul 10, 2020</span>, <em id="time">10:00 a.m. ET</em></p>
<h2>Contents:</h2>
<ul><li>Prepared Remarks</li><li>Questions and Answers</li></ul>
<h2>Prepared Remarks:</h2>
<p><strong>Arnold W. Donald</strong> -- <em>President and Chief Executive Officer</em></p><p>Good morning everyone and welcome   to our business&nbsp;update.</p>
<div class="dfp-ads ad" id="div-content1_desk"><script>googletag.display('x');</script><p>Buy our stock picks now!</p></div>
<p>We have returned over 260,000 guests home.</p>
<div style="display: none"><p>Hidden duplicate of the transcript.</p></div>
<h2>Questions &amp; Answers:</h2><p><strong>Operator</strong></p><p>Thank you. [Operator Instructions]</p>
</span></div>
<footer><p>Copyright 1995 - 2020 The Motley Fool. All rights reserved.</p></footer>
</body></html>)";

}  // namespace

TEST_CASE("html: the article's text, with the site's chrome, scripts, ads and hidden parts dropped") {
    const HtmlText html = read_html_text(kFoolPage);
    CHECK(html.text ==
          "Carnival Corp & plc (NYSE:CCL)\n"
          "Q2 2020 Earnings Call\n"
          "Jul 10, 2020, 10:00 a.m. ET\n"
          "\n"
          "Contents:\n"
          "\n"
          "Prepared Remarks\n"
          "Questions and Answers\n"
          "\n"
          "Prepared Remarks:\n"
          "\n"
          "\n"
          "Arnold W. Donald -- President and Chief Executive Officer\n"
          "\n"
          "Good morning everyone and welcome to our business update.\n"
          "\n"
          "We have returned over 260,000 guests home.\n"
          "\n"
          "Questions & Answers:\n"
          "\n"
          "\n"
          "Operator\n"
          "\n"
          "Thank you. [Operator Instructions]\n");
    CHECK_FALSE(html.dropped.empty());
}

TEST_CASE("html: without an article element the whole body is read, chrome still dropped") {
    const HtmlText html = read_html_text(
        "<html><body><nav>Menu</nav><div><p>One.</p></div><div><p>Two.</p></div><div><p>Three.</p></div>"
        "<aside>Related</aside></body></html>");
    CHECK(html.text == "One.\n\nTwo.\n\nThree.\n");
}

TEST_CASE("html: entities and a declared charset are decoded -- table cells stay apart") {
    const std::string latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 &amp; "
                               "&#8220;bar&#8221; &euro;5</p><table><tr><td>EPS</td><td>1.23</td></tr></table>"
                               "</body></html>";
    const HtmlText html = read_html_text(latin1);
    CHECK(html.text == "Caf\u00e9 & \u201Cbar\u201D \u20AC5\n\nEPS 1.23\n");
}

TEST_CASE("html: a page neither UTF-8 nor declaring a charset is read as Windows-1252, and stays valid UTF-8") {
    // Found by fuzzing: bytes invalid as UTF-8 with no charset declared.
    const HtmlText html = read_html_text("<html><body><p>Caf\xE9 \x93quoted\x94 \xA9\xA9</p></body></html>");
    CHECK(html.text == "Caf\u00e9 \u201Cquoted\u201D \u00A9\u00A9\n");
    const HtmlText declared = read_html_text(
        "<html><head><meta charset=\"utf-8\"></head><body><p>Bad \xA9\xA9 bytes</p></body></html>");
    CHECK(find_invalid_utf8(declared.text) == std::string_view::npos);
}

TEST_CASE("html: a page with no text is refused") {
    CHECK_THROWS_AS((void)read_html_text("<html><head><script>x()</script></head><body> </body></html>"), InputError);
}

TEST_CASE("html: deeply nested markup costs bounded time and no stack") {
    std::string deep;
    for (int i = 0; i < 200'000; ++i) deep += "<div><span>";
    deep += "Operator: deep text.";
    const auto start = std::chrono::steady_clock::now();
    try {
        const HtmlText html = read_html_text("<html><body>" + deep + "</body></html>");
        CHECK(html.text.size() < 1000);
    } catch (const InputError&) {
        // libxml2 may stop at its own depth limit and leave nothing: refused, which is fine.
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}
