#include "HttpListener.hpp"

#include "engine/Json.hpp"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <sys/socket.h>

namespace taskloom::daemon {

HttpResponse HttpResponse::error(int status, const QString& message)
{
    engine::Object o{{QStringLiteral("error"), message}};
    return json(status, engine::Json::serialize(engine::Value(o)) + '\n');
}

namespace {
constexpr int lingerMs = 2000;
}

struct HttpListener::Connection {
    QByteArray buffer;
    bool headDone = false;
    bool answered = false;
    qint64 bodyLength = 0;
    HttpRequest request;
    QTimer timer;
};

HttpListener::HttpListener(Limits limits, Handler handler, QObject* parent)
    : QObject(parent), m_limits(limits), m_handler(std::move(handler)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::accept);
}

HttpListener::~HttpListener()
{
    for (Connection* c : std::as_const(m_connections))
        delete c;
}

std::expected<void, QString> HttpListener::listen(const QHostAddress& address, quint16 port)
{
    if (!address.isLoopback())
        return std::unexpected(QStringLiteral("%1 is not a loopback address; the listener only accepts 127.0.0.1, "
                                              "::1 or localhost so nothing outside this machine can reach it")
                                   .arg(address.toString()));
    if (!m_server->listen(address, port))
        return std::unexpected(QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server->errorString()));
    return {};
}

quint16 HttpListener::port() const
{
    return m_server->serverPort();
}

QHostAddress HttpListener::address() const
{
    return m_server->serverAddress();
}

QByteArray HttpListener::reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return status < 300 ? "OK" : "Error";
    }
}

void HttpListener::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            respond(socket, HttpResponse::error(503, QStringLiteral("too many open connections")));
            continue;
        }
        auto* c = new Connection;
        m_connections.insert(socket, c);
        c->timer.setSingleShot(true);
        connect(&c->timer, &QTimer::timeout, socket, [this, socket] {
            respond(socket, HttpResponse::error(408, QStringLiteral("the request took longer than %1 ms").arg(m_limits.requestTimeoutMs)));
        });
        c->timer.start(m_limits.requestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_connections.take(socket);
            socket->deleteLater();
        });
        readFrom(socket);
    }
}

bool HttpListener::parseHead(Connection& c, QTcpSocket* socket)
{
    const qsizetype end = c.buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (c.buffer.size() > m_limits.maxHeaderBytes)
            respond(socket, HttpResponse::error(431, QStringLiteral("the request head is larger than %1 bytes").arg(m_limits.maxHeaderBytes)));
        return false;
    }
    if (end > m_limits.maxHeaderBytes) {
        respond(socket, HttpResponse::error(431, QStringLiteral("the request head is larger than %1 bytes").arg(m_limits.maxHeaderBytes)));
        return false;
    }
    const QList<QByteArray> lines = c.buffer.left(end).split('\n');
    c.buffer.remove(0, end + 4);
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    if (first.size() != 3 || !first[2].startsWith("HTTP/1.")) {
        respond(socket, HttpResponse::error(400, QStringLiteral("malformed request line")));
        return false;
    }
    c.request.method = first[0].toUpper();
    const QByteArray target = first[1];
    const qsizetype q = target.indexOf('?');
    c.request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    c.request.query = QString::fromUtf8(q < 0 ? QByteArray() : target.mid(q + 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            respond(socket, HttpResponse::error(400, QStringLiteral("malformed header line %1").arg(i + 1)));
            return false;
        }
        c.request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (c.request.headers.contains("transfer-encoding")) {
        respond(socket, HttpResponse::error(411, QStringLiteral("send the body with a Content-Length; chunked bodies are not accepted")));
        return false;
    }
    const QByteArray length = c.request.headers.value("content-length", "0");
    bool ok = false;
    c.bodyLength = length.toLongLong(&ok);
    if (!ok || c.bodyLength < 0) {
        respond(socket, HttpResponse::error(400, QStringLiteral("invalid Content-Length")));
        return false;
    }
    if (c.bodyLength > m_limits.maxBodyBytes) {
        respond(socket, HttpResponse::error(413, QStringLiteral("the body is %1 bytes; the limit is %2").arg(c.bodyLength).arg(m_limits.maxBodyBytes)));
        return false;
    }
    c.headDone = true;
    return true;
}

void HttpListener::readFrom(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (!c || c->answered) {
        socket->readAll(); // after the answer: drained and dropped, never buffered
        return;
    }
    // Never buffer more than the limits allow, whatever the client sends.
    const qint64 cap = m_limits.maxHeaderBytes + 4 + (c->headDone ? c->bodyLength : 0) - c->buffer.size() + 1;
    c->buffer += socket->read(std::max<qint64>(cap, 1));
    if (!c->headDone && !parseHead(*c, socket))
        return;
    if (c->buffer.size() < c->bodyLength) {
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
        return;
    }
    if (c->buffer.size() > c->bodyLength) {
        respond(socket, HttpResponse::error(400, QStringLiteral("more bytes than Content-Length")));
        return;
    }
    c->request.body = c->buffer;
    c->buffer.clear();
    respond(socket, m_handler(c->request));
}

void HttpListener::respond(QTcpSocket* socket, const HttpResponse& r)
{
    if (Connection* c = m_connections.value(socket)) {
        if (c->answered)
            return;
        c->answered = true;
        c->timer.stop();
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    if (!r.contentType.isEmpty())
        head += "Content-Type: " + r.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n\r\n";
    socket->write(head + r.body);
    // A lingering close: stop sending once the answer is out but keep reading (and dropping) until the client
    // closes. Closing with request bytes still unread (a 413 before the body, a 503 at once) would make the
    // kernel send a reset, and a reset makes the client discard the answer it already received.
    const auto shutWrite = [socket] {
        if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, shutWrite);
    socket->flush();
    shutWrite();
    QTimer::singleShot(lingerMs, socket, [this, socket] {
        socket->abort(); // a client that never closes
        delete m_connections.take(socket);
        socket->deleteLater();
    });
}

} // namespace taskloom::daemon
