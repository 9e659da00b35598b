#include "OAuth2Client.hpp"

#include "HttpResponseItems.hpp"

#include "engine/Credential.hpp"
#include "engine/Json.hpp"
#include "engine/NodeError.hpp"
#include "nodes/net/HttpClient.hpp"

namespace taskloom::nodes::connectors::OAuth2Client {

using engine::NodeError;

Token clientCredentials(const engine::Credential& credential, const engine::CancellationToken* cancel, int timeoutMs)
{
    const QString tokenUrl = credential.field(u"tokenUrl").trimmed();
    if (!tokenUrl.startsWith(QLatin1String("http://")) && !tokenUrl.startsWith(QLatin1String("https://")))
        throw NodeError(QStringLiteral("OAUTH2_FAILED"),
                        QStringLiteral("credential \"%1\": token URL \"%2\" is not an http(s) URL").arg(credential.name, tokenUrl));
    net::HttpRequest r;
    r.method = "POST";
    r.url = tokenUrl;
    r.timeoutMs = timeoutMs;
    r.cancel = cancel;
    r.basicUser = credential.field(u"clientId");
    r.basicPassword = credential.field(u"clientSecret");
    QList<std::pair<QString, QString>> form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (const QString scope = credential.field(u"scope").trimmed(); !scope.isEmpty())
        form.append({QStringLiteral("scope"), scope});
    r.body = HttpResponseItems::formEncode(form);
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    auto response = net::send(r);
    if (!response) {
        NodeError e = response.error().toNodeError();
        throw NodeError(QStringLiteral("OAUTH2_FAILED"), QStringLiteral("OAuth2 token request: %1").arg(e.message()),
                        e.retryable() ? NodeError::Retry::Yes : NodeError::Retry::No, e.retryAfterMs());
    }
    const auto json = engine::Json::parse(response->body);
    const engine::Object body = json && json->isObject() ? json->objectRef() : engine::Object();
    if (!response->ok()) {
        // RFC 6749 5.2: {"error": "invalid_client", "error_description": "..."}
        QString why = body.value(u"error").toText();
        if (const QString d = body.value(u"error_description").toText(); !d.isEmpty())
            why += QStringLiteral(": ") + d;
        if (why.isEmpty())
            why = QString::fromUtf8(response->body.left(200)).simplified();
        throw NodeError(QStringLiteral("OAUTH2_FAILED"),
                        QStringLiteral("OAuth2 token request to %1 answered %2 (%3)").arg(tokenUrl).arg(response->status).arg(why),
                        net::isRetryableStatus(response->status) ? NodeError::Retry::Yes : NodeError::Retry::No);
    }
    Token t;
    t.accessToken = body.value(u"access_token").toText();
    t.tokenType = body.value(u"token_type").toText();
    if (t.accessToken.isEmpty())
        throw NodeError(QStringLiteral("OAUTH2_FAILED"),
                        QStringLiteral("OAuth2 token request to %1: the answer holds no access_token").arg(tokenUrl));
    // "bearer" in any case means Bearer (RFC 6749 7.1 says the type is case-insensitive).
    if (t.tokenType.isEmpty() || t.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0)
        t.tokenType = QStringLiteral("Bearer");
    return t;
}

} // namespace taskloom::nodes::connectors::OAuth2Client
