#pragma once

#include "MailClient.hpp"

#include <QByteArray>
#include <QList>
#include <QString>

namespace taskloom::net {

/// A received e-mail taken apart: decoded headers, the text and HTML bodies, and the attachments.
struct ParsedMail {
    QString subject;
    QString from;
    QString to;
    QString cc;
    QString date;        ///< ISO 8601 UTC when the Date header parses, else as written
    QString messageId;
    QString text;
    QString html;
    QList<MailAttachment> attachments;
};

/// Parses RFC 5322 / MIME bytes: encoded words (RFC 2047) in headers, RFC 2231 file names, base64 and
/// quoted-printable parts in any charset Qt knows, nested multiparts. Never fails: what cannot be read stays raw.
ParsedMail parseMail(const QByteArray& raw);

/// Decodes RFC 2047 encoded words in a header value.
QString decodeHeader(const QByteArray& value);

} // namespace taskloom::net
