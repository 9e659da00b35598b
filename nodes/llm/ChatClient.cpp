#include "ChatClient.hpp"

#include "SseParser.hpp"

#include "engine/Json.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QUrl>

namespace taskloom::nodes::llm {

using engine::Array;
using engine::Json;
using engine::Object;
using engine::Value;
using net::HttpError;

namespace {

constexpr qsizetype maxRawBytes = 8 * 1024 * 1024;

HttpError error(const QString& url, HttpError::Kind kind, const QString& what, bool retryable)
{
    HttpError e;
    e.kind = kind;
    e.retryable = retryable;
    e.message = QStringLiteral("POST %1: %2").arg(url, what);
    return e;
}

qint64 intOr(const Value& v, qint64 fallback)
{
    return v.type() == Value::Type::Int || v.type() == Value::Type::Double ? v.toInt() : fallback;
}

ChatUsage usageOf(const Value& v)
{
    const Object u = v.toObject();
    ChatUsage usage;
    usage.promptTokens = intOr(u.value(u"prompt_tokens"), -1);
    usage.completionTokens = intOr(u.value(u"completion_tokens"), -1);
    usage.totalTokens = intOr(u.value(u"total_tokens"), -1);
    if (usage.totalTokens < 0 && usage.promptTokens >= 0 && usage.completionTokens >= 0)
        usage.totalTokens = usage.promptTokens + usage.completionTokens;
    return usage;
}

// Accumulates a streamed reply from its chunks.
struct StreamState {
    SseParser parser;
    ChatReply reply;
    bool done = false;
    bool sawChunk = false;
    QString streamError;  ///< an {"error": ...} object sent inside the stream
    QString malformed;    ///< the first chunk that was not JSON
    QByteArray raw;       ///< the body as received (capped), for error replies and non-streamed answers
    qint64 rawTotal = 0;
    QElapsedTimer* clock = nullptr;
    const ChatCallbacks* callbacks = nullptr;

    void consume(const SseParser::Event& event)
    {
        if (event.data.trimmed() == "[DONE]") {
            done = true;
            return;
        }
        auto parsed = Json::parse(event.data);
        if (!parsed || parsed->type() != Value::Type::Object) {
            if (malformed.isEmpty())
                malformed = parsed ? QStringLiteral("a chunk is not a JSON object")
                                   : QStringLiteral("a chunk is not JSON (%1)").arg(parsed.error().toString());
            return;
        }
        const Object chunk = parsed->toObject();
        if (const Value* e = chunk.find(u"error")) {
            streamError = ChatClient::providerMessage(Json::serialize(Value(Object{{QStringLiteral("error"), *e}})));
            return;
        }
        sawChunk = true;
        if (const Value* m = chunk.find(u"model"); m && reply.model.isEmpty())
            reply.model = m->toText();
        if (const Value* u = chunk.find(u"usage"); u && u->type() == Value::Type::Object)
            reply.usage = usageOf(*u);
        const Array choices = chunk.value(u"choices").toArray();
        if (choices.isEmpty())
            return;
        const Object choice = choices.at(0).toObject();
        const QString delta = choice.value(u"delta").toObject().value(u"content").toText();
        if (!delta.isEmpty()) {
            if (reply.firstTokenMs < 0)
                reply.firstTokenMs = clock->elapsed();
            reply.content += delta;
            if (callbacks->onDelta)
                callbacks->onDelta(delta, reply.content.size());
        }
        if (const Value& f = choice.value(u"finish_reason"); f.type() == Value::Type::String)
            reply.finishReason = f.toString();
    }

    bool onData(const char* data, qsizetype size)
    {
        rawTotal += size;
        if (raw.size() < maxRawBytes)
            raw.append(data, std::min(size, maxRawBytes - raw.size()));
        parser.feed(QByteArrayView(data, size));
        for (const SseParser::Event& e : parser.take())
            consume(e);
        return true;
    }
};

// A complete (non-streamed) Chat Completions JSON reply.
std::expected<ChatReply, QString> parseFullReply(const QByteArray& body)
{
    auto parsed = Json::parse(body);
    if (!parsed)
        return std::unexpected(QStringLiteral("the reply is not JSON (%1)").arg(parsed.error().toString()));
    const Object o = parsed->toObject();
    const Array choices = o.value(u"choices").toArray();
    if (parsed->type() != Value::Type::Object || choices.isEmpty())
        return std::unexpected(QStringLiteral("the reply has no \"choices\" (not a Chat Completions answer)"));
    const Object choice = choices.at(0).toObject();
    const Value& content = choice.value(u"message").toObject().value(u"content");
    if (content.type() != Value::Type::String && content.type() != Value::Type::Null)
        return std::unexpected(QStringLiteral("choices[0].message.content is not text"));
    ChatReply reply;
    reply.content = content.toText();
    reply.finishReason = choice.value(u"finish_reason").toText();
    reply.model = o.value(u"model").toText();
    reply.usage = usageOf(o.value(u"usage"));
    return reply;
}

} // namespace

QString ChatClient::endpoint(const QString& baseUrl)
{
    QString url = baseUrl.trimmed();
    while (url.endsWith(u'/'))
        url.chop(1);
    if (url.endsWith(QStringLiteral("/chat/completions")))
        return url;
    const QUrl parsed(url);
    if (parsed.path().isEmpty() || parsed.path() == u"/")
        return url + QStringLiteral("/v1/chat/completions");
    return url + QStringLiteral("/chat/completions");
}

QString ChatClient::providerMessage(const QByteArray& body)
{
    if (auto parsed = Json::parse(body); parsed && parsed->type() == Value::Type::Object) {
        const Object o = parsed->toObject();
        const Value& e = o.value(u"error");
        if (e.type() == Value::Type::Object && !e.toObject().value(u"message").toText().isEmpty())
            return e.toObject().value(u"message").toText().simplified();
        if (e.type() == Value::Type::String)
            return e.toString().simplified();
        for (const char16_t* key : {u"message", u"detail"}) {
            if (const Value& m = o.value(QStringView(key)); !m.toText().isEmpty())
                return m.toText().simplified();
        }
    }
    return QString::fromUtf8(body.left(300)).split(u'\n').value(0).trimmed();
}

QByteArray ChatClient::requestBody(const QList<ChatMessage>& messages) const
{
    Object body;
    body.insert(QStringLiteral("model"), m_settings.model);
    Array list;
    for (const ChatMessage& m : messages)
        list.append(Object{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    body.insert(QStringLiteral("messages"), list);
    if (m_settings.temperature)
        body.insert(QStringLiteral("temperature"), *m_settings.temperature);
    if (m_settings.maxTokens > 0)
        body.insert(QStringLiteral("max_tokens"), m_settings.maxTokens);
    if (m_settings.jsonObject)
        body.insert(QStringLiteral("response_format"), Object{{QStringLiteral("type"), QStringLiteral("json_object")}});
    body.insert(QStringLiteral("stream"), m_settings.stream);
    if (m_settings.stream) // the usage comes in a last chunk (OpenAI, vLLM, llama.cpp; others ignore it)
        body.insert(QStringLiteral("stream_options"), Object{{QStringLiteral("include_usage"), true}});
    return Json::serialize(Value(body));
}

std::expected<ChatReply, HttpError> ChatClient::complete(const QList<ChatMessage>& messages,
                                                         const ChatCallbacks& callbacks) const
{
    const QString url = endpoint(m_settings.baseUrl);
    net::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = requestBody(messages);
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", m_settings.stream ? "text/event-stream" : "application/json"}};
    if (!m_settings.apiKey.isEmpty())
        request.headers.emplaceBack("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    request.timeoutMs = m_settings.timeoutMs;
    request.connectTimeoutMs = m_settings.connectTimeoutMs;
    request.cancel = callbacks.cancel;

    QElapsedTimer clock;
    clock.start();
    StreamState state;
    state.clock = &clock;
    state.callbacks = &callbacks;
    request.onData = [&state](const char* data, qsizetype size) { return state.onData(data, size); };

    auto response = net::send(request);
    if (!response)
        return std::unexpected(response.error());
    state.parser.feed("\n\n"); // a last event without its blank line
    for (const SseParser::Event& e : state.parser.take())
        state.consume(e);

    if (!response->ok()) {
        HttpError e = error(url, HttpError::Kind::Status,
                            QStringLiteral("the server answered %1").arg(response->status),
                            net::isRetryableStatus(response->status));
        e.status = response->status;
        e.body = state.raw;
        if (const QByteArray after = response->header("Retry-After"); !after.isNull())
            e.retryAfterMs = net::parseRetryAfter(after, QDateTime::currentMSecsSinceEpoch()).value_or(-1);
        if (const QString why = providerMessage(state.raw); !why.isEmpty())
            e.message += QStringLiteral(": ") + why;
        return std::unexpected(std::move(e));
    }
    if (state.rawTotal > maxRawBytes)
        return std::unexpected(error(url, HttpError::Kind::TooLarge,
                                     QStringLiteral("the reply is larger than %1 bytes").arg(maxRawBytes), false));

    const bool eventStream = response->header("Content-Type").toLower().startsWith("text/event-stream");
    ChatReply reply;
    if (eventStream || (state.sawChunk && !state.raw.trimmed().startsWith('{'))) {
        if (!state.streamError.isEmpty())
            return std::unexpected(error(url, HttpError::Kind::Protocol, QStringLiteral("the server reported: %1").arg(state.streamError), false));
        if (!state.malformed.isEmpty())
            return std::unexpected(error(url, HttpError::Kind::Protocol, QStringLiteral("malformed stream: %1").arg(state.malformed), true));
        // A stream that stops without [DONE] or a finish reason was cut short (a proxy, a crashed server).
        if (!state.done && state.reply.finishReason.isEmpty())
            return std::unexpected(error(url, HttpError::Kind::Protocol,
                                         QStringLiteral("the stream ended before the reply was complete"), true));
        reply = std::move(state.reply);
        reply.streamed = true;
    } else {
        auto full = parseFullReply(state.raw);
        if (!full) {
            // Truncated JSON may be a glitch worth retrying; an HTML page means a wrong base URL, which is not.
            const bool looksJson = state.raw.trimmed().startsWith('{');
            return std::unexpected(error(url, HttpError::Kind::Protocol,
                                         full.error() + (looksJson ? QString() : QStringLiteral("; is the base URL right?")),
                                         looksJson));
        }
        reply = std::move(*full);
    }
    reply.latencyMs = clock.elapsed();
    return reply;
}

} // namespace taskloom::nodes::llm
