#include "DaemonStore.hpp"

#include "engine/RunDatabase.hpp"

#include <QDateTime>

namespace taskloom::daemon {

using engine::Migration;

namespace {

// Qt binds a null QString as SQL NULL; the columns that hold text are NOT NULL.
QString nonNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

engine::Migrations DaemonStore::migrations()
{
    return {Migration{module(), 1,
                      {QStringLiteral("CREATE TABLE daemon_triggers ("
                                      " flow_id TEXT NOT NULL,"
                                      " node_id TEXT NOT NULL,"
                                      " last_due_at INTEGER NOT NULL,"
                                      " updated_at INTEGER NOT NULL,"
                                      " PRIMARY KEY (flow_id, node_id))"),
                       QStringLiteral("CREATE TABLE daemon_flows ("
                                      " flow_id TEXT PRIMARY KEY,"
                                      " enabled INTEGER NOT NULL,"
                                      " changed_at INTEGER NOT NULL)"),
                       // The queue is keyed by the child's run id; pruning a run removes its row here too.
                       QStringLiteral("CREATE TABLE daemon_queue ("
                                      " run_id TEXT PRIMARY KEY,"
                                      " flow_id TEXT NOT NULL,"
                                      " flow_path TEXT NOT NULL,"
                                      " node_id TEXT NOT NULL,"
                                      " reason TEXT NOT NULL,"
                                      " due_at INTEGER NOT NULL,"
                                      " state TEXT NOT NULL,"
                                      " attempt INTEGER NOT NULL DEFAULT 1,"
                                      " trigger_json TEXT NOT NULL,"
                                      " created_at INTEGER NOT NULL,"
                                      " started_at INTEGER,"
                                      " finished_at INTEGER,"
                                      " exit_code INTEGER,"
                                      " note TEXT NOT NULL DEFAULT '')"),
                       QStringLiteral("CREATE INDEX daemon_queue_open ON daemon_queue (state, due_at)"
                                      " WHERE state IN ('queued', 'started')"),
                       QStringLiteral("CREATE INDEX daemon_queue_by_flow ON daemon_queue (flow_id, created_at DESC)")}},
            // What each file-watch trigger last reported, so files that arrive while the daemon is down are caught up.
            Migration{module(), 2,
                      {QStringLiteral("CREATE TABLE daemon_file_watches ("
                                      " flow_id TEXT NOT NULL,"
                                      " node_id TEXT NOT NULL,"
                                      " files_json TEXT NOT NULL,"
                                      " saved_at INTEGER NOT NULL,"
                                      " PRIMARY KEY (flow_id, node_id))")}}};
}

std::expected<std::optional<qint64>, QString> DaemonStore::lastDue(const QString& flowId, const QString& nodeId)
{
    auto q = m_db.query(QStringLiteral("SELECT last_due_at FROM daemon_triggers WHERE flow_id = ? AND node_id = ?"),
                        {flowId, nodeId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

std::expected<void, QString> DaemonStore::insert(const QueuedRun& r, qint64 nowMs)
{
    return m_db.exec(QStringLiteral("INSERT INTO daemon_queue (run_id, flow_id, flow_path, node_id, reason, due_at, state,"
                                    " attempt, trigger_json, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {r.runId, r.flowId, r.flowPath, r.nodeId, r.reason, r.dueAtMs, r.state, r.attempt,
                      r.triggerJson, nowMs, nonNull(r.note)});
}

std::expected<void, QString> DaemonStore::recordFires(const QString& flowId, const QString& nodeId, qint64 dueAtMs,
                                                      const QList<QueuedRun>& runs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return m_db.write([&]() -> std::expected<void, QString> {
        auto r = m_db.exec(QStringLiteral("INSERT INTO daemon_triggers (flow_id, node_id, last_due_at, updated_at)"
                                          " VALUES (?, ?, ?, ?) ON CONFLICT (flow_id, node_id) DO UPDATE SET"
                                          " last_due_at = excluded.last_due_at, updated_at = excluded.updated_at"),
                           {flowId, nodeId, dueAtMs, now});
        if (!r)
            return r;
        for (const QueuedRun& run : runs) {
            if (auto i = insert(run, now); !i)
                return i;
        }
        return {};
    });
}

std::expected<void, QString> DaemonStore::enqueue(const QList<QueuedRun>& runs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return m_db.write([&]() -> std::expected<void, QString> {
        for (const QueuedRun& run : runs) {
            if (auto i = insert(run, now); !i)
                return i;
        }
        return {};
    });
}

std::expected<std::optional<QByteArray>, QString> DaemonStore::fileWatchState(const QString& flowId, const QString& nodeId)
{
    auto q = m_db.query(QStringLiteral("SELECT files_json FROM daemon_file_watches WHERE flow_id = ? AND node_id = ?"),
                        {flowId, nodeId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q->value(0).toByteArray());
}

std::expected<void, QString> DaemonStore::saveFileWatchState(const QString& flowId, const QString& nodeId, const QByteArray& json)
{
    return m_db.exec(QStringLiteral("INSERT INTO daemon_file_watches (flow_id, node_id, files_json, saved_at) VALUES (?, ?, ?, ?)"
                                    " ON CONFLICT (flow_id, node_id) DO UPDATE SET files_json = excluded.files_json,"
                                    " saved_at = excluded.saved_at"),
                     {flowId, nodeId, QString::fromUtf8(json), QDateTime::currentMSecsSinceEpoch()});
}

std::expected<std::optional<bool>, QString> DaemonStore::enabledOverride(const QString& flowId)
{
    auto q = m_db.query(QStringLiteral("SELECT enabled FROM daemon_flows WHERE flow_id = ?"), {flowId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<bool>();
    return std::optional<bool>(q->value(0).toInt() != 0);
}

std::expected<void, QString> DaemonStore::setEnabled(const QString& flowId, bool enabled)
{
    return m_db.exec(QStringLiteral("INSERT INTO daemon_flows (flow_id, enabled, changed_at) VALUES (?, ?, ?)"
                                    " ON CONFLICT (flow_id) DO UPDATE SET enabled = excluded.enabled,"
                                    " changed_at = excluded.changed_at"),
                     {flowId, enabled ? 1 : 0, QDateTime::currentMSecsSinceEpoch()});
}

std::expected<QList<QueuedRun>, QString> DaemonStore::openRuns()
{
    auto q = m_db.query(QStringLiteral("SELECT run_id, flow_id, flow_path, node_id, reason, due_at, state, attempt,"
                                       " trigger_json, note FROM daemon_queue WHERE state IN ('queued', 'started')"
                                       " ORDER BY due_at, created_at, run_id"));
    if (!q)
        return std::unexpected(q.error());
    QList<QueuedRun> out;
    while (q->next()) {
        QueuedRun r;
        r.runId = q->value(0).toString();
        r.flowId = q->value(1).toString();
        r.flowPath = q->value(2).toString();
        r.nodeId = q->value(3).toString();
        r.reason = q->value(4).toString();
        r.dueAtMs = q->value(5).toLongLong();
        r.state = q->value(6).toString();
        r.attempt = q->value(7).toInt();
        r.triggerJson = q->value(8).toString();
        r.note = q->value(9).toString();
        out.append(r);
    }
    return out;
}

std::expected<bool, QString> DaemonStore::markStarted(const QString& runId, qint64 atMs)
{
    return m_db.write([&]() -> std::expected<bool, QString> {
        auto r = m_db.exec(QStringLiteral("UPDATE daemon_queue SET state = 'started', started_at = ?"
                                          " WHERE run_id = ? AND state = 'queued'"),
                           {atMs, runId});
        if (!r)
            return std::unexpected(r.error());
        auto q = m_db.query(QStringLiteral("SELECT changes()"));
        if (!q)
            return std::unexpected(q.error());
        return q->next() && q->value(0).toInt() == 1;
    });
}

std::expected<void, QString> DaemonStore::markEnded(const QString& runId, const QString& state, int exitCode,
                                                    qint64 atMs, const QString& note)
{
    return m_db.exec(QStringLiteral("UPDATE daemon_queue SET state = ?, exit_code = ?, finished_at = ?, note = ?"
                                    " WHERE run_id = ?"),
                     {state, exitCode, atMs, nonNull(note), runId});
}

std::expected<QString, QString> DaemonStore::runStatus(const QString& runId)
{
    auto q = m_db.query(QStringLiteral("SELECT status FROM runs WHERE id = ?"), {runId});
    if (!q)
        return std::unexpected(q.error());
    return q->next() ? q->value(0).toString() : QString();
}

std::expected<void, QString> DaemonStore::recordNeverStarted(const QueuedRun& run, const QString& flowName, qint64 atMs)
{
    return m_db.exec(QStringLiteral("INSERT OR IGNORE INTO runs (id, flow_id, flow_name, flow_path, status, started_at,"
                                    " finished_at, duration_ms, error_code, error_message, trigger, store_mode)"
                                    " VALUES (?, ?, ?, ?, 'interrupted', ?, ?, 0, 'DAEMON_STOPPED', ?, ?, 'metadata')"),
                     {run.runId, run.flowId, nonNull(flowName), run.flowPath, atMs, atMs,
                      QStringLiteral("the daemon stopped after starting this run and before the run recorded itself; "
                                     "it was not started again"),
                      run.reason});
}

std::expected<void, QString> DaemonStore::markTimedOut(const QString& runId, int timeoutSeconds)
{
    return m_db.exec(QStringLiteral("UPDATE runs SET status = 'timed-out', error_code = 'TIMEOUT', error_message = ?"
                                    " WHERE id = ? AND status IN ('cancelled', 'running', 'interrupted')"),
                     {QStringLiteral("the run exceeded its timeout of %1 s and was stopped by the daemon").arg(timeoutSeconds),
                      runId});
}

} // namespace taskloom::daemon
