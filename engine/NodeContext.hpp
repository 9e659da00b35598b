#pragma once

// Internal to the executor: the ExecutionContext a node sees during one call.

#include "ExecutionContext.hpp"
#include "RunScheduler.hpp"

namespace taskloom::engine {

class NodeContext final : public ExecutionContext {
public:
    NodeContext(RunScheduler& run, RunScheduler::Node& node, const RunScheduler::Call& call,
                const CancellationToken& token)
        : m_run(run), m_node(node), m_call(call), m_token(token)
    {}

    const FlowNode& node() const override { return *m_node.flowNode; }
    const QString& runId() const override { return m_run.options().runId; }
    Value paramValue(const QString& name, const Item* item, qsizetype index) const override;
    Value rawParamValue(const QString& name) const override { return m_node.params->raw().value(name); }
    bool isDynamic(const QString& name) const override { return m_node.params->isDynamic(name); }
    Value evaluateText(const QString& paramName, const QString& text, const Item* item, qsizetype index) const override;
    Credential credential(const QString& name) const override;
    void updateCredential(const Credential& credential) const override;
    const ItemList& runInput() const override { return m_run.runInput(); }
    const Object& triggerData() const override { return m_run.options().trigger; }
    const Object& variables() const override { return m_run.variables(); }
    const Object& environment() const override { return m_run.options().env; }
    const CancellationToken& cancellation() const override { return m_token; }
    void log(LogLevel level, const QString& message) override;
    void logRecord(LogLevel level, const QString& message, const Object& data) override;
    void progress(double fraction, const QString& message) override;
    QString resolvePath(const QString& path) const override;
    BinaryRef makeBinary(QByteArray data, const QString& mimeType, const QString& fileName) override;
    qsizetype batchSize() const override { return m_run.options().batchSize; }
    int attempt() const override { return m_call.attempt; }
    void failItem(const Item& item, const NodeError& error, Outputs& out) override;
    std::expected<ItemList, QString> runLoopBody(const ItemList& batch) override;
    std::expected<ItemList, QString> runSubflow(const QString& path, const ItemList& input) override;

    /// The item with an "error" field describing `error` (what continue / route pass on).
    static Item withError(const Item& item, const NodeError& error, const QString& nodeName);

private:
    ExpressionScope scope(const Item* item, qsizetype index) const;
    void redactSecrets(const Credential& credential) const;

    RunScheduler& m_run;
    RunScheduler::Node& m_node;
    const RunScheduler::Call& m_call;
    const CancellationToken& m_token;
    QElapsedTimer m_lastProgress;
};

} // namespace taskloom::engine
