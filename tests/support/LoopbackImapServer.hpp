#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace taskloom::tests {

/// A real IMAP4rev1 server (RFC 3501 subset, plain text, LOGIN) on 127.0.0.1 with one mailbox, INBOX, for tests of
/// mail readers: CAPABILITY, LOGIN, SELECT / EXAMINE, UID SEARCH (ALL, SEEN, UNSEEN, SUBJECT, FROM), UID FETCH
/// BODY[] / BODY.PEEK[] (BODY[] sets \Seen, as servers do), UID STORE +/-FLAGS (\Seen), NOOP, LOGOUT.
class LoopbackImapServer {
public:
    struct Message {
        qint64 uid = 0;
        QByteArray data;
        bool seen = false;
    };

    LoopbackImapServer(QByteArray user, QByteArray password, QList<Message> messages);
    ~LoopbackImapServer();
    LoopbackImapServer(const LoopbackImapServer&) = delete;
    LoopbackImapServer& operator=(const LoopbackImapServer&) = delete;

    quint16 port() const { return m_port; }
    /// Also accept AUTHENTICATE XOAUTH2 for the user with this OAuth2 access token (advertised with SASL-IR).
    void acceptBearer(QByteArray token);
    QList<Message> messages() const;
    void stop();

private:
    void acceptLoop();
    void serve(int fd);

    QByteArray m_user, m_password, m_bearer;
    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    QList<Message> m_messages;
    std::thread m_acceptThread;
    std::vector<std::thread> m_connections;
    std::vector<int> m_openFds;
};

} // namespace taskloom::tests
