#include "SessionBusProbe.hpp"

#include <QByteArray>
#include <QFileInfo>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace taskloom::vault {

namespace {

struct Endpoint {
    QByteArray path;
    bool abstract = false;

    QString describe() const { return (abstract ? QStringLiteral("@") : QString()) + QString::fromLocal8Bit(path); }
};

// D-Bus addresses escape bytes as %xx.
QByteArray unescape(const QByteArray& value)
{
    return QByteArray::fromPercentEncoding(value);
}

/// One entry of a D-Bus address list ("unix:path=/run/user/1000/bus,guid=..."): the socket to probe, or nullopt
/// for transports and forms we leave to libdbus.
std::optional<Endpoint> endpointOf(const QByteArray& entry)
{
    const qsizetype colon = entry.indexOf(':');
    if (colon < 0 || entry.left(colon) != "unix")
        return std::nullopt;
    for (const QByteArray& pair : entry.mid(colon + 1).split(',')) {
        if (pair.startsWith("path="))
            return Endpoint{unescape(pair.mid(5)), false};
        if (pair.startsWith("abstract="))
            return Endpoint{unescape(pair.mid(9)), true};
    }
    return std::nullopt;
}

class Socket {
public:
    Socket() : m_fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) { }
    ~Socket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

std::expected<void, QString> probe(const Endpoint& endpoint, QDeadlineTimer deadline)
{
    const QString where = QStringLiteral("session bus %1").arg(endpoint.describe());
    Socket socket;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::size_t offset = endpoint.abstract ? 1 : 0; // abstract names start with a NUL byte
    if (socket.fd() < 0 || std::size_t(endpoint.path.size()) + offset + 1 > sizeof(address.sun_path))
        return std::unexpected(QStringLiteral("cannot reach %1").arg(where));
    std::memcpy(address.sun_path + offset, endpoint.path.constData(), std::size_t(endpoint.path.size()));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + offset + std::size_t(endpoint.path.size())
                                  + (endpoint.abstract ? 0 : 1));
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), length) != 0) {
        // A Unix socket connects at once; EAGAIN means its queue is full, i.e. nobody accepts.
        return std::unexpected(QStringLiteral("cannot connect to %1: %2").arg(where, errnoText()));
    }
    // The protocol opens with a NUL byte; a bare AUTH makes any D-Bus server list its mechanisms straight away.
    static constexpr char hello[] = "\0AUTH\r\n";
    if (::send(socket.fd(), hello, sizeof(hello) - 1, MSG_NOSIGNAL) != qsizetype(sizeof(hello) - 1))
        return std::unexpected(QStringLiteral("cannot talk to %1: %2").arg(where, errnoText()));
    pollfd readable{socket.fd(), POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&readable, 1, int(deadline.remainingTime()));
    } while (ready < 0 && errno == EINTR);
    if (ready <= 0)
        return std::unexpected(QStringLiteral("%1 does not answer").arg(where));
    char reply[64];
    if (::recv(socket.fd(), reply, sizeof(reply), 0) <= 0)
        return std::unexpected(QStringLiteral("%1 closed the connection").arg(where));
    return {};
}

} // namespace

std::expected<void, QString> SessionBusProbe::check(QDeadlineTimer deadline)
{
    QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (address.isEmpty()) {
        // libdbus's own fallback on systemd machines.
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        if (runtime.isEmpty() || !QFileInfo::exists(QString::fromLocal8Bit(runtime + "/bus")))
            return std::unexpected(QStringLiteral("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)"));
        address = "unix:path=" + runtime + "/bus";
    }
    QString problem;
    for (const QByteArray& entry : address.split(';')) {
        if (entry.isEmpty())
            continue;
        const std::optional<Endpoint> endpoint = endpointOf(entry);
        if (!endpoint)
            return {};
        auto answered = probe(*endpoint, deadline);
        if (answered)
            return {};
        problem = answered.error();
    }
    return std::unexpected(problem.isEmpty() ? QStringLiteral("no usable session bus address") : problem);
}

} // namespace taskloom::vault
