#include "OAuth2Client.hpp"

#include "HttpResponseItems.hpp"

#include "engine/Credential.hpp"
#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"
#include "engine/NodeError.hpp"
#include "nodes/net/HttpClient.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <mutex>

namespace taskloom::nodes::connectors::OAuth2Client {

using engine::Credential;
using engine::NodeError;

namespace {

using Form = QList<std::pair<QString, QString>>;

NodeError failure(const QString& message, NodeError::Retry retry = NodeError::Retry::No, int retryAfterMs = -1)
{
    return NodeError(QStringLiteral("OAUTH2_FAILED"), message, retry, retryAfterMs);
}

QString httpUrl(const Credential& credential, QStringView field, const QString& what)
{
    const QString url = credential.field(field).trimmed();
    if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
        throw failure(QStringLiteral("credential \"%1\": %2 \"%3\" is not an http(s) URL").arg(credential.name, what, url));
    return url;
}

/// One token endpoint call (RFC 6749 section 3.2). With a client secret the client authenticates with HTTP basic;
/// a public client (no secret, the usual native-app case) sends its client_id in the form instead.
Token requestToken(const Credential& credential, Form form, const engine::CancellationToken* cancel, int timeoutMs)
{
    const QString tokenUrl = httpUrl(credential, u"tokenUrl", QStringLiteral("token URL"));
    net::HttpRequest r;
    r.method = "POST";
    r.url = tokenUrl;
    r.timeoutMs = timeoutMs;
    r.cancel = cancel;
    if (const QString secret = credential.field(u"clientSecret"); !secret.isEmpty()) {
        r.basicUser = credential.field(u"clientId");
        r.basicPassword = secret;
    } else {
        form.append({QStringLiteral("client_id"), credential.field(u"clientId")});
    }
    r.body = HttpResponseItems::formEncode(form);
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    auto response = net::send(r);
    if (!response) {
        NodeError e = response.error().toNodeError();
        throw failure(QStringLiteral("OAuth2 token request: %1").arg(e.message()),
                      e.retryable() ? NodeError::Retry::Yes : NodeError::Retry::No, e.retryAfterMs());
    }
    const auto json = engine::Json::parse(response->body);
    const engine::Object body = json && json->isObject() ? json->objectRef() : engine::Object();
    if (!response->ok()) {
        // Section 5.2: {"error": "invalid_grant", "error_description": "..."}
        QString why = body.value(u"error").toText();
        if (const QString d = body.value(u"error_description").toText(); !d.isEmpty())
            why += QStringLiteral(": ") + d;
        if (why.isEmpty())
            why = QString::fromUtf8(response->body.left(200)).simplified();
        throw failure(QStringLiteral("OAuth2 token request to %1 answered %2 (%3)").arg(tokenUrl).arg(response->status).arg(why),
                      net::isRetryableStatus(response->status) ? NodeError::Retry::Yes : NodeError::Retry::No);
    }
    Token t;
    t.accessToken = body.value(u"access_token").toText();
    t.tokenType = body.value(u"token_type").toText();
    t.refreshToken = body.value(u"refresh_token").toText();
    t.expiresInSeconds = qint64(body.value(u"expires_in").toDouble(0));
    if (t.accessToken.isEmpty())
        throw failure(QStringLiteral("OAuth2 token request to %1: the answer holds no access_token").arg(tokenUrl));
    // "bearer" in any case means Bearer (section 7.1 says the type is case-insensitive).
    if (t.tokenType.isEmpty() || t.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0)
        t.tokenType = QStringLiteral("Bearer");
    return t;
}

/// Refreshes serialise per credential name, so two nodes of one run never spend the same refresh token twice
/// (servers that rotate refresh tokens would revoke the second use).
std::shared_ptr<std::mutex> refreshLock(const QString& name)
{
    static std::mutex guard;
    static QHash<QString, std::shared_ptr<std::mutex>> locks;
    std::lock_guard lock(guard);
    auto& m = locks[name];
    if (!m)
        m = std::make_shared<std::mutex>();
    return m;
}

bool freshEnough(const Credential& c, const QDateTime& now)
{
    if (c.field(u"accessToken").isEmpty())
        return false;
    const QString expiresAt = c.field(u"expiresAt");
    if (expiresAt.isEmpty())
        return true; // the server gave no lifetime: use it until it is refused
    const QDateTime when = QDateTime::fromString(expiresAt, Qt::ISODate);
    return when.isValid() && now.secsTo(when) > 60;
}

} // namespace

Token clientCredentials(const Credential& credential, const engine::CancellationToken* cancel, int timeoutMs)
{
    Form form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (const QString scope = credential.field(u"scope").trimmed(); !scope.isEmpty())
        form.append({QStringLiteral("scope"), scope});
    return requestToken(credential, std::move(form), cancel, timeoutMs);
}

QString randomToken(int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]));
    return s;
}

QString pkceChallenge(const QString& verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Pkce makePkce()
{
    Pkce p;
    p.verifier = randomToken(64); // RFC 7636 4.1: 43 to 128 unreserved characters
    p.challenge = pkceChallenge(p.verifier);
    return p;
}

QUrl authorizationUrl(const Credential& credential, const QString& redirectUri, const QString& state, const QString& codeChallenge)
{
    QUrl url(httpUrl(credential, u"authUrl", QStringLiteral("authorization URL")));
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), credential.field(u"clientId"));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    if (const QString scope = credential.field(u"scope").trimmed(); !scope.isEmpty())
        q.addQueryItem(QStringLiteral("scope"), scope);
    q.addQueryItem(QStringLiteral("state"), state);
    q.addQueryItem(QStringLiteral("code_challenge"), codeChallenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    // QUrlQuery leaves '+' and '/' alone; encode everything that is not unreserved, as servers expect.
    QString encoded;
    for (const auto& [k, v] : q.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v));
    }
    url.setQuery(encoded, QUrl::StrictMode);
    return url;
}

Token exchangeCode(const Credential& credential, const QString& code, const QString& codeVerifier, const QString& redirectUri,
                   const engine::CancellationToken* cancel, int timeoutMs)
{
    return requestToken(credential,
                        {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("code"), code},
                         {QStringLiteral("redirect_uri"), redirectUri},
                         {QStringLiteral("code_verifier"), codeVerifier}},
                        cancel, timeoutMs);
}

Token refresh(const Credential& credential, const engine::CancellationToken* cancel, int timeoutMs)
{
    const QString refreshToken = credential.field(u"refreshToken");
    if (refreshToken.isEmpty())
        throw failure(QStringLiteral("credential \"%1\": the access token expired and there is no refresh token; "
                                     "run: taskloom credentials authorize %1")
                          .arg(credential.name));
    Form form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}, {QStringLiteral("refresh_token"), refreshToken}};
    if (const QString scope = credential.field(u"scope").trimmed(); !scope.isEmpty())
        form.append({QStringLiteral("scope"), scope});
    try {
        return requestToken(credential, std::move(form), cancel, timeoutMs);
    } catch (const NodeError& e) {
        if (e.retryable())
            throw;
        // invalid_grant and friends: the grant was revoked or expired; only a new authorization helps.
        throw failure(QStringLiteral("credential \"%1\": %2; run: taskloom credentials authorize %1").arg(credential.name, e.message()));
    }
}

Credential withToken(Credential credential, const Token& token, const QDateTime& now)
{
    credential.fields.insert(QStringLiteral("accessToken"), token.accessToken);
    if (!token.refreshToken.isEmpty())
        credential.fields.insert(QStringLiteral("refreshToken"), token.refreshToken);
    else if (!credential.fields.contains(u"refreshToken"))
        credential.fields.insert(QStringLiteral("refreshToken"), QString());
    credential.fields.insert(QStringLiteral("expiresAt"),
                             token.expiresInSeconds > 0
                                 ? now.toUTC().addSecs(token.expiresInSeconds).toString(Qt::ISODate)
                                 : QString());
    return credential;
}

QByteArray authorizationHeader(const engine::ExecutionContext& ctx, const QString& credentialName, int timeoutMs)
{
    return QByteArrayLiteral("Bearer ") + accessToken(ctx, credentialName, timeoutMs).first.toUtf8();
}

std::pair<QString, Credential> accessToken(const engine::ExecutionContext& ctx, const QString& credentialName, int timeoutMs)
{
    Credential c = ctx.credential(credentialName);
    if (c.field(u"accessToken").isEmpty() && c.field(u"refreshToken").isEmpty())
        throw failure(QStringLiteral("credential \"%1\" is not authorized yet; run: taskloom credentials authorize %1").arg(c.name));
    if (!freshEnough(c, QDateTime::currentDateTimeUtc())) {
        const auto lock = refreshLock(c.name);
        std::lock_guard guard(*lock);
        c = ctx.credential(credentialName); // another node may have refreshed it meanwhile
        if (!freshEnough(c, QDateTime::currentDateTimeUtc())) {
            const Token t = refresh(c, &ctx.cancellation(), timeoutMs);
            c = withToken(std::move(c), t, QDateTime::currentDateTimeUtc());
            ctx.updateCredential(c);
        }
    }
    const QString token = c.field(u"accessToken");
    return {token, std::move(c)};
}

} // namespace taskloom::nodes::connectors::OAuth2Client
