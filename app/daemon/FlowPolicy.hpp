#pragma once

#include "engine/Value.hpp"

#include <QString>

#include <QStringList>

#include <expected>
#include <optional>

namespace taskloom::daemon {

/// A flow's unattended settings, from `"settings": {"daemon": {...}}` in its file.
struct FlowPolicy {
    enum class Overlap { Skip, Queue, Allow };
    enum class CatchUp { Skip, Once, All };

    bool enabled = true;
    Overlap overlap = Overlap::Skip; ///< when a trigger fires while the flow runs
    int concurrency = 1;             ///< simultaneous runs with overlap "allow"
    CatchUp catchUp = CatchUp::Once; ///< fires missed while the daemon was down
    int catchUpLimit = 10;           ///< catch-up "all" runs at most this many (the newest)
    int retries = 0;                 ///< re-runs of a failed run
    int retryDelaySeconds = 60;      ///< before the first retry; doubles each time
    int timeoutSeconds = 0;          ///< 0: none
    QString notifyWebhook;           ///< POSTed a JSON notice when a run fails for good

    /// Where an e-mail notice goes when a run fails for good.
    struct EmailNotice {
        QStringList to;
        QString from;                    ///< default taskloom@<host name>
        QString smtpHost;
        int smtpPort = 587;
        QString security = QStringLiteral("starttls"); ///< starttls, tls or none
        QString credential;              ///< a usernamePassword credential for SMTP AUTH; empty: none
    };
    std::optional<EmailNotice> notifyEmail;

    /// Reads the "daemon" object; errors name the setting and value.
    static std::expected<FlowPolicy, QString> parse(const engine::Value& settings);
    static QString overlapName(Overlap o);
    static QString catchUpName(CatchUp c);
};

} // namespace taskloom::daemon
