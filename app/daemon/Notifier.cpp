#include "Notifier.hpp"

#include "nodes/net/HttpClient.hpp"
#include "nodes/net/MailClient.hpp"

#include <QHostInfo>

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

std::expected<void, QString> Notifier::sendEmail(const FlowPolicy::EmailNotice& notice, const QString& user,
                                                const QString& password, const QString& subject, const QString& text,
                                                int timeoutMs)
{
    net::SmtpSettings s;
    s.host = notice.smtpHost;
    s.port = notice.smtpPort;
    s.security = notice.security == u"tls"      ? net::SmtpSettings::Security::Tls
                 : notice.security == u"none"   ? net::SmtpSettings::Security::None
                                                : net::SmtpSettings::Security::StartTls;
    s.user = user;
    s.password = password;
    s.timeoutMs = timeoutMs;
    net::MailMessage m;
    m.from = notice.from.isEmpty() ? QStringLiteral("Taskloom <taskloom@%1>").arg(QHostInfo::localHostName()) : notice.from;
    m.to = notice.to;
    m.subject = subject;
    m.text = text;
    if (auto sent = net::sendMail(s, m); !sent)
        return std::unexpected(QStringLiteral("notify e-mail: %1").arg(sent.error().message));
    return {};
}

} // namespace taskloom::daemon
