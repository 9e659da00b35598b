#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::daemon {

/// Tells someone that a scheduled run failed: POSTs a JSON body to a webhook URL through the shared HTTP client
/// (a short timeout, no redirects). A non-2xx answer is a failure.
class Notifier {
public:
    /// `bearer`, when given, goes in an Authorization header.
    static std::expected<void, QString> postJson(const QString& url, const QByteArray& body, int timeoutMs = 10000,
                                                 const QString& bearer = {});
};

} // namespace taskloom::daemon
