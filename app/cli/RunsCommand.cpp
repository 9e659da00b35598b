// taskloom runs list | show ID | prune: the run history in the run store.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"
#include "engine/RunStore.hpp"

#include <QLocale>

namespace taskloom::cli {

using namespace engine;

namespace {

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

Object summaryJson(const RunSummary& r)
{
    Object o{{QStringLiteral("id"), r.id},
             {QStringLiteral("flowId"), r.flowId},
             {QStringLiteral("flowName"), r.flowName},
             {QStringLiteral("flowPath"), r.flowPath},
             {QStringLiteral("status"), runStatusName(r.status)},
             {QStringLiteral("startedAt"), r.startedAt.toString(Qt::ISODateWithMs)},
             {QStringLiteral("finishedAt"), r.finishedAt.isValid() ? Value(r.finishedAt.toString(Qt::ISODateWithMs)) : Value()},
             {QStringLiteral("durationMs"), r.durationMs >= 0 ? Value(r.durationMs) : Value()},
             {QStringLiteral("trigger"), r.trigger}};
    if (!r.errorCode.isEmpty())
        o.insert(QStringLiteral("errorCode"), r.errorCode);
    if (!r.errorMessage.isEmpty())
        o.insert(QStringLiteral("error"), r.errorMessage);
    if (!r.failedNodeName.isEmpty())
        o.insert(QStringLiteral("failedNode"), r.failedNodeName);
    return o;
}

int list(RunStore& store, const QStringList& args)
{
    CommandLine cl(QStringLiteral("runs list"), QStringLiteral("Lists recent runs, newest first."));
    const QCommandLineOption flow(QStringLiteral("flow"), QStringLiteral("Only runs of this flow id."), QStringLiteral("id"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("Only runs with this status (running, succeeded, failed, cancelled, timed-out, interrupted)."), QStringLiteral("status"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most this many runs (default 20)."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    for (const auto& o : {flow, status, limit, json})
        cl.addOption(o);
    if (auto code = cl.parse(args, 0, 0))
        return *code;
    const QCommandLineParser& p = cl.parser();
    RunFilter filter;
    filter.flowId = p.value(flow);
    bool ok = false;
    filter.limit = p.value(limit).toInt(&ok);
    if (!ok || filter.limit < 0)
        return fail(Usage, QStringLiteral("runs list: --limit %1: expected a whole number").arg(p.value(limit)));
    if (p.isSet(status)) {
        filter.status = runStatusFromName(p.value(status));
        if (!filter.status)
            return fail(Usage, QStringLiteral("runs list: --status %1: unknown status").arg(p.value(status)));
    }
    auto runs = store.listRuns(filter);
    if (!runs)
        return fail(NodeFailed, runs.error().message);
    if (p.isSet(json)) {
        Array a;
        for (const RunSummary& r : *runs)
            a.append(summaryJson(r));
        out(Json::serialize(Value(a), Json::WriteOptions{true, 120}) + '\n');
        return Ok;
    }
    if (runs->isEmpty()) {
        err(QStringLiteral("no runs recorded in %1").arg(store.dataDir()));
        return Ok;
    }
    QString text = QStringLiteral("%1  %2  %3  %4  %5\n").arg(QStringLiteral("RUN"), -8).arg(QStringLiteral("STARTED"), -19)
                       .arg(QStringLiteral("STATUS"), -11).arg(QStringLiteral("DURATION"), 9).arg(QStringLiteral("FLOW"));
    for (const RunSummary& r : *runs) {
        const QString duration = r.durationMs >= 0 ? QStringLiteral("%1 ms").arg(QLocale::c().toString(r.durationMs)) : QStringLiteral("-");
        QString flowName = r.flowName.isEmpty() ? r.flowId : r.flowName;
        if (!r.failedNodeName.isEmpty())
            flowName += QStringLiteral("  (failed at \"%1\")").arg(r.failedNodeName);
        text += QStringLiteral("%1  %2  %3  %4  %5\n").arg(r.id.left(8), -8).arg(when(r.startedAt), -19)
                    .arg(runStatusName(r.status), -11).arg(duration, 9).arg(flowName);
    }
    out(text);
    return Ok;
}

int show(RunStore& store, const QStringList& args)
{
    CommandLine cl(QStringLiteral("runs show"), QStringLiteral("Shows one run: its nodes, logs and (when stored) outputs."));
    cl.addPositional(QStringLiteral("id"), QStringLiteral("A run id or a unique prefix of one."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    cl.addOption(json);
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QString id = cl.parser().positionalArguments().first();
    auto detail = store.runDetail(id);
    if (!detail) {
        const bool usage = detail.error().code == RunStoreError::Code::NotFound || detail.error().code == RunStoreError::Code::Ambiguous;
        return fail(usage ? Usage : NodeFailed, QStringLiteral("runs show %1: %2").arg(id, detail.error().message));
    }
    if (cl.parser().isSet(json)) {
        out(Json::serialize(Value(*detail), Json::WriteOptions{true, 120}) + '\n');
        return Ok;
    }
    const Object& d = *detail;
    QString text = QStringLiteral("run       %1\nflow      %2 (%3)\nstatus    %4\nstarted   %5\nduration  %6 ms\n")
                       .arg(d.value(u"id").toText(), d.value(u"flowName").toText(), d.value(u"flowPath").toText(),
                            d.value(u"status").toText(), d.value(u"startedAt").toText(), d.value(u"durationMs").toText());
    if (!d.value(u"error").toText().isEmpty())
        text += QStringLiteral("error     %1\n").arg(d.value(u"error").toText());
    text += QStringLiteral("\nnodes\n");
    for (const Value& n : d.value(u"nodes").arrayRef()) {
        const Object& o = n.objectRef();
        text += QStringLiteral("  %1  %2  %3 in, %4 out, %5 ms%6\n")
                    .arg(o.value(u"status").toText(), -10).arg(o.value(u"name").toText(), -24)
                    .arg(o.value(u"itemsIn").toText(), o.value(u"itemsOut").toText(), o.value(u"durationMs").toText(),
                         o.value(u"error").toText().isEmpty() ? QString() : QStringLiteral("  ") + o.value(u"error").toText());
    }
    const Array& logs = d.value(u"logs").arrayRef();
    if (!logs.isEmpty()) {
        text += QStringLiteral("\nlog\n");
        for (const Value& l : logs) {
            const Object& o = l.objectRef();
            text += QStringLiteral("  %1 %2 [%3] %4\n").arg(o.value(u"time").toText(), o.value(u"level").toText(),
                                                           o.value(u"node").toText(), o.value(u"message").toText());
        }
    }
    out(text);
    return Ok;
}

int prune(RunStore& store, const QStringList& args)
{
    CommandLine cl(QStringLiteral("runs prune"),
                   QStringLiteral("Deletes old finished runs. Without options: older than %1 days or beyond the newest %2 per flow.")
                       .arg(RunStore::defaultMaxAgeDays)
                       .arg(RunStore::defaultKeepPerFlow));
    const QCommandLineOption days(QStringLiteral("older-than"), QStringLiteral("Delete runs that started more than this many days ago."), QStringLiteral("days"));
    const QCommandLineOption keep(QStringLiteral("keep"), QStringLiteral("Keep only the newest N runs of each flow."), QStringLiteral("n"));
    cl.addOption(days);
    cl.addOption(keep);
    if (auto code = cl.parse(args, 0, 0))
        return *code;
    const QCommandLineParser& p = cl.parser();
    QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-RunStore::defaultMaxAgeDays);
    int keepPerFlow = RunStore::defaultKeepPerFlow;
    bool ok = true;
    if (p.isSet(days)) {
        const double d = p.value(days).toDouble(&ok);
        if (!ok || d < 0)
            return fail(Usage, QStringLiteral("runs prune: --older-than %1: expected a number of days").arg(p.value(days)));
        cutoff = QDateTime::currentDateTimeUtc().addMSecs(-qint64(d * 86400000.0));
        if (!p.isSet(keep))
            keepPerFlow = -1;
    }
    if (p.isSet(keep)) {
        keepPerFlow = p.value(keep).toInt(&ok);
        if (!ok || keepPerFlow < 0)
            return fail(Usage, QStringLiteral("runs prune: --keep %1: expected a whole number").arg(p.value(keep)));
        if (!p.isSet(days))
            cutoff = QDateTime();
    }
    auto n = store.prune(cutoff, keepPerFlow);
    if (!n)
        return fail(NodeFailed, n.error().message);
    out(QStringLiteral("deleted %1 run%2\n").arg(*n).arg(*n == 1 ? QString() : QStringLiteral("s")));
    return Ok;
}

} // namespace

int runsCommand(const QStringList& args)
{
    const QString usage = QStringLiteral("usage: taskloom runs list|show ID|prune [--data-dir DIR] (--help on each)");
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        out(usage + u'\n');
        return args.isEmpty() ? Usage : Ok;
    }
    QStringList rest = args.mid(1);
    // --data-dir applies to every sub-command: take it out before the sub-command parses.
    QString dataDir;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u"--data-dir" && i + 1 < rest.size()) {
            dataDir = rest[i + 1];
            rest.remove(i, 2);
            break;
        }
        if (rest[i].startsWith(u"--data-dir=")) {
            dataDir = rest[i].mid(11);
            rest.remove(i);
            break;
        }
    }
    const QString sub = args.first();
    if (sub != u"list" && sub != u"show" && sub != u"prune")
        return fail(Usage, QStringLiteral("runs: unknown command \"%1\"; %2").arg(sub, usage));
    auto runtime = app::Runtime::create({dataDir, true});
    if (!runtime)
        return fail(Usage, runtime.error());
    auto store = (*runtime)->store();
    if (!store)
        return fail(NodeFailed, store.error());
    if (sub == u"list")
        return list(**store, rest);
    if (sub == u"show")
        return show(**store, rest);
    return prune(**store, rest);
}

} // namespace taskloom::cli
