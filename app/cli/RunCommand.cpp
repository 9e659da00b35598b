// taskloom run FLOW: the same runtime the studio's Run button and the scheduler use.

#include "Cli.hpp"
#include "InterruptibleRun.hpp"
#include "CommandLine.hpp"
#include "RunPrinter.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"
#include "engine/RunLock.hpp"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

namespace taskloom::cli {

using namespace engine;

namespace {

std::expected<QByteArray, QString> readSource(const QString& path)
{
    QFile f;
    if (path == u"-") {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return std::unexpected(QStringLiteral("cannot read standard input"));
    } else {
        f.setFileName(path);
        if (!f.exists())
            return std::unexpected(QStringLiteral("%1: no such file").arg(path));
        if (!f.open(QIODevice::ReadOnly))
            return std::unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    }
    return f.readAll();
}

// A JSON array of objects, one object, or JSON Lines.
std::expected<ItemList, QString> readItems(const QString& path)
{
    auto bytes = readSource(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    const QString shown = path == u"-" ? QStringLiteral("standard input") : path;
    ItemList items;
    auto parsed = Json::parse(*bytes);
    if (parsed) {
        if (parsed->isObject())
            return ItemList{Item(parsed->toObject())};
        if (!parsed->isArray())
            return std::unexpected(QStringLiteral("%1: expected a JSON object or an array of objects").arg(shown));
        qsizetype i = 0;
        for (const Value& v : parsed->arrayRef()) {
            if (!v.isObject())
                return std::unexpected(QStringLiteral("%1: item %2 is %3, not an object").arg(shown).arg(i).arg(v.typeName()));
            items.append(Item(v.toObject()));
            ++i;
        }
        return items;
    }
    const QList<QByteArray> lines = bytes->split('\n');
    int lineNo = 0;
    for (const QByteArray& line : lines) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        auto v = Json::parse(line);
        if (!v || !v->isObject()) {
            const QString why = v ? QStringLiteral("expected a JSON object") : v.error().message;
            return std::unexpected(QStringLiteral("%1: line %2: %3 (input is a JSON array, an object, or JSON Lines)")
                                       .arg(shown)
                                       .arg(lineNo)
                                       .arg(why));
        }
        items.append(Item(v->toObject()));
    }
    return items;
}

std::expected<void, QString> applyTrigger(const QString& path, RunOptions& options)
{
    auto bytes = readSource(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto parsed = Json::parse(*bytes);
    if (!parsed)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, parsed.error().toString()));
    if (!parsed->isObject())
        return std::unexpected(QStringLiteral("%1: expected a JSON object").arg(path));
    const Object& o = parsed->objectRef();
    if (o.value(u"node").isString() && (o.value(u"data").isObject() || o.value(u"data").isNull())) {
        options.triggerNode = o.value(u"node").toText();
        options.trigger = o.value(u"data").toObject();
    } else {
        options.trigger = o;
    }
    return {};
}

// A trigger event names the trigger that fired; naming none of the flow's triggers would skip them all and
// "succeed" without doing anything.
std::expected<void, QString> checkTriggerNode(const Flow& flow, const NodeRegistry& registry, const QString& triggerNode)
{
    if (triggerNode.isEmpty())
        return {};
    QStringList triggers;
    for (const FlowNode& n : flow.nodes) {
        const NodeType* type = registry.find(n.type);
        if (!type || !type->spec().trigger)
            continue;
        if (n.id == triggerNode || n.name == triggerNode)
            return {};
        triggers.append(QStringLiteral("\"%1\"").arg(n.name));
    }
    return std::unexpected(QStringLiteral("the flow has no trigger node \"%1\" (its triggers: %2)")
                               .arg(triggerNode, triggers.isEmpty() ? QStringLiteral("none") : triggers.join(QStringLiteral(", "))));
}

std::expected<void, QString> applySets(const QStringList& sets, Object& variables)
{
    for (const QString& s : sets) {
        const qsizetype eq = s.indexOf(u'=');
        if (eq <= 0)
            return std::unexpected(QStringLiteral("--set %1: expected name=value").arg(s));
        const QString name = s.left(eq).trimmed();
        const QString text = s.mid(eq + 1);
        // Numbers, booleans and JSON are typed; anything else is text.
        auto v = Json::parse(text.toUtf8());
        variables.insert(name, v && !text.trimmed().isEmpty() ? *v : Value(text));
    }
    return {};
}

void printResult(const RunResult& result, bool jsonEvents)
{
    Array items;
    for (const Item& i : result.output)
        items.append(i.toExternalJson());
    if (jsonEvents) {
        Object o{{QStringLiteral("event"), QStringLiteral("result")},
                 {QStringLiteral("runId"), result.runId},
                 {QStringLiteral("status"), runStatusName(result.status)},
                 {QStringLiteral("items"), items}};
        if (result.outputTruncated)
            o.insert(QStringLiteral("truncated"), true);
        out(Json::serialize(Value(o)) + '\n');
        return;
    }
    if (result.status != RunStatus::Succeeded)
        return;
    // One item per line (or a few when it is long): easy to read, easy to grep.
    QByteArray text = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        QByteArray one = Json::serialize(items.at(i), Json::WriteOptions{true, 118});
        one.replace("\n", "\n  ");
        text += (i ? ",\n  " : "\n  ") + one;
    }
    text += items.isEmpty() ? "]\n" : "\n]\n";
    out(text);
    if (result.outputTruncated)
        err(QStringLiteral("taskloom: the result shows the first %1 items").arg(items.size()));
}

} // namespace

int runCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("run"),
                   QStringLiteral("Runs a flow and prints the items its last nodes produce as JSON.\n"
                                  "Exit codes: 0 succeeded, 1 a node failed, 2 invalid flow or usage, 3 cancelled, 4 timed out."));
    cl.addPositional(QStringLiteral("flow"), QStringLiteral("The flow file (*.flow.json)."));
    const QCommandLineOption input(QStringLiteral("input"), QStringLiteral("Items for the trigger: a JSON array, an object or JSON Lines; - reads standard input."), QStringLiteral("file"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Override a flow variable (repeatable); the value is JSON when it parses as JSON."), QStringLiteral("name=value"));
    const QCommandLineOption jsonEvents(QStringLiteral("json-events"), QStringLiteral("Print every run event as a JSON line on standard output."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print only warnings, errors and the result."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Where runs and credentials live (default $TASKLOOM_HOME or ~/.local/share/taskloom)."), QStringLiteral("dir"));
    const QCommandLineOption runId(QStringLiteral("run-id"), QStringLiteral("Use this run id (the scheduler passes one)."), QStringLiteral("id"));
    const QCommandLineOption trigger(QStringLiteral("trigger"), QStringLiteral("The trigger event: {\"node\": \"name\", \"data\": {...}} or the data alone."), QStringLiteral("file"));
    const QCommandLineOption noStore(QStringLiteral("no-store"), QStringLiteral("Do not record the run in the run store."));
    const QCommandLineOption ignorePins(QStringLiteral("ignore-pins"), QStringLiteral("Run every node, even those with pinned data."));
    for (const auto& o : {input, set, jsonEvents, quiet, dataDir, runId, trigger, noStore, ignorePins})
        cl.addOption(o);
    cl.addOption(nodesDirOption());
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QCommandLineParser& p = cl.parser();
    const QString flowPath = p.positionalArguments().first();

    auto runtime = app::Runtime::create({p.value(dataDir), true, p.value(nodesDirOption())});
    if (!runtime)
        return fail(Usage, runtime.error());
    reportLuaNodeProblems(**runtime);
    app::LoadedFlow loaded = (*runtime)->loadFlow(flowPath);
    bool invalid = !loaded.flow;
    for (const Problem& problem : loaded.problems) {
        if (problem.isError()) {
            err(QStringLiteral("taskloom: %1: %2").arg(flowPath, loaded.describe(problem)));
            invalid = true;
        }
    }
    if (invalid)
        return Usage;
    // Warnings do not stop a run, but they are said: a misspelt parameter would otherwise be ignored silently.
    for (const Problem& problem : loaded.problems)
        if (!problem.isError())
            err(QStringLiteral("taskloom: warning: %1: %2").arg(flowPath, loaded.describe(problem)));

    app::Runtime::RunRequest request;
    request.flow = &*loaded.flow;
    request.flowPath = flowPath;
    request.record = !p.isSet(noStore);
    request.trigger = p.isSet(trigger) ? QStringLiteral("trigger") : QStringLiteral("manual");
    RunOptions& options = request.options;
    options.usePinnedData = !p.isSet(ignorePins);
    if (p.isSet(runId)) {
        options.runId = p.value(runId);
        if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")).match(options.runId).hasMatch())
            return fail(Usage, QStringLiteral("--run-id %1: use letters, digits, '.', '_' and '-'").arg(options.runId));
    }
    if (p.isSet(input)) {
        auto items = readItems(p.value(input));
        if (!items)
            return fail(Usage, QStringLiteral("--input %1").arg(items.error()));
        options.input = *items;
    }
    if (p.isSet(trigger)) {
        if (auto t = applyTrigger(p.value(trigger), options); !t)
            return fail(Usage, QStringLiteral("--trigger %1").arg(t.error()));
        if (auto t = checkTriggerNode(*loaded.flow, (*runtime)->registry(), options.triggerNode); !t)
            return fail(Usage, QStringLiteral("--trigger %1: %2").arg(p.value(trigger), t.error()));
    }
    if (auto s = applySets(p.values(set), options.variables); !s)
        return fail(Usage, s.error());

    const bool jsonMode = p.isSet(jsonEvents);
    RunPrinter printer(jsonMode ? RunPrinter::Mode::JsonLines : p.isSet(quiet) ? RunPrinter::Mode::Quiet : RunPrinter::Mode::Human);
    options.observers.append(&printer);

    app::Runtime::RunOutcome outcome = runInterruptibly(**runtime, std::move(request));

    for (const QString& w : outcome.warnings)
        err(QStringLiteral("taskloom: warning: ") + w);
    const RunResult& result = outcome.result;
    if (result.status != RunStatus::Succeeded && !result.error.isEmpty())
        err(QStringLiteral("taskloom: %1: %2").arg(flowPath, result.error));
    printResult(result, jsonMode);
    return result.exitCode();
}

} // namespace taskloom::cli
