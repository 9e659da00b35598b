#include "Keyring.hpp"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define TASKLOOM_KEYRING_ON_DBUS 1
#include "SessionBusProbe.hpp"
#endif

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace taskloom::vault {

namespace {

struct JobResult {
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

// Shared by the waiting caller and the job on the keyring thread: whichever lets go last frees it, so a caller
// that gave up after its timeout leaves nothing dangling for the late job.
struct PendingJob {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<JobResult> result;

    ~PendingJob()
    {
        if (result)
            wipe(result->data);
    }
};

QObject* keyringThreadContext()
{
    // Created once and never destroyed: a job abandoned after its timeout may still be blocked on this thread
    // when the process exits, and destroying a running QThread aborts the process. The OS reclaims it at exit.
    static QObject* const context = [] {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("taskloom-keyring"));
        auto* object = new QObject;
        object->moveToThread(thread);
        thread->start();
        return object;
    }();
    return context;
}

std::expected<JobResult, QString> runJob(std::function<QKeychain::Job*()> makeJob, int timeoutMs)
{
    if (!QCoreApplication::instance())
        return std::unexpected(QStringLiteral("not tried: no QCoreApplication in this process"));
    const QDeadlineTimer deadline(timeoutMs);
#ifdef TASKLOOM_KEYRING_ON_DBUS
    // Linux and BSD keyrings live on the session bus; Qt would wait forever for one that never answers.
    if (auto bus = SessionBusProbe::check(deadline); !bus)
        return std::unexpected(bus.error());
#endif

    auto pending = std::make_shared<PendingJob>();
    QMetaObject::invokeMethod(
        keyringThreadContext(),
        [pending, makeJob = std::move(makeJob)] {
            QKeychain::Job* job = makeJob();
            job->setAutoDelete(true);
            // qtkeychain's "insecure fallback" stores the secret in plain QSettings: never.
            job->setInsecureFallback(false);
            QObject::connect(job, &QKeychain::Job::finished, job, [pending](QKeychain::Job* finished) {
                JobResult result{finished->error(), finished->errorString(), {}};
                if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
                    result.data = read->binaryData();
                std::lock_guard lock(pending->mutex);
                pending->result = std::move(result);
                pending->done.notify_all();
            });
            job->start();
        },
        Qt::QueuedConnection);

    std::unique_lock lock(pending->mutex);
    const auto remaining = std::chrono::milliseconds(deadline.remainingTime());
    if (!pending->done.wait_for(lock, remaining, [&] { return pending->result.has_value(); }))
        return std::unexpected(QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    JobResult result = std::move(*pending->result);
    pending->result.reset();
    return result;
}

// qtkeychain's texts can be as bare as "Unknown error" (Linux without libsecret or KWallet), so say what failed.
QString errorText(const JobResult& result)
{
    QString text = result.errorString.simplified(); // one line, whatever the backend says
    if (text.isEmpty())
        text = QStringLiteral("error %1").arg(int(result.error));
    switch (result.error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QStringLiteral("no keyring service: %1").arg(text);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("access denied: %1").arg(text);
    default:
        return QStringLiteral("keyring backend failed: %1").arg(text);
    }
}

} // namespace

std::expected<std::optional<VaultKey>, QString> Keyring::read(const QString& service, const QString& entry,
                                                              int timeoutMs)
{
    auto result = runJob(
        [service, entry] {
            auto* job = new QKeychain::ReadPasswordJob(service);
            job->setKey(entry);
            return job;
        },
        timeoutMs);
    if (!result)
        return std::unexpected(result.error());
    if (result->error == QKeychain::EntryNotFound)
        return std::optional<VaultKey>{};
    if (result->error != QKeychain::NoError)
        return std::unexpected(errorText(*result));
    std::optional<VaultKey> key = VaultKey::fromBytes(result->data);
    wipe(result->data);
    if (!key) {
        return std::unexpected(
            QStringLiteral("keyring entry %1/%2 holds no %3-byte vault key").arg(service, entry).arg(VaultKey::size));
    }
    return key;
}

std::expected<void, QString> Keyring::write(const QString& service, const QString& entry, const VaultKey& key,
                                            int timeoutMs)
{
    QByteArray bytes = key.toByteArray();
    auto result = runJob(
        [service, entry, bytes] {
            auto* job = new QKeychain::WritePasswordJob(service);
            job->setKey(entry);
            job->setBinaryData(bytes);
            return job;
        },
        timeoutMs);
    wipe(bytes);
    if (!result)
        return std::unexpected(result.error());
    if (result->error != QKeychain::NoError)
        return std::unexpected(errorText(*result));

    auto stored = read(service, entry, timeoutMs);
    if (!stored)
        return std::unexpected(QStringLiteral("cannot read back the stored key: %1").arg(stored.error()));
    if (!*stored || !(**stored == key))
        return std::unexpected(QStringLiteral("the keyring did not keep the stored key"));
    return {};
}

} // namespace taskloom::vault
