#pragma once

#include "ChatClient.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/NodeType.hpp"

#include <QHash>

#include <optional>

namespace taskloom::nodes::llm {

/// Replies already received during this batch, by request body: a retried batch (the executor retries the
/// whole call after a 429 on item 7) does not pay again for items 1 to 6.
class ReplyCache {
public:
    const ChatReply* find(const QByteArray& key) const;
    void put(const QByteArray& key, ChatReply reply);
    void clear() { m_replies.clear(); }

private:
    QHash<QByteArray, ChatReply> m_replies;
};

/// What the LLM nodes share: the provider parameters (credential, base URL, model, temperature, max tokens,
/// system prompt, timeout, streaming), the default retry policy, and one model call with progress, usage
/// logging, cancellation and errors as node errors.
class LlmNodeType : public engine::NodeType {
public:
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;
    /// One batch with the replies cached so far (the node instance keeps them across retries).
    void runBatch(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, ReplyCache& cache) const;

    /// The credential type the nodes ask for: base URL, key and model of an OpenAI-compatible server.
    static engine::CredentialTypeSpec credentialType();

protected:
    /// Declares the spec's common parts; call first in a node's constructor, then add the node's own params,
    /// then addProviderParams().
    void declare(QString type, QString title, QString description, QStringList aliases);
    void addProviderParams();

    /// The node's work on one batch.
    virtual void run(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out,
                     ReplyCache& cache) const = 0;

    /// The configured server, or nothing when neither the base URL parameter nor the credential names one.
    std::optional<ChatSettings> provider(engine::ExecutionContext& ctx, const engine::Item* item, qsizetype index) const;
    /// provider(), or a NO_PROVIDER error for nodes that need a model.
    ChatSettings requireProvider(engine::ExecutionContext& ctx, const engine::Item* item, qsizetype index) const;
    /// The system prompt parameter put before the node's own instructions.
    QString systemPrompt(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, const QString& instructions) const;

    /// One model call: cached per batch, progress while streaming, a log line with tokens and latency,
    /// failures as NodeError (retryable ones keep their Retry-After), cancellation as engine::Cancelled.
    ChatReply call(engine::ExecutionContext& ctx, const ChatSettings& settings, const QList<ChatMessage>& messages,
                   ReplyCache& cache) const;

    /// Runs `fn(item, index)` for every item. An item that fails with an error worth retrying (429, 5xx, a
    /// dropped connection) fails the batch, so the executor's retry policy applies (items already answered come
    /// from the cache); any other error goes to the node's on-error setting for that item alone.
    template <typename Fn>
    static void forEachItem(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, Fn&& fn)
    {
        const engine::ItemList& items = in.main();
        for (qsizetype i = 0; i < items.size(); ++i) {
            ctx.checkCancelled();
            try {
                fn(items[i], i);
            } catch (const engine::NodeError& e) {
                if (e.retryable())
                    throw;
                ctx.failItem(items[i], e, out);
            }
        }
    }

    /// A field by a dotted path ("page.body"), or null. Names with dots or brackets in them are not supported
    /// here (the core pack's FieldPath is, but the LLM pack does not depend on the core pack).
    static engine::Value fieldValue(const engine::Object& root, const QString& path);
    /// Sets a field by a dotted path, creating objects on the way (replacing non-objects).
    static void setField(engine::Object& root, const QString& path, engine::Value value);

    /// The text in `field` of the item, or in the attachment named by the binary parameter; NodeError when
    /// missing, empty or not text.
    QString inputText(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index,
                      const engine::Param<QString>& field, const engine::Param<QString>& binary) const;

    engine::Param<QString> m_credential;
    engine::Param<QString> m_baseUrl;
    engine::Param<QString> m_model;
    engine::Param<double> m_temperature;
    engine::Param<qint64> m_maxTokens;
    engine::Param<QString> m_systemPrompt;
    engine::Param<qint64> m_timeout;
    engine::Param<bool> m_stream;
};

} // namespace taskloom::nodes::llm
