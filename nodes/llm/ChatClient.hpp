#pragma once

#include "nodes/net/HttpClient.hpp"

#include <QList>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace taskloom::engine {
class CancellationToken;
}

namespace taskloom::nodes::llm {

struct ChatMessage {
    QString role; ///< "system", "user" or "assistant"
    QString content;
};

/// Where and how to call an OpenAI-compatible Chat Completions server (OpenAI, Ollama's /v1, llama.cpp server,
/// vLLM, LM Studio).
struct ChatSettings {
    QString baseUrl;                   ///< "https://api.openai.com/v1", "http://localhost:11434/v1", ...
    QString apiKey;                    ///< sent as a bearer token when not empty
    QString model;
    std::optional<double> temperature; ///< the server's default when unset
    qint64 maxTokens = 0;              ///< 0: the server's default
    int timeoutMs = 120'000;           ///< the whole call
    int connectTimeoutMs = 15'000;
    bool stream = true;                ///< server-sent events, with progress as text arrives
    bool jsonObject = false;           ///< ask for response_format {"type": "json_object"}
};

struct ChatUsage {
    qint64 promptTokens = -1;          ///< -1: the server did not say
    qint64 completionTokens = -1;
    qint64 totalTokens = -1;
    bool known() const { return promptTokens >= 0 || completionTokens >= 0 || totalTokens >= 0; }
};

struct ChatReply {
    QString content;
    QString finishReason;              ///< "stop", "length", ... (empty when the server sent none)
    QString model;                     ///< as the server reported it
    ChatUsage usage;
    qint64 latencyMs = 0;              ///< request sent to reply complete
    qint64 firstTokenMs = -1;          ///< streaming: until the first text arrived
    bool streamed = false;
};

struct ChatCallbacks {
    const engine::CancellationToken* cancel = nullptr; ///< cancels the request at once (closes the connection)
    /// Streaming: each piece of text as it arrives, with the characters received so far.
    std::function<void(const QString& delta, qint64 totalChars)> onDelta;
};

/// One Chat Completions call per complete(): builds the request, streams or reads the reply, and reports
/// failures as net::HttpError with the provider's own message. 429, 5xx, broken connections and time-outs are
/// retryable (with the server's Retry-After); 4xx and replies in the wrong format are not. Never retries.
class ChatClient {
public:
    explicit ChatClient(ChatSettings settings) : m_settings(std::move(settings)) {}

    std::expected<ChatReply, net::HttpError> complete(const QList<ChatMessage>& messages,
                                                      const ChatCallbacks& callbacks = {}) const;

    const ChatSettings& settings() const { return m_settings; }
    /// The JSON body complete() sends.
    QByteArray requestBody(const QList<ChatMessage>& messages) const;
    /// The chat completions URL for a base URL: "…/v1" + "/chat/completions"; a bare host gets
    /// "/v1/chat/completions"; a URL already ending in "/chat/completions" is used as it is.
    static QString endpoint(const QString& baseUrl);
    /// The explanation in an error body: error.message, error (a string), message or detail; else its first line.
    static QString providerMessage(const QByteArray& body);

private:
    ChatSettings m_settings;
};

} // namespace taskloom::nodes::llm
