// Lua node types (issue 9): a Lua node that adds a field to each of 1,000,000 items, target <= 1 s, through
// the real executor (manual trigger -> Lua node, default batch size) and as one batch straight into the node.

#include "engine/ExecutionContext.hpp"
#include "engine/Executor.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"
#include "scripts/LuaNodeLoader.hpp"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

const char* addFieldNode = R"lua(return {
  type = "bench.addField",
  title = "Add field",
  limits = { instructions = 1e10, memory = 1024 }, -- the one-batch case holds a million proxies
  execute = function(ctx, items)
    for i = 1, #items do
      items[i].total = items[i].price * 2
    end
    return items
  end,
})lua";

struct Setup {
    NodeRegistry registry;
    scripts::LuaExpressionEngine expressions;
    Setup()
    {
        nodes::registerBuiltinNodes(registry);
        auto node = scripts::LuaNodeLoader::load(addFieldNode, QStringLiteral("add-field.lua"));
        if (!node)
            qFatal("%s", qUtf8Printable(node.error()));
        registry.add(*node);
    }
};

Setup& setup()
{
    static Setup s;
    return s;
}

ItemList makeItems(qsizetype n)
{
    ItemList items;
    items.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        items.append(Item(Object{{QStringLiteral("id"), i},
                                 {QStringLiteral("name"), QStringLiteral("item %1").arg(i)},
                                 {QStringLiteral("price"), double(i % 100) + 0.5}}));
    }
    return items;
}

Flow addFieldFlow()
{
    Flow f;
    f.id = QStringLiteral("6a1c3e55-0b7d-4f20-9c1e-2d3b4a5c6d7e");
    f.name = QStringLiteral("lua add field");
    FlowNode trigger;
    trigger.id = trigger.name = QStringLiteral("trigger");
    trigger.type = QStringLiteral("core.manualTrigger");
    FlowNode lua;
    lua.id = lua.name = QStringLiteral("lua");
    lua.type = QStringLiteral("bench.addField");
    f.nodes = {trigger, lua};
    f.connections = {{QStringLiteral("trigger"), QStringLiteral("out"), QStringLiteral("lua"), QStringLiteral("in")}};
    return f;
}

void BM_LuaNodeAddFieldMillionItems(benchmark::State& state)
{
    const qsizetype count = state.range(0);
    const Flow flow = addFieldFlow();
    Executor executor(setup().registry, &setup().expressions);
    RunOptions options;
    options.input = makeItems(count);
    options.captureNodes = {QStringLiteral("none")};
    for (auto _ : state) {
        RunResult r = executor.run(flow, options);
        if (r.status != RunStatus::Succeeded)
            state.SkipWithError(r.error.toUtf8().constData());
    }
    state.counters["items_per_second"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LuaNodeAddFieldMillionItems)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// The same work in one batch of a million items, captured, to check the result and the single-call path.
void BM_LuaNodeAddFieldOneBatch(benchmark::State& state)
{
    const qsizetype count = state.range(0);
    const Flow flow = addFieldFlow();
    Executor executor(setup().registry, &setup().expressions);
    RunOptions options;
    options.input = makeItems(count);
    options.batchSize = count;
    options.maxCapturedItems = count;
    for (auto _ : state) {
        RunResult r = executor.run(flow, options);
        if (r.status != RunStatus::Succeeded || r.output.size() != count
            || r.output.last().json().value(u"total").toDouble() != (double((count - 1) % 100) + 0.5) * 2)
            state.SkipWithError(("wrong result: " + r.error).toUtf8().constData());
    }
    state.counters["items_per_second"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LuaNodeAddFieldOneBatch)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
