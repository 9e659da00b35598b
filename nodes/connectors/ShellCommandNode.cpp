#include "ShellCommandNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

namespace taskloom::nodes::connectors {

using namespace engine;

namespace {

/// Reads what is available into `into`, keeping at most the cap; returns whether anything was cut.
bool drain(QProcess& p, QProcess::ProcessChannel channel, QByteArray& into)
{
    p.setReadChannel(channel);
    const QByteArray chunk = p.readAll();
    const qint64 room = ShellCommandNode::maxOutputBytes - into.size();
    if (room <= 0)
        return !chunk.isEmpty();
    into.append(chunk.left(room));
    return chunk.size() > room;
}

QString decode(const QByteArray& bytes, bool cut)
{
    QString s = QString::fromUtf8(bytes);
    if (cut)
        s += QStringLiteral("\n[output cut at %1 bytes]").arg(ShellCommandNode::maxOutputBytes);
    return s;
}

} // namespace

ShellCommandNode::ShellCommandNode(bool enabled) : m_enabled(enabled)
{
    m_spec.type = QStringLiteral("connectors.shellCommand");
    m_spec.title = QStringLiteral("Run program");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral(
        "Runs a program with a list of arguments (no shell, so values cannot inject commands) and emits its exit code, "
        "stdout and stderr. Off until enabled in your settings: {\"shell\": {\"enabled\": true}} in settings.json.");
    m_spec.aliases = {QStringLiteral("shell"), QStringLiteral("command"), QStringLiteral("exec"), QStringLiteral("script"),
                      QStringLiteral("process")};
    m_spec.icon = QStringLiteral("utilities-terminal");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("One run per item")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_program = addParam<QString>(ParamSpec::string(QStringLiteral("program"), QStringLiteral("Program"))
                                      .required()
                                      .hint(QStringLiteral("pdftotext"))
                                      .describe(QStringLiteral("A name found on PATH, or a path.")));
    m_arguments = addParam<Array>(ParamSpec::list(QStringLiteral("arguments"), QStringLiteral("Arguments"),
                                                  {ParamSpec::string(QStringLiteral("value"), QStringLiteral("Argument"))})
                                      .describe(QStringLiteral("Each row is one argument, passed as it is: no quoting, no globbing.")));
    m_workingDirectory = addParam<QString>(ParamSpec::folder(QStringLiteral("workingDirectory"), QStringLiteral("Working folder"))
                                               .describe(QStringLiteral("Empty: the flow file's folder.")));
    m_environment = addParam<Array>(ParamSpec::list(QStringLiteral("environment"), QStringLiteral("Extra environment"),
                                                    {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")),
                                                     ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value"))}));
    m_stdin = addParam<QString>(ParamSpec::text(QStringLiteral("stdin"), QStringLiteral("Standard input")));
    m_timeout = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 60)
                                     .range(0, 86400)
                                     .describe(QStringLiteral("The program is killed after this long; 0: no limit.")));
    m_failOnExitCode = addParam<bool>(ParamSpec::boolean(QStringLiteral("failOnExitCode"), QStringLiteral("Fail on a non-zero exit code"), true));
    m_keepInputFields = addParam<bool>(ParamSpec::boolean(QStringLiteral("keepInputFields"), QStringLiteral("Keep input fields"), false));
    m_spec.errors = {{QStringLiteral("SHELL_DISABLED"), QStringLiteral("Running programs is not enabled in the user's settings."), false},
                     {QStringLiteral("PROGRAM_NOT_STARTED"), QStringLiteral("The program does not exist or cannot be run."), false},
                     {QStringLiteral("PROGRAM_FAILED"), QStringLiteral("The program exited with a non-zero code or crashed."), false},
                     {QStringLiteral("PROGRAM_TIMEOUT"), QStringLiteral("The program ran longer than the timeout and was killed."), false}};
}

Exec ShellCommandNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    if (!m_enabled)
        throw NodeError(QStringLiteral("SHELL_DISABLED"),
                        QStringLiteral("running programs is off; enable it in your settings.json: {\"shell\": {\"enabled\": true}}"));
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            runItem(ctx, items[i], i, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void ShellCommandNode::runItem(ExecutionContext& ctx, const Item& item, qsizetype index, Outputs& out) const
{
    const QString program = ctx.param(m_program, item, index).trimmed();
    if (program.isEmpty())
        throw NodeError::param(m_program.name(), program, QStringLiteral("no program named"));
    QStringList args;
    for (const Value& row : ctx.param(m_arguments, item, index))
        args.append(row.isObject() ? row.objectRef().value(u"value").toText() : row.toText());
    QString dir = ctx.param(m_workingDirectory, item, index).trimmed();
    dir = dir.isEmpty() ? ctx.resolvePath(QStringLiteral(".")) : ctx.resolvePath(dir);
    if (!QFileInfo(dir).isDir())
        throw NodeError::param(m_workingDirectory.name(), dir, QStringLiteral("no such folder"));

    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const Value& row : ctx.param(m_environment, item, index)) {
        const QString name = row.objectRef().value(u"name").toText().trimmed();
        if (!name.isEmpty())
            env.insert(name, row.objectRef().value(u"value").toText());
    }
    p.setProcessEnvironment(env);
    p.start(QIODevice::ReadWrite);
    if (!p.waitForStarted(30'000))
        throw NodeError::param(m_program.name(), program, QStringLiteral("cannot start: %1").arg(p.errorString()),
                               QStringLiteral("PROGRAM_NOT_STARTED"));
    const QByteArray input = ctx.param(m_stdin, item, index).toUtf8();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();

    const double timeout = ctx.param(m_timeout, item, index);
    QElapsedTimer clock;
    clock.start();
    QByteArray stdoutBytes, stderrBytes;
    bool cutOut = false, cutErr = false;
    while (!p.waitForFinished(100)) {
        cutOut |= drain(p, QProcess::StandardOutput, stdoutBytes);
        cutErr |= drain(p, QProcess::StandardError, stderrBytes);
        const bool timedOut = timeout > 0 && clock.elapsed() > qint64(timeout * 1000);
        if (ctx.isCancelled() || timedOut) {
            p.kill();
            p.waitForFinished(5000);
            if (!timedOut)
                throw Cancelled();
            throw NodeError(QStringLiteral("PROGRAM_TIMEOUT"),
                            QStringLiteral("%1: still running after %2 s, killed").arg(program).arg(timeout));
        }
    }
    cutOut |= drain(p, QProcess::StandardOutput, stdoutBytes);
    cutErr |= drain(p, QProcess::StandardError, stderrBytes);

    const bool crashed = p.exitStatus() == QProcess::CrashExit;
    const int code = crashed ? -1 : p.exitCode();
    const QString stderrText = decode(stderrBytes, cutErr);
    if ((crashed || code != 0) && ctx.param(m_failOnExitCode, item, index)) {
        const QString firstLine = stderrText.trimmed().section(QLatin1Char('\n'), 0, 0).left(200);
        throw NodeError(QStringLiteral("PROGRAM_FAILED"),
                        QStringLiteral("%1: %2%3").arg(program,
                                                       crashed ? QStringLiteral("crashed") : QStringLiteral("exit code %1").arg(code),
                                                       firstLine.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(firstLine)));
    }
    Object o = ctx.param(m_keepInputFields, item, index) ? item.json() : Object();
    o.insert(QStringLiteral("exitCode"), code);
    o.insert(QStringLiteral("stdout"), decode(stdoutBytes, cutOut));
    o.insert(QStringLiteral("stderr"), stderrText);
    out.push(0, Item(std::move(o)));
}

} // namespace taskloom::nodes::connectors
