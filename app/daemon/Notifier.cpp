#include "Notifier.hpp"

#include "nodes/net/HttpClient.hpp"

namespace taskloom::daemon {

std::expected<void, QString> Notifier::postJson(const QString& url, const QByteArray& body, int timeoutMs,
                                              const QString& bearer)
{
    if (!url.startsWith(u"http://") && !url.startsWith(u"https://"))
        return std::unexpected(QStringLiteral("notify URL %1: use http:// or https://").arg(url));
    net::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = body;
    request.headers.emplaceBack("Content-Type", "application/json");
    if (!bearer.isEmpty())
        request.headers.emplaceBack("Authorization", "Bearer " + bearer.toUtf8());
    request.timeoutMs = timeoutMs;
    request.followRedirects = false;
    auto response = net::sendExpectingSuccess(request);
    if (!response)
        return std::unexpected(QStringLiteral("notify: %1").arg(response.error().message));
    return {};
}

} // namespace taskloom::daemon
