#include "ConnectorTestSupport.hpp"

#include "LoopbackHttpServer.hpp"
#include "nodes/connectors/FeedParser.hpp"

using namespace taskloom;
using namespace taskloom::engine;
using Server = tests::LoopbackHttpServer;

namespace {

class HtmlExtract : public tests::ConnectorFixture {};
class FeedRead : public tests::ConnectorFixture {};

const char* news = R"(<html><body>
<div class="story"><h3><a href="/n/1">Acme wins award</a></h3><p class="sum">Acme did well.</p><span class="tag">biz</span><span class="tag">award</span></div>
<div class="story"><h3><a href="/n/2">Weather</a></h3><p class="sum">Rain.</p></div>
<div class="story"><h3><a href="https://other.example/3">Acme hires</a></h3></div>
</body></html>)";

Object ex(const QString& key, const QString& selector, const QString& value = QStringLiteral("text"),
          const QString& attribute = {}, bool all = false)
{
    return Object{{"key", key}, {"selector", selector}, {"value", value}, {"attribute", attribute}, {"all", all}};
}

} // namespace

TEST_F(HtmlExtract, OneItemPerMatchWithRelativeSelectorsAndAbsoluteLinks)
{
    const RunResult r = runOne("connectors.htmlExtract",
                               {{"itemSelector", ".story"},
                                {"baseUrl", "https://news.example/today/"},
                                {"extractions", Array{ex("title", "h3"), ex("link", "h3 a", "attribute", "href"),
                                                      ex("summary", "p.sum"), ex("tags", ".tag", "text", {}, true)}}},
                               {Item(Object{{"body", news}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output),
              R"([{"title":"Acme wins award","link":"https://news.example/n/1","summary":"Acme did well.","tags":["biz","award"]},)"
              R"({"title":"Weather","link":"https://news.example/n/2","summary":"Rain.","tags":[]},)"
              R"({"title":"Acme hires","link":"https://other.example/3","summary":null,"tags":[]}])");
}

TEST_F(HtmlExtract, WholePageHtmlAttributesAndBinarySource)
{
    Item page(Object{{"id", 7}});
    page.setBinary("page", *Binary::fromBytes(QByteArray(news), "text/html", "news.html"));
    const RunResult r = runOne("connectors.htmlExtract",
                               {{"source", "binary"}, {"sourceBinary", "page"}, {"keepInputFields", true},
                                {"extractions", Array{ex("count", "h3 a", "text", {}, true), ex("first", "h3", "html"),
                                                      ex("outer", "span.tag", "outerHtml")}}},
                               {page});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output),
              R"([{"id":7,"count":["Acme wins award","Weather","Acme hires"],"first":"<a href=\"/n/1\">Acme wins award</a>",)"
              R"("outer":"<span class=\"tag\">biz</span>"}])");
}

TEST_F(HtmlExtract, NothingMatchesBadSelectorsAndMissingSources)
{
    const ItemList input = {Item(Object{{"body", news}})};
    RunResult r = runOne("connectors.htmlExtract", {{"itemSelector", ".article"}}, input);
    EXPECT_EQ(r.errorCode, "NO_MATCH");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"itemSelector\" = \".article\""))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("field \"body\""))) << r.error.toStdString();

    r = runOne("connectors.htmlExtract", {{"itemSelector", ".article"}, {"noMatch", "empty"}}, input);
    EXPECT_EQ(r.status, RunStatus::Succeeded);
    EXPECT_TRUE(r.output.isEmpty());

    r = runOne("connectors.htmlExtract", {{"itemSelector", ".story"}, {"extractions", Array{ex("t", "h4")}}}, input);
    EXPECT_EQ(r.errorCode, "NO_MATCH");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"h4\""))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("any of 3 matches"))) << r.error.toStdString();

    r = runOne("connectors.htmlExtract", {{"itemSelector", "div >"}}, input);
    EXPECT_EQ(r.errorCode, "INVALID_SELECTOR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("div >"))) << r.error.toStdString();

    r = runOne("connectors.htmlExtract", {{"sourceField", "html"}}, input);
    EXPECT_EQ(r.errorCode, "HTML_SOURCE_MISSING");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"html\""))) << r.error.toStdString();

    // Malformed HTML still parses; the page-level default gives its text.
    r = runOne("connectors.htmlExtract", {}, {Item(Object{{"body", "<div><p>one<p>two</div></span>"}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"text":"one two"}])");

    EXPECT_FALSE(m_registry.find(u"connectors.htmlExtract")->checkParams(Object{{"itemSelector", "a["}}).isEmpty());
}

TEST(FeedParser, RssAtomAndRdf)
{
    const QByteArray rss = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Acme News</title><link>https://acme.example/</link>
<item><title>Launch</title><link>https://acme.example/1</link><description>&lt;b&gt;Big&lt;/b&gt; day</description>
<content:encoded><![CDATA[<p>Full</p>]]></content:encoded><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<guid isPermaLink="false">g1</guid><dc:creator>Ann</dc:creator><category>a</category><category>b</category>
<enclosure url="https://acme.example/a.mp3" type="audio/mpeg" length="123"/></item>
<item><title>Second</title><link>https://acme.example/2</link><pubDate>Wed, 11 Jun 03 09:30:00 +0200</pubDate></item>
</channel></rss>)";
    auto f = taskloom::nodes::connectors::FeedParser::parse(rss);
    ASSERT_TRUE(f) << f.error().toStdString();
    EXPECT_EQ(f->format, "rss");
    EXPECT_EQ(f->title, "Acme News");
    ASSERT_EQ(f->entries.size(), 2);
    EXPECT_EQ(QString::fromUtf8(Json::serialize(Value(f->entries[0]))),
              R"({"title":"Launch","link":"https://acme.example/1","summary":"<b>Big</b> day","content":"<p>Full</p>",)"
              R"("published":"2003-06-10T04:00:00Z","updated":null,"id":"g1","author":"Ann","categories":["a","b"],)"
              R"("enclosures":[{"url":"https://acme.example/a.mp3","type":"audio/mpeg","length":123}]})");
    EXPECT_EQ(f->entries[1].value(u"published").toText(), "2003-06-11T07:30:00Z");
    EXPECT_EQ(f->entries[1].value(u"id").toText(), "https://acme.example/2");

    const QByteArray atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://a.example/"/>
<entry><title type="html">One &amp; two</title><link rel="alternate" href="https://a.example/1"/><link rel="edit" href="/e"/>
<id>urn:1</id><updated>2024-03-01T10:00:00+09:00</updated><summary>S</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content>
<author><name>Bo</name></author><category term="x"/></entry></feed>)";
    f = taskloom::nodes::connectors::FeedParser::parse(atom);
    ASSERT_TRUE(f) << f.error().toStdString();
    EXPECT_EQ(f->format, "atom");
    const Object e = f->entries.value(0);
    EXPECT_EQ(e.value(u"title").toText(), "One & two");
    EXPECT_EQ(e.value(u"link").toText(), "https://a.example/1");
    EXPECT_EQ(e.value(u"published").toText(), "2024-03-01T01:00:00Z");
    EXPECT_EQ(e.value(u"content").toText(), "<p>Hi <b>there</b></p>");
    EXPECT_EQ(e.value(u"author").toText(), "Bo");

    const QByteArray rdf = R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel><title>R</title></channel><item><title>T</title><link>https://r.example/1</link></item></rdf:RDF>)";
    f = taskloom::nodes::connectors::FeedParser::parse(rdf);
    ASSERT_TRUE(f) << f.error().toStdString();
    EXPECT_EQ(f->title, "R");
    EXPECT_EQ(f->entries.value(0).value(u"link").toText(), "https://r.example/1");

    auto bad = taskloom::nodes::connectors::FeedParser::parse("<rss><channel><item></channel></rss>");
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().startsWith(QStringLiteral("line 1, column"))) << bad.error().toStdString();
    bad = taskloom::nodes::connectors::FeedParser::parse("<html><body/></html>");
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().contains(QStringLiteral("<html>"))) << bad.error().toStdString();
}

TEST_F(FeedRead, FromUrlAndField)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/feed")
            return Server::Reply{200, {}, {{"Content-Type", "application/rss+xml"}},
                                 "<rss><channel><title>F</title><item><title>a</title></item><item><title>b</title></item>"
                                 "<item><title>c</title></item></channel></rss>"};
        return Server::Reply::text("gone", 410);
    });
    RunResult r = runOne("connectors.feedRead", {{"url", QString::fromUtf8(server.url("/feed"))}, {"maxEntries", 2}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 2);
    EXPECT_EQ(r.output[1].json().value(u"title").toText(), "b");
    EXPECT_EQ(r.output[1].json().value(u"feedTitle").toText(), "F");

    r = runOne("connectors.feedRead", {{"url", QString::fromUtf8(server.url("/old"))}});
    EXPECT_EQ(r.errorCode, "HTTP_410");

    r = runOne("connectors.feedRead", {{"source", "field"}, {"sourceField", "xml"}}, {Item(Object{{"xml", "<rss><channel>"}})});
    EXPECT_EQ(r.errorCode, "FEED_MALFORMED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("field \"xml\""))) << r.error.toStdString();
}
