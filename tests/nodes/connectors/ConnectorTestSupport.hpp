#pragma once

// Runs small flows of connector nodes through the real executor with literal parameters, an in-memory
// credential store and real local servers.

#include "engine/CredentialStore.hpp"
#include "engine/Executor.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/connectors/ConnectorsPack.hpp"
#include "nodes/core/CorePack.hpp"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <mutex>

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace taskloom::tests {

class MemoryCredentials final : public engine::CredentialStore {
public:
    std::expected<engine::Credential, QString> get(const QString& name) const override
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_items.constFind(name);
        if (it == m_items.cend())
            return std::unexpected(QStringLiteral("no such credential"));
        return it.value();
    }
    std::expected<QList<Entry>, QString> list() const override
    {
        std::lock_guard lock(m_mutex);
        QList<Entry> out;
        for (const auto& c : m_items)
            out.append({c.name, c.type});
        return out;
    }
    std::expected<void, QString> put(const engine::Credential& c) override
    {
        std::lock_guard lock(m_mutex);
        m_items.insert(c.name, c);
        return {};
    }
    std::expected<void, QString> remove(const QString& name) override
    {
        std::lock_guard lock(m_mutex);
        m_items.remove(name);
        return {};
    }

private:
    mutable std::mutex m_mutex;
    QHash<QString, engine::Credential> m_items;
};

class Logs final : public engine::RunObserver {
public:
    void onEvent(const engine::RunEvent& e) override
    {
        std::lock_guard lock(m_mutex);
        if (e.type == engine::RunEvent::Type::Log)
            messages.append(e.message);
    }
    QStringList messages;

private:
    std::mutex m_mutex;
};

class ConnectorFixture : public ::testing::Test {
protected:
    explicit ConnectorFixture(nodes::connectors::ConnectorGrants grants = {})
    {
        nodes::core::registerCoreNodes(m_registry);
        nodes::connectors::registerConnectorNodes(m_registry, grants);
    }

    void add(const QString& name, const QString& type, engine::Object params = {},
             engine::OnError onError = engine::OnError::Stop)
    {
        engine::FlowNode n;
        n.id = name;
        n.name = name;
        n.type = type;
        n.params = std::move(params);
        n.settings.onError = onError;
        m_flow.nodes.push_back(std::move(n));
    }
    engine::FlowNode& node(const QString& name)
    {
        for (auto& n : m_flow.nodes)
            if (n.name == name)
                return n;
        throw std::runtime_error("no such node");
    }
    void chain(const QStringList& names)
    {
        for (qsizetype i = 1; i < names.size(); ++i)
            m_flow.connections.push_back({names[i - 1], QStringLiteral("out"), names[i], QStringLiteral("in")});
    }
    /// Start (manual trigger with `input`) -> `type` node named "N".
    engine::RunResult runOne(const QString& type, engine::Object params, engine::ItemList input = {})
    {
        m_flow = {};
        add(QStringLiteral("Start"), QStringLiteral("core.manualTrigger"));
        add(QStringLiteral("N"), type, std::move(params));
        chain({QStringLiteral("Start"), QStringLiteral("N")});
        return run(std::move(input));
    }
    engine::RunResult run(engine::ItemList input = {})
    {
        m_flow.id = QStringLiteral("test-flow");
        engine::Executor executor(m_registry, nullptr);
        engine::RunOptions options;
        options.flowPath = m_dir.filePath(QStringLiteral("flow.json"));
        options.input = std::move(input);
        options.observers = {&m_logs};
        options.credentials = &m_credentials;
        return executor.run(m_flow, options);
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }
    void put(const QString& name, const QByteArray& bytes) const
    {
        QDir().mkpath(QFileInfo(path(name)).absolutePath());
        QFile f(path(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static QString json(const engine::ItemList& items)
    {
        engine::Array a;
        for (const engine::Item& i : items)
            a.append(i.json());
        return QString::fromUtf8(engine::Json::serialize(engine::Value(a)));
    }
    static QString json(const engine::Value& v) { return QString::fromUtf8(engine::Json::serialize(v)); }

    engine::NodeRegistry m_registry;
    engine::Flow m_flow;
    QTemporaryDir m_dir;
    MemoryCredentials m_credentials;
    Logs m_logs;
};

} // namespace taskloom::tests
