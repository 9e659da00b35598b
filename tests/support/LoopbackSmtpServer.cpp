#include "LoopbackSmtpServer.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

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

/// Reads one CRLF-terminated line (without the CRLF) into `line`; false when the peer is gone or silent for 10 s.
bool readLine(int fd, QByteArray& buffer, QByteArray& line)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n");
        if (end >= 0) {
            line = buffer.left(end);
            buffer.remove(0, end + 2);
            return true;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10'000) <= 0)
            return false;
        char chunk[8192];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer.append(chunk, n);
    }
}

QByteArray address(const QByteArray& arg)
{
    const qsizetype open = arg.indexOf('<');
    const qsizetype close = arg.indexOf('>', open);
    return open >= 0 && close > open ? arg.mid(open + 1, close - open - 1) : arg.trimmed();
}

} // namespace

LoopbackSmtpServer::LoopbackSmtpServer(Options options) : m_options(std::move(options))
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listenFd, 16) != 0)
        throw std::runtime_error("LoopbackSmtpServer: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

LoopbackSmtpServer::~LoopbackSmtpServer()
{
    stop();
}

QList<LoopbackSmtpServer::Message> LoopbackSmtpServer::messages() const
{
    std::lock_guard lock(m_mutex);
    return m_messages;
}

void LoopbackSmtpServer::stop()
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

void LoopbackSmtpServer::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        std::lock_guard lock(m_mutex);
        m_openFds.push_back(fd);
        m_connections.emplace_back([this, fd] { serve(fd); });
    }
}

void LoopbackSmtpServer::serve(int fd)
{
    const bool needAuth = !m_options.user.isEmpty();
    QByteArray buffer, line, user;
    Message current;
    bool authed = !needAuth;
    sendAll(fd, "220 127.0.0.1 ESMTP taskloom-test\r\n");
    while (readLine(fd, buffer, line)) {
        const QByteArray verb = line.left(line.indexOf(' ') < 0 ? line.size() : line.indexOf(' ')).toUpper();
        const QByteArray arg = line.mid(verb.size()).trimmed();
        if (verb == "EHLO") {
            sendAll(fd, !needAuth                           ? QByteArray("250-127.0.0.1\r\n250 8BITMIME\r\n")
                        : m_options.bearerToken.isEmpty() ? QByteArray("250-127.0.0.1\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n")
                                                          : QByteArray("250-127.0.0.1\r\n250-8BITMIME\r\n250 AUTH PLAIN XOAUTH2\r\n"));
        } else if (verb == "HELO") {
            sendAll(fd, "250 127.0.0.1\r\n");
        } else if (verb == "AUTH") {
            QByteArray b64 = arg.mid(arg.indexOf(' ') + 1);
            if (arg.toUpper().startsWith("XOAUTH2") && !m_options.bearerToken.isEmpty()) {
                if (arg.indexOf(' ') < 0) {
                    sendAll(fd, "334 \r\n");
                    if (!readLine(fd, buffer, b64))
                        break;
                }
                // RFC-less but documented by Google: "user=" user ^A "auth=Bearer " token ^A ^A
                if (QByteArray::fromBase64(b64) == "user=" + m_options.user + "\x01" "auth=Bearer " + m_options.bearerToken + "\x01\x01") {
                    authed = true;
                    user = m_options.user;
                    sendAll(fd, "235 2.7.0 Accepted\r\n");
                } else {
                    sendAll(fd, "535 5.7.8 Username and Password not accepted\r\n");
                }
                continue;
            }
            if (!arg.toUpper().startsWith("PLAIN")) {
                sendAll(fd, "504 only PLAIN\r\n");
                continue;
            }
            if (arg.indexOf(' ') < 0) {
                sendAll(fd, "334 \r\n");
                if (!readLine(fd, buffer, b64))
                    break;
            }
            const QList<QByteArray> parts = QByteArray::fromBase64(b64).split('\0');
            if (parts.size() == 3 && parts[1] == m_options.user && parts[2] == m_options.password) {
                authed = true;
                user = parts[1];
                sendAll(fd, "235 2.7.0 Authentication successful\r\n");
            } else {
                sendAll(fd, "535 5.7.8 Authentication credentials invalid\r\n");
            }
        } else if (verb == "MAIL") {
            if (!authed) {
                sendAll(fd, "530 5.7.0 Authentication required\r\n");
                continue;
            }
            current = Message();
            current.from = address(arg);
            sendAll(fd, "250 OK\r\n");
        } else if (verb == "RCPT") {
            const QByteArray to = address(arg);
            if (m_options.rejected.contains(to)) {
                sendAll(fd, "550 5.1.1 no such mailbox\r\n");
            } else {
                current.to.append(to);
                sendAll(fd, "250 OK\r\n");
            }
        } else if (verb == "DATA") {
            if (current.to.isEmpty()) {
                sendAll(fd, "554 no valid recipients\r\n");
                continue;
            }
            sendAll(fd, "354 End data with <CR><LF>.<CR><LF>\r\n");
            QByteArray data;
            bool complete = false;
            while (readLine(fd, buffer, line)) {
                if (line == ".") {
                    complete = true;
                    break;
                }
                data += (line.startsWith('.') ? line.mid(1) : line) + "\r\n";
            }
            if (!complete)
                break;
            current.data = data;
            current.authenticatedAs = user;
            {
                std::lock_guard lock(m_mutex);
                m_messages.append(current);
            }
            sendAll(fd, "250 OK queued\r\n");
        } else if (verb == "RSET" || verb == "NOOP") {
            sendAll(fd, "250 OK\r\n");
        } else if (verb == "QUIT") {
            sendAll(fd, "221 Bye\r\n");
            break;
        } else {
            sendAll(fd, "502 command not implemented\r\n");
        }
    }
    ::close(fd);
    std::lock_guard lock(m_mutex);
    std::erase(m_openFds, fd);
}

} // namespace taskloom::tests
