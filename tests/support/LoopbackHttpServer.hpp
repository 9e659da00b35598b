#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace taskloom::tests {

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests of network clients: each request goes to a
/// handler that scripts the reply, including slow, streamed, chunked and dropped responses. Plain sockets and
/// threads, no event loop, so clients under test may block the test thread.
class LoopbackHttpServer {
public:
    struct Request {
        QByteArray method;
        QByteArray target;                  ///< path and query, as sent
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;                    ///< de-chunked

        QByteArray header(QByteArrayView name) const;
        QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
    };

    struct Piece {
        QByteArray bytes;
        int delayMs = 0;                    ///< waited before sending these bytes
    };

    struct Reply {
        int status = 200;
        QByteArray reason;                  ///< defaults to a standard phrase
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;                    ///< before anything is sent
        /// When not empty, the body is sent as these pieces with chunked encoding (streaming), `body` ignored.
        std::vector<Piece> chunks;
        /// Close the connection after sending this many body bytes (or pieces, when chunked), without finishing.
        int dropAfter = -1;
        /// Close the connection without answering at all.
        bool dropImmediately = false;

        static Reply json(QByteArray body, int status = 200);
        static Reply text(QByteArray body, int status = 200);
    };

    using Handler = std::function<Reply(const Request&)>;

    explicit LoopbackHttpServer(Handler handler);
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:PORT" followed by `path`.
    QByteArray url(QByteArrayView path = "/") const;
    /// Every request received so far, in arrival order.
    QList<Request> requests() const;
    /// Replace the handler (takes effect for the next request).
    void setHandler(Handler handler);
    void stop();

private:
    void acceptLoop();
    void serve(int fd);

    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    Handler m_handler;
    QList<Request> m_requests;
    std::thread m_acceptThread;
    std::vector<std::thread> m_connections;
    std::vector<int> m_openFds;
};

} // namespace taskloom::tests
