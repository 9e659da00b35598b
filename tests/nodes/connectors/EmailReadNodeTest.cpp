#include "ConnectorTestSupport.hpp"

#include "LoopbackImapServer.hpp"
#include "nodes/net/MailParser.hpp"

#include <QDateTime>

using namespace taskloom;
using namespace taskloom::engine;
using Imap = tests::LoopbackImapServer;

namespace {

class EmailRead : public tests::ConnectorFixture {
protected:
    EmailRead() { m_credentials.put({"imap", "usernamePassword", {{"username", "reader"}, {"password", "pw"}}}); }
    Object base(const Imap& server)
    {
        return Object{{"host", "127.0.0.1"}, {"port", int(server.port())}, {"security", "none"}, {"credential", "imap"}};
    }
};

const QByteArray invoice = "From: =?UTF-8?B?6rmA66+87IiY?= <kim@x.example>\r\n"
                           "To: ap@acme.example\r\n"
                           "Subject: =?UTF-8?Q?Invoice_caf=C3=A9?= =?UTF-8?Q?_42?=\r\n"
                           "Date: Wed, 1 May 2024 09:00:00 +0200\r\n"
                           "Message-ID: <m1@x.example>\r\n"
                           "MIME-Version: 1.0\r\n"
                           "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                           "preamble\r\n"
                           "--outer\r\n"
                           "Content-Type: multipart/alternative; boundary=inner\r\n\r\n"
                           "--inner\r\n"
                           "Content-Type: text/plain; charset=iso-8859-1\r\n"
                           "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                           "Total: 12 =E9=\r\nuros\r\n"
                           "--inner\r\n"
                           "Content-Type: text/html; charset=utf-8\r\n\r\n"
                           "<p>Total</p>\r\n"
                           "--inner--\r\n"
                           "--outer\r\n"
                           "Content-Type: application/pdf; name=\"ignored.pdf\"\r\n"
                           "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\r\n"
                           "Content-Transfer-Encoding: base64\r\n\r\n"
                           "JVBERi0x\r\nLjQ=\r\n"
                           "--outer--\r\n";

const QByteArray plain = "From: bo@x.example\r\nTo: ap@acme.example\r\nSubject: Hello\r\n\r\nJust text.\r\n";

} // namespace

TEST(MailParser, HeadersBodiesAndAttachments)
{
    const net::ParsedMail m = net::parseMail(invoice);
    EXPECT_EQ(m.subject, QString::fromUtf8("Invoice café 42"));
    EXPECT_EQ(m.from, QString::fromUtf8("김민수 <kim@x.example>"));
    EXPECT_EQ(m.date, "2024-05-01T07:00:00Z");
    EXPECT_EQ(m.messageId, "<m1@x.example>");
    EXPECT_EQ(m.text, QString::fromUtf8("Total: 12 éuros"));
    EXPECT_EQ(m.html, "<p>Total</p>");
    ASSERT_EQ(m.attachments.size(), 1);
    EXPECT_EQ(m.attachments[0].fileName, QString::fromUtf8("résumé.pdf"));
    EXPECT_EQ(m.attachments[0].contentType, "application/pdf");
    EXPECT_EQ(m.attachments[0].data, "%PDF-1.4");
    EXPECT_EQ(net::parseMail(plain).text, "Just text.\r\n");
    // Garbage never crashes.
    for (const char* raw : {"", "no headers at all", "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n", "\r\n\r\n"})
        (void)net::parseMail(raw);
}

TEST_F(EmailRead, ReadsUnseenMessagesWithAttachmentsAndMarksThemRead)
{
    Imap server("reader", "pw", {{1, plain, true}, {2, invoice, false}, {3, plain, false}});
    RunResult r = runOne("connectors.emailRead", base(server), {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 2);
    const Object first = r.output[0].json();
    EXPECT_EQ(first.value(u"uid").toInt(), 2);
    EXPECT_EQ(first.value(u"subject").toText(), QString::fromUtf8("Invoice café 42"));
    EXPECT_EQ(json(first.value(u"attachments")), QString::fromUtf8(R"(["résumé.pdf"])"));
    const BinaryRef pdf = r.output[0].binary(QStringLiteral("attachment_0"));
    ASSERT_TRUE(pdf);
    EXPECT_EQ(*pdf->bytes(), "%PDF-1.4");
    EXPECT_EQ(pdf->mimeType(), "application/pdf");
    for (const auto& m : server.messages())
        EXPECT_TRUE(m.seen) << m.uid;

    // Nothing unseen is left.
    r = runOne("connectors.emailRead", base(server), {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_TRUE(r.output.isEmpty());
}

TEST_F(EmailRead, LeavesMessagesUnreadWhenAskedAndSearchesByCriteria)
{
    Imap server("reader", "pw", {{1, plain, false}, {2, invoice, false}, {3, plain, true}});
    Object params = base(server);
    params.insert("markAsRead", false);
    params.insert("criteria", "SUBJECT \"invoice\"");
    RunResult r = runOne("connectors.emailRead", params, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(r.output[0].json().value(u"uid").toInt(), 2);
    for (const auto& m : server.messages())
        EXPECT_EQ(m.seen, m.uid == 3) << m.uid;

    params.insert("criteria", "ALL");
    params.insert("maxMessages", 2);
    r = runOne("connectors.emailRead", params, {Item()});
    ASSERT_EQ(r.output.size(), 2);
    EXPECT_EQ(r.output[0].json().value(u"uid").toInt(), 2) << "the newest two";
    EXPECT_EQ(r.output[1].json().value(u"uid").toInt(), 3);
}

TEST_F(EmailRead, LoginFolderAndConnectionErrors)
{
    Imap server("reader", "pw", {});
    m_credentials.put({"bad", "usernamePassword", {{"username", "reader"}, {"password", "wrong"}}});
    Object params = base(server);
    params.insert("credential", "bad");
    RunResult r = runOne("connectors.emailRead", params, {Item()});
    EXPECT_EQ(r.errorCode, "IMAP_AUTH") << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("IMAP 127.0.0.1:%1").arg(server.port()))) << r.error.toStdString();

    params.insert("credential", "imap");
    params.insert("folder", "Archive");
    r = runOne("connectors.emailRead", params, {Item()});
    EXPECT_EQ(r.errorCode, "IMAP_ERROR") << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("Archive"))) << r.error.toStdString();

    const quint16 port = server.port();
    server.stop();
    params.insert("folder", "INBOX");
    params.insert("port", int(port));
    r = runOne("connectors.emailRead", params, {Item()});
    EXPECT_EQ(r.errorCode, "IMAP_CONNECT") << r.error.toStdString();
}

TEST_F(EmailRead, SignsInWithOAuth2Xoauth2)
{
    Imap server("reader@example.com", "unused-password", {{1, plain, false}});
    server.acceptBearer("AT-imap-3c1");
    m_credentials.put({"google", "oauth2AuthorizationCode",
                       {{"authUrl", "http://127.0.0.1:1/auth"}, {"tokenUrl", "http://127.0.0.1:1/token"}, {"clientId", "c"},
                        {"username", "reader@example.com"}, {"accessToken", "AT-imap-3c1"}, {"refreshToken", "RT"},
                        {"expiresAt", QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate)}}});
    Object params = base(server);
    params.remove(u"credential");
    params.insert("oauth2Credential", "google");
    RunResult r = runOne("connectors.emailRead", params, {Item()});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.size(), 1);

    // A token the server does not take is a login error; no login at all names the parameter.
    server.acceptBearer("AT-other");
    r = runOne("connectors.emailRead", params, {Item()});
    EXPECT_EQ(r.errorCode, "IMAP_AUTH") << r.error.toStdString();
    params.remove(u"oauth2Credential");
    r = runOne("connectors.emailRead", params, {Item()});
    EXPECT_TRUE(r.error.contains(QStringLiteral("choose a login or an OAuth2 sign-in"))) << r.error.toStdString();
}
