#include "ConnectorTestSupport.hpp"

#include "LoopbackSmtpServer.hpp"
#include "nodes/net/MailClient.hpp"

#include <QDateTime>
#include <QTimeZone>

using namespace taskloom;
using namespace taskloom::engine;
using Smtp = tests::LoopbackSmtpServer;

namespace {

class EmailSend : public tests::ConnectorFixture {
protected:
    Object base(const Smtp& server)
    {
        return Object{{"host", "127.0.0.1"}, {"port", int(server.port())}, {"security", "none"}, {"from", "Reports <reports@acme.example>"}};
    }
};

/// The decoded body of the MIME part with this Content-Type in `data`.
QByteArray part(const QByteArray& data, const QByteArray& type)
{
    const qsizetype at = data.indexOf("Content-Type: " + type);
    if (at < 0)
        return {};
    const qsizetype start = data.indexOf("\r\n\r\n", at) + 4;
    const qsizetype end = data.indexOf("\r\n--", start);
    return QByteArray::fromBase64(data.mid(start, end - start).replace("\r\n", ""));
}

} // namespace

TEST(MailClient, ComposesHeadersAlternativesAndAttachments)
{
    net::MailMessage m;
    m.from = QStringLiteral("Ann Lee <ann@acme.example>");
    m.to = {QStringLiteral("bo@x.example"), QStringLiteral("\"Lee, Cy\" <cy@x.example>")};
    m.bcc = {QStringLiteral("hidden@x.example")};
    m.subject = QStringLiteral("Résumé 한국");
    m.text = QStringLiteral("plain");
    m.html = QStringLiteral("<b>rich</b>");
    m.attachments = {{QStringLiteral("é.txt"), "text/plain", "hello"}};
    const QByteArray mime = net::composeMime(m, QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc()), "seed");
    EXPECT_TRUE(mime.startsWith("Date: 01 May 2024 09:00:00 +0000\r\nFrom: \"Ann Lee\" <ann@acme.example>\r\n")) << mime.constData();
    EXPECT_TRUE(mime.contains("To: bo@x.example, \"Lee, Cy\" <cy@x.example>\r\n")) << mime.constData();
    EXPECT_FALSE(mime.contains("hidden")) << "Bcc never appears in the headers";
    EXPECT_TRUE(mime.contains("Subject: =?UTF-8?B?" + QStringLiteral("Résumé 한국").toUtf8().toBase64() + "?=\r\n"));
    EXPECT_TRUE(mime.contains("Content-Type: multipart/mixed; boundary="));
    EXPECT_TRUE(mime.contains("Content-Type: multipart/alternative; boundary="));
    EXPECT_EQ(part(mime, "text/plain; charset"), "plain");
    EXPECT_EQ(part(mime, "text/html"), "<b>rich</b>");
    EXPECT_TRUE(mime.contains("Content-Disposition: attachment; filename*=UTF-8''%C3%A9.txt"));
    EXPECT_EQ(net::mailAddress(QStringLiteral("\"Lee, Cy\" <cy@x.example>")), "cy@x.example");
    EXPECT_TRUE(net::mailAddress(QStringLiteral("not an address")).isEmpty());
}

TEST_F(EmailSend, SendsToEveryRecipientWithAuthAndAttachments)
{
    Smtp server(Smtp::Options{"mailer", "s3cret", {}});
    m_credentials.put({"smtp", "usernamePassword", {{"username", "mailer"}, {"password", "s3cret"}}});
    Item item(Object{{"name", "Ann"}});
    item.setBinary("report", *Binary::fromBytes("a,b\n1,2\n", "text/csv", "report.csv"));
    Object params = base(server);
    params.insert("credential", "smtp");
    params.insert("to", "ann@x.example, \"Lee, Bo\" <bo@x.example>");
    params.insert("cc", "cc@x.example");
    params.insert("bcc", "audit@x.example");
    params.insert("subject", "Daily digest");
    params.insert("text", "3 articles");
    params.insert("html", "<h1>3 articles</h1>");
    params.insert("attachments", "report");
    const RunResult r = runOne("connectors.emailSend", params, {item});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"name":"Ann"}])");
    const auto messages = server.messages();
    ASSERT_EQ(messages.size(), 1);
    const auto& m = messages[0];
    EXPECT_EQ(m.from, "reports@acme.example");
    EXPECT_EQ(m.to, (QList<QByteArray>{"ann@x.example", "bo@x.example", "cc@x.example", "audit@x.example"}));
    EXPECT_EQ(m.authenticatedAs, "mailer");
    EXPECT_TRUE(m.data.contains("Subject: Daily digest\r\n"));
    EXPECT_FALSE(m.data.contains("audit@"));
    EXPECT_EQ(part(m.data, "text/html"), "<h1>3 articles</h1>");
    EXPECT_EQ(part(m.data, "text/csv"), "a,b\n1,2\n");
    EXPECT_TRUE(m.data.contains("filename=\"report.csv\""));
}

TEST_F(EmailSend, RefusalsAndBadInputAreClearErrors)
{
    Smtp server(Smtp::Options{"mailer", "s3cret", {"nobody@x.example"}});
    m_credentials.put({"wrong", "usernamePassword", {{"username", "mailer"}, {"password", "nope"}}});
    m_credentials.put({"smtp", "usernamePassword", {{"username", "mailer"}, {"password", "s3cret"}}});
    Object params = base(server);
    params.insert("to", "ann@x.example");
    params.insert("text", "x");

    params.insert("credential", "wrong");
    RunResult r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "SMTP_AUTH") << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("SMTP 127.0.0.1:%1").arg(server.port()))) << r.error.toStdString();

    params.insert("credential", "smtp");
    params.insert("to", "nobody@x.example");
    r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "SMTP_REJECTED") << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("550"))) << r.error.toStdString();

    params.insert("to", "not-an-address");
    r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "INVALID_PARAMETER");
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"to\" = \"not-an-address\""))) << r.error.toStdString();

    params.insert("to", "ann@x.example");
    params.insert("attachments", "missing");
    r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "BINARY_NOT_FOUND");

    // STARTTLS is required by default: a server without it is refused, never used in plain text.
    params.remove(u"attachments");
    params.insert("security", "starttls");
    r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "SMTP_TLS") << r.error.toStdString();
    EXPECT_TRUE(server.messages().isEmpty());

    const quint16 port = server.port();
    server.stop();
    params.insert("security", "none");
    params.insert("port", int(port));
    r = runOne("connectors.emailSend", params, {Item()});
    EXPECT_EQ(r.errorCode, "SMTP_CONNECT") << r.error.toStdString();
}

TEST_F(EmailSend, SignsInWithOAuth2Xoauth2)
{
    Smtp server({"ann@example.com", "unused-password", {}, "AT-smtp-91d"});
    m_credentials.put({"google", "oauth2AuthorizationCode",
                       {{"authUrl", "http://127.0.0.1:1/auth"}, {"tokenUrl", "http://127.0.0.1:1/token"}, {"clientId", "c"},
                        {"username", "ann@example.com"}, {"accessToken", "AT-smtp-91d"}, {"refreshToken", "RT"},
                        {"expiresAt", QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate)}}});
    Object params = base(server);
    params.insert("oauth2Credential", "google");
    params.insert("to", "bo@x.example");
    params.insert("subject", "hi");
    params.insert("text", "hello");
    const RunResult r = runOne("connectors.emailSend", params, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(server.messages().size(), 1);
    EXPECT_EQ(server.messages()[0].authenticatedAs, "ann@example.com");
}
