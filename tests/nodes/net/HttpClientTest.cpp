#include "nodes/net/HttpClient.hpp"

#include "LoopbackHttpServer.hpp"
#include "engine/CancellationToken.hpp"
#include "engine/NodeError.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

namespace taskloom::net {
namespace {

using Server = tests::LoopbackHttpServer;

HttpRequest get(const Server& s, QByteArrayView path)
{
    HttpRequest r;
    r.url = QString::fromUtf8(s.url(path));
    return r;
}

TEST(HttpClient, GetReturnsStatusHeadersAndBody)
{
    Server server([](const Server::Request&) {
        auto reply = Server::Reply::json(R"({"ok":true})");
        reply.headers.emplaceBack("X-Trace", "abc");
        return reply;
    });
    auto r = send(get(server, "/items?x=1"));
    ASSERT_TRUE(r.has_value()) << r.error().message.toStdString();
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, R"({"ok":true})");
    EXPECT_EQ(r->header("x-trace"), "abc");
    EXPECT_EQ(r->header("Content-Type"), "application/json");
    EXPECT_TRUE(r->header("missing").isNull());
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests()[0].method, "GET");
    EXPECT_EQ(server.requests()[0].target, "/items?x=1");
}

TEST(HttpClient, PostSendsBodyHeadersAndBasicAuth)
{
    Server server([](const Server::Request&) { return Server::Reply::text("created", 201); });
    HttpRequest r = get(server, "/things");
    r.method = "POST";
    r.body = R"({"name":"a"})";
    r.headers = {{"Content-Type", "application/json"}, {"Authorization-Extra", "1"}};
    r.basicUser = QStringLiteral("ann");
    r.basicPassword = QStringLiteral("p:ss");
    auto response = send(r);
    ASSERT_TRUE(response.has_value()) << response.error().message.toStdString();
    EXPECT_EQ(response->status, 201);
    const auto req = server.requests().value(0);
    EXPECT_EQ(req.method, "POST");
    EXPECT_EQ(req.body, R"({"name":"a"})");
    EXPECT_EQ(req.header("Content-Type"), "application/json");
    EXPECT_EQ(req.header("Authorization"), "Basic " + QByteArray("ann:p:ss").toBase64());
    EXPECT_TRUE(req.header("Expect").isNull()) << "no 100-continue round trip";
}

TEST(HttpClient, OtherMethodsAndEmptyPost)
{
    Server server([](const Server::Request&) { return Server::Reply::text("x"); });
    for (const QByteArray& method : {QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE"), QByteArray("POST")}) {
        HttpRequest r = get(server, "/m");
        r.method = method;
        r.body = method == "DELETE" || method == "POST" ? QByteArray() : QByteArray("data");
        ASSERT_TRUE(send(r).has_value()) << method.constData();
        const auto req = server.requests().last();
        EXPECT_EQ(req.method, method);
        EXPECT_EQ(req.body, r.body);
    }
    HttpRequest head = get(server, "/h");
    head.method = "HEAD";
    auto h = send(head);
    ASSERT_TRUE(h.has_value());
    EXPECT_TRUE(h->body.isEmpty());
    EXPECT_EQ(server.requests().last().method, "HEAD");
}

TEST(HttpClient, MultipartSendsFieldsAndFiles)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("file-content-123");
    }
    Server server([](const Server::Request&) { return Server::Reply::text("ok"); });
    HttpRequest r = get(server, "/upload");
    r.method = "POST";
    r.form = {FormPart{"note", "hello", {}, {}, {}}, FormPart{"doc", {}, path, {}, "text/plain"}};
    ASSERT_TRUE(send(r).has_value());
    const auto req = server.requests().value(0);
    EXPECT_TRUE(req.header("Content-Type").startsWith("multipart/form-data; boundary="));
    EXPECT_TRUE(req.body.contains("name=\"note\"\r\n\r\nhello"));
    EXPECT_TRUE(req.body.contains("name=\"doc\"; filename=\"scan.txt\""));
    EXPECT_TRUE(req.body.contains("file-content-123"));

    r.form = {FormPart{"doc", {}, dir.filePath(QStringLiteral("missing.pdf")), {}, {}}};
    auto missing = send(r);
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().kind, HttpError::Kind::File);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("missing.pdf"))) << missing.error().message.toStdString();
}

TEST(HttpClient, FollowsRedirectsAndReportsTheFinalUrl)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/old") {
            Server::Reply r;
            r.status = 302;
            r.headers.emplaceBack("Location", "/new");
            return r;
        }
        return Server::Reply::text("here");
    });
    auto r = send(get(server, "/old"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "here");
    EXPECT_TRUE(r->effectiveUrl.endsWith(QStringLiteral("/new")));

    HttpRequest noFollow = get(server, "/old");
    noFollow.followRedirects = false;
    auto n = send(noFollow);
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->status, 302);
    EXPECT_EQ(n->header("Location"), "/new");
}

TEST(HttpClient, StatusErrorsAreRetryableOnlyWhereItMakesSense)
{
    Server server([](const Server::Request& req) {
        if (req.path() == "/busy") {
            auto r = Server::Reply::json(R"({"error":"rate limited"})", 429);
            r.headers.emplaceBack("Retry-After", "7");
            return r;
        }
        if (req.path() == "/broken")
            return Server::Reply::text("database down\nmore", 500);
        return Server::Reply::text("no such thing", 404);
    });
    auto busy = sendExpectingSuccess(get(server, "/busy"));
    ASSERT_FALSE(busy.has_value());
    EXPECT_EQ(busy.error().kind, HttpError::Kind::Status);
    EXPECT_EQ(busy.error().status, 429);
    EXPECT_TRUE(busy.error().retryable);
    EXPECT_EQ(busy.error().retryAfterMs, 7000);
    EXPECT_EQ(busy.error().body, R"({"error":"rate limited"})");
    const engine::NodeError ne = busy.error().toNodeError();
    EXPECT_EQ(ne.code(), QStringLiteral("HTTP_429"));
    EXPECT_TRUE(ne.retryable());
    EXPECT_EQ(ne.retryAfterMs(), 7000);

    auto broken = sendExpectingSuccess(get(server, "/broken"));
    ASSERT_FALSE(broken.has_value());
    EXPECT_TRUE(broken.error().retryable);
    EXPECT_TRUE(broken.error().message.contains(QStringLiteral("500 (database down)"))) << broken.error().message.toStdString();

    auto missing = sendExpectingSuccess(get(server, "/nope"));
    ASSERT_FALSE(missing.has_value());
    EXPECT_FALSE(missing.error().retryable);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("GET http://127.0.0.1:"))) << "names method and URL";

    auto plain = send(get(server, "/nope"));
    ASSERT_TRUE(plain.has_value()) << "send() leaves statuses to the caller";
    EXPECT_EQ(plain->status, 404);
}

TEST(HttpClient, ConnectionRefusedIsRetryable)
{
    quint16 port = 0;
    {
        Server gone([](const Server::Request&) { return Server::Reply::text(""); });
        port = gone.port();
    }
    HttpRequest r;
    r.url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    auto e = send(r);
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().kind, HttpError::Kind::Connect);
    EXPECT_TRUE(e.error().retryable);
}

TEST(HttpClient, DroppedConnectionIsRetryable)
{
    Server server([](const Server::Request&) {
        auto r = Server::Reply::text(QByteArray(1000, 'x'));
        r.dropAfter = 100;
        return r;
    });
    auto e = send(get(server, "/"));
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().kind, HttpError::Kind::Connect);
    EXPECT_TRUE(e.error().retryable);
    EXPECT_TRUE(e.error().message.contains(QStringLiteral("broke"))) << e.error().message.toStdString();

    server.setHandler([](const Server::Request&) {
        Server::Reply r;
        r.dropImmediately = true;
        return r;
    });
    auto nothing = send(get(server, "/"));
    ASSERT_FALSE(nothing.has_value());
    EXPECT_TRUE(nothing.error().retryable);
}

TEST(HttpClient, TimeoutIsPromptAndRetryable)
{
    Server server([](const Server::Request&) {
        auto r = Server::Reply::text("late");
        r.delayMs = 1500;
        return r;
    });
    HttpRequest r = get(server, "/slow");
    r.timeoutMs = 200;
    QElapsedTimer clock;
    clock.start();
    auto e = send(r);
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().kind, HttpError::Kind::Timeout);
    EXPECT_TRUE(e.error().retryable);
    EXPECT_LT(clock.elapsed(), 2500);
}

TEST(HttpClient, CancellationStopsATransferAtOnce)
{
    Server server([](const Server::Request&) {
        Server::Reply r;
        for (int i = 0; i < 50; ++i)
            r.chunks.push_back({"piece\n", 100});
        return r;
    });
    engine::CancellationToken token;
    HttpRequest r = get(server, "/stream");
    r.cancel = &token;
    int pieces = 0;
    r.onData = [&](const char*, qsizetype) {
        if (++pieces == 2)
            token.cancel(QStringLiteral("user"));
        return true;
    };
    QElapsedTimer clock;
    clock.start();
    auto e = send(r);
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().kind, HttpError::Kind::Cancelled);
    EXPECT_LT(clock.elapsed(), 3000) << "not the 5 s the whole stream takes";

    engine::CancellationToken already;
    already.cancel();
    r.cancel = &already;
    auto before = send(r);
    ASSERT_FALSE(before.has_value());
    EXPECT_EQ(before.error().kind, HttpError::Kind::Cancelled);
}

TEST(HttpClient, StreamsPiecesAsTheyArrive)
{
    Server server([](const Server::Request&) {
        Server::Reply r;
        r.chunks = {{"data: one\n\n", 0}, {"data: two\n\n", 50}, {"data: three\n\n", 50}};
        return r;
    });
    HttpRequest r = get(server, "/events");
    QByteArray received;
    int calls = 0;
    r.onData = [&](const char* data, qsizetype size) {
        received.append(data, size);
        ++calls;
        return true;
    };
    auto response = send(r);
    ASSERT_TRUE(response.has_value()) << response.error().message.toStdString();
    EXPECT_EQ(received, "data: one\n\ndata: two\n\ndata: three\n\n");
    EXPECT_GE(calls, 2) << "delivered in pieces, not at the end";
    EXPECT_TRUE(response->body.isEmpty());

    r.onData = [](const char*, qsizetype) { return false; };
    auto stopped = send(r);
    ASSERT_FALSE(stopped.has_value());
    EXPECT_EQ(stopped.error().kind, HttpError::Kind::Cancelled);
}

TEST(HttpClient, RefusesResponsesAboveTheLimit)
{
    Server server([](const Server::Request&) { return Server::Reply::text(QByteArray(100'000, 'z')); });
    HttpRequest r = get(server, "/big");
    r.maxResponseBytes = 10'000;
    auto e = send(r);
    ASSERT_FALSE(e.has_value());
    EXPECT_EQ(e.error().kind, HttpError::Kind::TooLarge);
}

TEST(HttpClient, BadUrlsFailClearly)
{
    HttpRequest r;
    r.url = QStringLiteral("htp:/nowhere");
    auto e = send(r);
    ASSERT_FALSE(e.has_value());
    EXPECT_FALSE(e.error().retryable);
    EXPECT_TRUE(e.error().message.startsWith(QStringLiteral("GET htp:/nowhere: "))) << e.error().message.toStdString();
}

TEST(HttpClient, ParsesRetryAfter)
{
    const qint64 now = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
    EXPECT_EQ(parseRetryAfter("12", now), 12000);
    EXPECT_EQ(parseRetryAfter(" 0 ", now), 0);
    EXPECT_EQ(parseRetryAfter("999999", now), 3600 * 1000) << "clamped to an hour";
    EXPECT_EQ(parseRetryAfter("Sat, 28 Nov 2026 10:00:30 GMT", now), 30000);
    EXPECT_EQ(parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now), 0) << "a date in the past means now";
    EXPECT_EQ(parseRetryAfter("-5", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("soon", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("", now), std::nullopt);
}

TEST(HttpClient, WorksFromManyThreadsAtOnce)
{
    Server server([](const Server::Request& req) { return Server::Reply::text(req.target); });
    std::vector<std::thread> threads;
    std::atomic<int> good{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            auto r = send(get(server, "/t" + QByteArray::number(i)));
            if (r && r->body == "/t" + QByteArray::number(i))
                ++good;
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(good.load(), 8);
}

} // namespace
} // namespace taskloom::net
