#pragma once

#include "FlowPolicy.hpp"

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::daemon {

/// Tells someone that a scheduled run failed: POSTs a JSON body to a webhook URL through the shared HTTP client
/// (a short timeout, no redirects; a non-2xx answer is a failure), or sends an e-mail through the shared SMTP
/// client. Both block: the daemon calls them off its event loop.
class Notifier {
public:
    /// `bearer`, when given, goes in an Authorization header.
    static std::expected<void, QString> postJson(const QString& url, const QByteArray& body, int timeoutMs = 10000,
                                                 const QString& bearer = {});
    /// `user` / `password` (from the notice's credential) authenticate when `user` is not empty.
    static std::expected<void, QString> sendEmail(const FlowPolicy::EmailNotice& notice, const QString& user,
                                                  const QString& password, const QString& subject, const QString& text,
                                                  int timeoutMs = 30000);
};

} // namespace taskloom::daemon
