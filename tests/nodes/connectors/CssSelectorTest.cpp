#include "nodes/connectors/CssSelector.hpp"
#include "nodes/connectors/HtmlDocument.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::connectors;

namespace {

const char* page = R"(<!doctype html>
<html><head><title>News</title><script>var x = "<p>not text</p>";</script></head>
<body>
<div id="main" class="content wide">
  <article class="post featured" data-id="1" lang="en-US">
    <h2><a href="/a/1">First <b>story</b></a></h2>
    <p class="lead">Lead one</p><p>Body one</p>
  </article>
  <article class="post" data-id="2" lang="ko">
    <h2><a href="https://x.example/2">Second</a></h2>
    <p class="lead">Lead two
  </article>
  <ul><li>a<li>b<li>c<li>d<li>e</ul>
  <p class=empty></p>
  <input type=checkbox checked>
</div>
</body></html>)";

/// The tag names (with data-id or text when useful) of the matches, joined.
std::string pick(const HtmlDocument& doc, const char* selector)
{
    auto s = CssSelector::parse(QString::fromUtf8(selector));
    if (!s)
        return "ERROR: " + s.error().toStdString();
    QStringList out;
    for (auto e : doc.select(*s)) {
        QString label = HtmlDocument::tagName(e);
        if (const QString id = HtmlDocument::attribute(e, QStringLiteral("data-id")); !id.isEmpty())
            label += QLatin1Char('#') + id;
        else if (label == QLatin1String("li") || label == QLatin1String("a"))
            label += QLatin1Char(':') + HtmlDocument::text(e);
        out.append(label);
    }
    return out.join(QLatin1Char(',')).toStdString();
}

} // namespace

TEST(CssSelector, TypeClassIdAndAttributes)
{
    const HtmlDocument doc = HtmlDocument::fromText(QString::fromUtf8(page));
    EXPECT_EQ(pick(doc, "article"), "article#1,article#2");
    EXPECT_EQ(pick(doc, "ARTICLE.post.featured"), "article#1");
    EXPECT_EQ(pick(doc, "#main > article:not(.featured)"), "article#2");
    EXPECT_EQ(pick(doc, "[data-id='2']"), "article#2");
    EXPECT_EQ(pick(doc, "[lang|=en]"), "article#1");
    EXPECT_EQ(pick(doc, "a[href^=https]"), "a:Second");
    EXPECT_EQ(pick(doc, "a[href$='/1']"), "a:First story");
    EXPECT_EQ(pick(doc, "[class~=wide]"), "div");
    EXPECT_EQ(pick(doc, "[class*=ontent]"), "div");
    EXPECT_EQ(pick(doc, "[lang=KO i]"), "article#2");
    EXPECT_EQ(pick(doc, "[lang=KO]"), "");
    EXPECT_EQ(pick(doc, "input[checked]"), "input");
    EXPECT_EQ(pick(doc, "h2 a, p.nothing"), "a:First story,a:Second");
}

TEST(CssSelector, CombinatorsAndStructuralPseudoClasses)
{
    const HtmlDocument doc = HtmlDocument::fromText(QString::fromUtf8(page));
    EXPECT_EQ(pick(doc, "li:nth-child(2n+1)"), "li:a,li:c,li:e");
    EXPECT_EQ(pick(doc, "li:nth-child(even)"), "li:b,li:d");
    EXPECT_EQ(pick(doc, "li:nth-child(-n+2)"), "li:a,li:b");
    EXPECT_EQ(pick(doc, "li:nth-last-child(1)"), "li:e");
    EXPECT_EQ(pick(doc, "li:first-child, li:last-child"), "li:a,li:e");
    EXPECT_EQ(pick(doc, "li + li + li"), "li:c,li:d,li:e");
    EXPECT_EQ(pick(doc, "h2 ~ p.lead"), "p,p");
    EXPECT_EQ(pick(doc, "article > p:first-of-type"), "p,p");
    EXPECT_EQ(pick(doc, "p:empty"), "p");
    EXPECT_EQ(pick(doc, "article:has(a[href^=https])"), "article#2");
    EXPECT_EQ(pick(doc, "html:root > body"), "body");
    EXPECT_EQ(pick(doc, "*:only-child > b"), "b");
    EXPECT_EQ(pick(doc, "a > b:only-child"), "b");
}

TEST(CssSelector, TextSkipsScriptsAndSeparatesBlocks)
{
    const HtmlDocument doc = HtmlDocument::fromText(QString::fromUtf8(page));
    auto s = CssSelector::parse(QStringLiteral("article"));
    const auto articles = doc.select(*s);
    ASSERT_EQ(articles.size(), 2);
    EXPECT_EQ(HtmlDocument::text(articles[0]), "First story Lead one Body one");
    EXPECT_EQ(HtmlDocument::text(articles[1]), "Second Lead two") << "the unclosed <p> closes at </article>";
    EXPECT_EQ(HtmlDocument::innerHtml(doc.select(*CssSelector::parse(QStringLiteral("h2")))[0]),
              "<a href=\"/a/1\">First <b>story</b></a>");
    EXPECT_FALSE(HtmlDocument::text(doc.root()).contains(QStringLiteral("not text")));
    // Scoped: relative to the second article only.
    auto a = CssSelector::parse(QStringLiteral("article a"));
    EXPECT_EQ(doc.select(*a, articles[1]).size(), 1);
    auto lead = CssSelector::parse(QStringLiteral(".lead"));
    EXPECT_EQ(HtmlDocument::text(doc.select(*lead, articles[1]).value(0)), "Lead two");
}

TEST(CssSelector, BadSelectorsSayWhere)
{
    for (const char* bad : {"", "a[", "a[href=", "div >", "p::before", ":nth-child(x)", "a:hover", "a]", "(", ".", "a,"}) {
        auto s = CssSelector::parse(QString::fromUtf8(bad));
        EXPECT_FALSE(s.has_value()) << bad;
    }
    auto s = CssSelector::parse(QStringLiteral("div > ]"));
    ASSERT_FALSE(s);
    EXPECT_TRUE(s.error().contains(QStringLiteral("position 7"))) << s.error().toStdString();
    EXPECT_TRUE(CssSelector::parse(QStringLiteral("a:hover")).error().contains(QStringLiteral(":hover")));
}

TEST(CssSelector, MalformedAndEmptyHtmlNeverCrash)
{
    for (const char* html : {"", "   ", "<", "<<<>>>", "<div><p><b>unclosed", "</p></div></html>", "\xff\xfe\x00garbage",
                             "<table><tr><td>1<td>2</table>", "<a href='x>broken"}) {
        const HtmlDocument doc = HtmlDocument::fromBytes(QByteArray(html));
        auto s = CssSelector::parse(QStringLiteral("td, p b, a"));
        const auto found = doc.select(*s);
        for (auto e : found)
            (void)HtmlDocument::text(e);
    }
    const HtmlDocument table = HtmlDocument::fromBytes("<table><tr><td>1<td>2</table>");
    EXPECT_EQ(table.select(*CssSelector::parse(QStringLiteral("tr > td"))).size(), 2);
    const HtmlDocument utf8 = HtmlDocument::fromBytes("<p>caf\xc3\xa9 \xed\x95\x9c</p>");
    EXPECT_EQ(HtmlDocument::text(utf8.select(*CssSelector::parse(QStringLiteral("p")))[0]), QString::fromUtf8("café 한"));
    const HtmlDocument latin1 = HtmlDocument::fromBytes("<meta charset=iso-8859-1><p>caf\xe9</p>");
    EXPECT_EQ(HtmlDocument::text(latin1.select(*CssSelector::parse(QStringLiteral("p")))[0]), QString::fromUtf8("café"));
}
