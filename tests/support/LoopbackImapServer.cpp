#include "LoopbackImapServer.hpp"

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

/// Splits an IMAP command line into atoms and quoted strings.
QList<QByteArray> tokens(const QByteArray& line)
{
    QList<QByteArray> out;
    qsizetype i = 0;
    while (i < line.size()) {
        if (line[i] == ' ') {
            ++i;
            continue;
        }
        QByteArray t;
        if (line[i] == '"') {
            for (++i; i < line.size() && line[i] != '"'; ++i) {
                if (line[i] == '\\' && i + 1 < line.size())
                    ++i;
                t += line[i];
            }
            ++i;
        } else if (line[i] == '(') {
            const qsizetype close = line.indexOf(')', i);
            t = line.mid(i, close < 0 ? -1 : close - i + 1);
            i = close < 0 ? line.size() : close + 1;
        } else {
            while (i < line.size() && line[i] != ' ')
                t += line[i++];
        }
        out.append(t);
    }
    return out;
}

QByteArray headerOf(const QByteArray& data, const QByteArray& name)
{
    for (const QByteArray& line : data.left(data.indexOf("\r\n\r\n")).split('\n'))
        if (line.toLower().startsWith(name.toLower() + ":"))
            return line.mid(name.size() + 1).trimmed();
    return {};
}

} // namespace

LoopbackImapServer::LoopbackImapServer(QByteArray user, QByteArray password, QList<Message> messages)
    : m_user(std::move(user)), m_password(std::move(password)), m_messages(std::move(messages))
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listenFd, 16) != 0)
        throw std::runtime_error("LoopbackImapServer: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

LoopbackImapServer::~LoopbackImapServer()
{
    stop();
}

QList<LoopbackImapServer::Message> LoopbackImapServer::messages() const
{
    std::lock_guard lock(m_mutex);
    return m_messages;
}

void LoopbackImapServer::stop()
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

void LoopbackImapServer::acceptLoop()
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

void LoopbackImapServer::acceptBearer(QByteArray token)
{
    std::lock_guard lock(m_mutex);
    m_bearer = std::move(token);
}

void LoopbackImapServer::serve(int fd)
{
    QByteArray buffer, line;
    bool loggedIn = false, selected = false;
    sendAll(fd, "* OK [CAPABILITY IMAP4rev1] taskloom-test ready\r\n");
    while (readLine(fd, buffer, line)) {
        const QList<QByteArray> t = tokens(line);
        if (t.size() < 2)
            continue;
        const QByteArray tag = t[0];
        const QByteArray cmd = t[1].toUpper();
        auto ok = [&](const QByteArray& text = "completed") { sendAll(fd, tag + " OK " + text + "\r\n"); };
        auto no = [&](const QByteArray& text) { sendAll(fd, tag + " NO " + text + "\r\n"); };
        QByteArray bearer;
        {
            std::lock_guard lock(m_mutex);
            bearer = m_bearer;
        }
        if (cmd == "CAPABILITY") {
            sendAll(fd, bearer.isEmpty() ? QByteArray("* CAPABILITY IMAP4rev1\r\n") : QByteArray("* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2\r\n"));
            ok();
        } else if (cmd == "AUTHENTICATE" && t.size() >= 3 && t[2].toUpper() == "XOAUTH2" && !bearer.isEmpty()) {
            QByteArray b64 = t.size() >= 4 ? t[3] : QByteArray();
            if (b64.isEmpty()) {
                sendAll(fd, "+ \r\n");
                if (!readLine(fd, buffer, b64))
                    break;
            }
            if (QByteArray::fromBase64(b64.trimmed()) == "user=" + m_user + "\x01" "auth=Bearer " + bearer + "\x01\x01") {
                loggedIn = true;
                ok("AUTHENTICATE completed");
            } else {
                no("[AUTHENTICATIONFAILED] invalid token");
            }
        } else if (cmd == "LOGIN") {
            if (t.size() >= 4 && t[2] == m_user && t[3] == m_password) {
                loggedIn = true;
                ok("LOGIN completed");
            } else {
                no("[AUTHENTICATIONFAILED] invalid credentials");
            }
        } else if (cmd == "SELECT" || cmd == "EXAMINE") {
            if (!loggedIn) {
                sendAll(fd, tag + " BAD not logged in\r\n");
            } else if (t.size() < 3 || t[2].toUpper() != "INBOX") {
                selected = false;
                no("[NONEXISTENT] no such mailbox");
            } else {
                selected = true;
                std::lock_guard lock(m_mutex);
                sendAll(fd, "* FLAGS (\\Seen)\r\n* " + QByteArray::number(m_messages.size()) + " EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n");
                ok("[READ-WRITE] SELECT completed");
            }
        } else if (cmd == "UID" && t.size() >= 4 && selected) {
            const QByteArray sub = t[2].toUpper();
            std::unique_lock lock(m_mutex);
            if (sub == "SEARCH") {
                QByteArray hits;
                for (const Message& m : m_messages) {
                    bool match = true;
                    for (qsizetype i = 3; i < t.size(); ++i) {
                        const QByteArray key = t[i].toUpper();
                        if (key == "ALL")
                            continue;
                        if (key == "UNSEEN")
                            match &= !m.seen;
                        else if (key == "SEEN")
                            match &= m.seen;
                        else if ((key == "SUBJECT" || key == "FROM") && i + 1 < t.size())
                            match &= headerOf(m.data, key == "SUBJECT" ? "Subject" : "From").toLower().contains(t[++i].toLower());
                        else
                            match = false;
                    }
                    if (match)
                        hits += " " + QByteArray::number(m.uid);
                }
                sendAll(fd, "* SEARCH" + hits + "\r\n");
                lock.unlock();
                ok("SEARCH completed");
            } else if (sub == "FETCH") {
                const qint64 uid = t[3].toLongLong();
                const QByteArray what = t.size() > 4 ? t[4].toUpper() : QByteArray();
                for (qsizetype i = 0; i < m_messages.size(); ++i) {
                    Message& m = m_messages[i];
                    if (m.uid != uid)
                        continue;
                    if (!what.contains("PEEK"))
                        m.seen = true;
                    sendAll(fd, "* " + QByteArray::number(i + 1) + " FETCH (UID " + QByteArray::number(uid) + " BODY[] {"
                                    + QByteArray::number(m.data.size()) + "}\r\n" + m.data + ")\r\n");
                }
                lock.unlock();
                ok("FETCH completed");
            } else if (sub == "STORE" && t.size() >= 6) {
                const qint64 uid = t[3].toLongLong();
                const bool add = t[4].startsWith('+');
                for (qsizetype i = 0; i < m_messages.size(); ++i) {
                    Message& m = m_messages[i];
                    if (m.uid == uid && t[5].contains("\\Seen")) {
                        m.seen = add;
                        sendAll(fd, "* " + QByteArray::number(i + 1) + " FETCH (FLAGS (" + (add ? "\\Seen" : "") + "))\r\n");
                    }
                }
                lock.unlock();
                ok("STORE completed");
            } else {
                lock.unlock();
                sendAll(fd, tag + " BAD unsupported\r\n");
            }
        } else if (cmd == "NOOP") {
            ok();
        } else if (cmd == "LOGOUT") {
            sendAll(fd, "* BYE logging out\r\n");
            ok();
            break;
        } else {
            sendAll(fd, tag + " BAD unsupported command\r\n");
        }
    }
    ::close(fd);
    std::lock_guard lock(m_mutex);
    std::erase(m_openFds, fd);
}

} // namespace taskloom::tests
