#include "RunLock.hpp"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace taskloom::engine {

namespace {

bool isPlainFileName(const QString& runId)
{
    if (runId.isEmpty() || runId.startsWith(u'.') || runId.size() > 200)
        return false;
    for (QChar c : runId) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

RunLock::Error systemError(const QString& what, const QString& path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(errno));
    return {RunLock::Failure::Error, QStringLiteral("%1 %2: %3").arg(what, path, reason)};
}

// After flock succeeds the path may name another file: the holder removed it (release) between our open and
// our flock, and someone may have created a new one. A lock on the removed file guards nothing.
bool stillNamesFile(int fd, const QByteArray& path)
{
    struct stat opened {};
    struct stat named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 && opened.st_ino == named.st_ino
        && opened.st_dev == named.st_dev;
}

} // namespace

QString RunLock::lockDirectory(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("locks"));
}

QString RunLock::lockPath(const QString& dataDir, const QString& runId)
{
    return QDir(lockDirectory(dataDir)).filePath(runId + QStringLiteral(".lock"));
}

std::expected<RunLock, RunLock::Error> RunLock::acquire(const QString& dataDir, const QString& runId)
{
    if (!isPlainFileName(runId))
        return std::unexpected(Error{Failure::Error, QStringLiteral("run id '%1' cannot name a lock file").arg(runId)});
    if (!QDir().mkpath(lockDirectory(dataDir)))
        return std::unexpected(Error{Failure::Error, QStringLiteral("cannot create %1").arg(lockDirectory(dataDir))});
    return lockFile(lockPath(dataDir, runId), true, 500);
}

std::expected<RunLock, RunLock::Error> RunLock::tryAcquireExisting(const QString& dataDir, const QString& runId)
{
    if (!isPlainFileName(runId))
        return std::unexpected(Error{Failure::NoFile, {}});
    return lockFile(lockPath(dataDir, runId), false, 0);
}

std::expected<RunLock, RunLock::Error> RunLock::lockFile(const QString& path, bool create, int waitMs)
{
    const QByteArray native = QFile::encodeName(path);
    const QDeadlineTimer deadline(waitMs);
    for (;;) {
        const int fd = ::open(native.constData(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
        if (fd < 0) {
            if (errno == ENOENT && !create)
                return std::unexpected(Error{Failure::NoFile, {}});
            if (errno == EINTR)
                continue;
            return std::unexpected(systemError(QStringLiteral("cannot open"), path));
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            ::close(fd);
            if (err == EINTR)
                continue;
            if (err != EWOULDBLOCK) {
                errno = err;
                return std::unexpected(systemError(QStringLiteral("cannot lock"), path));
            }
            if (deadline.hasExpired())
                return std::unexpected(Error{Failure::Held, QStringLiteral("%1 is held by another process").arg(path)});
            QThread::msleep(5);
            continue;
        }
        if (!stillNamesFile(fd, native)) {
            ::close(fd);
            if (!create)
                return std::unexpected(Error{Failure::NoFile, {}});
            continue;
        }
        RunLock lock;
        lock.m_fd = fd;
        lock.m_path = path;
        return lock;
    }
}

RunLock::RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

RunLock::~RunLock()
{
    release();
}

void RunLock::release()
{
    if (m_fd < 0)
        return;
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
    m_fd = -1;
}

} // namespace taskloom::engine
