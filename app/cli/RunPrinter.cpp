#include "RunPrinter.hpp"

#include "Cli.hpp"

#include "engine/Json.hpp"

#include <QLocale>

#include <unistd.h>

namespace taskloom::cli {

using engine::RunEvent;

namespace {

bool colours()
{
    static const bool on = isatty(STDERR_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
    return on;
}

QString paint(const QString& text, const char* code)
{
    return colours() ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QString::fromLatin1(code), text) : text;
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

} // namespace

void RunPrinter::onEvent(const RunEvent& event)
{
    switch (m_mode) {
    case Mode::Quiet:
        if (event.type == RunEvent::Type::Log && event.level >= engine::LogLevel::Warning)
            human(event);
        return;
    case Mode::JsonLines: out(engine::Json::serialize(engine::Value(event.toJson())) + '\n'); return;
    case Mode::Human: human(event); return;
    }
}

void RunPrinter::human(const RunEvent& e)
{
    const QLocale locale = QLocale::c();
    switch (e.type) {
    case RunEvent::Type::RunStarted:
        err(paint(QStringLiteral("▶ %1").arg(e.flowName.isEmpty() ? e.flowId : e.flowName), "1")
            + QStringLiteral("  (run %1)").arg(e.runId.left(8)));
        break;
    case RunEvent::Type::NodeFinished: {
        if (e.nodeStatus == engine::NodeStatus::Skipped) {
            err(paint(QStringLiteral("  - %1  skipped: %2").arg(e.nodeName, e.message), "2"));
            break;
        }
        const bool ok = e.nodeStatus == engine::NodeStatus::Succeeded;
        QString line = QStringLiteral("  %1 %2  %3 in, %4 out, %5")
                           .arg(ok ? paint(QStringLiteral("✓"), "32") : paint(QStringLiteral("✗"), "31"), e.nodeName,
                                locale.toString(e.itemsIn), locale.toString(e.itemsOut), duration(e.durationMs));
        if (e.attempt > 1)
            line += QStringLiteral(", %1 attempts").arg(e.attempt);
        err(line);
        break;
    }
    case RunEvent::Type::NodeRetry: err(paint(QStringLiteral("  ↻ %1: %2").arg(e.nodeName, e.message), "33")); break;
    case RunEvent::Type::Log: {
        const char* colour = e.level == engine::LogLevel::Error ? "31" : e.level == engine::LogLevel::Warning ? "33" : "2";
        err(paint(QStringLiteral("    %1 [%2] %3").arg(engine::logLevelName(e.level), e.nodeName, e.message), colour));
        break;
    }
    case RunEvent::Type::RunFinished: {
        const bool ok = e.runStatus == engine::RunStatus::Succeeded;
        err(paint(QStringLiteral("■ %1 in %2").arg(engine::runStatusName(e.runStatus), duration(e.durationMs)), ok ? "32" : "31"));
        break;
    }
    default: break;
    }
}

} // namespace taskloom::cli
