// taskloom record --out FILE: records desktop input into a macro (or, with --as-flow, a flow of RPA nodes).

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "engine/FlowWriter.hpp"
#include "nodes/rpa/MacroFlow.hpp"
#include "recorder/MacroFile.hpp"
#include "recorder/Recorder.hpp"

#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <csignal>

namespace taskloom::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onSignal(int)
{
    g_interrupted = true;
}

} // namespace

int recordCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("record"),
                   QStringLiteral("Records mouse and keyboard input on the desktop into a macro. Stop with F10 (or Ctrl+C, or "
                                  "--duration); Pause pauses and F9 resumes; F8 toggles secret input, which is saved as a "
                                  "\"type secret\" step that names a credential, never as text."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("The macro file to write (*.macro.json), or with --as-flow the flow (*.flow.json)."), QStringLiteral("file"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Stop after this many seconds."), QStringLiteral("seconds"));
    const QCommandLineOption asFlow(QStringLiteral("as-flow"), QStringLiteral("Write a flow of RPA nodes instead of a macro."));
    const QCommandLineOption display(QStringLiteral("display"), QStringLiteral("The X11 display (default: $DISPLAY)."), QStringLiteral("name"));
    const QCommandLineOption embed(QStringLiteral("embed-anchors"), QStringLiteral("Keep anchor images inside the macro file."));
    const QCommandLineOption waitKey(QStringLiteral("wait-for-hotkey"), QStringLiteral("Start recording only when F9 is pressed."));
    const QCommandLineOption secret(QStringLiteral("secret-credential"), QStringLiteral("The credential secret input refers to (default macro-secret)."), QStringLiteral("name"));
    const QCommandLineOption noAnchors(QStringLiteral("no-anchors"), QStringLiteral("Record positions only, no anchor images."));
    for (const auto& o : {outOpt, duration, asFlow, display, embed, waitKey, secret, noAnchors})
        cl.addOption(o);
    if (auto code = cl.parse(args, 0, 0))
        return *code;
    const QCommandLineParser& p = cl.parser();
    const QString out = p.value(outOpt);
    if (out.isEmpty())
        return fail(Usage, QStringLiteral("record: --out FILE is required"));
    double seconds = 0;
    if (p.isSet(duration)) {
        bool ok = false;
        seconds = p.value(duration).toDouble(&ok);
        if (!ok || seconds <= 0)
            return fail(Usage, QStringLiteral("record: --duration \"%1\": expected a number of seconds above 0").arg(p.value(duration)));
    }
    recorder::Recorder::Options options;
    options.display = p.value(display);
    options.waitForStartKey = p.isSet(waitKey);
    options.anchors = !p.isSet(noAnchors);
    if (p.isSet(secret))
        options.builder.secretCredential = p.value(secret);
    recorder::Recorder rec(options);
    if (auto ok = rec.start(); !ok)
        return fail(Usage, QStringLiteral("record: %1").arg(ok.error()));
    if (!rec.desktopWarning().isEmpty())
        err(QStringLiteral("taskloom: warning: %1").arg(rec.desktopWarning()));
    err(options.waitForStartKey ? QStringLiteral("Press F9 to start recording; F10 stops.")
                                : QStringLiteral("Recording. F10 (or Ctrl+C) stops, Pause pauses, F8 toggles secret input."));
    g_interrupted = false;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QElapsedTimer t;
    t.start();
    while (!rec.stopRequested() && !g_interrupted && (seconds <= 0 || t.elapsed() < seconds * 1000))
        QThread::msleep(50);
    rec.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    for (const QString& w : rec.warnings())
        err(QStringLiteral("taskloom: warning: %1").arg(w));
    recorder::Macro macro = rec.macro();
    if (p.isSet(asFlow)) {
        auto flow = nodes::rpa::MacroFlow::convert(macro, out);
        if (!flow)
            return fail(NodeFailed, QStringLiteral("record: %1").arg(flow.error()));
        if (auto ok = engine::FlowWriter::save(*flow, out); !ok)
            return fail(NodeFailed, QStringLiteral("record: %1").arg(ok.error()));
    } else {
        const auto anchors = p.isSet(embed) ? recorder::MacroFile::Anchors::Embedded : recorder::MacroFile::Anchors::Files;
        if (auto ok = recorder::MacroFile::write(macro, out, anchors); !ok)
            return fail(NodeFailed, QStringLiteral("record: %1").arg(ok.error()));
    }
    err(QStringLiteral("%1: %2 steps recorded%3").arg(out).arg(macro.steps.size())
            .arg(macro.steps.isEmpty() ? QStringLiteral(" (no input arrived)") : QString()));
    return Ok;
}

} // namespace taskloom::cli
