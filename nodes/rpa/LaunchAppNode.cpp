#include "LaunchAppNode.hpp"

#include "WindowPattern.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>
#include <QProcess>

namespace taskloom::nodes::rpa {

using namespace engine;

LaunchAppNode::LaunchAppNode()
    : RpaNode(QStringLiteral("rpa.launchApp"), QStringLiteral("Launch application"),
              QStringLiteral("Starts a program on the desktop (it keeps running after the flow) and, when a title pattern "
                             "is set, waits for its window. Adds \"pid\" and \"window\" to the item."))
{
    m_spec.aliases = {QStringLiteral("start"), QStringLiteral("open"), QStringLiteral("run program"), QStringLiteral("execute")};
    m_spec.icon = QStringLiteral("system-run");
    m_command = addParam<QString>(ParamSpec::string(QStringLiteral("command"), QStringLiteral("Command")).required()
                                      .hint(QStringLiteral("gedit \"{{ item.path }}\""))
                                      .describe(QStringLiteral("The program and its arguments; quote arguments with spaces. No shell.")));
    m_workDir = addParam<QString>(ParamSpec::folder(QStringLiteral("workingDirectory"), QStringLiteral("Working folder")));
    m_windowTitle = addParam<QString>(ParamSpec::string(QStringLiteral("windowTitle"), QStringLiteral("Wait for window title"))
                                          .describe(QStringLiteral("A regular expression; empty: do not wait for a window.")));
    m_wait = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 20).range(0, 3600));
    m_spec.errors.append({QStringLiteral("LAUNCH_FAILED"), QStringLiteral("The program could not be started."), false});
    m_spec.errors.append({QStringLiteral("TIMEOUT"), QStringLiteral("The program's window did not appear in time."), true});
}

Exec LaunchAppNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const QString command = ctx.param(m_command, item, i);
        QStringList args = QProcess::splitCommand(command);
        if (args.isEmpty())
            throw NodeError::param(m_command.name(), command, QStringLiteral("no program named"));
        const QString program = args.takeFirst();
        QProcess p;
        p.setProgram(program);
        p.setArguments(args);
        const QString dir = ctx.param(m_workDir, item, i);
        if (!dir.isEmpty())
            p.setWorkingDirectory(ctx.resolvePath(dir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), desktop->name());
        p.setProcessEnvironment(env);
        qint64 pid = 0;
        if (!p.startDetached(&pid))
            throw NodeError(QStringLiteral("LAUNCH_FAILED"),
                            QStringLiteral("parameter \"command\" = \"%1\": cannot start \"%2\" (not found or not executable)").arg(command, program));
        item.json().insert(QStringLiteral("pid"), pid);
        const QString title = ctx.param(m_windowTitle, item, i);
        if (title.isEmpty())
            return;
        const WindowPattern pattern(title, QString(), m_windowTitle.name(), m_windowTitle.name());
        const double timeout = ctx.param(m_wait, item, i);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeout * 1000) {
            const auto found = pattern.matching(*desktop);
            if (!found.isEmpty()) {
                item.json().insert(QStringLiteral("window"), WindowPattern::toObject(found.first()));
                return;
            }
            if (!ctx.cancellation().sleepFor(std::chrono::milliseconds(100)))
                ctx.checkCancelled();
        }
        throw NodeError(QStringLiteral("TIMEOUT"),
                        QStringLiteral("\"%1\" started, but no window titled /%2/ appeared within %3 s").arg(program, title).arg(timeout),
                        NodeError::Retry::Yes);
    });
}

} // namespace taskloom::nodes::rpa
