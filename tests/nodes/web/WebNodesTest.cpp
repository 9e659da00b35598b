// The browser nodes against pages served on 127.0.0.1: loading, extraction, DOM actions, waiting, scripts,
// screenshots, PDF, downloads, cookies and the errors of each.

#include "WebTestSupport.hpp"

#include "engine/Binary.hpp"
#include "nodes/web/BrowserHost.hpp"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QTcpServer>

namespace taskloom::tests {
namespace {

using engine::Array;
using engine::Object;
using engine::RunStatus;

const QByteArray articles = R"(<!DOCTYPE html><html><head><title>News</title></head><body>
<article class="story"><h2><a href="/a/1">First about Acme</a></h2><div class="body"><p>Acme builds robots.</p></div></article>
<article class="story"><h2><a href="/a/2">Second story</a></h2><div class="body"><p>Rain   expected
 tomorrow.</p></div></article>
<article class="story"><h2><a href="/a/3">Third: acme again</a></h2><div class="body"><p>More about acme.</p></div></article>
</body></html>)";

const QByteArray form = R"(<!DOCTYPE html><html><body>
<input id="name" value="old">
<select id="color"><option value="r">Red</option><option value="g">Green</option><option value="b">Blue</option></select>
<button id="go" onclick="document.getElementById('out').textContent = document.getElementById('name').value + '/' + document.getElementById('color').value">Go</button>
<div id="out">nothing yet</div>
<div id="typed"></div>
<script>document.getElementById('name').addEventListener('input', function (e) { document.getElementById('typed').textContent = 'input:' + e.target.value; });</script>
</body></html>)";

QByteArray blobPng(const engine::RunResult& r, const QString& name)
{
    const engine::BinaryRef b = r.output.first().binary(name);
    if (!b)
        return {};
    auto bytes = b->bytes();
    return bytes ? *bytes : QByteArray();
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

class WebNodes : public WebFixture {};

TEST_F(WebNodes, OpensAPageAndExtractsOneItemPerArticle)
{
    m_pages.add("/news", articles);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/news"))},
                             {QStringLiteral("web.extract"),
                              Object{{QStringLiteral("itemSelector"), QStringLiteral("article.story")},
                                     {QStringLiteral("extractions"),
                                      Array{Object{{QStringLiteral("key"), QStringLiteral("title")}, {QStringLiteral("selector"), QStringLiteral("h2")}},
                                            Object{{QStringLiteral("key"), QStringLiteral("link")}, {QStringLiteral("selector"), QStringLiteral("h2 a")},
                                                   {QStringLiteral("value"), QStringLiteral("attribute")}, {QStringLiteral("attribute"), QStringLiteral("href")}},
                                            Object{{QStringLiteral("key"), QStringLiteral("text")}, {QStringLiteral("selector"), QStringLiteral(".body")}}}}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 3) << describe(r);
    EXPECT_EQ(r.output[0].json().value(u"title").toText(), QStringLiteral("First about Acme"));
    EXPECT_EQ(r.output[0].json().value(u"link").toText(), m_pages.url("/a/1")) << "links come back absolute";
    EXPECT_EQ(r.output[1].json().value(u"text").toText(), QStringLiteral("Rain expected tomorrow."));
    EXPECT_EQ(r.output[0].json().keys(), (QStringList{QStringLiteral("title"), QStringLiteral("link"), QStringLiteral("text")}));
}

TEST_F(WebNodes, OpenPageReportsUrlTitleAndStatus)
{
    m_pages.add("/news", articles);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/news"))}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const Object page = r.output.first().json().value(u"page").toObject();
    EXPECT_EQ(page.value(u"url").toText(), m_pages.url("/news"));
    EXPECT_EQ(page.value(u"title").toText(), QStringLiteral("News"));
    EXPECT_EQ(page.value(u"status").toInt(), 200);
}

TEST_F(WebNodes, ExtractsContentThatScriptsAddAfterLoading)
{
    m_pages.add("/late", R"(<html><body><ul id="list"></ul><script>
setTimeout(function () { ['a', 'b'].forEach(function (t) { var li = document.createElement('li'); li.textContent = t; document.getElementById('list').appendChild(li); }); }, 400);
</script></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/late"))},
                             {QStringLiteral("web.extract"), Object{{QStringLiteral("itemSelector"), QStringLiteral("#list li")}, {QStringLiteral("timeout"), 10}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"text":"a"},{"text":"b"}])"));
}

TEST_F(WebNodes, ExtractsTableRowsAsItems)
{
    m_pages.add("/table", R"(<html><body><table id="t"><thead><tr><th>Name</th><th>Qty</th></tr></thead>
<tbody><tr><td>Bolt</td><td>4</td></tr><tr><td>Nut</td><td>10</td></tr></tbody></table></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/table"))},
                             {QStringLiteral("web.extract"), Object{{QStringLiteral("mode"), QStringLiteral("table")}, {QStringLiteral("tableSelector"), QStringLiteral("#t")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"Name":"Bolt","Qty":"4"},{"Name":"Nut","Qty":"10"}])"));
}

TEST_F(WebNodes, TypeSelectAndClickChangeThePage)
{
    m_pages.add("/form", form);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/form"))},
                             {QStringLiteral("web.type"), Object{{QStringLiteral("selector"), QStringLiteral("#name")}, {QStringLiteral("text"), QStringLiteral("Ada")}}},
                             {QStringLiteral("web.selectOption"), Object{{QStringLiteral("selector"), QStringLiteral("#color")}, {QStringLiteral("values"), QStringLiteral("Green")},
                                                                         {QStringLiteral("by"), QStringLiteral("label")}}},
                             {QStringLiteral("web.click"), Object{{QStringLiteral("selector"), QStringLiteral("#go")}}},
                             {QStringLiteral("web.extract"),
                              Object{{QStringLiteral("extractions"),
                                      Array{Object{{QStringLiteral("key"), QStringLiteral("out")}, {QStringLiteral("selector"), QStringLiteral("#out")}},
                                            Object{{QStringLiteral("key"), QStringLiteral("typed")}, {QStringLiteral("selector"), QStringLiteral("#typed")}}}}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"out":"Ada/g","typed":"input:Ada"}])")) << "the page saw the input event too";
}

TEST_F(WebNodes, SelectNamesTheMissingOptionAndTheChoices)
{
    m_pages.add("/form", form);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/form"))},
                             {QStringLiteral("web.selectOption"), Object{{QStringLiteral("selector"), QStringLiteral("#color")}, {QStringLiteral("values"), QStringLiteral("purple")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("OPTION_NOT_FOUND"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("no option \"purple\" (it has \"r\", \"g\", \"b\")"))) << r.error.toStdString();
}

TEST_F(WebNodes, ClickOnALinkWaitsForTheNextPage)
{
    m_pages.add("/one", R"(<html><body><a id="next" href="/two">next</a></body></html>)");
    m_pages.add("/two", R"(<html><head><title>Two</title></head><body><h1>Page two</h1></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/one"))},
                             {QStringLiteral("web.click"), Object{{QStringLiteral("selector"), QStringLiteral("#next")}}},
                             {QStringLiteral("web.extract"), Object{{QStringLiteral("itemSelector"), QStringLiteral("h1")}, {QStringLiteral("timeout"), 5}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"text":"Page two"}])"));
}

TEST_F(WebNodes, WaitForSelectorWaitsForLateElements)
{
    m_pages.add("/late", R"(<html><body><script>setTimeout(function () { var d = document.createElement('div'); d.id = 'ready'; d.textContent = 'x'; document.body.appendChild(d); }, 500);</script></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/late"))},
                             {QStringLiteral("web.waitForSelector"), Object{{QStringLiteral("selector"), QStringLiteral("#ready")}, {QStringLiteral("state"), QStringLiteral("visible")}, {QStringLiteral("timeout"), 10}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
}

TEST_F(WebNodes, WaitTimesOutNamingSelectorAndPage)
{
    m_pages.add("/empty", "<html><body><p>nothing</p></body></html>");
    QElapsedTimer clock;
    clock.start();
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/empty"))},
                             {QStringLiteral("web.waitForSelector"), Object{{QStringLiteral("selector"), QStringLiteral(".never")}, {QStringLiteral("timeout"), 0.8}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("SELECTOR_NOT_FOUND"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("selector '.never' matched nothing on %1 (waited 0.8 s)").arg(m_pages.url("/empty")))) << r.error.toStdString();
    EXPECT_LT(clock.elapsed(), 15000);
}

TEST_F(WebNodes, ClickOnASelectorThatMatchesNothingFails)
{
    m_pages.add("/form", form);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/form"))},
                             {QStringLiteral("web.click"), Object{{QStringLiteral("selector"), QStringLiteral(".x")}, {QStringLiteral("timeout"), 0.5}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("SELECTOR_NOT_FOUND"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("selector '.x' matched nothing on %1").arg(m_pages.url("/form")))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("S2"))) << "names the node: " << r.error.toStdString();
}

TEST_F(WebNodes, InvalidSelectorIsAParameterError)
{
    m_pages.add("/form", form);
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/form"))},
                             {QStringLiteral("web.click"), Object{{QStringLiteral("selector"), QStringLiteral("div[")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("INVALID_SELECTOR"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("parameter \"selector\" = \"div[\""))) << r.error.toStdString();
}

TEST_F(WebNodes, RunJavaScriptPutsTheResultIntoTheItem)
{
    m_pages.add("/js", R"(<html><head><title>JS</title></head><body><script>window.answer = 41;</script></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/js"))},
                             {QStringLiteral("web.runJavaScript"),
                              Object{{QStringLiteral("code"), QStringLiteral("return {title: document.title, answer: window.answer + 1, list: [1, 'two'], from: item.page.title};")}}},
                             {QStringLiteral("web.runJavaScript"),
                              Object{{QStringLiteral("code"), QStringLiteral("return new Promise(function (r) { setTimeout(function () { r('later'); }, 200); });")},
                                     {QStringLiteral("output"), QStringLiteral("awaited")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(engine::Json::serialize(r.output.first().json().value(u"result")), QByteArray(R"({"title":"JS","answer":42,"list":[1,"two"],"from":"JS"})"));
    EXPECT_EQ(r.output.first().json().value(u"awaited").toText(), QStringLiteral("later"));
}

TEST_F(WebNodes, JavaScriptErrorsAreNamed)
{
    m_pages.add("/js", "<html><body></body></html>");
    auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/js"))},
                       {QStringLiteral("web.runJavaScript"), Object{{QStringLiteral("code"), QStringLiteral("throw new TypeError('boom');")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("SCRIPT_ERROR"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("TypeError: boom"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(m_pages.url("/js"))) << r.error.toStdString();

    r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/js"))},
                  {QStringLiteral("web.runJavaScript"), Object{{QStringLiteral("code"), QStringLiteral("return (;")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("SyntaxError"))) << r.error.toStdString();

    r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/js"))},
                  {QStringLiteral("web.runJavaScript"), Object{{QStringLiteral("code"), QStringLiteral("return Promise.reject(new Error('nope'));")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("Error: nope"))) << r.error.toStdString();
}

TEST_F(WebNodes, ScreenshotIsAPngOfTheWindowWithThePagesColours)
{
    m_pages.add("/colours", R"(<html><body style="margin:0;background:#ff0000"><div id="box" style="width:100px;height:100px;background:#00ff00"></div></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/colours"), {{QStringLiteral("width"), 400}, {QStringLiteral("height"), 300}})},
                             {QStringLiteral("web.screenshot"), Object{{QStringLiteral("path"), m_dir.filePath(QStringLiteral("shot.png"))}}},
                             {QStringLiteral("web.screenshot"), Object{{QStringLiteral("selector"), QStringLiteral("#box")}, {QStringLiteral("binaryName"), QStringLiteral("box")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const QByteArray png = blobPng(r, QStringLiteral("screenshot"));
    ASSERT_TRUE(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage image = QImage::fromData(png, "PNG");
    ASSERT_EQ(image.size(), QSize(400, 300));
    EXPECT_EQ(image.pixelColor(10, 10), QColor(0, 255, 0));
    EXPECT_EQ(image.pixelColor(200, 200), QColor(255, 0, 0));
    QFile saved(m_dir.filePath(QStringLiteral("shot.png")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), png);
    const QImage box = QImage::fromData(blobPng(r, QStringLiteral("box")), "PNG");
    ASSERT_EQ(box.size(), QSize(100, 100));
    EXPECT_EQ(box.pixelColor(50, 50), QColor(0, 255, 0));
    EXPECT_EQ(box.pixelColor(99, 99), QColor(0, 255, 0));
}

TEST_F(WebNodes, FullPageScreenshotCoversTheScrollHeight)
{
    m_pages.add("/tall", R"(<html><body style="margin:0;background:#0000ff"><div style="height:1500px"></div><div style="height:100px;background:#ffff00"></div></body></html>)");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/tall"), {{QStringLiteral("width"), 300}, {QStringLiteral("height"), 400}})},
                             {QStringLiteral("web.screenshot"), Object{{QStringLiteral("fullPage"), true}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const QImage image = QImage::fromData(blobPng(r, QStringLiteral("screenshot")), "PNG");
    ASSERT_EQ(image.height(), 1600);
    EXPECT_EQ(image.pixelColor(100, 1550), QColor(255, 255, 0));
    EXPECT_EQ(image.pixelColor(100, 10), QColor(0, 0, 255));
}

TEST_F(WebNodes, SavePdfGivesAPdf)
{
    m_pages.add("/doc", "<html><body><h1>Report</h1><p>Numbers.</p></body></html>");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/doc"))},
                             {QStringLiteral("web.savePdf"), Object{{QStringLiteral("path"), m_dir.filePath(QStringLiteral("out/page.pdf"))}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const QByteArray pdf = blobPng(r, QStringLiteral("pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF-")) << pdf.left(20).toStdString();
    EXPECT_GT(pdf.size(), 500);
    QFile saved(m_dir.filePath(QStringLiteral("out/page.pdf")));
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), pdf);
}

TEST_F(WebNodes, DownloadsAFileByUrlAndByClickingALink)
{
    QByteArray bytes;
    for (int i = 0; i < 5000; ++i)
        bytes.append(char(i % 251));
    m_pages.add("/files", R"(<html><body><a id="dl" href="/report.bin">report</a></body></html>)");
    m_pages.add("/report.bin", PageServer::Page{bytes, "application/octet-stream", 200, {{"Content-Disposition", "attachment; filename=\"report.bin\""}}});
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/files"))},
                             {QStringLiteral("web.download"), Object{{QStringLiteral("url"), QStringLiteral("/report.bin")}}},
                             {QStringLiteral("web.download"), Object{{QStringLiteral("selector"), QStringLiteral("#dl")}, {QStringLiteral("binaryName"), QStringLiteral("clicked")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(blobPng(r, QStringLiteral("file")), bytes);
    EXPECT_EQ(blobPng(r, QStringLiteral("clicked")), bytes);
    const Object d = r.output.first().json().value(u"download").toObject();
    EXPECT_EQ(d.value(u"fileName").toText(), QStringLiteral("report.bin"));
    EXPECT_EQ(d.value(u"size").toInt(), 5000);
}

TEST_F(WebNodes, CookiesPersistAcrossRunsInANamedProfile)
{
    m_pages.add("/site", "<html><body>site</body></html>");
    // Run 1: the server sets one cookie, the flow sets another; the run ends and its session closes.
    m_pages.setHook([](const LoopbackHttpServer::Request& r) -> std::optional<LoopbackHttpServer::Reply> {
        if (r.path() != "/login")
            return std::nullopt;
        LoopbackHttpServer::Reply reply = LoopbackHttpServer::Reply::text("<html><body>welcome</body></html>");
        reply.headers = {{"Content-Type", "text/html"}, {"Set-Cookie", "sid=abc123; Path=/; Max-Age=3600"}};
        return reply;
    });
    auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/login"), {{QStringLiteral("profile"), QStringLiteral("work")}})},
                       {QStringLiteral("web.cookies"), Object{{QStringLiteral("operation"), QStringLiteral("set")}, {QStringLiteral("name"), QStringLiteral("theme")},
                                                              {QStringLiteral("value"), QStringLiteral("dark")}}},
                       {QStringLiteral("web.cookies"), Object{{QStringLiteral("operation"), QStringLiteral("get")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    QStringList names;
    for (const engine::Value& c : r.output.first().json().value(u"cookies").arrayRef())
        names.append(c.objectRef().value(u"name").toText() + u'=' + c.objectRef().value(u"value").toText());
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("sid=abc123"), QStringLiteral("theme=dark")}));
    EXPECT_EQ(nodes::web::BrowserHost::instance().find(r.runId, QStringLiteral("main")), nullptr) << "the session closed with its run";

    // Run 2: a new session in the same profile sends both cookies.
    r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/site"), {{QStringLiteral("profile"), QStringLiteral("work")}})},
                  {QStringLiteral("web.cookies"), Object{{QStringLiteral("operation"), QStringLiteral("get")}, {QStringLiteral("name"), QStringLiteral("theme")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.output.first().json().value(u"cookies").arrayRef().size(), 1) << describe(r);
    QByteArray sent;
    for (const auto& req : m_pages.requests())
        if (req.path() == "/site")
            sent = req.header("Cookie");
    EXPECT_TRUE(sent.contains("sid=abc123")) << sent.toStdString();
    EXPECT_TRUE(sent.contains("theme=dark")) << sent.toStdString();
    EXPECT_TRUE(QDir(m_dir.filePath(QStringLiteral("data/browser/work"))).exists()) << "the profile lives in the data folder";

    // A private session (no profile) starts empty.
    r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/site"))},
                  {QStringLiteral("web.cookies"), Object{{QStringLiteral("operation"), QStringLiteral("get")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.output.first().json().value(u"cookies").arrayRef().size(), 0) << describe(r);
}

TEST_F(WebNodes, UnreachableHostIsARetryableLoadError)
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(closedPort());
    m_flow = {};
    add(QStringLiteral("Start"), QStringLiteral("core.manualTrigger"));
    add(QStringLiteral("Open"), QStringLiteral("web.openPage"), open(url)).settings.retry = engine::RetryPolicy{1, 10, 1, 10};
    m_flow.connections.push_back({QStringLiteral("Start"), QStringLiteral("out"), QStringLiteral("Open"), QStringLiteral("in")});
    const auto r = run();
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("PAGE_LOAD_FAILED"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("cannot load %1: net::ERR_CONNECTION_REFUSED").arg(url))) << r.error.toStdString();
    EXPECT_EQ(r.nodes.last().attempts, 2) << "a network error is retried";
}

TEST_F(WebNodes, HttpErrorsOfTheMainDocumentFail)
{
    m_pages.add("/boom", PageServer::Page{"<h1>oops</h1>", "text/html", 503, {}});
    m_flow = {};
    add(QStringLiteral("Start"), QStringLiteral("core.manualTrigger"));
    add(QStringLiteral("Open"), QStringLiteral("web.openPage"), open(m_pages.url("/missing"))).settings.retry = engine::RetryPolicy{1, 10, 1, 10};
    m_flow.connections.push_back({QStringLiteral("Start"), QStringLiteral("out"), QStringLiteral("Open"), QStringLiteral("in")});
    auto r = run();
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("%1 answered HTTP 404").arg(m_pages.url("/missing")))) << r.error.toStdString();
    EXPECT_EQ(r.nodes.last().attempts, 1) << "a 404 is not retried";

    m_flow.nodes.back().params = open(m_pages.url("/boom"));
    r = run();
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(QStringLiteral("answered HTTP 503"))) << r.error.toStdString();
    EXPECT_EQ(r.nodes.last().attempts, 2) << "a 503 may heal";
}

TEST_F(WebNodes, NodesWithoutAnOpenSessionSayWhatToDo)
{
    const auto r = runChain({{QStringLiteral("web.click"), Object{{QStringLiteral("selector"), QStringLiteral("#go")}, {QStringLiteral("session"), QStringLiteral("shop")}}}});
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, QStringLiteral("NO_SESSION"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("no browser session \"shop\" is open in this run"))) << r.error.toStdString();
}

TEST_F(WebNodes, TwoSessionsKeepTheirOwnPages)
{
    m_pages.add("/one", "<html><head><title>One</title></head><body><h1>one</h1></body></html>");
    m_pages.add("/two", "<html><head><title>Two</title></head><body><h1>two</h1></body></html>");
    const auto r = runChain({{QStringLiteral("web.openPage"), open(m_pages.url("/one"), {{QStringLiteral("session"), QStringLiteral("a")}})},
                             {QStringLiteral("web.openPage"), open(m_pages.url("/two"), {{QStringLiteral("session"), QStringLiteral("b")}})},
                             {QStringLiteral("web.extract"), Object{{QStringLiteral("itemSelector"), QStringLiteral("h1")}, {QStringLiteral("session"), QStringLiteral("a")}}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(json(r.output), QStringLiteral(R"([{"text":"one"}])"));
}

} // namespace
} // namespace taskloom::tests
