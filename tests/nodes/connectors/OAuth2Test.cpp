// OAuth2 authorization code with PKCE and a loopback redirect, and token refresh in the HTTP node, against a
// small OAuth2 server this test runs on 127.0.0.1. The "browser" is an HTTP client that follows redirects.

#include "ConnectorTestSupport.hpp"

#include "LoopbackHttpServer.hpp"

#include "nodes/connectors/OAuth2Authorize.hpp"
#include "nodes/connectors/OAuth2Client.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <thread>

using namespace taskloom;
using namespace taskloom::engine;
using Server = tests::LoopbackHttpServer;
namespace oauth = nodes::connectors::OAuth2Client;

namespace {

QUrlQuery form(const QByteArray& body)
{
    QByteArray b = body;
    b.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(b));
}

QString value(const QUrlQuery& q, const char* name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

/// A small authorization server: /authorize redirects with a code (or an error), /token checks the code, the
/// PKCE verifier and the redirect URI and issues tokens, /api/me wants the current access token.
class AuthServer {
public:
    AuthServer()
        : server([this](const Server::Request& r) { return handle(r); })
    {
    }

    Credential credential(const QString& name = QStringLiteral("google")) const
    {
        return Credential{name, QStringLiteral("oauth2AuthorizationCode"),
                          {{"authUrl", QString::fromUtf8(server.url("/authorize"))},
                           {"tokenUrl", QString::fromUtf8(server.url("/token"))},
                           {"clientId", "taskloom-test"},
                           {"clientSecret", ""},
                           {"scope", "mail.read profile"}}};
    }

    std::atomic<bool> deny{false};
    std::atomic<int> refreshes{0};
    std::atomic<int> accessTokenNumber{1};
    QString lastScope;
    Server server;

private:
    Server::Reply handle(const Server::Request& r)
    {
        const QString path = QString::fromUtf8(r.path());
        if (path == u"/authorize") {
            const QUrlQuery q(QUrl(QString::fromUtf8("http://x" + r.target)));
            const QString redirect = value(q, "redirect_uri");
            if (value(q, "response_type") != u"code" || value(q, "client_id") != u"taskloom-test"
                || value(q, "code_challenge_method") != u"S256" || !redirect.startsWith(u"http://127.0.0.1:"))
                return Server::Reply::text("bad authorization request", 400);
            m_challenge = value(q, "code_challenge");
            m_redirect = redirect;
            lastScope = value(q, "scope");
            const QString state = QString::fromLatin1(QUrl::toPercentEncoding(value(q, "state")));
            Server::Reply reply;
            reply.status = 302;
            reply.headers = {{"Location", (deny ? redirect + "?error=access_denied&error_description=The+user+said+no&state=" + state
                                                : redirect + "?code=CODE-1&state=" + state)
                                              .toUtf8()}};
            return reply;
        }
        if (path == u"/token") {
            const QUrlQuery f = form(r.body);
            if (value(f, "client_id") != u"taskloom-test")
                return Server::Reply::json(R"({"error":"invalid_client"})", 401);
            if (value(f, "grant_type") == u"authorization_code") {
                const QByteArray challenge = QCryptographicHash::hash(value(f, "code_verifier").toLatin1(), QCryptographicHash::Sha256)
                                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
                if (value(f, "code") != u"CODE-1" || QString::fromLatin1(challenge) != m_challenge || value(f, "redirect_uri") != m_redirect)
                    return Server::Reply::json(R"({"error":"invalid_grant","error_description":"code or verifier wrong"})", 400);
                return Server::Reply::json(R"({"access_token":"A1","token_type":"bearer","expires_in":3600,"refresh_token":"R1"})");
            }
            if (value(f, "grant_type") == u"refresh_token") {
                if (value(f, "refresh_token") != u"R1")
                    return Server::Reply::json(R"({"error":"invalid_grant","error_description":"refresh token revoked"})", 400);
                ++refreshes;
                const int n = ++accessTokenNumber;
                return Server::Reply::json(QByteArray(R"({"access_token":"A)") + QByteArray::number(n) + R"(","expires_in":3600})");
            }
            return Server::Reply::json(R"({"error":"unsupported_grant_type"})", 400);
        }
        if (path == u"/api/me") {
            const QByteArray expected = "Bearer A" + QByteArray::number(accessTokenNumber.load());
            if (r.header("Authorization") != expected)
                return Server::Reply::json(R"({"error":"invalid_token"})", 401);
            return Server::Reply::json(R"({"user":"ada"})");
        }
        return Server::Reply::text("not found", 404);
    }

    QString m_challenge;
    QString m_redirect;
};

/// Follows the authorization URL like a browser would, on its own thread (authorize blocks while it waits).
class Browser {
public:
    nodes::connectors::AuthorizeOptions options(int timeoutMs = 30'000)
    {
        nodes::connectors::AuthorizeOptions o;
        o.timeoutMs = timeoutMs;
        o.openBrowser = [this](const QUrl& url, const QString&) {
            m_thread = std::thread([this, url] {
                net::HttpRequest r;
                r.url = url.toString(QUrl::FullyEncoded);
                r.timeoutMs = 20'000;
                auto response = net::send(r);
                page = response ? QString::fromUtf8(response->body) : response.error().message;
            });
        };
        return o;
    }
    ~Browser()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    void wait()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    QString page;

private:
    std::thread m_thread;
};

class OAuth2 : public tests::ConnectorFixture {
protected:
    RunResult callApi(const AuthServer& auth, const QString& credential)
    {
        return runOne(QStringLiteral("connectors.httpRequest"),
                      {{"url", QString::fromUtf8(auth.server.url("/api/me"))},
                       {"auth", "oauth2AuthorizationCode"},
                       {"oauth2UserCredential", credential}},
                      {Item()});
    }
};

} // namespace

TEST(OAuth2Pkce, ChallengeIsTheRfc7636Example)
{
    // RFC 7636, appendix B.
    EXPECT_EQ(oauth::pkceChallenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
              QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const oauth::Pkce a = oauth::makePkce(), b = oauth::makePkce();
    EXPECT_EQ(a.verifier.size(), 64);
    EXPECT_NE(a.verifier, b.verifier);
    EXPECT_EQ(a.challenge, oauth::pkceChallenge(a.verifier));
    for (QChar c : a.verifier)
        EXPECT_TRUE(c.isLetterOrNumber() || QStringLiteral("-._~").contains(c)) << "unreserved characters only";
}

TEST_F(OAuth2, SignInStoresTokensAndTheHttpNodeRefreshesThemWhenTheyExpire)
{
    AuthServer auth;
    Browser browser;
    auto authorized = nodes::connectors::authorizeInteractively(auth.credential(), browser.options());
    browser.wait();
    ASSERT_TRUE(authorized.has_value()) << authorized.error().toStdString();
    EXPECT_TRUE(browser.page.contains(QStringLiteral("Taskloom is authorized"))) << browser.page.toStdString();
    EXPECT_EQ(auth.lastScope, QStringLiteral("mail.read profile"));
    EXPECT_EQ(authorized->field(u"accessToken"), QStringLiteral("A1"));
    EXPECT_EQ(authorized->field(u"refreshToken"), QStringLiteral("R1"));
    const QDateTime expires = QDateTime::fromString(authorized->field(u"expiresAt"), Qt::ISODate);
    EXPECT_NEAR(QDateTime::currentDateTimeUtc().secsTo(expires), 3600, 120);

    // Still fresh: used as it is.
    m_credentials.put(*authorized);
    RunResult r = callApi(auth, QStringLiteral("google"));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(auth.refreshes.load(), 0);

    // Expired: refreshed once, saved back (new access token, the refresh token kept), then reused.
    Credential expired = *authorized;
    expired.fields.insert(QStringLiteral("expiresAt"), QDateTime::currentDateTimeUtc().addSecs(-10).toString(Qt::ISODate));
    m_credentials.put(expired);
    r = callApi(auth, QStringLiteral("google"));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"user":"ada"}])");
    EXPECT_EQ(auth.refreshes.load(), 1);
    const Credential saved = *m_credentials.get(QStringLiteral("google"));
    EXPECT_EQ(saved.field(u"accessToken"), QStringLiteral("A2"));
    EXPECT_EQ(saved.field(u"refreshToken"), QStringLiteral("R1"));
    EXPECT_GT(QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(saved.field(u"expiresAt"), Qt::ISODate)), 3000);
    r = callApi(auth, QStringLiteral("google"));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(auth.refreshes.load(), 1);
    for (const QString& line : m_logs.messages)
        EXPECT_FALSE(line.contains(QStringLiteral("A2")) || line.contains(QStringLiteral("R1"))) << line.toStdString();
}

TEST_F(OAuth2, ARevokedRefreshTokenAsksForANewSignIn)
{
    AuthServer auth;
    Credential c = auth.credential();
    c.fields.insert(QStringLiteral("accessToken"), QStringLiteral("old"));
    c.fields.insert(QStringLiteral("refreshToken"), QStringLiteral("R-old"));
    c.fields.insert(QStringLiteral("expiresAt"), QStringLiteral("2020-01-01T00:00:00Z"));
    m_credentials.put(c);
    const RunResult r = callApi(auth, QStringLiteral("google"));
    EXPECT_EQ(r.errorCode, "OAUTH2_FAILED");
    EXPECT_TRUE(r.error.contains(QStringLiteral("refresh token revoked"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("taskloom credentials authorize google"))) << r.error.toStdString();

    Credential never = auth.credential(QStringLiteral("fresh"));
    m_credentials.put(never);
    const RunResult n = callApi(auth, QStringLiteral("fresh"));
    EXPECT_EQ(n.errorCode, "OAUTH2_FAILED");
    EXPECT_TRUE(n.error.contains(QStringLiteral("not authorized yet"))) << n.error.toStdString();
}

TEST(OAuth2Authorize, TheUserRefusing)
{
    AuthServer auth;
    auth.deny = true;
    Browser browser;
    const auto r = nodes::connectors::authorizeInteractively(auth.credential(), browser.options());
    browser.wait();
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().contains(QStringLiteral("access_denied: The user said no"))) << r.error().toStdString();
    EXPECT_TRUE(browser.page.contains(QStringLiteral("The user said no"))) << browser.page.toStdString();
}

TEST(OAuth2Authorize, ARedirectWithAnotherStateIsRefused)
{
    AuthServer auth;
    std::thread forger;
    nodes::connectors::AuthorizeOptions o;
    o.timeoutMs = 20'000;
    o.openBrowser = [&](const QUrl&, const QString& redirectUri) {
        forger = std::thread([redirectUri] {
            net::HttpRequest r;
            r.url = redirectUri + QStringLiteral("?code=CODE-1&state=guessed");
            (void)net::send(r);
        });
    };
    const auto r = nodes::connectors::authorizeInteractively(auth.credential(), o);
    forger.join();
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().contains(QStringLiteral("state does not match"))) << r.error().toStdString();
}

TEST(OAuth2Authorize, NoAnswerTimesOutAndABadUrlIsNamed)
{
    AuthServer auth;
    nodes::connectors::AuthorizeOptions o;
    o.timeoutMs = 300;
    auto r = nodes::connectors::authorizeInteractively(auth.credential(), o);
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().contains(QStringLiteral("no answer from the browser"))) << r.error().toStdString();

    Credential bad = auth.credential();
    bad.fields.insert(QStringLiteral("authUrl"), QStringLiteral("ftp://example.org/auth"));
    r = nodes::connectors::authorizeInteractively(bad, o);
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().contains(QStringLiteral("\"ftp://example.org/auth\" is not an http(s) URL"))) << r.error().toStdString();
}
