// Executor targets of the foundation issue:
//   (a) 10 Set Fields nodes in a chain over 1,000,000 items: <= 250 ns per item per node;
//   (b) one item through a 10-node flow, in process: <= 50 us without the run store, <= 1 ms recorded.

#include "BenchFlows.hpp"

#include "engine/Executor.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

struct Setup {
    NodeRegistry registry;
    scripts::LuaExpressionEngine expressions;
    Setup() { nodes::registerBuiltinNodes(registry); }
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

void BM_SetChainMillionItems(benchmark::State& state)
{
    constexpr int nodes = 10;
    const qsizetype count = state.range(0);
    const ItemList input = makeItems(count);
    const Flow flow = bench::BenchFlows::setChain(nodes);
    Executor executor(setup().registry, &setup().expressions);
    RunOptions options;
    options.input = input;
    options.captureNodes = {QStringLiteral("none")}; // keep nothing: measure the flow, not the result
    for (auto _ : state) {
        RunResult r = executor.run(flow, options);
        if (r.status != RunStatus::Succeeded)
            state.SkipWithError(r.error.toUtf8().constData());
    }
    state.counters["per_item_per_node"] =
        benchmark::Counter(double(count) * nodes, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["items_per_second"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SetChainMillionItems)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
// A small size for profiling: bench_executor --benchmark_filter=SetChain/10000
BENCHMARK(BM_SetChainMillionItems)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OneItemTenNodes(benchmark::State& state)
{
    const Flow flow = bench::BenchFlows::setChain(9); // trigger + 9 = 10 nodes
    Executor executor(setup().registry, &setup().expressions);
    RunOptions options;
    options.input = makeItems(1);
    for (auto _ : state) {
        RunResult r = executor.run(flow, options);
        benchmark::DoNotOptimize(r.output);
    }
}
BENCHMARK(BM_OneItemTenNodes)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_OneItemTenNodesRecorded(benchmark::State& state)
{
    const Flow flow = bench::BenchFlows::setChain(9);
    QTemporaryDir dir;
    auto store = RunStore::open(dir.path());
    if (!store) {
        state.SkipWithError(store.error().message.toUtf8().constData());
        return;
    }
    Executor executor(setup().registry, &setup().expressions);
    for (auto _ : state) {
        RunRecorder recorder(**store, {StoreItemData::Full, QStringLiteral("bench.flow.json"), QStringLiteral("manual")});
        RunOptions options;
        options.input = makeItems(1);
        options.observers = {&recorder};
        RunResult r = executor.run(flow, options);
        if (auto f = recorder.flush(); !f)
            state.SkipWithError(f.error().toUtf8().constData());
        benchmark::DoNotOptimize(r.output);
    }
}
BENCHMARK(BM_OneItemTenNodesRecorded)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
