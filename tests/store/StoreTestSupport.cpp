#include "StoreTestSupport.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace taskloom::tests {

using engine::RunEvent;

namespace {

RunEvent event(RunEvent::Type type, const QString& runId, const QDateTime& time)
{
    RunEvent e;
    e.type = type;
    e.runId = runId;
    e.time = time;
    return e;
}

} // namespace

RunEvent runStarted(const QString& runId, const QString& flowId, const QDateTime& time)
{
    RunEvent e = event(RunEvent::Type::RunStarted, runId, time);
    e.flowId = flowId;
    e.flowName = QStringLiteral("Flow ") + flowId;
    return e;
}

RunEvent runFinished(const QString& runId, engine::RunStatus status, const QDateTime& time, qint64 durationMs)
{
    RunEvent e = event(RunEvent::Type::RunFinished, runId, time);
    e.runStatus = status;
    e.durationMs = durationMs;
    return e;
}

RunEvent nodeStarted(const QString& runId, const QString& nodeId, const QDateTime& time)
{
    RunEvent e = event(RunEvent::Type::NodeStarted, runId, time);
    e.nodeId = nodeId;
    e.nodeName = QStringLiteral("Node ") + nodeId;
    e.nodeType = QStringLiteral("core.set");
    return e;
}

RunEvent nodeFinished(const QString& runId, const QString& nodeId, const QDateTime& time, engine::NodeStatus status)
{
    RunEvent e = nodeStarted(runId, nodeId, time);
    e.type = RunEvent::Type::NodeFinished;
    e.nodeStatus = status;
    e.itemsIn = 2;
    e.itemsOut = 3;
    e.durationMs = 250;
    return e;
}

RunEvent logLine(const QString& runId, const QString& nodeId, const QString& message, const QDateTime& time)
{
    RunEvent e = event(RunEvent::Type::Log, runId, time);
    e.nodeId = nodeId;
    e.nodeName = QStringLiteral("Node ") + nodeId;
    e.message = message;
    return e;
}

void recordRun(engine::RunObserver& observer, const QString& runId, const QString& flowId, const QDateTime& start,
               int nodes, int logsPerNode)
{
    observer.onEvent(runStarted(runId, flowId, start));
    for (int i = 1; i <= nodes; ++i) {
        const QString node = QStringLiteral("n%1").arg(i);
        const QDateTime t = start.addSecs(i);
        observer.onEvent(nodeStarted(runId, node, t));
        for (int l = 0; l < logsPerNode; ++l)
            observer.onEvent(logLine(runId, node, QStringLiteral("line %1 of %2").arg(l).arg(node), t));
        observer.onEvent(nodeFinished(runId, node, t.addMSecs(250)));
    }
    observer.onEvent(runFinished(runId, engine::RunStatus::Succeeded, start.addSecs(nodes + 1)));
}

QByteArray storeFileBytes(const QString& dataDir)
{
    QByteArray bytes;
    const QStringList files = QDir(dataDir).entryList({QStringLiteral("runs.db*")}, QDir::Files);
    for (const QString& name : files) {
        QFile f(QDir(dataDir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}

pid_t spawnChildTest(const QString& test, const QHash<QString, QString>& env)
{
    std::vector<std::string> args = {"/proc/self/exe", "--gtest_also_run_disabled_tests",
                                     ("--gtest_filter=" + test).toStdString()};
    std::vector<std::string> vars;
    for (char** e = environ; *e; ++e) {
        const QString var = QString::fromLocal8Bit(*e);
        if (!env.contains(var.section(u'=', 0, 0)))
            vars.emplace_back(*e);
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        vars.push_back((it.key() + u'=' + it.value()).toStdString());
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (std::string& v : vars)
        envp.push_back(v.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), envp.data()) != 0)
        return -1;
    return pid;
}

int waitChild(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

bool waitForFile(const QString& path, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 10) {
        if (QFileInfo::exists(path))
            return true;
        QThread::msleep(10);
    }
    return QFileInfo::exists(path);
}

} // namespace taskloom::tests
