#include "HttpClient.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/NodeError.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace taskloom::net {

namespace {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    const HttpRequest& request;
    HttpResponse response;
    bool stoppedByCallback = false;  ///< onData returned false
    bool tooLarge = false;
};

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    QByteArrayView line(data, qsizetype(n));
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    if (line.startsWith("HTTP/")) {
        // A new response begins (after a redirect or a 100 Continue): only the last one's headers count.
        t->response.headers.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->response.headers.emplaceBack(line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).trimmed().toByteArray());
    return n;
}

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t->request.onData) {
        if (!t->request.onData(data, qsizetype(n))) {
            t->stoppedByCallback = true;
            return 0;
        }
        return n;
    }
    if (t->request.maxResponseBytes > 0 && t->response.body.size() + qint64(n) > t->request.maxResponseBytes) {
        t->tooLarge = true;
        return 0;
    }
    t->response.body.append(data, qsizetype(n));
    return n;
}

int onTransferInfo(void* user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t, curl_off_t)
{
    auto* t = static_cast<Transfer*>(user);
    if (t->request.cancel && t->request.cancel->isCancelled())
        return 1;
    if (t->request.onProgress)
        t->request.onProgress(qint64(dlnow), dltotal > 0 ? qint64(dltotal) : -1);
    return 0;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
    void operator()(curl_mime* m) const { curl_mime_free(m); }
};

HttpError makeError(const HttpRequest& r, HttpError::Kind kind, const QString& what, bool retryable)
{
    HttpError e;
    e.kind = kind;
    e.retryable = retryable;
    e.message = QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(r.method), r.url, what);
    return e;
}

HttpError transportError(const HttpRequest& r, CURLcode code, const char* detail)
{
    using K = HttpError::Kind;
    const QString text = detail && *detail ? QString::fromUtf8(detail) : QString::fromUtf8(curl_easy_strerror(code));
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return makeError(r, K::Timeout, text, true);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return makeError(r, K::Resolve, text, true);
    case CURLE_COULDNT_CONNECT:
        return makeError(r, K::Connect, text, true);
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return makeError(r, K::Connect, QStringLiteral("the connection broke: %1").arg(text), true);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
        return makeError(r, K::Tls, text, false);
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return makeError(r, K::Other, QStringLiteral("not a usable URL (%1)").arg(text), false);
    case CURLE_TOO_MANY_REDIRECTS:
        return makeError(r, K::Protocol, text, false);
    case CURLE_READ_ERROR:
        return makeError(r, K::File, QStringLiteral("could not read the request body: %1").arg(text), false);
    default:
        return makeError(r, K::Other, text, false);
    }
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const Header& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

engine::NodeError HttpError::toNodeError() const
{
    QString code;
    switch (kind) {
    case Kind::Cancelled: code = QStringLiteral("CANCELLED"); break;
    case Kind::Timeout: code = QStringLiteral("HTTP_TIMEOUT"); break;
    case Kind::Resolve: code = QStringLiteral("HTTP_RESOLVE"); break;
    case Kind::Connect: code = QStringLiteral("HTTP_CONNECT"); break;
    case Kind::Tls: code = QStringLiteral("HTTP_TLS"); break;
    case Kind::TooLarge: code = QStringLiteral("HTTP_TOO_LARGE"); break;
    case Kind::Status: code = QStringLiteral("HTTP_%1").arg(status); break;
    case Kind::Protocol: code = QStringLiteral("HTTP_PROTOCOL"); break;
    case Kind::File: code = QStringLiteral("FILE_NOT_READABLE"); break;
    case Kind::Other: code = QStringLiteral("HTTP_ERROR"); break;
    }
    return engine::NodeError(code, message, retryable ? engine::NodeError::Retry::Yes : engine::NodeError::Retry::No,
                             retryAfterMs);
}

std::expected<HttpResponse, HttpError> send(const HttpRequest& r)
{
    using K = HttpError::Kind;
    initialiseCurlOnce();
    if (r.cancel && r.cancel->isCancelled())
        return std::unexpected(makeError(r, K::Cancelled, QStringLiteral("cancelled"), false));

    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return std::unexpected(makeError(r, K::Other, QStringLiteral("libcurl could not start a transfer"), false));
    CURL* c = curl.get();
    Transfer t{r, {}};
    char errorText[CURL_ERROR_SIZE] = {};
    const QByteArray url = r.url.toUtf8();
    const QByteArray caFile = r.caFile.toLocal8Bit();
    const QByteArray user = r.basicUser.toUtf8();
    const QByteArray password = r.basicPassword.toUtf8();

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onTransferInfo);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, r.followRedirects ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, long(r.maxRedirects));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(r.connectTimeoutMs));
    if (r.timeoutMs > 0)
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(r.timeoutMs));
    if (r.lowSpeedTimeoutMs > 0) {
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, long((r.lowSpeedTimeoutMs + 999) / 1000));
    }
    if (!r.verifyTls) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }

    std::unique_ptr<curl_slist, CurlDeleter> headerList;
    QList<QByteArray> headerLines;
    for (const Header& h : r.headers)
        headerLines.append(h.first + ": " + h.second);
    // libcurl otherwise waits up to a second for "100 Continue" before sending a large body.
    headerLines.append("Expect:");
    for (const QByteArray& line : headerLines)
        headerList.reset(curl_slist_append(headerList.release(), line.constData()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headerList.get());

    std::unique_ptr<curl_mime, CurlDeleter> mime;
    if (!r.form.isEmpty()) {
        mime.reset(curl_mime_init(c));
        for (const FormPart& p : r.form) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, p.name.constData());
            if (!p.filePath.isEmpty()) {
                const QFileInfo info(p.filePath);
                if (!info.isFile() || !info.isReadable())
                    return std::unexpected(makeError(r, K::File, QStringLiteral("form field \"%1\": cannot read file \"%2\"")
                                                                     .arg(QString::fromUtf8(p.name), p.filePath), false));
                curl_mime_filedata(part, QFile::encodeName(p.filePath).constData());
                const QByteArray fileName = p.fileName.isEmpty() ? info.fileName().toUtf8() : p.fileName;
                curl_mime_filename(part, fileName.constData());
            } else {
                curl_mime_data(part, p.data.constData(), size_t(p.data.size()));
                if (!p.fileName.isEmpty())
                    curl_mime_filename(part, p.fileName.constData());
            }
            if (!p.contentType.isEmpty())
                curl_mime_type(part, p.contentType.constData());
        }
        curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
        if (r.method != "POST")
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method.constData());
    } else if (r.method == "HEAD") {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (r.method == "GET" && r.body.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        if (r.method != "POST")
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method.constData());
        if (!r.body.isEmpty() || r.method == "POST") {
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(r.body.size()));
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.constData());
        }
    }

    QElapsedTimer clock;
    clock.start();
    const CURLcode code = curl_easy_perform(c);
    t.response.seconds = double(clock.nsecsElapsed()) / 1e9;

    if (code != CURLE_OK) {
        if (r.cancel && r.cancel->isCancelled())
            return std::unexpected(makeError(r, K::Cancelled, r.cancel->timedOut() ? QStringLiteral("timed out")
                                                                                  : QStringLiteral("cancelled"), false));
        if (t.stoppedByCallback)
            return std::unexpected(makeError(r, K::Cancelled, QStringLiteral("stopped by the receiver"), false));
        if (t.tooLarge)
            return std::unexpected(makeError(r, K::TooLarge, QStringLiteral("the response is larger than %1 bytes")
                                                                 .arg(r.maxResponseBytes), false));
        return std::unexpected(transportError(r, code, errorText));
    }

    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    t.response.status = int(status);
    char* effective = nullptr;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
    t.response.effectiveUrl = effective ? QString::fromUtf8(effective) : r.url;
    return std::move(t.response);
}

std::expected<HttpResponse, HttpError> sendExpectingSuccess(const HttpRequest& request)
{
    auto response = send(request);
    if (!response || response->ok())
        return response;
    HttpError e = makeError(request, HttpError::Kind::Status,
                            QStringLiteral("the server answered %1").arg(response->status), isRetryableStatus(response->status));
    e.status = response->status;
    e.body = response->body;
    if (const QByteArray after = response->header("Retry-After"); !after.isNull())
        e.retryAfterMs = parseRetryAfter(after, QDateTime::currentMSecsSinceEpoch()).value_or(-1);
    // Servers explain a refusal in the body; the first line of it makes the message useful.
    const QByteArray firstLine = response->body.left(200).split('\n').value(0).trimmed();
    if (!firstLine.isEmpty())
        e.message += QStringLiteral(" (%1)").arg(QString::fromUtf8(firstLine));
    return std::unexpected(std::move(e));
}

bool isRetryableStatus(int status)
{
    switch (status) {
    case 408: case 425: case 429: case 500: case 502: case 503: case 504:
        return true;
    default:
        return false;
    }
}

std::optional<int> parseRetryAfter(QByteArrayView value, qint64 nowMs)
{
    constexpr qint64 maxMs = 3600LL * 1000;
    const QByteArray text = value.trimmed().toByteArray();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min(seconds * 1000, maxMs)));
    // An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); Qt 6.4 reads the zone only as a numeric offset.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp(when.toMSecsSinceEpoch() - nowMs, qint64(0), maxMs));
}

QByteArray percentEncode(QByteArrayView text)
{
    return text.toByteArray().toPercentEncoding();
}

} // namespace taskloom::net
