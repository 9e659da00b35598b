#include "ProcessLauncher.hpp"

#include <QCoreApplication>
#include <QProcess>
#include <QTimer>

namespace taskloom::daemon {

namespace {
constexpr qsizetype stderrKeep = 4096;
}

struct ProcessLauncher::Child {
    QString runId;
    Finished finished;
    QByteArray stderrTail;
    bool timedOut = false;
    QTimer* timeout = nullptr;
};

ProcessLauncher::ProcessLauncher(QString program, QObject* parent) : QObject(parent), m_program(std::move(program)) {}

ProcessLauncher::~ProcessLauncher()
{
    stopAll();
}

void ProcessLauncher::stopAll()
{
    // The daemon is going away: its children go with it (they would anyway, by PR_SET_PDEATHSIG).
    for (auto it = m_children.begin(); it != m_children.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->kill();
        it.key()->waitForFinished(5000);
        delete it.value();
    }
    m_children.clear();
}

std::expected<void, QString> ProcessLauncher::start(const Job& job, Finished finished)
{
    auto* process = new QProcess(this);
    QProcessEnvironment env = job.environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : job.environment;
    env.insert(QStringLiteral("TASKLOOM_DIE_WITH_PARENT"), QStringLiteral("1"));
    env.insert(QStringLiteral("TASKLOOM_PARENT_PID"), QString::number(QCoreApplication::applicationPid()));
    process->setProcessEnvironment(env);
    process->setProgram(m_program);
    process->setArguments({QStringLiteral("run"), QStringLiteral("--run-id"), job.runId, QStringLiteral("--trigger"),
                           job.triggerFile, QStringLiteral("--data-dir"), job.dataDir, QStringLiteral("--quiet"),
                           job.flowPath});
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardInputFile(QProcess::nullDevice());
    auto* child = new Child{job.runId, std::move(finished), {}, false, nullptr};
    m_children.insert(process, child);
    connect(process, &QProcess::readyReadStandardError, this, [process, child] {
        child->stderrTail += process->readAllStandardError();
        if (child->stderrTail.size() > stderrKeep)
            child->stderrTail = child->stderrTail.right(stderrKeep);
    });
    const auto end = [this, process](ChildExit exit) {
        Child* c = m_children.take(process);
        if (!c)
            return;
        c->stderrTail += process->readAllStandardError();
        exit.timedOut = c->timedOut;
        exit.stderrTail = QString::fromUtf8(c->stderrTail.right(stderrKeep));
        process->deleteLater();
        Finished f = std::move(c->finished);
        const QString runId = c->runId;
        delete c;
        f(runId, exit);
    };
    connect(process, &QProcess::finished, this, [end, process](int code, QProcess::ExitStatus status) {
        (void)process;
        end(ChildExit{code, status == QProcess::CrashExit, false, {}});
    });
    connect(process, &QProcess::errorOccurred, this, [end, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            end(ChildExit{-1, true, false, QStringLiteral("cannot start %1: %2").arg(process->program(), process->errorString())});
    });
    if (job.timeoutSeconds > 0) {
        child->timeout = new QTimer(process);
        child->timeout->setSingleShot(true);
        connect(child->timeout, &QTimer::timeout, process, [process, child] {
            child->timedOut = true;
            process->terminate();
            QTimer::singleShot(killGraceMs, process, [process] { process->kill(); });
        });
        child->timeout->start(job.timeoutSeconds * 1000);
    }
    process->start();
    return {};
}

} // namespace taskloom::daemon
