#include "LoopbackHttpServer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace taskloom::tests {

namespace {

bool sendAll(int fd, QByteArrayView bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

/// Reads until `buffer` holds `needed` bytes or the peer is gone; false on EOF / error / 10 s of silence.
bool readMore(int fd, QByteArray& buffer)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10'000) <= 0)
        return false;
    char chunk[16384];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false;
    buffer.append(chunk, n);
    return true;
}

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

void sleepMs(int ms)
{
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace

QByteArray LoopbackHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

LoopbackHttpServer::Reply LoopbackHttpServer::Reply::json(QByteArray body, int status)
{
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers.emplaceBack("Content-Type", "application/json");
    return r;
}

LoopbackHttpServer::Reply LoopbackHttpServer::Reply::text(QByteArray body, int status)
{
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
    return r;
}

LoopbackHttpServer::LoopbackHttpServer(Handler handler) : m_handler(std::move(handler))
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        throw std::runtime_error("LoopbackHttpServer: socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listenFd, 64) != 0) {
        ::close(m_listenFd);
        throw std::runtime_error("LoopbackHttpServer: cannot listen on 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    stop();
}

QByteArray LoopbackHttpServer::url(QByteArrayView path) const
{
    return "http://127.0.0.1:" + QByteArray::number(m_port) + path.toByteArray();
}

QList<LoopbackHttpServer::Request> LoopbackHttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void LoopbackHttpServer::setHandler(Handler handler)
{
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

void LoopbackHttpServer::stop()
{
    if (m_stopping.exchange(true))
        return;
    ::shutdown(m_listenFd, SHUT_RDWR);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    ::close(m_listenFd);
    std::vector<std::thread> connections;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_openFds)
            ::shutdown(fd, SHUT_RDWR);
        connections.swap(m_connections);
    }
    for (std::thread& t : connections)
        t.join();
}

void LoopbackHttpServer::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::lock_guard lock(m_mutex);
        m_openFds.push_back(fd);
        m_connections.emplace_back([this, fd] { serve(fd); });
    }
}

void LoopbackHttpServer::serve(int fd)
{
    // One request per connection ("Connection: close"): simple, and what the tests need.
    QByteArray buffer;
    Request request;
    bool complete = false;
    qsizetype headerEnd = -1;
    while (headerEnd < 0) {
        if (!readMore(fd, buffer))
            break;
        headerEnd = buffer.indexOf("\r\n\r\n");
    }
    if (headerEnd >= 0) {
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.emplaceBack(lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed());
        }
        QByteArray rest = buffer.mid(headerEnd + 4);
        if (request.header("Transfer-Encoding").contains("chunked")) {
            // De-chunk: size line, data, CRLF ... until a zero-size chunk.
            for (;;) {
                const qsizetype eol = rest.indexOf("\r\n");
                if (eol < 0) {
                    if (!readMore(fd, rest))
                        break;
                    continue;
                }
                bool ok = false;
                const qsizetype size = rest.left(eol).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok)
                    break;
                while (rest.size() < eol + 2 + size + 2) {
                    if (!readMore(fd, rest))
                        break;
                }
                if (size == 0) {
                    complete = true;
                    break;
                }
                request.body.append(rest.mid(eol + 2, size));
                rest.remove(0, eol + 2 + size + 2);
            }
        } else {
            const qsizetype length = request.header("Content-Length").toLongLong();
            while (rest.size() < length && readMore(fd, rest)) {
            }
            request.body = rest.left(length);
            complete = rest.size() >= length;
        }
    }

    if (complete) {
        Handler handler;
        {
            std::lock_guard lock(m_mutex);
            m_requests.append(request);
            handler = m_handler;
        }
        const Reply reply = handler(request);
        sleepMs(reply.delayMs);
        if (!reply.dropImmediately) {
            QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' +
                              (reply.reason.isEmpty() ? reasonFor(reply.status) : reply.reason) + "\r\n";
            for (const auto& h : reply.headers)
                head += h.first + ": " + h.second + "\r\n";
            head += "Connection: close\r\n";
            if (reply.chunks.empty()) {
                head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
                bool ok = sendAll(fd, head);
                if (ok && reply.dropAfter >= 0)
                    sendAll(fd, QByteArrayView(reply.body).first(std::min<qsizetype>(reply.dropAfter, reply.body.size())));
                else if (ok)
                    sendAll(fd, reply.body);
            } else {
                head += "Transfer-Encoding: chunked\r\n\r\n";
                bool ok = sendAll(fd, head);
                int sentPieces = 0;
                for (const Piece& piece : reply.chunks) {
                    if (!ok || m_stopping || (reply.dropAfter >= 0 && sentPieces >= reply.dropAfter))
                        break;
                    sleepMs(piece.delayMs);
                    ok = sendAll(fd, QByteArray::number(piece.bytes.size(), 16) + "\r\n" + piece.bytes + "\r\n");
                    ++sentPieces;
                }
                if (ok && reply.dropAfter < 0)
                    sendAll(fd, "0\r\n\r\n");
            }
        }
    }
    std::lock_guard lock(m_mutex);
    m_openFds.erase(std::remove(m_openFds.begin(), m_openFds.end(), fd), m_openFds.end());
    ::close(fd);
}

} // namespace taskloom::tests
