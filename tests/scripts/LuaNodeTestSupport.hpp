#pragma once

// Shared by the Lua node type tests: a lazy source node, flow builders, a log collector, and a fixture that
// writes node files into a temporary folder, loads them and runs flows through the real executor.

#include "scripts/LuaExpressionEngine.hpp"
#include "scripts/LuaNodeLoader.hpp"
#include "scripts/LuaNodes.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Executor.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>

#include <gtest/gtest.h>

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace taskloom::scripts::test {

using namespace engine;

/// Emits the run input one batch per call, so stream nodes downstream see batches.
class SourceNode final : public NodeType {
public:
    SourceNode()
    {
        m_spec.type = QStringLiteral("test.source");
        m_spec.title = QStringLiteral("Source");
        m_spec.category = QStringLiteral("Test");
        m_spec.trigger = true;
        m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Output"), {}}};
    }
    std::unique_ptr<NodeInstance> instantiate() const override
    {
        struct Lazy final : NodeInstance {
            qsizetype next = 0;
            Exec execute(ExecutionContext& ctx, const Inputs&, Outputs& out) override
            {
                const ItemList& all = ctx.runInput();
                const qsizetype n = std::min(ctx.batchSize(), all.size() - next);
                out.push(0, all.mid(next, n));
                next += n;
                return next < all.size() ? Exec::More : Exec::Done;
            }
        };
        return std::make_unique<Lazy>();
    }
};

class LogCollector final : public RunObserver {
public:
    void onEvent(const RunEvent& e) override
    {
        if (e.type != RunEvent::Type::Log)
            return;
        QMutexLocker lock(&m_mutex);
        lines.append({e.level, e.message});
    }
    QString all() const
    {
        QStringList out;
        for (const auto& [level, text] : lines)
            out.append(text);
        return out.join(u'\n');
    }
    QList<std::pair<LogLevel, QString>> lines;

private:
    QMutex m_mutex;
};

inline FlowNode node(const QString& id, const QString& type, Object params = {})
{
    FlowNode n;
    n.id = id;
    n.name = id;
    n.type = type;
    n.params = std::move(params);
    return n;
}

inline Connection wire(const QString& from, const QString& to, const QString& output = QStringLiteral("out"))
{
    return {from, output, to, QStringLiteral("in")};
}

inline Flow flow(std::vector<FlowNode> nodes, std::vector<Connection> connections)
{
    Flow f;
    f.id = QStringLiteral("00000000-0000-0000-0000-0000000000aa");
    f.name = QStringLiteral("lua nodes");
    f.nodes = std::move(nodes);
    f.connections = std::move(connections);
    return f;
}

inline QString toJson(const ItemList& items)
{
    Array a;
    for (const Item& i : items)
        a.append(i.json());
    return QString::fromUtf8(Json::serialize(a));
}

inline ItemList numbered(int n)
{
    ItemList items;
    for (int i = 1; i <= n; ++i)
        items.append(Item(Object{{QStringLiteral("n"), i}}));
    return items;
}

inline std::string describe(const RunResult& r)
{
    return (runStatusName(r.status) + QStringLiteral(" ") + r.errorCode + QStringLiteral(": ") + r.error).toStdString();
}

class LuaNodeFixture : public ::testing::Test {
protected:
    LuaNodeFixture()
    {
        registry.add(std::make_shared<SourceNode>());
        registerLuaNodes(registry);
    }

    QString write(const QString& fileName, const QString& source)
    {
        const QString path = QDir(folder.path()).filePath(fileName);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(source.toUtf8());
        return path;
    }

    /// Loads one node from source (as file `fileName` in the folder); the error text when it does not load.
    QString loadError(const QString& source, const QString& fileName = QStringLiteral("node.lua"))
    {
        auto n = LuaNodeLoader::loadFile(write(fileName, source));
        return n ? QString() : n.error();
    }

    /// Loads and registers one node; fails the test when it does not load.
    const LuaNodeType* add(const QString& source, LuaGrants grants = {}, const QString& fileName = QStringLiteral("node.lua"))
    {
        auto n = LuaNodeLoader::loadFile(write(fileName, source));
        EXPECT_TRUE(n.has_value()) << (n ? "" : n.error().toStdString());
        if (!n)
            return nullptr;
        (*n)->setGrants(std::move(grants));
        registry.add(*n);
        return n->get();
    }

    RunResult run(const Flow& f, RunOptions options = {})
    {
        options.observers.append(&logs);
        Executor executor(registry, &expressions);
        return executor.run(f, options);
    }

    /// source -> the node (type `type`) with `params`, on `input`.
    RunResult runOne(const QString& type, Object params, ItemList input, NodeSettings settings = {})
    {
        FlowNode n = node(QStringLiteral("lua"), type, std::move(params));
        n.settings = settings;
        RunOptions o;
        o.input = std::move(input);
        o.flowPath = QDir(folder.path()).filePath(QStringLiteral("test.flow.json"));
        return run(flow({node(QStringLiteral("src"), QStringLiteral("test.source")), n}, {wire(QStringLiteral("src"), QStringLiteral("lua"))}), o);
    }

    QTemporaryDir folder;
    NodeRegistry registry;
    LuaExpressionEngine expressions;
    LogCollector logs;
};

} // namespace taskloom::scripts::test
