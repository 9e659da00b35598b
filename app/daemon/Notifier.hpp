#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::daemon {

/// Tells someone that a scheduled run failed: POSTs a JSON body to a webhook URL with libcurl (a short timeout,
/// no redirects to other protocols). The connector pack's e-mail node is the richer way; this keeps failure
/// notices working in a daemon built without it.
class Notifier {
public:
    /// `bearer`, when given, goes in an Authorization header.
    static std::expected<void, QString> postJson(const QString& url, const QByteArray& body, int timeoutMs = 10000,
                                                 const QString& bearer = {});
};

} // namespace taskloom::daemon
