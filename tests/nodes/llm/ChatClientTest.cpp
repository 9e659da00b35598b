#include "nodes/llm/ChatClient.hpp"
#include "nodes/llm/SseParser.hpp"

#include "ChatWire.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/NodeError.hpp"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <thread>

namespace taskloom::nodes::llm {
namespace {

using tests::chat::Server;
namespace chat = tests::chat;
using net::HttpError;

ChatSettings settingsFor(const Server& server, bool stream = false)
{
    ChatSettings s;
    s.baseUrl = QString::fromUtf8(server.url("/v1"));
    s.apiKey = QStringLiteral("sk-test-123");
    s.model = QStringLiteral("test-model");
    s.stream = stream;
    s.timeoutMs = 20000;
    return s;
}

const QList<ChatMessage> hello = {{QStringLiteral("system"), QStringLiteral("Be brief.")},
                                  {QStringLiteral("user"), QStringLiteral("Say hello")}};

TEST(ChatClient, EndpointJoinsTheBaseUrl)
{
    EXPECT_EQ(ChatClient::endpoint(QStringLiteral("https://api.openai.com/v1")), QStringLiteral("https://api.openai.com/v1/chat/completions"));
    EXPECT_EQ(ChatClient::endpoint(QStringLiteral("http://localhost:11434/v1/")), QStringLiteral("http://localhost:11434/v1/chat/completions"));
    EXPECT_EQ(ChatClient::endpoint(QStringLiteral("http://localhost:8080")), QStringLiteral("http://localhost:8080/v1/chat/completions"));
    EXPECT_EQ(ChatClient::endpoint(QStringLiteral("http://h/openai/deployments/x/chat/completions")),
              QStringLiteral("http://h/openai/deployments/x/chat/completions"));
    EXPECT_EQ(ChatClient::endpoint(QStringLiteral("http://h/api/v2")), QStringLiteral("http://h/api/v2/chat/completions"));
}

TEST(ChatClient, SendsWhatTheApiSpecifiesAndReadsTheReply)
{
    Server server([](const Server::Request&) { return chat::completion(QStringLiteral("Hello!"), 21, 3); });
    ChatSettings s = settingsFor(server);
    s.temperature = 0.3;
    s.maxTokens = 64;
    auto reply = ChatClient(s).complete(hello);
    ASSERT_TRUE(reply.has_value()) << reply.error().message.toStdString();
    EXPECT_EQ(reply->content, QStringLiteral("Hello!"));
    EXPECT_EQ(reply->finishReason, QStringLiteral("stop"));
    EXPECT_EQ(reply->model, QStringLiteral("test-model"));
    EXPECT_EQ(reply->usage.promptTokens, 21);
    EXPECT_EQ(reply->usage.completionTokens, 3);
    EXPECT_EQ(reply->usage.totalTokens, 24);
    EXPECT_FALSE(reply->streamed);
    EXPECT_GE(reply->latencyMs, 0);

    ASSERT_EQ(server.requests().size(), 1);
    const Server::Request r = server.requests()[0];
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.path(), "/v1/chat/completions");
    EXPECT_EQ(r.header("Authorization"), "Bearer sk-test-123");
    EXPECT_EQ(r.header("Content-Type"), "application/json");
    const engine::Object body = chat::body(r);
    EXPECT_EQ(body.keys(), (QStringList{"model", "messages", "temperature", "max_tokens", "stream"}));
    EXPECT_EQ(body.value(u"model").toText(), QStringLiteral("test-model"));
    EXPECT_DOUBLE_EQ(body.value(u"temperature").toDouble(), 0.3);
    EXPECT_EQ(body.value(u"max_tokens").toInt(), 64);
    EXPECT_FALSE(body.value(u"stream").toBool(true));
    EXPECT_EQ(QString::fromUtf8(engine::Json::serialize(body.value(u"messages"))),
              QStringLiteral(R"([{"role":"system","content":"Be brief."},{"role":"user","content":"Say hello"}])"));
}

TEST(ChatClient, NoKeyNoAuthorizationHeaderAndServerDefaultsOmitted)
{
    Server server([](const Server::Request&) { return chat::completion(QStringLiteral("ok")); });
    ChatSettings s = settingsFor(server);
    s.apiKey.clear();
    s.jsonObject = true;
    ASSERT_TRUE(ChatClient(s).complete(hello).has_value());
    const Server::Request r = server.requests()[0];
    EXPECT_TRUE(r.header("Authorization").isNull());
    const engine::Object body = chat::body(r);
    EXPECT_FALSE(body.contains(u"temperature"));
    EXPECT_FALSE(body.contains(u"max_tokens"));
    EXPECT_EQ(body.value(u"response_format").toObject().value(u"type").toText(), QStringLiteral("json_object"));
}

TEST(ChatClient, StreamsDeltasInOrderWithUsage)
{
    Server server([](const Server::Request&) {
        return chat::streamed({QStringLiteral("Hel"), QStringLiteral("lo, "), QStringLiteral("wörld"), QStringLiteral("!")}, 30);
    });
    QStringList deltas;
    QList<qint64> totals;
    ChatCallbacks cb;
    cb.onDelta = [&](const QString& d, qint64 total) {
        deltas.append(d);
        totals.append(total);
    };
    auto reply = ChatClient(settingsFor(server, true)).complete(hello, cb);
    ASSERT_TRUE(reply.has_value()) << reply.error().message.toStdString();
    EXPECT_EQ(reply->content, QStringLiteral("Hello, wörld!"));
    EXPECT_EQ(deltas, (QStringList{"Hel", "lo, ", "wörld", "!"}));
    EXPECT_EQ(totals, (QList<qint64>{3, 7, 12, 13}));
    EXPECT_TRUE(reply->streamed);
    EXPECT_EQ(reply->finishReason, QStringLiteral("stop"));
    EXPECT_EQ(reply->usage.totalTokens, 37);
    EXPECT_GE(reply->firstTokenMs, 0);
    EXPECT_GE(reply->latencyMs, reply->firstTokenMs);
    const engine::Object body = chat::body(server.requests()[0]);
    EXPECT_TRUE(body.value(u"stream").toBool());
    EXPECT_TRUE(body.value(u"stream_options").toObject().value(u"include_usage").toBool());
    EXPECT_EQ(server.requests()[0].header("Accept"), "text/event-stream");
}

TEST(ChatClient, StreamRequestAnsweredWithPlainJsonStillWorks)
{
    // Some servers ignore "stream": true and answer in one piece.
    Server server([](const Server::Request&) { return chat::completion(QStringLiteral("whole")); });
    auto reply = ChatClient(settingsFor(server, true)).complete(hello);
    ASSERT_TRUE(reply.has_value()) << reply.error().message.toStdString();
    EXPECT_EQ(reply->content, QStringLiteral("whole"));
}

TEST(ChatClient, RateLimitIsRetryableWithRetryAfter)
{
    Server server([](const Server::Request&) {
        auto r = chat::openAiError(429, "Rate limit reached for test-model", "requests");
        r.headers.emplaceBack("Retry-After", "2");
        return r;
    });
    auto reply = ChatClient(settingsFor(server)).complete(hello);
    ASSERT_FALSE(reply.has_value());
    EXPECT_EQ(reply.error().kind, HttpError::Kind::Status);
    EXPECT_EQ(reply.error().status, 429);
    EXPECT_TRUE(reply.error().retryable);
    EXPECT_EQ(reply.error().retryAfterMs, 2000);
    EXPECT_TRUE(reply.error().message.contains(QStringLiteral("429: Rate limit reached for test-model"))) << reply.error().message.toStdString();
    const engine::NodeError e = reply.error().toNodeError();
    EXPECT_EQ(e.code(), QStringLiteral("HTTP_429"));
    EXPECT_TRUE(e.retryable());
    EXPECT_EQ(e.retryAfterMs(), 2000);
}

TEST(ChatClient, ServerErrorsRetryableClientErrorsNotAndCarryTheProviderMessage)
{
    struct Case {
        Server::Reply reply;
        int status;
        bool retryable;
        QString message;
    };
    const std::vector<Case> cases = {
        {chat::openAiError(500, "The server had an error while processing your request.", "server_error"), 500, true,
         QStringLiteral("The server had an error while processing your request.")},
        {Server::Reply::text("upstream unavailable", 503), 503, true, QStringLiteral("upstream unavailable")},
        {chat::openAiError(401, "Incorrect API key provided: sk-test-123.", "invalid_api_key"), 401, false,
         QStringLiteral("Incorrect API key provided")},
        {chat::openAiError(404, "The model `no-such-model` does not exist", "model_not_found"), 404, false,
         QStringLiteral("The model `no-such-model` does not exist")},
        // Ollama's shape: {"error": "..."}
        {Server::Reply::json(R"({"error":"model \"llama9\" not found, try pulling it first"})", 404), 404, false,
         QStringLiteral("model \"llama9\" not found, try pulling it first")},
        {Server::Reply::json(R"({"detail":"Invalid request: temperature must be <= 2"})", 400), 400, false,
         QStringLiteral("temperature must be <= 2")},
    };
    for (const Case& c : cases) {
        Server server([&c](const Server::Request&) { return c.reply; });
        for (bool stream : {false, true}) {
            auto reply = ChatClient(settingsFor(server, stream)).complete(hello);
            ASSERT_FALSE(reply.has_value());
            EXPECT_EQ(reply.error().status, c.status);
            EXPECT_EQ(reply.error().retryable, c.retryable) << c.status;
            EXPECT_TRUE(reply.error().message.contains(c.message)) << reply.error().message.toStdString();
            EXPECT_TRUE(reply.error().message.contains(QString::fromUtf8(server.url("/v1/chat/completions"))));
            EXPECT_EQ(reply.error().toNodeError().code(), QStringLiteral("HTTP_%1").arg(c.status));
        }
    }
}

TEST(ChatClient, MalformedRepliesAreClearErrors)
{
    {
        Server server([](const Server::Request&) { return Server::Reply::json(R"({"choices":[{"message":)"); });
        auto reply = ChatClient(settingsFor(server)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_EQ(reply.error().kind, HttpError::Kind::Protocol);
        EXPECT_TRUE(reply.error().retryable) << "truncated JSON may succeed next time";
        EXPECT_TRUE(reply.error().message.contains(QStringLiteral("not JSON"))) << reply.error().message.toStdString();
    }
    {
        Server server([](const Server::Request&) { return Server::Reply::text("<html><body>Welcome to nginx</body></html>"); });
        auto reply = ChatClient(settingsFor(server)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_FALSE(reply.error().retryable) << "a web page will not turn into an API";
        EXPECT_TRUE(reply.error().message.contains(QStringLiteral("base URL"))) << reply.error().message.toStdString();
    }
    {
        Server server([](const Server::Request&) { return Server::Reply::json(R"({"object":"list","data":[]})"); });
        auto reply = ChatClient(settingsFor(server)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_TRUE(reply.error().message.contains(QStringLiteral("no \"choices\""))) << reply.error().message.toStdString();
    }
    {
        Server server([](const Server::Request&) {
            auto r = chat::streamed({QStringLiteral("a")});
            r.chunks.insert(r.chunks.begin() + 2, Server::Piece{"data: {not json\n\n", 0});
            return r;
        });
        auto reply = ChatClient(settingsFor(server, true)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_EQ(reply.error().kind, HttpError::Kind::Protocol);
        EXPECT_TRUE(reply.error().message.contains(QStringLiteral("malformed stream"))) << reply.error().message.toStdString();
    }
    {
        Server server([](const Server::Request&) {
            Server::Reply r;
            r.headers = {{"Content-Type", "text/event-stream"}};
            r.chunks = {{R"(data: {"error":{"message":"context length exceeded","type":"invalid_request_error"}})" "\n\n", 0}};
            return r;
        });
        auto reply = ChatClient(settingsFor(server, true)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_FALSE(reply.error().retryable);
        EXPECT_TRUE(reply.error().message.contains(QStringLiteral("context length exceeded"))) << reply.error().message.toStdString();
    }
}

TEST(ChatClient, StreamCutShortIsRetryable)
{
    // The server closes the stream cleanly, but before [DONE] or any finish reason.
    Server server([](const Server::Request&) { return chat::streamed({QStringLiteral("par"), QStringLiteral("tial")}, 0, false); });
    auto reply = ChatClient(settingsFor(server, true)).complete(hello);
    ASSERT_FALSE(reply.has_value());
    EXPECT_TRUE(reply.error().retryable);
    EXPECT_TRUE(reply.error().message.contains(QStringLiteral("ended before"))) << reply.error().message.toStdString();
}

TEST(ChatClient, DroppedConnectionsAreRetryable)
{
    {
        Server server([](const Server::Request&) {
            auto r = chat::streamed({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
            r.dropAfter = 2;
            return r;
        });
        auto reply = ChatClient(settingsFor(server, true)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_TRUE(reply.error().retryable) << reply.error().message.toStdString();
    }
    {
        Server server([](const Server::Request&) {
            Server::Reply r;
            r.dropImmediately = true;
            return r;
        });
        auto reply = ChatClient(settingsFor(server)).complete(hello);
        ASSERT_FALSE(reply.has_value());
        EXPECT_TRUE(reply.error().retryable) << reply.error().message.toStdString();
        EXPECT_EQ(reply.error().toNodeError().code(), QStringLiteral("HTTP_CONNECT"));
    }
}

TEST(ChatClient, UnreachableServerIsAConnectError)
{
    quint16 port = 0;
    {
        Server server([](const Server::Request&) { return Server::Reply::text("x"); });
        port = server.port();
    } // stopped: nothing listens there now
    ChatSettings s;
    s.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
    s.model = QStringLiteral("m");
    auto reply = ChatClient(s).complete(hello);
    ASSERT_FALSE(reply.has_value());
    EXPECT_EQ(reply.error().kind, HttpError::Kind::Connect);
    EXPECT_TRUE(reply.error().message.contains(s.baseUrl)) << reply.error().message.toStdString();
}

TEST(ChatClient, SlowServerTimesOut)
{
    Server server([](const Server::Request&) {
        auto r = chat::completion(QStringLiteral("late"));
        r.delayMs = 5000;
        return r;
    });
    ChatSettings s = settingsFor(server);
    s.timeoutMs = 400;
    QElapsedTimer t;
    t.start();
    auto reply = ChatClient(s).complete(hello);
    ASSERT_FALSE(reply.has_value());
    EXPECT_EQ(reply.error().kind, HttpError::Kind::Timeout);
    EXPECT_TRUE(reply.error().retryable);
    EXPECT_LT(t.elapsed(), 4000);
}

TEST(ChatClient, SlowButSteadyStreamCompletes)
{
    Server server([](const Server::Request&) {
        auto r = chat::streamed({QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")}, 250);
        r.delayMs = 200;
        return r;
    });
    auto reply = ChatClient(settingsFor(server, true)).complete(hello);
    ASSERT_TRUE(reply.has_value()) << reply.error().message.toStdString();
    EXPECT_EQ(reply->content, QStringLiteral("one two three"));
    EXPECT_GE(reply->firstTokenMs, 200);
}

TEST(ChatClient, CancellationClosesTheRequestAtOnce)
{
    Server server([](const Server::Request&) {
        auto r = chat::streamed({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, 3000);
        return r;
    });
    engine::CancellationToken token;
    ChatCallbacks cb;
    cb.cancel = &token;
    std::thread canceller([&token] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        token.cancel(QStringLiteral("stop"));
    });
    QElapsedTimer t;
    t.start();
    auto reply = ChatClient(settingsFor(server, true)).complete(hello, cb);
    canceller.join();
    ASSERT_FALSE(reply.has_value());
    EXPECT_EQ(reply.error().kind, HttpError::Kind::Cancelled);
    EXPECT_FALSE(reply.error().retryable);
    EXPECT_LT(t.elapsed(), 2500) << "the 3 s pieces were not waited for";
}

TEST(SseParser, LinesEventsAndSplits)
{
    SseParser p;
    p.feed(": keep-alive\r\n\r\ndata: {\"a\"");
    EXPECT_TRUE(p.take().isEmpty());
    p.feed(":1}\r\n\r\nevent: ping\ndata: x\ndata: y\n\ndata:no-space\r");
    p.feed("\r");
    const auto events = p.take();
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[0].data, "{\"a\":1}");
    EXPECT_EQ(events[1].event, "ping");
    EXPECT_EQ(events[1].data, "x\ny");
    EXPECT_EQ(events[2].data, "no-space");
}

} // namespace
} // namespace taskloom::nodes::llm
