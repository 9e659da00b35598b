// Recorder targets from issue #5: anchor search on a 1920x1080 screen in at most 30 ms per step, recording
// costing at most 2 % of one core while the mouse moves about, and replay hitting 100 % of recorded clicks on the
// right widget after the target window moved and after a 125 % scale change.

#include "XvfbSession.hpp"

#include "recorder/AnchorFinder.hpp"
#include "recorder/Recorder.hpp"
#include "recorder/Replayer.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

using namespace taskloom;
using namespace taskloom::recorder;

namespace {

void fill(Image& img, const Rect& r, quint32 rgb)
{
    const Rect c = r.intersected(img.rect());
    for (int y = c.y; y < c.y + c.height; ++y)
        for (int x = c.x; x < c.x + c.width; ++x) {
            uchar* p = img.bits() + y * img.stride() + x * 4;
            p[0] = uchar(rgb & 0xff);
            p[1] = uchar((rgb >> 8) & 0xff);
            p[2] = uchar((rgb >> 16) & 0xff);
            p[3] = 0xff;
        }
}

/// A button-like widget at `scale`: a light box, a border and "text" strokes whose layout depends on `seed`.
void drawWidget(Image& img, Point at, int seed, double scale)
{
    const auto s = [scale](int v) { return int(v * scale + 0.5); };
    fill(img, {at.x, at.y, s(96), s(28)}, 0x9a9a9a);
    fill(img, {at.x + 1, at.y + 1, s(96) - 2, s(28) - 2}, 0xe4e4e4);
    QRandomGenerator rng{quint32(seed)};
    int x = 8;
    while (x < 84) {
        const int w = 2 + int(rng.bounded(6));
        fill(img, {at.x + s(x), at.y + s(8 + int(rng.bounded(4))), s(w), s(8 + int(rng.bounded(4)))}, rng.bounded(0x303030));
        x += w + 1 + int(rng.bounded(3));
    }
}

/// A busy 1920x1080 desktop: a window full of look-alike widgets (a form, a toolbar), the target widget
/// (seed 4242) at `target`, drawn at `scale`.
Image screen(Point target, double scale)
{
    Image img(1920, 1080);
    fill(img, img.rect(), 0x2b4f6e);
    fill(img, {100, 60, 1700, 950}, 0xf3f3f3);
    int seed = 1;
    for (int y = 90; y < 980; y += 40)
        for (int x = 130; x < 1760; x += 110)
            drawWidget(img, {x, y}, seed++ % 37, scale); // only 37 different widgets: many repeats
    fill(img, {target.x - 4, target.y - 4, int(104 * scale), int(36 * scale)}, 0xf3f3f3);
    drawWidget(img, target, 4242, scale);
    return img;
}

struct Anchor {
    Image image;
    Point offset; ///< of the patch from the target widget's corner
};

Anchor recordedAnchor()
{
    const Point target{700, 410};
    const Image recorded = screen(target, 1.0);
    const AnchorFinder::Patch patch = AnchorFinder::distinctivePatch(recorded, {target.x + 48, target.y + 14});
    return {recorded.copy(patch.rect), {patch.rect.x - target.x, patch.rect.y - target.y}};
}

// The window moved since recording: same scale, another place.
void BM_AnchorSearch1080pMovedWindow(benchmark::State& state)
{
    const Anchor anchor = recordedAnchor();
    const Image now = screen({1310, 730}, 1.0);
    AnchorFinder::Search search;
    for (auto _ : state) {
        auto m = AnchorFinder::find(now, anchor.image, search);
        if (!m || m->rect.x != 1310 + anchor.offset.x || m->rect.y != 730 + anchor.offset.y) {
            state.SkipWithError("anchor not found where it was drawn");
            break;
        }
        benchmark::DoNotOptimize(m);
    }
    state.counters["anchor_px"] = double(anchor.image.width() * anchor.image.height());
}
BENCHMARK(BM_AnchorSearch1080pMovedWindow)->Unit(benchmark::kMillisecond)->UseRealTime();

// The display was zoomed to 125 % since recording: the default scale list must find it. The argument is the scale
// tried first: 100 on a replay's first zoomed step, 125 on later ones (the last match's scale comes first).
void BM_AnchorSearch1080pScaled125(benchmark::State& state)
{
    const Anchor anchor = recordedAnchor();
    const Image now = screen({900, 500}, 1.25);
    AnchorFinder::Search search;
    search.scales = AnchorFinder::defaultScales(double(state.range(0)) / 100);
    for (auto _ : state) {
        auto m = AnchorFinder::find(now, anchor.image, search);
        if (!m || std::abs(m->scale - 1.25) > 0.06 || std::abs(m->rect.x - (900 + int(anchor.offset.x * 1.25))) > 3) {
            state.SkipWithError("anchor not found at 125 %");
            break;
        }
        benchmark::DoNotOptimize(m);
    }
}
BENCHMARK(BM_AnchorSearch1080pScaled125)->Arg(100)->Arg(125)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The buttons of `taskloom-target-app --more`: eleven distinct widgets.
const QStringList targetButtons = {QStringLiteral("alpha"), QStringLiteral("beta"),   QStringLiteral("gamma"),
                                   QStringLiteral("delta"), QStringLiteral("echo"),   QStringLiteral("foxtrot"),
                                   QStringLiteral("golf"),  QStringLiteral("hotel"),  QStringLiteral("india"),
                                   QStringLiteral("juliet"), QStringLiteral("kilo")};

QStringList clicksIn(const QStringList& actions)
{
    QStringList clicks;
    for (const QString& a : actions)
        if (a.startsWith(QStringLiteral("click ")))
            clicks.append(a.mid(6));
    return clicks;
}

/// Replays `macro` on a fresh target started with `args` / `env`; the share of the recorded clicks that reached
/// the same widget, in the same order.
double replayHitRate(const tests::XvfbSession& x, const Macro& macro, const QStringList& recorded, const QString& log,
                     const QStringList& args, const QProcessEnvironment& env, QString* error)
{
    tests::TargetApp app(x, log, args, env);
    if (!app.waitReady()) {
        *error = QStringLiteral("the target did not start");
        return 0;
    }
    auto desktop = Desktop::open(x.display());
    if (!desktop) {
        *error = desktop.error();
        return 0;
    }
    ReplayOptions o;
    o.findTimeoutMs = 4000;
    const ReplayReport report = Replayer::run(**desktop, macro, o);
    if (!report.ok)
        *error = report.error;
    app.waitFor([&](const QStringList& a) { return clicksIn(a).size() >= recorded.size(); }, 3000);
    const QStringList replayed = clicksIn(app.actions());
    int hits = 0;
    for (qsizetype i = 0; i < recorded.size() && i < replayed.size(); ++i)
        hits += replayed[i] == recorded[i] ? 1 : 0;
    return recorded.isEmpty() ? 0 : double(hits) / double(recorded.size());
}

// Eleven clicks on eleven different buttons, recorded by the real recorder from XTest input, replayed on the
// target after it moved, and after it moved and was zoomed to 125 % (QT_SCALE_FACTOR): the share of recorded clicks
// that reached the right widget.
void BM_ReplayHitRateMovedAndZoomed(benchmark::State& state)
{
    tests::XvfbSession x({1280, 800, false});
    if (!x.ok()) {
        state.SkipWithError(qPrintable(QStringLiteral("Xvfb: ") + x.error()));
        return;
    }
    QTemporaryDir dir;
    Macro macro;
    QStringList recorded;
    {
        tests::TargetApp app(x, dir.filePath(QStringLiteral("record.log")), {QStringLiteral("--more"), QStringLiteral("--pos"), QStringLiteral("60,60")});
        auto driver = Desktop::open(x.display());
        if (!app.waitReady() || !driver) {
            state.SkipWithError("the target or the display did not start");
            return;
        }
        Recorder::Options ro;
        ro.display = x.display();
        Recorder recorder(ro);
        if (auto started = recorder.start(); !started) {
            state.SkipWithError(qPrintable(started.error()));
            return;
        }
        QThread::msleep(300);
        for (const QString& name : targetButtons) {
            const tests::TargetApp::Widget w = app.widget(name);
            const int before = int(clicksIn(app.actions()).size());
            (void)(*driver)->moveMouse({w.centerX(), w.centerY()});
            QThread::msleep(250);
            (void)(*driver)->button(1, true);
            QThread::msleep(60);
            (void)(*driver)->button(1, false);
            app.waitFor([&](const QStringList& a) { return clicksIn(a).size() > before; }, 5000);
            QThread::msleep(200);
        }
        recorder.stop();
        macro = recorder.macro();
        recorded = clicksIn(app.actions());
    }
    if (recorded != targetButtons) {
        state.SkipWithError(qPrintable(QStringLiteral("recording did not click every button: ") + recorded.join(u',')));
        return;
    }
    double moved = 0, zoomed = 0;
    QString movedError, zoomedError;
    for (auto _ : state) {
        moved = replayHitRate(x, macro, recorded, dir.filePath(QStringLiteral("moved.log")),
                              {QStringLiteral("--more"), QStringLiteral("--pos"), QStringLiteral("433,271")}, {}, &movedError);
        QProcessEnvironment zoom;
        zoom.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("1.25"));
        zoomed = replayHitRate(x, macro, recorded, dir.filePath(QStringLiteral("zoomed.log")),
                               {QStringLiteral("--more"), QStringLiteral("--pos"), QStringLiteral("300,200")}, zoom, &zoomedError);
    }
    if (!movedError.isEmpty() || !zoomedError.isEmpty())
        std::fprintf(stderr, "replay errors: moved: %s; zoomed: %s\n", qPrintable(movedError), qPrintable(zoomedError));
    state.counters["recorded_clicks"] = double(recorded.size());
    state.counters["hit_rate_moved"] = moved;
    state.counters["hit_rate_moved_125"] = zoomed;
}
BENCHMARK(BM_ReplayHitRateMovedAndZoomed)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Recording while the mouse moves at about 60 Hz (moved by xdotool, another process, so only the recorder's
// own work counts): the process's CPU time over wall time, in % of one core.
void BM_RecordingIdleMouseCpu(benchmark::State& state)
{
    tests::XvfbSession x({1920, 1080, false});
    if (!x.ok()) {
        state.SkipWithError(qPrintable(QStringLiteral("Xvfb: ") + x.error()));
        return;
    }
    Recorder::Options o;
    o.display = x.display();
    Recorder recorder(o);
    if (auto started = recorder.start(); !started) {
        state.SkipWithError(qPrintable(started.error()));
        return;
    }
    double percent = 0;
    for (auto _ : state) {
        QProcess mover;
        mover.setProcessEnvironment(x.environment());
        // 180 moves in a circle-ish path, about 60 per second, in one xdotool process.
        QStringList args;
        for (int i = 0; i < 180; ++i) {
            args << QStringLiteral("mousemove") << QString::number(400 + (i * 7) % 900) << QString::number(300 + (i * 13) % 500)
                 << QStringLiteral("sleep") << QStringLiteral("0.016");
        }
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        mover.start(QStringLiteral("xdotool"), args);
        if (!mover.waitForFinished(60'000) || mover.exitCode() != 0) {
            state.SkipWithError("xdotool failed (apt-get install xdotool)");
            break;
        }
        QThread::msleep(200); // let the last events arrive
        percent = 100.0 * (cpuSeconds() - cpu0) / (double(wall.elapsed()) / 1000.0);
        state.SetIterationTime(double(wall.elapsed()) / 1000.0);
    }
    recorder.stop();
    state.counters["cpu_percent_of_one_core"] = percent;
}
BENCHMARK(BM_RecordingIdleMouseCpu)->Iterations(2)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
