#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>
#include <functional>
#include <optional>
#include <utility>

namespace taskloom::engine {
class CancellationToken;
class NodeError;
}

namespace taskloom::net {

using Header = std::pair<QByteArray, QByteArray>;

/// One part of a multipart/form-data body: inline data, or a file streamed from disk.
struct FormPart {
    QByteArray name;
    QByteArray data;       ///< used when filePath is empty
    QString filePath;      ///< streamed from disk when set
    QByteArray fileName;   ///< the file name sent to the server (defaults to the file's own name)
    QByteArray contentType;
};

struct HttpRequest {
    QByteArray method = "GET";
    QString url;
    QList<Header> headers;
    QByteArray body;                 ///< sent as-is (with a Content-Type header of the caller's)
    QList<FormPart> form;            ///< when not empty, a multipart/form-data body instead of `body`
    QString basicUser;               ///< HTTP basic authentication when not empty
    QString basicPassword;

    int timeoutMs = 0;               ///< the whole transfer; 0 = none (the cancellation token still applies)
    int connectTimeoutMs = 30'000;
    int lowSpeedTimeoutMs = 0;       ///< abort when fewer than 1 byte/s arrives for this long; 0 = off
    bool followRedirects = true;
    int maxRedirects = 10;
    bool verifyTls = true;
    QString caFile;                  ///< an extra CA bundle (PEM) instead of the system's
    qint64 maxResponseBytes = 256LL * 1024 * 1024; ///< refuse bodies above this (buffered mode only)

    /// Streaming: when set, body bytes go here as they arrive instead of into HttpResponse::body.
    /// Return false to stop the transfer (reported as cancelled).
    std::function<bool(const char* data, qsizetype size)> onData;
    /// Called with bytes received / expected (-1 when unknown) while the transfer runs.
    std::function<void(qint64 received, qint64 total)> onProgress;
    /// Checked several times a second; cancellation or its deadline aborts the transfer at once.
    const engine::CancellationToken* cancel = nullptr;
};

struct HttpResponse {
    int status = 0;
    QList<Header> headers;           ///< of the final response (after redirects), in order
    QByteArray body;
    QString effectiveUrl;
    double seconds = 0;

    /// The first header with this name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    bool ok() const { return status >= 200 && status < 300; }
};

struct HttpError {
    enum class Kind { Cancelled, Timeout, Resolve, Connect, Tls, TooLarge, Status, Protocol, File, Other };
    Kind kind = Kind::Other;
    QString message;                 ///< one line, names the method and URL
    bool retryable = false;
    int retryAfterMs = -1;           ///< from a Retry-After header, or -1
    int status = 0;                  ///< the HTTP status for Kind::Status
    QByteArray body;                 ///< the error response's body for Kind::Status (servers explain there)

    /// As the node error the executor understands (its retry policy reads retryable / retryAfterMs).
    engine::NodeError toNodeError() const;
};

/// Performs one request, blocking the calling thread (pool threads need no event loop). Proxies come from the
/// environment (http_proxy, https_proxy, no_proxy), as libcurl reads them. Never retries on its own: retries
/// happen in the executor, guided by HttpError::retryable and retryAfterMs.
std::expected<HttpResponse, HttpError> send(const HttpRequest& request);

/// send(), and a non-2xx status becomes an HttpError of Kind::Status (429 and 5xx retryable, with Retry-After).
std::expected<HttpResponse, HttpError> sendExpectingSuccess(const HttpRequest& request);

/// The status codes worth retrying: 408, 425, 429, 500, 502, 503, 504.
bool isRetryableStatus(int status);

/// Parses a Retry-After value (delta-seconds or an HTTP-date, relative to `nowMs` since the epoch) into
/// milliseconds to wait, clamped to [0, 1 h]; nullopt when it is neither.
std::optional<int> parseRetryAfter(QByteArrayView value, qint64 nowMs);

/// Percent-encodes a query or form component (RFC 3986 unreserved characters stay as they are).
QByteArray percentEncode(QByteArrayView text);

} // namespace taskloom::net
