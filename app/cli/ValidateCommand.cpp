// taskloom validate FLOW: every problem, each with its JSON path and node.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"

namespace taskloom::cli {

using namespace engine;

int validateCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("validate"),
                   QStringLiteral("Checks a flow against the node specs and lists every problem. Exit code 0 when it can run, 2 when not."));
    cl.addPositional(QStringLiteral("flow"), QStringLiteral("The flow file (*.flow.json)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the problems as JSON."));
    cl.addOption(json);
    cl.addOption(nodesDirOption());
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const QString path = cl.parser().positionalArguments().first();
    auto runtime = app::Runtime::create({{}, true, cl.parser().value(nodesDirOption())});
    if (!runtime)
        return fail(Usage, runtime.error());
    reportLuaNodeProblems(**runtime);
    const app::LoadedFlow loaded = (*runtime)->loadFlow(path);
    const bool ok = loaded.ok();
    if (cl.parser().isSet(json)) {
        Array problems;
        for (const Problem& p : loaded.problems) {
            problems.append(Object{{QStringLiteral("severity"), p.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                                   {QStringLiteral("path"), p.path},
                                   {QStringLiteral("message"), loaded.describe(p)}});
        }
        out(Json::serialize(Value(Object{{QStringLiteral("file"), path}, {QStringLiteral("ok"), ok}, {QStringLiteral("problems"), problems}}),
                            Json::WriteOptions{true, 100})
            + '\n');
        return ok ? Ok : Usage;
    }
    for (const Problem& p : loaded.problems)
        err(QStringLiteral("%1: %2: %3").arg(path, p.isError() ? QStringLiteral("error") : QStringLiteral("warning"), loaded.describe(p)));
    if (ok)
        out(QStringLiteral("%1: ok (%2 nodes, %3 connections)\n").arg(path).arg(loaded.flow->nodes.size()).arg(loaded.flow->connections.size()));
    return ok ? Ok : Usage;
}

} // namespace taskloom::cli
