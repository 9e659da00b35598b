// taskloom schedule list | next | enable | disable

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/daemon/ScheduleControl.hpp"
#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"
#include "engine/Schedule.hpp"
#include "nodes/core/ScheduleTriggerNode.hpp"

#include <QDateTime>

namespace taskloom::cli {

using namespace engine;

namespace {

const char* scheduleUsage = R"(usage: taskloom schedule <list|next|enable|disable> [options]

  list [--json]                     flows with triggers in the flows folder, enabled or not, next runs
  next EXPR [--tz ZONE] [--from ISO-8601] [--count N] [--json]
                                    the next fire times of a cron expression, ISO-8601 with offsets
  enable FLOW | disable FLOW        turn a flow's triggers on or off (FLOW: file, name or id)

Common options: --data-dir DIR, --flows DIR (default <data dir>/flows).
)";

int nextCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("schedule next"),
                   QStringLiteral("Prints the next fire times of a cron expression (5 fields, or 6 with seconds first), "
                                  "one ISO-8601 time with its offset per line."));
    cl.addPositional(QStringLiteral("expression"), QStringLiteral("The cron expression, quoted: \"0 7 * * MON-FRI\"."));
    const QCommandLineOption tz(QStringLiteral("tz"), QStringLiteral("IANA time zone (default: this machine's)."), QStringLiteral("zone"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Start after this time (default now)."), QStringLiteral("iso"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("How many (default 5, at most 1000)."), QStringLiteral("n"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    for (const auto& o : {tz, from, count, json})
        cl.addOption(o);
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QCommandLineParser& p = cl.parser();
    const QString expression = p.positionalArguments().first();
    const QString zone = p.isSet(tz) ? p.value(tz) : nodes::core::ScheduleTriggerNode::defaultZone();
    auto s = Schedule::cron(expression, zone);
    if (!s) {
        if (s.error().position >= 0)
            err(QStringLiteral("  %1\n  %2^").arg(expression, QString(s.error().position, u' ')));
        return fail(Usage, QStringLiteral("schedule next \"%1\": %2").arg(expression, s.error().toString()));
    }
    qint64 after = QDateTime::currentSecsSinceEpoch();
    if (p.isSet(from)) {
        const QString text = p.value(from);
        QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
        if (!dt.isValid())
            return fail(Usage, QStringLiteral("--from %1: expected ISO-8601, e.g. 2026-03-29T00:00:00+01:00").arg(text));
        if (dt.timeSpec() == Qt::LocalTime) // no offset: wall-clock time in the schedule's zone
            dt = QDateTime(dt.date(), dt.time(), s->zone());
        after = dt.toSecsSinceEpoch() - 1; // "from" is inclusive
    }
    int n = 5;
    if (p.isSet(count)) {
        bool ok = false;
        n = p.value(count).toInt(&ok);
        if (!ok || n < 1 || n > 1000)
            return fail(Usage, QStringLiteral("--count %1: expected 1 to 1000").arg(p.value(count)));
    }
    const QList<qint64> times = s->nextTimes(after, n);
    if (p.isSet(json)) {
        Array a;
        for (qint64 t : times)
            a.append(Schedule::isoInZone(t, s->zone()));
        out(Json::serialize(Value(a)) + '\n');
    } else {
        QString text;
        for (qint64 t : times)
            text += Schedule::isoInZone(t, s->zone()) + u'\n';
        out(text);
    }
    if (times.size() < n)
        err(QStringLiteral("taskloom: the expression fires only %1 more time(s)").arg(times.size()));
    return Ok;
}

struct Inspect {
    std::unique_ptr<app::Runtime> runtime;
    std::unique_ptr<daemon::ScheduleControl> control;
};

std::expected<Inspect, QString> inspect(const QString& dataDir, const QString& flowsDir)
{
    Inspect in;
    auto rt = app::Runtime::create({dataDir, true});
    if (!rt)
        return std::unexpected(rt.error());
    in.runtime = std::move(*rt);
    auto control = daemon::ScheduleControl::open(*in.runtime, flowsDir);
    if (!control)
        return std::unexpected(control.error());
    in.control = std::move(*control);
    return in;
}

int listCommand(const QCommandLineParser& p, const QString& dataDir, const QString& flowsDir)
{
    auto in = inspect(dataDir, flowsDir);
    if (!in)
        return fail(Usage, in.error());
    Array all;
    QString text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<const daemon::DaemonFlow*> flows;
    for (const daemon::DaemonFlow& f : in->control->daemon().flows())
        flows.append(&f);
    std::sort(flows.begin(), flows.end(), [](auto* a, auto* b) { return a->path < b->path; });
    for (const daemon::DaemonFlow* f : flows) {
        Array triggers;
        QStringList shown;
        for (const daemon::DaemonTrigger& t : f->triggers) {
            Object o{{QStringLiteral("node"), t.nodeName}, {QStringLiteral("type"), t.type}};
            QString line = t.nodeName;
            if (t.schedule) {
                const auto next = t.schedule->next(now);
                o.insert(QStringLiteral("schedule"), t.schedule->describe());
                o.insert(QStringLiteral("next"), next ? Value(Schedule::isoInZone(*next, t.schedule->zone())) : Value());
                line += QStringLiteral(": %1, next %2").arg(t.schedule->describe(), next ? Schedule::isoInZone(*next, t.schedule->zone()) : QStringLiteral("never"));
            } else if (t.webhook) {
                o.insert(QStringLiteral("webhook"), QStringLiteral("/webhook/") + t.webhookPath);
                line += QStringLiteral(": %1 /webhook/%2").arg(t.webhook->method, t.webhookPath);
            } else if (t.fileWatch) {
                o.insert(QStringLiteral("folder"), t.fileWatch->folder);
                line += QStringLiteral(": files %1 in %2").arg(t.fileWatch->patterns.join(u';'), t.fileWatch->folder);
            }
            triggers.append(o);
            shown.append(line);
        }
        all.append(Object{{QStringLiteral("id"), f->id}, {QStringLiteral("name"), f->name}, {QStringLiteral("path"), f->path},
                          {QStringLiteral("enabled"), f->enabled}, {QStringLiteral("problem"), f->problem},
                          {QStringLiteral("triggers"), triggers}});
        text += QStringLiteral("%1  %2  (%3)\n").arg(f->enabled ? QStringLiteral("enabled ") : QStringLiteral("disabled"), f->name, f->path);
        if (!f->problem.isEmpty())
            text += QStringLiteral("    problem: %1\n").arg(f->problem);
        for (const QString& s : shown)
            text += QStringLiteral("    %1\n").arg(s);
    }
    if (p.isSet(QStringLiteral("json")))
        out(Json::serialize(Value(all)) + '\n');
    else
        out(text.isEmpty() ? QStringLiteral("no flows with triggers\n") : text);
    return Ok;
}

} // namespace

int scheduleCommand(const QStringList& args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        (args.isEmpty() ? err(QString::fromUtf8(scheduleUsage).trimmed()) : out(QString::fromUtf8(scheduleUsage)));
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == u"next")
        return nextCommand(rest);
    if (sub != u"list" && sub != u"enable" && sub != u"disable")
        return fail(Usage, QStringLiteral("schedule: unknown subcommand \"%1\" (list, next, enable, disable)").arg(sub));
    CommandLine cl(QStringLiteral("schedule ") + sub, sub == u"list" ? QStringLiteral("Lists flows with triggers and their next runs.")
                                                                     : QStringLiteral("Turns a flow's triggers on or off in the daemon."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The data folder."), QStringLiteral("dir"));
    const QCommandLineOption flows(QStringLiteral("flows"), QStringLiteral("The flows folder (default <data dir>/flows)."), QStringLiteral("dir"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output."));
    for (const auto& o : {dataDir, flows, json})
        cl.addOption(o);
    if (sub != u"list")
        cl.addPositional(QStringLiteral("flow"), QStringLiteral("The flow: its file, name or id."));
    if (auto code = cl.parse(rest, sub == u"list" ? 0 : 1, sub == u"list" ? 0 : 1))
        return *code;
    const QCommandLineParser& p = cl.parser();
    if (sub == u"list")
        return listCommand(p, p.value(dataDir), p.value(flows));
    auto in = inspect(p.value(dataDir), p.value(flows));
    if (!in)
        return fail(Usage, in.error());
    const QString key = p.positionalArguments().first();
    const auto switched = in->control->setEnabled(key, sub == u"enable");
    if (!switched)
        return fail(Usage, QStringLiteral("schedule %1: %2").arg(sub, switched.error()));
    const daemon::DaemonFlow* f = in->control->flow(key);
    err(QStringLiteral("%1: %2%3").arg(f->name, sub == u"enable" ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                                      switched->daemonNotified ? QString()
                                                               : QStringLiteral(" (no daemon is running: it applies when `taskloom daemon` starts)")));
    return Ok;
}

} // namespace taskloom::cli
