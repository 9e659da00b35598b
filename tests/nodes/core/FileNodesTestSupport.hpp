#pragma once

// Runs small flows of the file nodes through the real executor, without the Lua expression engine (parameters
// here are literal), so these tests build even while scripts/ is in flux.

#include "engine/Executor.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/core/CorePack.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <mutex>

#include "../../support/QtPrinters.hpp"

namespace taskloom::tests {

class Warnings final : public engine::RunObserver {
public:
    void onEvent(const engine::RunEvent& e) override
    {
        if (e.type == engine::RunEvent::Type::Log && e.level == engine::LogLevel::Warning)
            messages.append(e.message);
    }
    QStringList messages;
};

class FlowFixture : public ::testing::Test {
protected:
    FlowFixture() { core(m_registry); }

    static void core(engine::NodeRegistry& r) { nodes::core::registerCoreNodes(r); }

    /// Adds a node named `name` (also its id); the first one added should be the trigger.
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
    void connect(const QString& from, const QString& to)
    {
        m_flow.connections.push_back({from, QStringLiteral("out"), to, QStringLiteral("in")});
    }
    /// trigger -> a -> b -> ...
    void chain(const QStringList& names)
    {
        for (qsizetype i = 1; i < names.size(); ++i)
            connect(names[i - 1], names[i]);
    }

    engine::RunResult run(qsizetype batchSize = 1024, engine::ItemList input = {})
    {
        m_flow.id = QStringLiteral("test-flow");
        engine::Executor executor(m_registry, nullptr);
        engine::RunOptions options;
        options.flowPath = path(QStringLiteral("flow.json"));
        options.batchSize = batchSize;
        options.input = std::move(input);
        options.observers = {&m_warnings};
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
    QByteArray contents(const QString& name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }
    QStringList files() const
    {
        return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }
    static QString json(const engine::ItemList& items)
    {
        engine::Array a;
        for (const engine::Item& i : items)
            a.append(i.json());
        return QString::fromUtf8(engine::Json::serialize(engine::Value(a)));
    }

    engine::NodeRegistry m_registry;
    engine::Flow m_flow;
    QTemporaryDir m_dir;
    Warnings m_warnings;
};

} // namespace taskloom::tests
