#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <expected>
#include <functional>

namespace taskloom::daemon {

/// How a child run ended.
struct ChildExit {
    int exitCode = -1;
    bool crashed = false;  ///< ended by a signal
    bool timedOut = false; ///< the launcher stopped it at its timeout
    QString stderrTail;    ///< the last few kilobytes the child wrote to standard error
};

/// Starts child runs. The daemon uses ProcessLauncher (`taskloom run` processes); tests of the scheduling
/// policy inject their own.
class Launcher {
public:
    struct Job {
        QString runId;
        QString flowPath;
        QString triggerFile;
        QString dataDir;
        int timeoutSeconds = 0; ///< 0: none
        QProcessEnvironment environment;
    };
    using Finished = std::function<void(const QString& runId, const ChildExit& exit)>;

    virtual ~Launcher() = default;
    /// Starts the job; `finished` is called once, on the daemon's thread, when it ends.
    virtual std::expected<void, QString> start(const Job& job, Finished finished) = 0;
    /// How many jobs are running.
    virtual int running() const = 0;
};

} // namespace taskloom::daemon
