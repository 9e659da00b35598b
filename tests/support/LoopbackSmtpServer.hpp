#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace taskloom::tests {

/// A real SMTP server (RFC 5321, plain text, AUTH PLAIN) on 127.0.0.1 for tests of mail clients: it stores every
/// message it accepts. Recipients in `rejected` get 550; with `user`/`password` set, mail needs AUTH first.
class LoopbackSmtpServer {
public:
    struct Message {
        QByteArray from;            ///< the MAIL FROM address
        QList<QByteArray> to;       ///< every RCPT TO address (To, Cc and Bcc alike)
        QByteArray data;            ///< the message as received, dot-unstuffed
        QByteArray authenticatedAs; ///< the AUTH user, empty without AUTH
    };
    struct Options {
        QByteArray user;
        QByteArray password;
        QList<QByteArray> rejected;
        QByteArray bearerToken; ///< when set, AUTH XOAUTH2 with `user` and this token is accepted too
    };

    explicit LoopbackSmtpServer(Options options = {});
    ~LoopbackSmtpServer();
    LoopbackSmtpServer(const LoopbackSmtpServer&) = delete;
    LoopbackSmtpServer& operator=(const LoopbackSmtpServer&) = delete;

    quint16 port() const { return m_port; }
    QList<Message> messages() const;
    void stop();

private:
    void acceptLoop();
    void serve(int fd);

    Options m_options;
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
