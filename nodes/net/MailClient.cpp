#include "MailClient.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/NodeError.hpp"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUuid>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace taskloom::net {

namespace {

bool isAscii(const QString& s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 128; });
}

/// RFC 2047 encoded word for a header value that is not plain ASCII.
QByteArray headerText(const QString& s)
{
    if (isAscii(s))
        return s.toLatin1();
    return "=?UTF-8?B?" + s.toUtf8().toBase64() + "?=";
}

QByteArray addressHeader(const QString& text)
{
    const QString t = text.trimmed();
    const qsizetype open = t.lastIndexOf(QLatin1Char('<'));
    if (open <= 0)
        return t.toUtf8();
    QString name = t.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2);
    const QByteArray encodedName = isAscii(name) ? "\"" + name.toLatin1().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                                                 : headerText(name);
    return encodedName + " " + t.mid(open).toUtf8();
}

QByteArray addressList(const QStringList& list)
{
    QList<QByteArray> out;
    for (const QString& a : list)
        out.append(addressHeader(a));
    return out.join(", ");
}

QByteArray base64Lines(const QByteArray& data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray textPart(const QByteArray& type, const QString& text)
{
    return "Content-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(text.toUtf8());
}

QByteArray fileNameParam(const QString& name)
{
    // RFC 2231 for non-ASCII names, which mail programs read; quoted ASCII otherwise.
    if (isAscii(name))
        return "filename=\"" + name.toLatin1().replace("\"", "") + "\"";
    return "filename*=UTF-8''" + name.toUtf8().toPercentEncoding();
}

struct Upload {
    QByteArray data;
    qsizetype offset = 0;
    const engine::CancellationToken* cancel = nullptr;
};

size_t readCallback(char* buffer, size_t size, size_t count, void* user)
{
    auto* u = static_cast<Upload*>(user);
    const size_t n = std::min(size * count, size_t(u->data.size() - u->offset));
    memcpy(buffer, u->data.constData() + u->offset, n);
    u->offset += qsizetype(n);
    return n;
}

int progressCallback(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* u = static_cast<Upload*>(user);
    return u->cancel && u->cancel->isCancelled() ? 1 : 0;
}

} // namespace

engine::NodeError MailError::toNodeError() const
{
    return engine::NodeError(code, message, retryable ? engine::NodeError::Retry::Yes : engine::NodeError::Retry::No);
}

QString mailAddress(const QString& text)
{
    static const QRegularExpression re(QStringLiteral(R"(^[^\s<>@,;"]+@[^\s<>@,;"]+$)"));
    QString t = text.trimmed();
    const qsizetype open = t.lastIndexOf(QLatin1Char('<'));
    if (open >= 0) {
        const qsizetype close = t.indexOf(QLatin1Char('>'), open);
        if (close < 0)
            return {};
        t = t.mid(open + 1, close - open - 1).trimmed();
    }
    return re.match(t).hasMatch() ? t : QString();
}

QByteArray composeMime(const MailMessage& m, const QDateTime& date, const QByteArray& seed)
{
    const QByteArray hash = QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex().left(24);
    QByteArray h;
    h += "Date: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    h += "From: " + addressHeader(m.from) + "\r\n";
    if (!m.to.isEmpty())
        h += "To: " + addressList(m.to) + "\r\n";
    if (!m.cc.isEmpty())
        h += "Cc: " + addressList(m.cc) + "\r\n";
    if (!m.replyTo.trimmed().isEmpty())
        h += "Reply-To: " + addressHeader(m.replyTo) + "\r\n";
    const QString domain = mailAddress(m.from).section(QLatin1Char('@'), 1);
    h += "Message-ID: <" + hash + "." + QByteArray::number(date.toSecsSinceEpoch()) + "@" + (domain.isEmpty() ? QByteArray("taskloom") : domain.toLatin1()) + ">\r\n";
    h += "Subject: " + headerText(m.subject) + "\r\n";
    h += "MIME-Version: 1.0\r\n";

    QByteArray body;
    const bool both = !m.text.isEmpty() && !m.html.isEmpty();
    if (both) {
        const QByteArray b = "alt-" + hash;
        body = "Content-Type: multipart/alternative; boundary=\"" + b + "\"\r\n\r\n";
        body += "--" + b + "\r\n" + textPart("text/plain", m.text);
        body += "--" + b + "\r\n" + textPart("text/html", m.html);
        body += "--" + b + "--\r\n";
    } else {
        body = m.html.isEmpty() ? textPart("text/plain", m.text) : textPart("text/html", m.html);
    }
    if (m.attachments.isEmpty())
        return h + body;

    const QByteArray b = "mix-" + hash;
    QByteArray out = h + "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n";
    out += "--" + b + "\r\n" + body;
    for (const MailAttachment& a : m.attachments) {
        const QByteArray type = a.contentType.isEmpty() ? QByteArray("application/octet-stream") : a.contentType;
        out += "--" + b + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
               "Content-Disposition: attachment; " + fileNameParam(a.fileName) + "\r\n\r\n" + base64Lines(a.data);
    }
    out += "--" + b + "--\r\n";
    return out;
}

std::expected<void, MailError> sendMail(const SmtpSettings& s, const MailMessage& m)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    const QString where = QStringLiteral("SMTP %1:%2").arg(s.host).arg(s.port);
    auto fail = [&](const QString& code, const QString& what, bool retryable) {
        return std::unexpected(MailError{code, QStringLiteral("%1: %2").arg(where, what), retryable});
    };
    const QString from = mailAddress(m.from);
    if (from.isEmpty())
        return fail(QStringLiteral("SMTP_ERROR"), QStringLiteral("\"%1\" is not an e-mail address").arg(m.from), false);
    QStringList recipients;
    for (const QStringList* list : {&m.to, &m.cc, &m.bcc}) {
        for (const QString& r : *list) {
            const QString a = mailAddress(r);
            if (a.isEmpty())
                return fail(QStringLiteral("SMTP_ERROR"), QStringLiteral("\"%1\" is not an e-mail address").arg(r), false);
            recipients.append(a);
        }
    }
    if (recipients.isEmpty())
        return fail(QStringLiteral("SMTP_ERROR"), QStringLiteral("no recipients"), false);

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    CURL* c = curl.get();
    Upload upload{composeMime(m, QDateTime::currentDateTime(), QUuid::createUuid().toByteArray()), 0, s.cancel};
    const QByteArray url = QStringLiteral("%1://%2:%3").arg(s.security == SmtpSettings::Security::Tls ? QStringLiteral("smtps") : QStringLiteral("smtp"), s.host).arg(s.port).toUtf8();
    const QByteArray fromArg = "<" + from.toUtf8() + ">";
    const QByteArray user = s.user.toUtf8(), password = s.password.toUtf8(), ca = s.caFile.toLocal8Bit();
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(nullptr, curl_slist_free_all);
    for (const QString& r : recipients)
        rcpt.reset(curl_slist_append(rcpt.release(), ("<" + r.toUtf8() + ">").constData()));
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, fromArg.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, readCallback);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progressCallback);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &upload);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 30'000L);
    if (s.timeoutMs > 0)
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(s.timeoutMs));
    if (s.security == SmtpSettings::Security::StartTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!s.verifyTls) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!ca.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, ca.constData());
    const QByteArray bearer = s.bearerToken.toUtf8();
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        if (!bearer.isEmpty())
            curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, bearer.constData());
        else
            curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK)
        return {};
    if (s.cancel && s.cancel->isCancelled())
        return fail(QStringLiteral("CANCELLED"), s.cancel->timedOut() ? QStringLiteral("timed out") : QStringLiteral("cancelled"), false);
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    const QString text = *errorText ? QString::fromUtf8(errorText) : QString::fromUtf8(curl_easy_strerror(code));
    const QString detail = response > 0 ? QStringLiteral("%1 (server said %2)").arg(text).arg(response) : text;
    if (code == CURLE_LOGIN_DENIED)
        return fail(QStringLiteral("SMTP_AUTH"), QStringLiteral("login refused: %1").arg(detail), false);
    if (code == CURLE_USE_SSL_FAILED)
        return fail(QStringLiteral("SMTP_TLS"), QStringLiteral("the server offers no STARTTLS (%1)").arg(detail), false);
    // A server that answered refused something: 4xx is temporary by RFC 5321, 5xx final (an unknown mailbox).
    if (response >= 500)
        return fail(QStringLiteral("SMTP_REJECTED"), detail, false);
    if (response >= 400)
        return fail(QStringLiteral("SMTP_ERROR"), detail, true);
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING: return fail(QStringLiteral("SMTP_CONNECT"), detail, true);
    case CURLE_OPERATION_TIMEDOUT: return fail(QStringLiteral("SMTP_TIMEOUT"), detail, true);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE: return fail(QStringLiteral("SMTP_TLS"), detail, false);
    default: return fail(QStringLiteral("SMTP_ERROR"), detail, false);
    }
}

} // namespace taskloom::net
