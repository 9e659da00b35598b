#pragma once

#include "MailClient.hpp"

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>
#include <memory>

namespace taskloom::net {

struct ImapSettings {
    QString host;
    int port = 993;
    SmtpSettings::Security security = SmtpSettings::Security::Tls; ///< Tls (993), StartTls (143, required) or None
    QString user;
    QString password;
    QString bearerToken; ///< OAuth2 access token: SASL XOAUTH2 / OAUTHBEARER instead of the password
    bool verifyTls = true;
    QString caFile;
    int timeoutMs = 60'000;
    const engine::CancellationToken* cancel = nullptr;
};

/// One IMAP connection (libcurl keeps it open across calls) for reading a mailbox: search, fetch, set flags.
/// Errors use MailError with IMAP_* codes (IMAP_CONNECT, IMAP_AUTH, IMAP_TLS, IMAP_TIMEOUT, IMAP_ERROR, CANCELLED).
class ImapSession {
public:
    explicit ImapSession(ImapSettings settings);
    ~ImapSession();
    ImapSession(const ImapSession&) = delete;
    ImapSession& operator=(const ImapSession&) = delete;

    /// UIDs in `folder` matching an IMAP SEARCH criteria string ("UNSEEN", "FROM \"ann\" SINCE 1-May-2024", "ALL").
    std::expected<QList<qint64>, MailError> search(const QString& folder, const QString& criteria);
    /// The whole message (RFC 5322 bytes). Fetching marks it \Seen on the server.
    std::expected<QByteArray, MailError> fetch(const QString& folder, qint64 uid);
    /// Adds (or removes) the \Seen flag.
    std::expected<void, MailError> setSeen(const QString& folder, qint64 uid, bool seen);

private:
    std::expected<QByteArray, MailError> perform(const QString& folder, const QString& pathSuffix, const QByteArray& command);

    struct Handle;
    ImapSettings m_settings;
    std::unique_ptr<Handle> m_handle;
};

} // namespace taskloom::net
