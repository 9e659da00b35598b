#include "LlmNodeType.hpp"

#include "Summarizer.hpp"

#include "engine/Credential.hpp"
#include "engine/NodeError.hpp"

#include <algorithm>

namespace taskloom::nodes::llm {

using namespace engine;

namespace {

class LlmInstance final : public NodeInstance {
public:
    explicit LlmInstance(const LlmNodeType& type) : m_type(type) {}
    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        if (ctx.attempt() == 1)
            m_cache.clear(); // a new batch; a retry keeps what the failed attempt already received
        m_type.runBatch(ctx, in, out, m_cache);
        return Exec::Done;
    }

private:
    const LlmNodeType& m_type;
    ReplyCache m_cache;
};

QString usageLine(const ChatSettings& s, const ChatReply& r)
{
    QString tokens = QStringLiteral("tokens unknown");
    if (r.usage.known())
        tokens = QStringLiteral("%1 prompt + %2 completion = %3 tokens")
                     .arg(r.usage.promptTokens)
                     .arg(r.usage.completionTokens)
                     .arg(r.usage.totalTokens);
    QString line = QStringLiteral("llm call: model %1, %2, %3 ms")
                       .arg(r.model.isEmpty() ? s.model : r.model, tokens)
                       .arg(r.latencyMs);
    if (r.firstTokenMs >= 0)
        line += QStringLiteral(" (first token %1 ms)").arg(r.firstTokenMs);
    if (!r.finishReason.isEmpty() && r.finishReason != u"stop")
        line += QStringLiteral(", finish reason %1").arg(r.finishReason);
    return line;
}

/// The same as fields, for the run store: one record per call that reports can sum.
Object usageRecord(const ChatSettings& s, const ChatReply& r)
{
    Object o{{QStringLiteral("event"), QStringLiteral("llm-call")},
             {QStringLiteral("endpoint"), ChatClient::endpoint(s.baseUrl)},
             {QStringLiteral("model"), r.model.isEmpty() ? s.model : r.model},
             {QStringLiteral("latencyMs"), r.latencyMs},
             {QStringLiteral("streamed"), r.streamed}};
    if (r.firstTokenMs >= 0)
        o.insert(QStringLiteral("firstTokenMs"), r.firstTokenMs);
    if (r.usage.known()) {
        o.insert(QStringLiteral("promptTokens"), r.usage.promptTokens);
        o.insert(QStringLiteral("completionTokens"), r.usage.completionTokens);
        o.insert(QStringLiteral("totalTokens"), r.usage.totalTokens);
    }
    if (!r.finishReason.isEmpty())
        o.insert(QStringLiteral("finishReason"), r.finishReason);
    return o;
}

} // namespace

const ChatReply* ReplyCache::find(const QByteArray& key) const
{
    auto it = m_replies.constFind(key);
    return it == m_replies.cend() ? nullptr : &it.value();
}

void ReplyCache::put(const QByteArray& key, ChatReply reply)
{
    m_replies.insert(key, std::move(reply));
}

std::unique_ptr<NodeInstance> LlmNodeType::instantiate() const
{
    return std::make_unique<LlmInstance>(*this);
}

Exec LlmNodeType::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    ReplyCache cache;
    runBatch(ctx, in, out, cache);
    return Exec::Done;
}

void LlmNodeType::runBatch(ExecutionContext& ctx, const Inputs& in, Outputs& out, ReplyCache& cache) const
{
    run(ctx, in, out, cache);
}

CredentialTypeSpec LlmNodeType::credentialType()
{
    return {QStringLiteral("openAiCompatible"), QStringLiteral("OpenAI-compatible server"),
            QStringLiteral("The base URL, API key and (optionally) default model of a Chat Completions server: OpenAI, "
                           "Ollama (http://localhost:11434/v1), llama.cpp server, vLLM, LM Studio."),
            {CredentialField{QStringLiteral("baseUrl"), QStringLiteral("Base URL"), false},
             CredentialField{QStringLiteral("key"), QStringLiteral("API key"), true},
             CredentialField{QStringLiteral("model"), QStringLiteral("Model"), false}}};
}

void LlmNodeType::declare(QString type, QString title, QString description, QStringList aliases)
{
    m_spec.type = std::move(type);
    m_spec.title = std::move(title);
    m_spec.category = QStringLiteral("AI");
    m_spec.description = std::move(description);
    m_spec.aliases = std::move(aliases);
    m_spec.icon = QStringLiteral("dialog-information");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    // Rate limits and overloaded servers are routine with hosted models: wait and try again, honouring
    // Retry-After (capped at a minute), a few times.
    m_spec.defaultRetry = RetryPolicy{3, 2000, 2.0, 60000};
    m_spec.errors = {
        {QStringLiteral("NO_PROVIDER"), QStringLiteral("No server configured (base URL or credential) for a node that needs a model."), false},
        {QStringLiteral("TEXT_MISSING"), QStringLiteral("The item has no text in the field or attachment."), false},
        {QStringLiteral("NOT_TEXT"), QStringLiteral("The input is empty or binary data rather than text."), false},
        {QStringLiteral("HTTP_429"), QStringLiteral("The server's rate limit was hit (retried after Retry-After)."), true},
        {QStringLiteral("HTTP_5XX"), QStringLiteral("The server failed or is overloaded (HTTP_500, HTTP_503, ...)."), true},
        {QStringLiteral("HTTP_401"), QStringLiteral("The API key was refused."), false},
        {QStringLiteral("HTTP_404"), QStringLiteral("The model or the endpoint does not exist."), false},
        {QStringLiteral("HTTP_CONNECT"), QStringLiteral("The server could not be reached or dropped the connection."), true},
        {QStringLiteral("HTTP_TIMEOUT"), QStringLiteral("The reply took longer than the timeout."), true},
        {QStringLiteral("HTTP_PROTOCOL"), QStringLiteral("The reply is not in the Chat Completions format."), false},
        {QStringLiteral("EMPTY_REPLY"), QStringLiteral("The model returned no text."), false},
    };
}

void LlmNodeType::addProviderParams()
{
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Server credential"),
                                                           QStringLiteral("openAiCompatible"))
                                         .describe(QStringLiteral("An openAiCompatible credential (base URL, API key, "
                                                                  "model) or an apiKey credential. The key never goes in the flow file.")));
    m_baseUrl = addParam<QString>(ParamSpec::string(QStringLiteral("baseUrl"), QStringLiteral("Base URL"))
                                      .hint(QStringLiteral("http://localhost:11434/v1"))
                                      .describe(QStringLiteral("The server's OpenAI-compatible base URL; overrides the "
                                                               "credential's. Empty with no credential: the built-in offline "
                                                               "summarizer (Summarize), an error (other nodes).")));
    m_model = addParam<QString>(ParamSpec::string(QStringLiteral("model"), QStringLiteral("Model"))
                                    .hint(QStringLiteral("gpt-4o-mini, llama3.1:8b, ..."))
                                    .describe(QStringLiteral("Overrides the credential's model.")));
    m_temperature = addParam<double>(ParamSpec::number(QStringLiteral("temperature"), QStringLiteral("Temperature"), 0.2)
                                         .range(0, 2)
                                         .describe(QStringLiteral("0 for the most predictable output.")));
    m_maxTokens = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxTokens"), QStringLiteral("Max tokens"), 0)
                                       .range(0, 1'000'000)
                                       .describe(QStringLiteral("The longest reply, in tokens; 0: the server's default.")));
    m_systemPrompt = addParam<QString>(ParamSpec::text(QStringLiteral("systemPrompt"), QStringLiteral("System prompt"))
                                           .describe(QStringLiteral("Extra instructions sent before the node's own.")));
    m_timeout = addParam<qint64>(ParamSpec::integer(QStringLiteral("timeout"), QStringLiteral("Timeout (s)"), 120)
                                     .range(1, 3600)
                                     .describe(QStringLiteral("For one model call, from sending to the last byte.")));
    m_stream = addParam<bool>(ParamSpec::boolean(QStringLiteral("stream"), QStringLiteral("Stream"), true)
                                  .describe(QStringLiteral("Receive the reply as it is written (server-sent events), with progress.")));
}

QList<std::pair<QString, QString>> LlmNodeType::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    const QString url = params.value(m_baseUrl.name()).toText().trimmed();
    if (!url.isEmpty() && !url.contains(u"{{") && !url.startsWith(u"http://") && !url.startsWith(u"https://"))
        problems.append({m_baseUrl.name(), QStringLiteral("\"%1\" is not an http:// or https:// URL").arg(url)});
    return problems;
}

std::optional<ChatSettings> LlmNodeType::provider(ExecutionContext& ctx, const Item* item, qsizetype index) const
{
    const auto param = [&](const auto& p) { return item ? ctx.param(p, *item, index) : ctx.param(p); };
    ChatSettings s;
    s.baseUrl = param(m_baseUrl).trimmed();
    s.model = param(m_model).trimmed();
    if (const QString name = ctx.param(m_credential).trimmed(); !name.isEmpty()) {
        const Credential c = ctx.credential(name);
        s.apiKey = c.field(u"key");
        if (s.baseUrl.isEmpty())
            s.baseUrl = c.field(u"baseUrl").trimmed();
        if (s.model.isEmpty())
            s.model = c.field(u"model").trimmed();
    }
    if (s.baseUrl.isEmpty())
        return std::nullopt;
    if (!s.baseUrl.startsWith(u"http://") && !s.baseUrl.startsWith(u"https://"))
        throw NodeError::param(m_baseUrl.name(), s.baseUrl, QStringLiteral("not an http:// or https:// URL"));
    if (s.model.isEmpty())
        throw NodeError::param(m_model.name(), s.model,
                               QStringLiteral("a model is required with a server (set it here or in the credential)"));
    s.temperature = param(m_temperature);
    s.maxTokens = param(m_maxTokens);
    s.timeoutMs = int(std::clamp<qint64>(param(m_timeout), 1, 3600) * 1000);
    s.stream = param(m_stream);
    return s;
}

ChatSettings LlmNodeType::requireProvider(ExecutionContext& ctx, const Item* item, qsizetype index) const
{
    auto s = provider(ctx, item, index);
    if (!s)
        throw NodeError(QStringLiteral("NO_PROVIDER"),
                        QStringLiteral("parameter \"baseUrl\" is empty and no credential names a server: this node needs "
                                       "a chat model (OpenAI, Ollama, llama.cpp server, vLLM, LM Studio)"));
    return *s;
}

QString LlmNodeType::systemPrompt(ExecutionContext& ctx, const Item& item, qsizetype index, const QString& instructions) const
{
    const QString extra = ctx.param(m_systemPrompt, item, index).trimmed();
    return extra.isEmpty() ? instructions : extra + QStringLiteral("\n\n") + instructions;
}

ChatReply LlmNodeType::call(ExecutionContext& ctx, const ChatSettings& settings, const QList<ChatMessage>& messages,
                            ReplyCache& cache) const
{
    const ChatClient client(settings);
    const QByteArray key = client.requestBody(messages) + '\n' + ChatClient::endpoint(settings.baseUrl).toUtf8();
    if (const ChatReply* cached = cache.find(key))
        return *cached;
    ctx.checkCancelled();
    ChatCallbacks callbacks;
    callbacks.cancel = &ctx.cancellation();
    const qint64 expected = settings.maxTokens > 0 ? settings.maxTokens * 4 : -1;
    callbacks.onDelta = [&ctx, expected](const QString&, qint64 chars) {
        ctx.progress(expected > 0 ? std::min(0.99, double(chars) / double(expected)) : -1.0,
                     QStringLiteral("%1 characters received").arg(chars));
    };
    auto reply = client.complete(messages, callbacks);
    if (!reply) {
        if (ctx.isCancelled())
            throw Cancelled();
        throw reply.error().toNodeError();
    }
    ctx.logRecord(LogLevel::Info, usageLine(settings, *reply), usageRecord(settings, *reply));
    if (reply->content.trimmed().isEmpty())
        throw NodeError(QStringLiteral("EMPTY_REPLY"),
                        QStringLiteral("model \"%1\" returned no text (finish reason \"%2\")")
                            .arg(settings.model, reply->finishReason));
    cache.put(key, *reply);
    return *reply;
}

Value LlmNodeType::fieldValue(const Object& root, const QString& path)
{
    const QStringList steps = path.split(u'.');
    Value current = root;
    for (const QString& step : steps) {
        if (current.type() != Value::Type::Object)
            return {};
        const Value* next = current.toObject().find(step);
        if (!next)
            return {};
        current = *next;
    }
    return current;
}

void LlmNodeType::setField(Object& root, const QString& path, Value value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        root.insert(path, std::move(value));
        return;
    }
    const QString head = path.left(dot);
    Object child = root.value(head).toObject();
    setField(child, path.mid(dot + 1), std::move(value));
    root.insert(head, std::move(child));
}

QString LlmNodeType::inputText(ExecutionContext& ctx, const Item& item, qsizetype index, const Param<QString>& field,
                               const Param<QString>& binary) const
{
    QString text;
    const QString attachment = ctx.param(binary, item, index).trimmed();
    const QString fieldName = ctx.param(field, item, index).trimmed();
    if (!attachment.isEmpty()) {
        const BinaryRef b = item.binary(attachment);
        if (!b)
            throw NodeError::param(binary.name(), attachment, QStringLiteral("the item has no attachment of that name"),
                                   QStringLiteral("TEXT_MISSING"));
        auto bytes = b->bytes();
        if (!bytes)
            throw NodeError::param(binary.name(), attachment, bytes.error(), QStringLiteral("TEXT_MISSING"));
        text = QString::fromUtf8(*bytes);
        if (auto problem = Summarizer::textProblem(text))
            throw NodeError::param(binary.name(), attachment, *problem, QStringLiteral("NOT_TEXT"));
        return text;
    }
    const Value v = fieldValue(item.json(), fieldName);
    if (v.type() == Value::Type::Null)
        throw NodeError::param(field.name(), fieldName, QStringLiteral("the item has no such field"), QStringLiteral("TEXT_MISSING"));
    text = v.type() == Value::Type::String ? v.toString() : v.toText();
    if (auto problem = Summarizer::textProblem(text))
        throw NodeError::param(field.name(), fieldName, *problem, QStringLiteral("NOT_TEXT"));
    return text;
}

} // namespace taskloom::nodes::llm
