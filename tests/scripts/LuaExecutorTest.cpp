// The Lua host inside real runs: the executor resolving {{ }} with LuaExpressionEngine, the Lua Code node in
// stream mode with on-error and timeouts, and the flow validator catching Lua syntax errors before a run.
// Two tiny node types (a trigger and an expression-driven "set") keep this independent of the node packs.

#include "scripts/LuaCodeNode.hpp"
#include "scripts/LuaExpressionEngine.hpp"
#include "scripts/LuaNodes.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Executor.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <thread>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::scripts;

namespace {

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
    // Emits the run input one batch per call, like a lazy file reader, so downstream stream nodes see batches.
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

class SetNode final : public NodeType {
public:
    SetNode()
    {
        m_spec.type = QStringLiteral("test.set");
        m_spec.title = QStringLiteral("Set");
        m_spec.category = QStringLiteral("Test");
        m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("Input"), {}}};
        m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Output"), {}}};
        m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field")).noExpressions());
        m_value = addParam<Value>(ParamSpec::json(QStringLiteral("value"), QStringLiteral("Value")));
    }
    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        const QString field = ctx.param(m_field);
        const ItemList& items = in.main();
        for (qsizetype i = 0; i < items.size(); ++i) {
            Item item = items.at(i);
            item.json().insert(field, ctx.param(m_value, items.at(i), i));
            out.push(0, item);
        }
        return Exec::Done;
    }

private:
    Param<QString> m_field;
    Param<Value> m_value;
};

FlowNode node(const char* id, const char* type, Object params = {})
{
    FlowNode n;
    n.id = QString::fromLatin1(id);
    n.name = QString::fromLatin1(id);
    n.type = QString::fromLatin1(type);
    n.params = std::move(params);
    return n;
}

Connection wire(const char* from, const char* to)
{
    return {QString::fromLatin1(from), QStringLiteral("out"), QString::fromLatin1(to), QStringLiteral("in")};
}

QString toJson(const ItemList& items)
{
    Array a;
    for (const Item& i : items)
        a.append(i.json());
    return QString::fromUtf8(Json::serialize(a));
}

class LuaInRuns : public ::testing::Test {
protected:
    LuaInRuns()
    {
        registry.add(std::make_shared<SourceNode>());
        registry.add(std::make_shared<SetNode>());
        registerLuaNodes(registry);
    }

    RunResult run(const Flow& flow, RunOptions options = {})
    {
        Executor executor(registry, &expressions);
        QElapsedTimer clock;
        clock.start();
        RunResult r = executor.run(flow, options);
        lastRunMs = clock.elapsed();
        return r;
    }

    static Flow flow(std::vector<FlowNode> nodes, std::vector<Connection> connections)
    {
        Flow f;
        f.id = QStringLiteral("00000000-0000-0000-0000-000000000001");
        f.name = QStringLiteral("lua");
        f.nodes = std::move(nodes);
        f.connections = std::move(connections);
        return f;
    }

    static ItemList input(int n)
    {
        ItemList items;
        for (int i = 1; i <= n; ++i)
            items.append(Item(Object{{QStringLiteral("n"), i}, {QStringLiteral("price"), i * 10}}));
        return items;
    }

    NodeRegistry registry;
    LuaExpressionEngine expressions;
    qint64 lastRunMs = 0;
};

std::string describe(const RunResult& r)
{
    return (runStatusName(r.status) + QStringLiteral(" ") + r.errorCode + QStringLiteral(": ") + r.error).toStdString();
}

} // namespace

TEST_F(LuaInRuns, ExpressionsAndTheCodeNodeWorkTogether)
{
    Flow f = flow({node("src", "test.source"),
                   node("set", "test.set", Object{{"field", "net"}, {"value", "{{ item.price * vars.rate + index / 10 }}"}}),
                   node("first", "test.set", Object{{"field", "first"}, {"value", "{{ node['set'].json.net }}"}}),
                   node("code", "code.lua",
                        Object{{"mode", "each"},
                               {"code", "function execute(ctx, item, index)\n"
                                        "  item.home = ctx.env.HOME\n"
                                        "  item.region = ctx.vars.region\n"
                                        "  return item\n"
                                        "end"}})},
                  {wire("src", "set"), wire("set", "first"), wire("first", "code")});
    f.variables = Object{{"rate", 0.5}, {"region", "EU"}};
    RunOptions o;
    o.input = input(2);
    o.env = Object{{"HOME", "/home/u"}};
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output),
              R"([{"n":1,"price":10,"net":5.1,"first":5.1,"home":"/home/u","region":"EU"},)"
              R"({"n":2,"price":20,"net":10.2,"first":5.1,"home":"/home/u","region":"EU"}])");
}

TEST_F(LuaInRuns, CodeNodeStreamsBatchesAndFinishes)
{
    const Flow f = flow({node("src", "test.source"),
                         node("code", "code.lua",
                              Object{{"code", "local batches, total = 0, 0\n"
                                              "function execute(ctx, items)\n"
                                              "  batches = batches + 1\n"
                                              "  for _, item in ipairs(items) do total = total + item.price end\n"
                                              "  return items\n"
                                              "end\n"
                                              "function finish(ctx) return {{batches = batches, total = total}} end"}})},
                        {wire("src", "code")});
    RunOptions o;
    o.input = input(10);
    o.batchSize = 3;
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 11);
    EXPECT_EQ(toJson({r.output.last()}), R"([{"batches":4,"total":550}])");
}

TEST_F(LuaInRuns, FailingItemsContinueWithTheirError)
{
    FlowNode code = node("code", "code.lua",
                         Object{{"mode", "each"},
                                {"code", "function execute(ctx, item)\n"
                                         "  if item.n == 2 then error('no twos') end\n"
                                         "  return item\n"
                                         "end"}});
    code.settings.onError = OnError::Continue;
    const Flow f = flow({node("src", "test.source"), code}, {wire("src", "code")});
    RunOptions o;
    o.input = input(3);
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 3);
    EXPECT_EQ(r.output[0].json().value(u"n").toInt(), 1);
    EXPECT_TRUE(r.output[1].json().value(u"error").toText().contains(QStringLiteral("code:2: no twos")))
        << toJson(r.output).toStdString();
    EXPECT_EQ(r.output[2].json().value(u"n").toInt(), 3);
}

TEST_F(LuaInRuns, ScriptErrorsFailTheRunNamingTheLine)
{
    const Flow f = flow({node("src", "test.source"),
                         node("code", "code.lua", Object{{"code", "function execute(ctx, items)\n  return items[1].x.y\nend"}})},
                        {wire("src", "code")});
    RunOptions o;
    o.input = input(1);
    const RunResult r = run(f, o);
    EXPECT_EQ(r.status, RunStatus::Failed) << describe(r);
    EXPECT_EQ(r.errorCode, QStringLiteral("LUA_ERROR"));
    EXPECT_TRUE(r.error.contains(QStringLiteral("code:2: attempt to index a nil value (field 'x')"))) << describe(r);
}

TEST_F(LuaInRuns, NodeTimeoutStopsAnEndlessScript)
{
    // Without an instruction budget only the node's timeout can end the loop.
    FlowNode code = node("code", "code.lua", Object{{"code", "function execute(ctx, items) while true do end end"}});
    code.settings.timeoutMs = 200;
    NodeRegistry unbudgeted;
    unbudgeted.add(std::make_shared<SourceNode>());
    unbudgeted.add(std::make_shared<LuaCodeNode>(LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited}));
    Executor executor(unbudgeted, &expressions);
    RunOptions o;
    o.input = input(1);
    QElapsedTimer clock;
    clock.start();
    const RunResult r = executor.run(flow({node("src", "test.source"), code}, {wire("src", "code")}), o);
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_EQ(r.errorCode, QStringLiteral("TIMEOUT"));
    EXPECT_FALSE(r.error.contains(QStringLiteral("abandoned"))) << "the script stopped by itself: " << describe(r);
    EXPECT_LT(clock.elapsed(), 2000);
}

TEST_F(LuaInRuns, CancellingTheRunStopsAScript)
{
    NodeRegistry unbudgeted;
    unbudgeted.add(std::make_shared<SourceNode>());
    unbudgeted.add(std::make_shared<LuaCodeNode>(LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited}));
    Executor executor(unbudgeted, &expressions);
    RunOptions o;
    o.input = input(1);
    std::thread canceller([token = o.cancellation] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        token.cancel(QStringLiteral("test"));
    });
    QElapsedTimer clock;
    clock.start();
    const RunResult r = executor.run(
        flow({node("src", "test.source"), node("code", "code.lua", Object{{"code", "function execute() while true do end end"}})},
             {wire("src", "code")}),
        o);
    canceller.join();
    EXPECT_EQ(r.status, RunStatus::Cancelled) << describe(r);
    EXPECT_LT(clock.elapsed(), 2000);
}

TEST_F(LuaInRuns, ValidatorReportsLuaSyntaxErrors)
{
    const Flow f = flow({node("src", "test.source"),
                         node("set", "test.set", Object{{"field", "x"}, {"value", "{{ item.price + }}"}}),
                         node("code", "code.lua", Object{{"code", "function execute(ctx, items)\n  return items +\nend"}})},
                        {wire("src", "set"), wire("set", "code")});
    const QList<Problem> problems = FlowValidator(registry, &expressions).validate(f);
    QStringList texts;
    for (const Problem& p : problems)
        texts.append(p.toString());
    EXPECT_TRUE(texts.contains(QStringLiteral("nodes[2].params.code: code:3: unexpected symbol near 'end'"))) << texts.join(u'\n').toStdString();
    bool expressionProblem = false;
    for (const QString& t : texts)
        expressionProblem = expressionProblem || (t.startsWith(QStringLiteral("nodes[1].params.value")) && t.contains(QStringLiteral("expr:1:")));
    EXPECT_TRUE(expressionProblem) << texts.join(u'\n').toStdString();
}
