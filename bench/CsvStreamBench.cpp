// Memory target (c) of the foundation issue: peak RSS while a generated 1 GB CSV streams through
// Read CSV -> Filter -> Aggregate stays <= 256 MB. The CSV is generated once (TASKLOOM_BENCH_CSV or
// /tmp/taskloom-bench/orders-1g.csv) and reused.

#include "BenchFlows.hpp"

#include "engine/Executor.hpp"
#include "engine/NodeRegistry.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

constexpr qint64 targetBytes = 1024LL * 1024 * 1024;

QString csvPath()
{
    const QString env = qEnvironmentVariable("TASKLOOM_BENCH_CSV");
    return env.isEmpty() ? QStringLiteral("/tmp/taskloom-bench/orders-1g.csv") : env;
}

bool ensureCsv(const QString& path, qint64& rows)
{
    QFileInfo info(path);
    if (info.exists() && info.size() >= targetBytes) {
        rows = -1;
        return true;
    }
    QDir().mkpath(info.absolutePath());
    QFile f(path + QStringLiteral(".part"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    static const char* regions[] = {"north", "south", "east", "west", "central"};
    static const char* statuses[] = {"paid", "open", "refunded"};
    f.write("id,region,status,amount,customer,note\n");
    QByteArray chunk;
    qint64 written = 0;
    for (rows = 0; written < targetBytes; ++rows) {
        chunk += QByteArray::number(rows) + ',' + regions[rows % 5] + ',' + statuses[(rows / 7) % 3] + ','
            + QByteArray::number(double(rows % 10000) / 100.0, 'f', 2) + ",customer-" + QByteArray::number(rows % 9973)
            + ",\"order note, with a comma and \"\"quotes\"\" #" + QByteArray::number(rows) + "\"\n";
        if (chunk.size() > (1 << 20)) {
            written += f.write(chunk);
            chunk.clear();
        }
    }
    written += f.write(chunk);
    f.close();
    return QFile::rename(path + QStringLiteral(".part"), path);
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

void BM_CsvFilterAggregateOneGigabyte(benchmark::State& state)
{
    const QString path = csvPath();
    qint64 rows = 0;
    if (!ensureCsv(path, rows)) {
        state.SkipWithError("cannot write the benchmark CSV");
        return;
    }
    NodeRegistry registry;
    nodes::registerBuiltinNodes(registry);
    scripts::LuaExpressionEngine expressions;
    const Flow flow = bench::BenchFlows::csvFilterAggregate(path);
    Executor executor(registry, &expressions);
    const long before = peakRssKb();
    qint64 rowsRead = 0;
    for (auto _ : state) {
        RunResult r = executor.run(flow, RunOptions{});
        if (r.status != RunStatus::Succeeded) {
            state.SkipWithError(r.error.toUtf8().constData());
            return;
        }
        for (const NodeResult& n : r.nodes) {
            if (n.nodeId == u"read")
                rowsRead = n.itemsOut;
        }
        benchmark::DoNotOptimize(r.output);
    }
    state.counters["peak_rss_MB"] = double(peakRssKb()) / 1024.0;
    state.counters["rss_before_MB"] = double(before) / 1024.0;
    state.counters["rows"] = double(rowsRead);
    state.counters["rows_per_second"] = benchmark::Counter(double(rowsRead), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["MB_per_second"] =
        benchmark::Counter(double(QFileInfo(path).size()) / 1048576.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CsvFilterAggregateOneGigabyte)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
