#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <expected>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace taskloom::daemon {

struct HttpRequest {
    QByteArray method;
    QString path;   ///< decoded path, without the query
    QString query;  ///< the raw query string, without '?'
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;

    static HttpResponse json(int status, const QByteArray& body) { return {status, "application/json", body}; }
    /// {"error": message} with the status.
    static HttpResponse error(int status, const QString& message);
};

/// A small HTTP/1.1 server for loopback addresses only, guarded the way Qt 6.4's QHttpServer is not: a limit
/// on header and body size (413 / 431 before the body is read), on the time a client may take to send its
/// request (408), on open connections (503), no chunked bodies (411 unless Content-Length is given). One
/// request per connection; the handler answers synchronously on the listener's thread.
class HttpListener : public QObject {
public:
    struct Limits {
        int maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        int requestTimeoutMs = 10000;
        int maxConnections = 32;
    };
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    HttpListener(Limits limits, Handler handler, QObject* parent = nullptr);
    ~HttpListener() override;

    /// Listens on `address`:`port` (0: any free port). Refuses addresses that are not loopback.
    std::expected<void, QString> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    QHostAddress address() const;

    static QByteArray reason(int status);

private:
    struct Connection;
    void accept();
    void readFrom(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const HttpResponse& response);
    bool parseHead(Connection& c, QTcpSocket* socket);

    Limits m_limits;
    Handler m_handler;
    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, Connection*> m_connections;
};

} // namespace taskloom::daemon
