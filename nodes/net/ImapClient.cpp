#include "ImapClient.hpp"

#include "engine/CancellationToken.hpp"

#include <QUrl>

#include <curl/curl.h>

#include <mutex>

namespace taskloom::net {

struct ImapSession::Handle {
    CURL* curl = nullptr;
    ~Handle()
    {
        if (curl)
            curl_easy_cleanup(curl);
    }
};

namespace {

struct Sink {
    QByteArray data;
    const engine::CancellationToken* cancel = nullptr;
    bool tooLarge = false;
};

size_t writeCallback(char* data, size_t size, size_t count, void* user)
{
    auto* s = static_cast<Sink*>(user);
    const size_t n = size * count;
    if (s->data.size() + qint64(n) > 256LL * 1024 * 1024) {
        s->tooLarge = true;
        return 0;
    }
    s->data.append(data, qsizetype(n));
    return n;
}

int progressCallback(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* s = static_cast<Sink*>(user);
    return s->cancel && s->cancel->isCancelled() ? 1 : 0;
}

} // namespace

ImapSession::ImapSession(ImapSettings settings) : m_settings(std::move(settings)), m_handle(std::make_unique<Handle>())
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

ImapSession::~ImapSession() = default;

std::expected<QByteArray, MailError> ImapSession::perform(const QString& folder, const QString& pathSuffix, const QByteArray& command)
{
    const ImapSettings& s = m_settings;
    const QString where = QStringLiteral("IMAP %1:%2").arg(s.host).arg(s.port);
    auto fail = [&](const char* code, const QString& what, bool retryable) {
        return std::unexpected(MailError{QString::fromLatin1(code), QStringLiteral("%1: %2").arg(where, what), retryable});
    };
    if (!m_handle->curl)
        m_handle->curl = curl_easy_init();
    CURL* c = m_handle->curl;
    curl_easy_reset(c); // keeps the open connection, forgets the last call's options
    const QString scheme = s.security == SmtpSettings::Security::Tls ? QStringLiteral("imaps") : QStringLiteral("imap");
    const QByteArray url = QStringLiteral("%1://%2:%3/%4%5")
                               .arg(scheme, s.host)
                               .arg(s.port)
                               .arg(QString::fromLatin1(QUrl::toPercentEncoding(folder)), pathSuffix)
                               .toUtf8();
    const QByteArray user = s.user.toUtf8(), password = s.password.toUtf8(), ca = s.caFile.toLocal8Bit();
    Sink sink{{}, s.cancel};
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, writeCallback);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progressCallback);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &sink);
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
    curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
    if (!bearer.isEmpty())
        curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, bearer.constData());
    else
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    if (!command.isEmpty())
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, command.constData());
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK)
        return sink.data;
    if (s.cancel && s.cancel->isCancelled())
        return fail("CANCELLED", s.cancel->timedOut() ? QStringLiteral("timed out") : QStringLiteral("cancelled"), false);
    const QString text = *errorText ? QString::fromUtf8(errorText) : QString::fromUtf8(curl_easy_strerror(code));
    switch (code) {
    case CURLE_LOGIN_DENIED:
        // libcurl reports a refused SELECT ("Select failed") with the login code; it is a folder problem.
        if (text.contains(QLatin1String("Select failed"), Qt::CaseInsensitive))
            return fail("IMAP_ERROR", QStringLiteral("folder \"%1\" cannot be selected (missing or not permitted)").arg(folder), false);
        return fail("IMAP_AUTH", QStringLiteral("login refused: %1").arg(text), false);
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING: return fail("IMAP_CONNECT", text, true);
    case CURLE_OPERATION_TIMEDOUT: return fail("IMAP_TIMEOUT", text, true);
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: return fail("IMAP_TLS", text, false);
    default: return fail("IMAP_ERROR", QStringLiteral("folder \"%1\": %2").arg(folder, text), false);
    }
}

std::expected<QList<qint64>, MailError> ImapSession::search(const QString& folder, const QString& criteria)
{
    QString c = criteria.simplified();
    if (c.isEmpty())
        c = QStringLiteral("ALL");
    if (c.contains(QLatin1Char('\r')) || c.contains(QLatin1Char('\n')))
        return std::unexpected(MailError{QStringLiteral("IMAP_ERROR"), QStringLiteral("search criteria cannot span lines"), false});
    auto r = perform(folder, {}, "UID SEARCH " + c.toUtf8());
    if (!r)
        return std::unexpected(r.error());
    QList<qint64> uids;
    for (const QByteArray& line : r->split('\n')) {
        const QByteArray l = line.trimmed();
        if (!l.startsWith("* SEARCH"))
            continue;
        for (const QByteArray& n : l.mid(8).simplified().split(' ')) {
            bool ok = false;
            const qint64 uid = n.toLongLong(&ok);
            if (ok)
                uids.append(uid);
        }
    }
    return uids;
}

std::expected<QByteArray, MailError> ImapSession::fetch(const QString& folder, qint64 uid)
{
    return perform(folder, QStringLiteral("/;UID=%1").arg(uid), {});
}

std::expected<void, MailError> ImapSession::setSeen(const QString& folder, qint64 uid, bool seen)
{
    auto r = perform(folder, {}, QByteArray("UID STORE ") + QByteArray::number(uid) + (seen ? " +FLAGS (\\Seen)" : " -FLAGS (\\Seen)"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace taskloom::net
