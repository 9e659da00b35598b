// taskloom replay FILE: replays a macro, finding each target on the screen again; non-zero exit when a step fails.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/AtomicFile.hpp"
#include "engine/Json.hpp"
#include "nodes/rpa/ScreenText.hpp"
#include "recorder/Hotkeys.hpp"
#include "recorder/MacroFile.hpp"
#include "recorder/Replayer.hpp"

#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace taskloom::cli {

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

QString describe(const recorder::StepReport& s)
{
    if (!s.ok)
        return QStringLiteral("step %1 %2: FAILED").arg(s.index + 1).arg(s.kind);
    QString how;
    if (!s.strategy.isEmpty())
        how = QStringLiteral(" at %1,%2 by %3").arg(s.point.x).arg(s.point.y).arg(s.strategy)
            + (s.score >= 0 ? QStringLiteral(" (score %1)").arg(s.score, 0, 'f', 2) : QString());
    return QStringLiteral("step %1 %2: ok%3, %4 ms").arg(s.index + 1).arg(s.kind, how).arg(s.durationMs);
}

} // namespace

int replayCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("replay"),
                   QStringLiteral("Replays a recorded macro. Each click finds its target again by its anchor image (also when "
                                  "the window moved or the screen is zoomed), then by its window, then by position. Exit code "
                                  "0 when every step ran, 1 when a step failed, 2 for a bad macro or no usable display."));
    cl.addPositional(QStringLiteral("macro"), QStringLiteral("The macro file (*.macro.json)."));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("Replay speed factor (2 = twice as fast)."), QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption reportOpt(QStringLiteral("report"), QStringLiteral("Write the per-step report (strategy, score) as JSON."), QStringLiteral("file"));
    const QCommandLineOption display(QStringLiteral("display"), QStringLiteral("The X11 display (default: $DISPLAY)."), QStringLiteral("name"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Seconds to wait for each target to appear (default 5)."), QStringLiteral("seconds"), QStringLiteral("5"));
    const QCommandLineOption noFallback(QStringLiteral("no-fallback"), QStringLiteral("Only image anchors: never click at recorded positions."));
    const QCommandLineOption stepByStep(QStringLiteral("step-by-step"), QStringLiteral("Ask before each step (Enter runs it, q stops)."));
    const QCommandLineOption shots(QStringLiteral("screenshots"), QStringLiteral("Folder for failure screenshots (default: the temporary folder)."), QStringLiteral("dir"));
    const QCommandLineOption keepMouse(QStringLiteral("ignore-mouse"), QStringLiteral("Do not stop when the mouse is moved during replay."));
    const QCommandLineOption abortKey(QStringLiteral("abort-key"), QStringLiteral("Global hotkey that stops the replay (default F10; \"none\": no hotkey)."),
                                      QStringLiteral("key"), QStringLiteral("F10"));
    for (const auto& o : {speed, reportOpt, display, timeout, noFallback, stepByStep, shots, keepMouse, abortKey})
        cl.addOption(o);
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QCommandLineParser& p = cl.parser();
    const QString path = p.positionalArguments().first();
    bool ok = false;
    const double speedValue = p.value(speed).toDouble(&ok);
    if (!ok || speedValue <= 0 || speedValue > 100)
        return fail(Usage, QStringLiteral("replay: --speed \"%1\": expected a number above 0 (2 = twice as fast)").arg(p.value(speed)));
    const double timeoutValue = p.value(timeout).toDouble(&ok);
    if (!ok || timeoutValue < 0)
        return fail(Usage, QStringLiteral("replay: --timeout \"%1\": expected seconds").arg(p.value(timeout)));
    auto macro = recorder::MacroFile::read(path);
    if (!macro)
        return fail(Usage, QStringLiteral("replay: %1").arg(macro.error()));
    auto desktop = recorder::Desktop::open(p.value(display));
    if (!desktop)
        return fail(Usage, QStringLiteral("replay: %1").arg(desktop.error()));
    if (!(*desktop)->warning().isEmpty())
        err(QStringLiteral("taskloom: warning: %1").arg((*desktop)->warning()));

    auto runtime = app::Runtime::create({});
    if (!runtime)
        return fail(Usage, QStringLiteral("replay: %1").arg(runtime.error()));
    recorder::ReplayOptions o;
    o.speed = speedValue;
    o.findTimeoutMs = int(timeoutValue * 1000);
    o.fallback = !p.isSet(noFallback);
    o.abortOnUserMouse = !p.isSet(keepMouse);
    o.failureDir = p.value(shots);
    o.resolveText = [&](const QString& text) { return (*runtime)->evaluateText(text); };
    o.secret = [&](const QString& name, const QString& field) { return (*runtime)->credentialField(name, field); };
    o.findText = [](const recorder::Image& screen, const QString& text, const recorder::Rect& region) {
        return nodes::rpa::findScreenText(screen, text, region);
    };
    g_stop = false;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    o.cancelled = [] { return g_stop.load(); };
    // The abort hotkey is grabbed, so the replayed program never sees it; a key someone else holds is a warning.
    std::unique_ptr<recorder::HotkeyService> hotkeys;
    if (const QString key = p.value(abortKey); key != u"none") {
        auto service = recorder::HotkeyService::open(p.value(display));
        if (service) {
            if (auto grabbed = (*service)->grab(key, [] { g_stop = true; }); grabbed) {
                hotkeys = std::move(*service);
                err(QStringLiteral("Replaying; press %1 to stop.").arg(key));
            } else {
                err(QStringLiteral("taskloom: warning: %1; Ctrl+C or moving the mouse still stops the replay").arg(grabbed.error()));
            }
        }
    }
    if (p.isSet(stepByStep))
        o.beforeStep = [](int index, const recorder::MacroStep& step) {
            err(QStringLiteral("%1 - Enter runs it, q stops: ").arg(recorder::MacroStep::label(index, step.kind)));
            char line[64] = {};
            if (!std::fgets(line, sizeof line, stdin))
                return false;
            return line[0] != 'q' && line[0] != 'Q';
        };
    o.afterStep = [](const recorder::StepReport& s) { err(describe(s)); };
    const recorder::ReplayReport report = recorder::Replayer::run(**desktop, *macro, o);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (p.isSet(reportOpt)) {
        engine::Object json = report.toObject();
        json.insert(QStringLiteral("macro"), path);
        if (auto written = engine::AtomicFile::write(p.value(reportOpt), engine::Json::serialize(json, {true, 100}) + '\n'); !written)
            err(QStringLiteral("taskloom: replay: %1").arg(written.error()));
    }
    if (report.ok)
        return Ok;
    return fail(report.cancelled ? Cancelled : NodeFailed, QStringLiteral("replay: %1: %2").arg(path, report.error));
}

} // namespace taskloom::cli
