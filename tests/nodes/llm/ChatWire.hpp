#pragma once

// Chat Completions wire format for tests: replies a server would send, and reading the requests it received.

#include "LoopbackHttpServer.hpp"

#include "engine/Json.hpp"

#include <QString>

namespace taskloom::tests::chat {

using Server = LoopbackHttpServer;

inline QByteArray quoted(const QString& s)
{
    return engine::Json::serialize(engine::Value(s));
}

/// A complete (non-streamed) reply.
inline Server::Reply completion(const QString& content, int promptTokens = 12, int completionTokens = 5,
                                const QByteArray& model = "test-model")
{
    return Server::Reply::json(R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":")" + model
                               + R"(","choices":[{"index":0,"message":{"role":"assistant","content":)" + quoted(content)
                               + R"(},"finish_reason":"stop"}],"usage":{"prompt_tokens":)" + QByteArray::number(promptTokens)
                               + R"(,"completion_tokens":)" + QByteArray::number(completionTokens) + R"(,"total_tokens":)"
                               + QByteArray::number(promptTokens + completionTokens) + "}}");
}

inline QByteArray deltaEvent(const QString& text)
{
    return R"(data: {"id":"c","object":"chat.completion.chunk","model":"test-model","choices":[{"index":0,"delta":{"content":)"
           + quoted(text) + R"(},"finish_reason":null}]})" + "\n\n";
}

/// A streamed reply: one event per piece of text, a finish chunk, a usage chunk and [DONE].
inline Server::Reply streamed(const QStringList& pieces, int delayMs = 0, bool withDone = true)
{
    Server::Reply r;
    r.headers = {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}};
    r.chunks.push_back({R"(data: {"id":"c","object":"chat.completion.chunk","model":"test-model","choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]})"
                        "\n\n",
                        0});
    for (const QString& p : pieces)
        r.chunks.push_back({deltaEvent(p), delayMs});
    if (withDone) {
        r.chunks.push_back({R"(data: {"id":"c","object":"chat.completion.chunk","model":"test-model","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})"
                            "\n\n",
                            0});
        r.chunks.push_back({R"(data: {"id":"c","object":"chat.completion.chunk","model":"test-model","choices":[],"usage":{"prompt_tokens":30,"completion_tokens":7,"total_tokens":37}})"
                            "\n\ndata: [DONE]\n\n",
                            0});
    }
    return r;
}

inline Server::Reply openAiError(int status, const QByteArray& message, const QByteArray& type = "invalid_request_error")
{
    return Server::Reply::json(R"({"error":{"message":")" + message + R"(","type":")" + type + R"(","param":null,"code":null}})",
                               status);
}

/// The JSON body of a request.
inline engine::Object body(const Server::Request& r)
{
    auto v = engine::Json::parse(r.body);
    return v ? v->toObject() : engine::Object();
}

/// The content of the message with this role (the last one when several).
inline QString message(const Server::Request& r, const QString& role, int nth = -1)
{
    const engine::Array messages = body(r).value(u"messages").toArray();
    QStringList found;
    for (const engine::Value& m : messages) {
        if (m.toObject().value(u"role").toText() == role)
            found.append(m.toObject().value(u"content").toText());
    }
    if (found.isEmpty())
        return {};
    return nth < 0 ? found.last() : found.value(nth);
}

} // namespace taskloom::tests::chat
