#pragma once

#include <QString>

#include <expected>

namespace taskloom::engine {

/// The advisory lock a running run holds on `<dataDir>/locks/<runId>.lock` (flock, exclusive). The kernel
/// drops it when the process dies, however it dies, so "the row says running and nobody holds the lock" is a
/// reliable sign of an interrupted run, where "the process id is gone" or "some other process started" is not
/// (pids are reused). Locks are per open file, so a second RunLock on the same run conflicts even within one
/// process.
class RunLock {
public:
    enum class Failure {
        Held,   ///< another holder has the lock: the run is alive
        NoFile, ///< tryAcquireExisting: no lock file, so nobody holds it
        Error,  ///< the file system refused (see message)
    };
    struct Error {
        Failure failure = Failure::Error;
        QString message;
    };

    /// Creates the lock file when needed and takes the lock. A run id that is not a plain file name
    /// ([A-Za-z0-9._-], not starting with a dot) is refused. Waits briefly when the lock is held, since a
    /// store reconciling in another process holds it for a moment while it checks the run.
    static std::expected<RunLock, Error> acquire(const QString& dataDir, const QString& runId);
    /// Takes the lock of an existing lock file without waiting; used to ask "does anybody hold this run?".
    static std::expected<RunLock, Error> tryAcquireExisting(const QString& dataDir, const QString& runId);
    static QString lockDirectory(const QString& dataDir);
    static QString lockPath(const QString& dataDir, const QString& runId);

    RunLock() = default;
    RunLock(RunLock&& other) noexcept;
    RunLock& operator=(RunLock&& other) noexcept;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    /// Releases the lock (see release()).
    ~RunLock();

    bool isLocked() const { return m_fd >= 0; }
    const QString& path() const { return m_path; }
    /// Removes the lock file and then drops the lock. Removing first means whoever opens the path later
    /// finds no file (nobody holds it) instead of a file whose lock is free for a moment.
    void release();

private:
    static std::expected<RunLock, Error> lockFile(const QString& path, bool create, int waitMs);

    int m_fd = -1;
    QString m_path;
};

} // namespace taskloom::engine
