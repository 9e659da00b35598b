#pragma once

#include "engine/ExecutionContext.hpp"
#include "engine/NodeType.hpp"

#include <QList>

#include <utility>

namespace taskloom::scripts::test {

/// A minimal ExecutionContext for driving one node without the executor: parameters come from the flow node
/// (defaults from the spec, no expressions), logs and progress are recorded, failItem applies OnError.
class FakeExecutionContext final : public engine::ExecutionContext {
public:
    FakeExecutionContext(const engine::NodeType& type, engine::Object params) : m_type(type)
    {
        m_node.id = QStringLiteral("n1");
        m_node.type = type.spec().type;
        m_node.name = QStringLiteral("My Code");
        m_node.params = std::move(params);
    }

    engine::FlowNode& flowNode() { return m_node; }
    engine::Object vars;
    engine::Object env;
    engine::CancellationToken token;
    QList<std::pair<engine::LogLevel, QString>> logs;
    QList<double> progressValues;
    QList<engine::NodeError> failures;

    const engine::FlowNode& node() const override { return m_node; }
    const QString& runId() const override { return m_runId; }
    engine::Value paramValue(const QString& name, const engine::Item*, qsizetype) const override
    {
        return rawParamValue(name);
    }
    engine::Value rawParamValue(const QString& name) const override
    {
        if (const engine::Value* v = m_node.params.find(name))
            return *v;
        const engine::ParamSpec* spec = m_type.spec().param(name);
        return spec ? spec->defaultValue : engine::Value();
    }
    bool isDynamic(const QString&) const override { return false; }
    engine::Value evaluateText(const QString&, const QString& text, const engine::Item*, qsizetype) const override
    {
        return text == u"{{ env }}" ? engine::Value(env) : engine::Value(text);
    }
    engine::Credential credential(const QString& name) const override
    {
        throw engine::NodeError(QStringLiteral("CREDENTIAL_NOT_FOUND"), name);
    }
    void updateCredential(const engine::Credential& c) const override
    {
        throw engine::NodeError(QStringLiteral("CREDENTIAL_UNAVAILABLE"), c.name);
    }
    const engine::ItemList& runInput() const override { return m_runInput; }
    const engine::Object& triggerData() const override { return m_trigger; }
    const engine::Object& variables() const override { return vars; }
    const engine::Object& environment() const override { return env; }
    const engine::CancellationToken& cancellation() const override { return token; }
    void log(engine::LogLevel level, const QString& message) override { logs.append({level, message}); }
    void progress(double fraction, const QString&) override { progressValues.append(fraction); }
    QString resolvePath(const QString& path) const override { return path; }
    engine::BinaryRef makeBinary(QByteArray data, const QString& mimeType, const QString& fileName) override
    {
        return *engine::Binary::fromBytes(std::move(data), mimeType, fileName);
    }
    qsizetype batchSize() const override { return 100; }
    int attempt() const override { return 1; }
    void failItem(const engine::Item& item, const engine::NodeError& error, engine::Outputs& out) override
    {
        failures.append(error);
        if (m_node.settings.onError == engine::OnError::Stop)
            throw error;
        engine::Item failed = item;
        failed.json().insert(QStringLiteral("error"), error.message());
        out.push(m_node.settings.onError == engine::OnError::Route ? 1 : 0, failed);
    }
    std::expected<engine::ItemList, QString> runLoopBody(const engine::ItemList&) override
    {
        return std::unexpected(QStringLiteral("not supported"));
    }
    std::expected<engine::ItemList, QString> runSubflow(const QString&, const engine::ItemList&) override
    {
        return std::unexpected(QStringLiteral("not supported"));
    }

private:
    const engine::NodeType& m_type;
    engine::FlowNode m_node;
    QString m_runId = QStringLiteral("run-1");
    engine::ItemList m_runInput;
    engine::Object m_trigger;
};

} // namespace taskloom::scripts::test
