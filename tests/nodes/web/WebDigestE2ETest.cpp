// examples/web-digest.flow.json end to end: the real `taskloom run` against the shipped news page served on
// 127.0.0.1 and a loopback SMTP server; the received mail is checked.

#include "CliTestSupport.hpp"
#include "LoopbackHttpServer.hpp"
#include "LoopbackSmtpServer.hpp"

#include "nodes/net/MailParser.hpp"

#include <QFile>
#include <QFileInfo>

namespace taskloom::tests {
namespace {

const QString example = QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/web-digest.flow.json");

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The text of the sample page's article with this headline, whitespace collapsed as the browser reads it.
QString articleText(const QString& title)
{
    const QString html = QString::fromUtf8(readFile(QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/web-digest/news.html")));
    const qsizetype at = html.indexOf(title);
    if (at < 0)
        return {};
    const qsizetype open = html.indexOf(QStringLiteral("<p>"), html.indexOf(QStringLiteral("class=\"body\""), at));
    const qsizetype close = html.indexOf(QStringLiteral("</p>"), open);
    return html.mid(open + 3, close - open - 3).simplified();
}

class WebDigest : public CliTest {
protected:
    WebDigest()
        : m_http([](const LoopbackHttpServer::Request& r) {
              if (r.path() == "/business/news.html") {
                  LoopbackHttpServer::Reply reply;
                  reply.body = readFile(QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/web-digest/news.html"));
                  reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
                  return reply;
              }
              return LoopbackHttpServer::Reply::text("not found", 404);
          })
    {
    }

    QStringList args(const QStringList& extra = {}) const
    {
        QStringList a{QStringLiteral("run"), example,
                      QStringLiteral("--set"), QStringLiteral("source_url=") + QString::fromUtf8(m_http.url("/business/news.html")),
                      QStringLiteral("--set"), QStringLiteral("smtp_host=127.0.0.1"),
                      QStringLiteral("--set"), QStringLiteral("smtp_port=%1").arg(m_smtp.port()),
                      QStringLiteral("--set"), QStringLiteral("mail_to=team@example.com")};
        return a + extra;
    }

    LoopbackHttpServer m_http;
    LoopbackSmtpServer m_smtp;
};

TEST_F(WebDigest, MailsADigestOfTheArticlesAboutTheKeyword)
{
    const CliResult r = run(args(), {}, 120000);
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    ASSERT_FALSE(r.crashed) << r.describe();
    const auto messages = m_smtp.messages();
    ASSERT_EQ(messages.size(), 1) << r.describe();
    EXPECT_EQ(messages[0].to, QList<QByteArray>{"team@example.com"});
    const net::ParsedMail mail = net::parseMail(messages[0].data);
    EXPECT_EQ(mail.subject, QStringLiteral("News digest: Acme (2 articles)")) << mail.subject.toStdString();
    const QString base = QString::fromUtf8(m_http.url("/business/"));
    // Both Acme stories (one says "ACME" in its headline), with absolute links; nothing else.
    EXPECT_TRUE(mail.html.contains(QStringLiteral("<a href=\"%1stories/acme-plant.html\">Acme Robotics opens a second plant on the east bank</a>").arg(base)))
        << mail.html.toStdString();
    EXPECT_TRUE(mail.html.contains(QStringLiteral("<a href=\"%1stories/acme-union.html\">Union and ACME agree on a new wage deal</a>").arg(base)))
        << mail.html.toStdString();
    EXPECT_FALSE(mail.html.contains(QStringLiteral("storm-surge"))) << mail.html.toStdString();
    EXPECT_FALSE(mail.html.contains(QStringLiteral("bakery"))) << mail.html.toStdString();
    // Each article is summarized: a shorter text made of the article's own sentences.
    for (const QString& title : {QStringLiteral("Acme Robotics opens a second plant on the east bank"),
                                 QStringLiteral("Union and ACME agree on a new wage deal")}) {
        const qsizetype at = mail.html.indexOf(title + QStringLiteral("</a></h2>"));
        ASSERT_GE(at, 0) << title.toStdString();
        const qsizetype open = mail.html.indexOf(QStringLiteral("<p>"), at), close = mail.html.indexOf(QStringLiteral("</p>"), open);
        ASSERT_GT(open, 0);
        const QString summary = mail.html.mid(open + 3, close - open - 3);
        const QString article = articleText(title);
        ASSERT_FALSE(article.isEmpty()) << title.toStdString();
        EXPECT_FALSE(summary.trimmed().isEmpty()) << title.toStdString();
        EXPECT_LT(summary.size(), article.size()) << summary.toStdString();
        for (const QString& sentence : summary.split(QStringLiteral(". "), Qt::SkipEmptyParts))
            EXPECT_TRUE(article.contains(sentence.trimmed())) << sentence.toStdString() << " is not from: " << article.toStdString();
    }
}

TEST_F(WebDigest, TheKeywordAndSelectorsAreVariables)
{
    const CliResult r = run(args({QStringLiteral("--set"), QStringLiteral("keyword=bakery"),
                                  QStringLiteral("--set"), QStringLiteral("text_selector=.body p")}),
                            {}, 120000);
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const auto messages = m_smtp.messages();
    ASSERT_EQ(messages.size(), 1) << r.describe();
    const net::ParsedMail mail = net::parseMail(messages[0].data);
    EXPECT_EQ(mail.subject, QStringLiteral("News digest: bakery (1 articles)"));
    EXPECT_TRUE(mail.html.contains(QStringLiteral("A century-old bakery closes its doors"))) << mail.html.toStdString();
}

TEST_F(WebDigest, AnUnreachablePageFailsTheRunNamingTheUrl)
{
    QStringList a = args();
    a[3] = QStringLiteral("source_url=%1").arg(QString::fromUtf8(m_http.url("/gone.html")));
    const CliResult r = run(a, {}, 120000);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("answered HTTP 404"))) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("Open news page"))) << r.describe();
    EXPECT_TRUE(m_smtp.messages().isEmpty());
}

// A named profile's cookies outlive the process: one `taskloom run` logs in, the next one is still logged in.
TEST_F(WebDigest, NamedProfileCookiesSurviveBetweenRuns)
{
    LoopbackHttpServer site([](const LoopbackHttpServer::Request& r) {
        LoopbackHttpServer::Reply reply = LoopbackHttpServer::Reply::text("<html><body>hello</body></html>");
        reply.headers = {{"Content-Type", "text/html"}};
        if (r.path() == "/login")
            reply.headers.append(std::pair<QByteArray, QByteArray>("Set-Cookie", "sid=abc123; Path=/; Max-Age=3600"));
        return reply;
    });
    auto flow = [&](const QString& file, const QString& path) {
        return writeFlow(file,
                         {QStringLiteral(R"({"id": "open", "type": "web.openPage", "typeVersion": 1, "name": "Open",
                             "params": {"url": "%1", "profile": "work"}})").arg(QString::fromUtf8(site.url(path.toUtf8()))),
                          QStringLiteral(R"({"id": "get", "type": "web.cookies", "typeVersion": 1, "name": "Cookies",
                             "params": {"operation": "get"}})")},
                         {QStringLiteral(R"({"from": "t", "to": "open"})"), QStringLiteral(R"({"from": "open", "to": "get"})")});
    };
    CliResult r = run({QStringLiteral("run"), flow(QStringLiteral("login.flow.json"), QStringLiteral("/login"))}, {}, 120000);
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.outText().contains(QStringLiteral("abc123"))) << r.describe();
    r = run({QStringLiteral("run"), flow(QStringLiteral("later.flow.json"), QStringLiteral("/later"))}, {}, 120000);
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    QByteArray sent;
    for (const auto& req : site.requests())
        if (req.path() == "/later")
            sent = req.header("Cookie");
    EXPECT_EQ(sent, QByteArray("sid=abc123"));
    EXPECT_TRUE(r.outText().contains(QStringLiteral("abc123"))) << r.describe();
    EXPECT_TRUE(QFileInfo(dataDir() + QStringLiteral("/browser/work")).isDir());
}

} // namespace
} // namespace taskloom::tests
