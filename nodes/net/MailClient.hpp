#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

namespace taskloom::engine {
class CancellationToken;
class NodeError;
}

namespace taskloom::net {

struct MailAttachment {
    QString fileName;
    QByteArray contentType; ///< defaults to application/octet-stream
    QByteArray data;
};

/// An e-mail to send. Addresses are "ann@example.com" or "Ann Lee <ann@example.com>".
struct MailMessage {
    QString from;
    QStringList to;
    QStringList cc;
    QStringList bcc;             ///< receive the mail, appear in no header
    QString replyTo;
    QString subject;
    QString text;                ///< text/plain part (may be empty when html is set)
    QString html;                ///< text/html part
    QList<MailAttachment> attachments;
};

struct SmtpSettings {
    enum class Security { None, StartTls, Tls };
    QString host;
    int port = 587;
    Security security = Security::StartTls; ///< StartTls requires the upgrade: never falls back to plain text
    QString user;                           ///< AUTH when not empty
    QString password;
    QString bearerToken;                    ///< OAuth2 access token: SASL XOAUTH2 / OAUTHBEARER instead of the password
    bool verifyTls = true;
    QString caFile;
    int timeoutMs = 60'000;
    const engine::CancellationToken* cancel = nullptr;
};

struct MailError {
    QString code;        ///< SMTP_CONNECT, SMTP_AUTH, SMTP_REJECTED, SMTP_TLS, SMTP_TIMEOUT, CANCELLED, SMTP_ERROR
    QString message;     ///< one line naming the server and the cause
    bool retryable = false;

    engine::NodeError toNodeError() const;
};

/// The bare address of "Name <addr>" or "addr"; empty when there is no plausible address.
QString mailAddress(const QString& text);

/// The RFC 5322 / MIME form of `message`: headers (non-ASCII as RFC 2047 encoded words), a multipart/alternative
/// body for text + HTML, multipart/mixed with attachments, every part base64 in lines of 76.
QByteArray composeMime(const MailMessage& message, const QDateTime& date, const QByteArray& boundarySeed);

/// Sends over SMTP with libcurl (blocking; prompt cancellation through the token). Never retries on its own.
std::expected<void, MailError> sendMail(const SmtpSettings& settings, const MailMessage& message);

} // namespace taskloom::net
