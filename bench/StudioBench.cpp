// Studio targets of issue #3 on a generated 1,000-node / 1,200-connection flow:
//   open (read + validate + build the canvas + first frame) under 1 s, and pan / zoom frames without visible
//   stutter (a frame well under 16 ms is smooth at 60 Hz). Runs offscreen unless DISPLAY is set.

#include "app/runtime/Runtime.hpp"
#include "app/studio/FlowDocument.hpp"
#include "app/studio/FlowScene.hpp"
#include "app/studio/FlowView.hpp"
#include "engine/FlowWriter.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

constexpr int nodeCount = 1000;
constexpr int connectionCount = 1200;
constexpr int rows = 40;

/// 25 columns of 40 nodes; every node past the first column is fed from the column before it, and 225 more
/// links join random pairs of neighbouring columns: a DAG shaped like a large real flow.
Flow generatedFlow()
{
    Flow f;
    f.id = QStringLiteral("bench-studio-0000-0000-000000000001");
    f.name = QStringLiteral("Generated 1000 nodes");
    QRandomGenerator rng(42);
    for (int i = 0; i < nodeCount; ++i) {
        FlowNode n;
        n.id = QStringLiteral("n%1").arg(i);
        const bool trigger = i < rows;
        n.type = trigger ? QStringLiteral("core.manualTrigger") : (i % 3 ? QStringLiteral("core.noop") : QStringLiteral("core.set"));
        n.name = QStringLiteral("Node %1").arg(i);
        n.position = {double(i / rows) * 260, double(i % rows) * 120};
        f.nodes.push_back(n);
    }
    QSet<QString> seen;
    const auto link = [&](int from, int to) {
        const QString key = QStringLiteral("%1>%2").arg(from).arg(to);
        if (seen.contains(key))
            return false;
        seen.insert(key);
        f.connections.push_back({f.nodes[size_t(from)].id, QStringLiteral("out"), f.nodes[size_t(to)].id, QStringLiteral("in")});
        return true;
    };
    for (int i = rows; i < nodeCount; ++i)
        link((i / rows - 1) * rows + int(rng.bounded(rows)), i);
    while (int(f.connections.size()) < connectionCount) {
        const int to = rows + int(rng.bounded(nodeCount - rows));
        const int column = to / rows;
        link((column - 1) * rows + int(rng.bounded(rows)), to);
    }
    return f;
}

struct Fixture {
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<app::Runtime> runtime;

    Fixture()
    {
        auto rt = app::Runtime::create({dir.path(), false});
        runtime = std::move(*rt);
        path = dir.path() + QStringLiteral("/big.flow.json");
        (void)FlowWriter::save(generatedFlow(), path);
    }
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

/// One full frame of the canvas, painted the way the viewport paints it (items, their caches, the grid, the
/// minimap) into an image: the same on every platform, offscreen included.
void paintFrame(studio::FlowView& view)
{
    static QImage frame;
    if (frame.size() != view.size())
        frame = QImage(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.QWidget::render(&frame); // the widget paint path, not QGraphicsView::render(QPainter*)
    benchmark::DoNotOptimize(frame.constBits());
}

/// Lets the view's timers run (node caches come back a moment after the zoom stops changing), as between a
/// zoom and the pan that follows it.
void settle()
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 400)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void BM_OpenLargeFlow(benchmark::State& state)
{
    Fixture& fx = fixture();
    for (auto _ : state) {
        studio::FlowDocument doc(fx.runtime->registry(), &fx.runtime->expressions());
        if (!doc.open(fx.path)) {
            state.SkipWithError("the generated flow does not open");
            return;
        }
        studio::FlowScene scene(doc);
        studio::FlowView view(&scene);
        view.resize(1600, 1000);
        view.show();
        view.fitToView();
        paintFrame(view);
        benchmark::DoNotOptimize(scene.connectionCount());
    }
    state.counters["nodes"] = nodeCount;
    state.counters["connections"] = connectionCount;
}

/// One pan step per iteration at a zoom (state.range(0) percent): 100 shows ~40 nodes, 15 shows them all.
void BM_PanFrame(benchmark::State& state)
{
    Fixture& fx = fixture();
    studio::FlowDocument doc(fx.runtime->registry(), &fx.runtime->expressions());
    doc.open(fx.path);
    studio::FlowScene scene(doc);
    studio::FlowView view(&scene);
    view.resize(1600, 1000);
    view.show();
    view.setZoom(double(state.range(0)) / 100);
    view.centerOn(scene.contentRect().center());
    settle();
    paintFrame(view);
    int step = 0;
    for (auto _ : state) {
        const int d = (step++ / 40) % 2 ? -25 : 25;
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + d);
        paintFrame(view);
    }
}

/// One zoom step per iteration, between 15% and 150% and back.
void BM_ZoomFrame(benchmark::State& state)
{
    Fixture& fx = fixture();
    studio::FlowDocument doc(fx.runtime->registry(), &fx.runtime->expressions());
    doc.open(fx.path);
    studio::FlowScene scene(doc);
    studio::FlowView view(&scene);
    view.resize(1600, 1000);
    view.show();
    view.fitToView();
    paintFrame(view);
    double z = 0.15;
    double factor = 1.1;
    for (auto _ : state) {
        z *= factor;
        if (z > 1.5 || z < 0.15)
            factor = 1 / factor;
        view.setZoom(z);
        paintFrame(view);
    }
}

} // namespace

BENCHMARK(BM_OpenLargeFlow)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_PanFrame)->Arg(100)->Arg(40)->Arg(15)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ZoomFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
