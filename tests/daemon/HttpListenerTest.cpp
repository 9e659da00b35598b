// The guarded HTTP listener with real sockets on 127.0.0.1: size, time and connection limits, malformed requests.

#include "DaemonTestSupport.hpp"

#include "app/daemon/HttpListener.hpp"

#include <QTcpSocket>

using namespace taskloom;
using namespace taskloom::tests;
using daemon::HttpListener;
using daemon::HttpRequest;
using daemon::HttpResponse;

namespace {

class Listener : public ::testing::Test {
protected:
    void SetUp() override
    {
        HttpListener::Limits limits;
        limits.maxBodyBytes = 1000;
        limits.maxHeaderBytes = 2000;
        limits.requestTimeoutMs = 2000;
        limits.maxConnections = 3;
        listener = std::make_unique<HttpListener>(limits, [this](const HttpRequest& r) {
            ++handled;
            last = r;
            return HttpResponse::json(200, "{\"ok\": true}");
        });
        auto l = listener->listen(QHostAddress::LocalHost, 0);
        ASSERT_TRUE(l.has_value()) << l.error().toStdString();
        port = listener->port();
    }

    std::unique_ptr<HttpListener> listener;
    quint16 port = 0;
    int handled = 0;
    HttpRequest last;
};

} // namespace

TEST_F(Listener, PassesAWellFormedRequest)
{
    const Exchange e = httpSend(port, "POST /webhook/a%20b?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nX-Thing: Yes\r\n\r\nhello");
    EXPECT_EQ(e.status, 200) << e.raw.toStdString();
    EXPECT_EQ(handled, 1);
    EXPECT_EQ(last.method, QByteArray("POST"));
    EXPECT_EQ(last.path, QStringLiteral("/webhook/a b"));
    EXPECT_EQ(last.query, QStringLiteral("x=1"));
    EXPECT_EQ(last.headers.value("x-thing"), QByteArray("Yes"));
    EXPECT_EQ(last.body, QByteArray("hello"));
}

TEST_F(Listener, RefusesATooLargeBodyBeforeReadingIt)
{
    const Exchange e = httpSend(port, "POST /x HTTP/1.1\r\nContent-Length: 1001\r\n\r\n");
    EXPECT_EQ(e.status, 413) << e.raw.toStdString();
    EXPECT_TRUE(e.raw.contains("the limit is 1000")) << e.raw.toStdString();
    EXPECT_EQ(handled, 0);
}

TEST_F(Listener, RefusesATooLargeHead)
{
    const Exchange e = httpSend(port, "GET /x HTTP/1.1\r\nX-Big: " + QByteArray(3000, 'a') + "\r\n\r\n");
    EXPECT_EQ(e.status, 431) << e.raw.left(200).toStdString();
    EXPECT_EQ(handled, 0);
}

TEST_F(Listener, TimesOutASlowClient)
{
    // Promises 10 bytes, sends 2, then waits: the listener gives up after its 2 s.
    const Exchange e = httpSend(port, "POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\nab", 10000);
    EXPECT_EQ(e.status, 408) << e.raw.toStdString();
    EXPECT_EQ(handled, 0);
}

TEST_F(Listener, RefusesChunkedAndMalformedRequests)
{
    EXPECT_EQ(httpSend(port, "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").status, 411);
    EXPECT_EQ(httpSend(port, "NONSENSE\r\n\r\n").status, 400);
    EXPECT_EQ(httpSend(port, "POST /x HTTP/1.1\r\nContent-Length: -4\r\n\r\n").status, 400);
    EXPECT_EQ(httpSend(port, "POST /x HTTP/1.1\r\nbad header\r\n\r\n").status, 400);
    EXPECT_EQ(httpSend(port, "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nabcdef").status, 400);
    EXPECT_EQ(handled, 0);
}

TEST_F(Listener, LimitsOpenConnections)
{
    QList<QTcpSocket*> idle;
    for (int i = 0; i < 3; ++i) {
        auto* s = new QTcpSocket;
        s->connectToHost(QHostAddress::LocalHost, port);
        idle.append(s);
    }
    waitFor([&] { return false; }, 100); // let the listener accept them
    const Exchange e = httpSend(port, "GET /x HTTP/1.1\r\n\r\n", 2000);
    EXPECT_EQ(e.status, 503) << e.raw.toStdString();
    qDeleteAll(idle);
}

TEST(ListenerAddress, RefusesNonLoopbackAddresses)
{
    HttpListener l({}, [](const HttpRequest&) { return HttpResponse{}; });
    auto r = l.listen(QHostAddress(QStringLiteral("0.0.0.0")), 0);
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().contains(QStringLiteral("not a loopback address")));
}
