#pragma once

#include "engine/Migration.hpp"

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace taskloom::engine {
class RunDatabase;
}

namespace taskloom::daemon {

/// One fire of a trigger, from the moment it is decided until its child run ends. Written in the same
/// transaction that advances the trigger's last due time, so a crash between deciding and starting neither
/// loses the fire nor repeats it.
struct QueuedRun {
    QString runId;
    QString flowId;
    QString flowPath;
    QString nodeId;
    QString reason;      ///< "schedule", "catch-up", "file", "webhook", "api", "retry"
    qint64 dueAtMs = 0;  ///< when it should start (a retry's backoff puts it in the future)
    QString state;       ///< queued, started, finished, skipped, interrupted
    int attempt = 1;
    QString triggerJson; ///< {"node": ..., "data": {...}} as passed to `taskloom run --trigger`
    QString note;
};

/// The daemon's tables in the run store (module "daemon"): the last due time each schedule trigger has
/// handled, the enable / disable overrides of `taskloom schedule enable|disable`, and the run queue.
class DaemonStore {
public:
    static QString module() { return QStringLiteral("daemon"); }
    static engine::Migrations migrations();

    explicit DaemonStore(engine::RunDatabase& db) : m_db(db) {}

    std::expected<std::optional<qint64>, QString> lastDue(const QString& flowId, const QString& nodeId);
    /// Advances the trigger to `dueAtMs` and records `runs` (queued or skipped rows) in one transaction.
    std::expected<void, QString> recordFires(const QString& flowId, const QString& nodeId, qint64 dueAtMs,
                                             const QList<QueuedRun>& runs);
    /// Inserts runs that belong to no schedule (webhook, file, api, retry).
    std::expected<void, QString> enqueue(const QList<QueuedRun>& runs);

    /// What a file-watch trigger last reported (JSON written by the daemon), nullopt when it never ran.
    std::expected<std::optional<QByteArray>, QString> fileWatchState(const QString& flowId, const QString& nodeId);
    std::expected<void, QString> saveFileWatchState(const QString& flowId, const QString& nodeId, const QByteArray& json);
    /// The override for a flow: true / false, or nullopt when none was set.
    std::expected<std::optional<bool>, QString> enabledOverride(const QString& flowId);
    std::expected<void, QString> setEnabled(const QString& flowId, bool enabled);

    /// Runs in state queued or started, oldest due first.
    std::expected<QList<QueuedRun>, QString> openRuns();
    /// queued -> started; false when the row was not queued (someone else took it).
    std::expected<bool, QString> markStarted(const QString& runId, qint64 atMs);
    std::expected<void, QString> markEnded(const QString& runId, const QString& state, int exitCode, qint64 atMs,
                                           const QString& note);
    /// The run's status in the engine's runs table, or empty when the run never recorded itself.
    std::expected<QString, QString> runStatus(const QString& runId);
    /// Records a run that never started its process as interrupted in the runs table, so it is not silently lost.
    std::expected<void, QString> recordNeverStarted(const QueuedRun& run, const QString& flowName, qint64 atMs);
    /// Changes a cancelled run the daemon killed for its timeout into timed-out.
    std::expected<void, QString> markTimedOut(const QString& runId, int timeoutSeconds);

private:
    std::expected<void, QString> insert(const QueuedRun& run, qint64 nowMs);

    engine::RunDatabase& m_db;
};

} // namespace taskloom::daemon
