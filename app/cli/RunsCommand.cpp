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

// The store is opened after the arguments parsed: `runs list --help` must not create a database.
RunStore* openStore(app::Runtime& rt)
{
    auto store = rt.store();
    if (!store) {
        fail(NodeFailed, store.error());
        return nullptr;
    }
    return *store;
}

int list(app::Runtime& rt, const QStringList& args)
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
    RunStore* opened = openStore(rt);
    if (!opened)
        return NodeFailed;
    RunStore& store = *opened;
    auto runs = store.listRuns(filter);
    if (!runs)
        return fail(NodeFailed, runs.error().message);
    if (p.isSet(json)) {
        Array a;
        for (const RunSummary& r : *runs)
            a.append(r.toJson());
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

int show(app::Runtime& rt, const QStringList& args)
{
    CommandLine cl(QStringLiteral("runs show"), QStringLiteral("Shows one run: its nodes, logs and (when stored) outputs."));
    cl.addPositional(QStringLiteral("id"), QStringLiteral("A run id or a unique prefix of one."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    cl.addOption(json);
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    RunStore* opened = openStore(rt);
    if (!opened)
        return NodeFailed;
    RunStore& store = *opened;
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
    const Value& ms = d.value(u"durationMs"); // null while running or when the run was interrupted
    QString text = QStringLiteral("run       %1\nflow      %2 (%3)\nstatus    %4\nstarted   %5\nduration  %6\n")
                       .arg(d.value(u"id").toText(), d.value(u"flowName").toText(), d.value(u"flowPath").toText(),
                            d.value(u"status").toText(), d.value(u"startedAt").toText(),
                            ms.isNull() ? QStringLiteral("-") : ms.toText() + QStringLiteral(" ms"));
    // runDetail's keys: "error" is an object (code, message, node); a node's name is "node", its error "errorMessage".
    const Object& error = d.value(u"error").objectRef();
    if (!error.isEmpty()) {
        const QString message = error.value(u"message").toText();
        const QString code = error.value(u"code").toText();
        text += QStringLiteral("error     %1%2\n").arg(message.isEmpty() ? code : message,
                                                     code.isEmpty() || message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(code));
    }
    text += QStringLiteral("\nnodes\n");
    for (const Value& n : d.value(u"nodes").arrayRef()) {
        const Object& o = n.objectRef();
        const QString nodeError = o.value(u"errorMessage").toText();
        const Value& nodeMs = o.value(u"durationMs");
        text += QStringLiteral("  %1  %2  %3 in, %4 out, %5%6\n")
                    .arg(o.value(u"status").toText(), -11).arg(o.value(u"node").toText(), -24)
                    .arg(o.value(u"itemsIn").toText(), o.value(u"itemsOut").toText(),
                         nodeMs.isNull() ? QStringLiteral("-") : nodeMs.toText() + QStringLiteral(" ms"),
                         nodeError.isEmpty() ? QString() : QStringLiteral("  ") + nodeError);
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

int prune(app::Runtime& rt, const QStringList& args)
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
    RunStore* opened = openStore(rt);
    if (!opened)
        return NodeFailed;
    RunStore& store = *opened;
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
    if (args.isEmpty()) // a usage error: the usage goes to standard error, like every other one
        return fail(Usage, usage);
    if (args.first() == u"--help" || args.first() == u"-h") {
        out(usage + u'\n');
        return Ok;
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
    if (sub == u"list")
        return list(**runtime, rest);
    if (sub == u"show")
        return show(**runtime, rest);
    return prune(**runtime, rest);
}

} // namespace taskloom::cli
