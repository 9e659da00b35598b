#include "RunStore.hpp"

#include "Json.hpp"
#include "RunDatabase.hpp"
#include "RunLock.hpp"
#include "RunSchema.hpp"
#include "RunWriter.hpp"

#include <QDir>
#include <QSqlQuery>

#include <limits>

namespace taskloom::engine {

namespace {

using Code = RunStoreError::Code;

std::unexpected<RunStoreError> databaseError(const QString& message)
{
    return std::unexpected(RunStoreError{Code::Database, message});
}

QDateTime fromMsecs(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Value isoTime(const QVariant& v)
{
    return v.isNull() ? Value() : Value(fromMsecs(v).toString(Qt::ISODateWithMs));
}

Value intOrNull(const QVariant& v)
{
    return v.isNull() ? Value() : Value(v.toLongLong());
}

Value textOrNull(const QVariant& v)
{
    return v.isNull() ? Value() : Value(v.toString());
}

const QString runColumns = QStringLiteral(
    "id, flow_id, flow_name, flow_path, status, started_at, finished_at, duration_ms, error_code, error_message,"
    " failed_node_id, failed_node_name, trigger, store_mode, pid");

RunSummary summaryFromRow(const QSqlQuery& q)
{
    RunSummary r;
    r.id = q.value(0).toString();
    r.flowId = q.value(1).toString();
    r.flowName = q.value(2).toString();
    r.flowPath = q.value(3).toString();
    r.status = runStatusFromName(q.value(4).toString()).value_or(RunStatus::Failed);
    r.startedAt = fromMsecs(q.value(5));
    r.finishedAt = fromMsecs(q.value(6));
    r.durationMs = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
    r.errorCode = q.value(8).toString();
    r.errorMessage = q.value(9).toString();
    r.failedNodeId = q.value(10).toString();
    r.failedNodeName = q.value(11).toString();
    r.trigger = q.value(12).toString();
    r.storeMode = FlowSettings::storeItemDataFromName(q.value(13).toString()).value_or(StoreItemData::Full);
    r.pid = q.value(14).toLongLong();
    return r;
}

Object outputJson(const QSqlQuery& q)
{
    // Columns 1..5 of the outputs query: port, items_json, item_count, total_items, truncated.
    const QByteArray stored = q.value(2).toString().toUtf8();
    auto items = Json::parse(stored);
    return Object{{QStringLiteral("port"), q.value(1).toLongLong()},
                  {QStringLiteral("itemCount"), q.value(3).toLongLong()},
                  {QStringLiteral("totalItems"), q.value(4).toLongLong()},
                  {QStringLiteral("truncated"), q.value(5).toBool()},
                  {QStringLiteral("items"), items ? *items : Value(QString::fromUtf8(stored))}};
}

// Runs whose lock nobody held (or whose lock file is gone) are interrupted, unless their row moved on since.
std::expected<int, QString> markInterrupted(RunDatabase& db, const QStringList& runIds)
{
    return db.write([&]() -> std::expected<int, QString> {
        int marked = 0;
        for (const QString& id : runIds) {
            // The WHERE status = 'running' matters: a run that finished after our SELECT released its lock
            // only once its final row was committed, so we must not overwrite that row.
            auto q = db.query(
                QStringLiteral("UPDATE runs SET status = 'interrupted',"
                               " finished_at = MAX(started_at,"
                               "  COALESCE((SELECT MAX(COALESCE(finished_at, started_at)) FROM node_runs"
                               "   WHERE run_id = ?), 0),"
                               "  COALESCE((SELECT MAX(time) FROM logs WHERE run_id = ?), 0)),"
                               " error_message = COALESCE(error_message, 'the process recording the run (pid '"
                               "  || pid || ') ended before the run finished')"
                               " WHERE id = ? AND status = 'running'"),
                {id, id, id});
            if (!q)
                return std::unexpected(q.error());
            if (q->numRowsAffected() <= 0)
                continue;
            ++marked;
            if (auto r = db.exec(QStringLiteral("UPDATE node_runs SET status = 'interrupted'"
                                                " WHERE run_id = ? AND status = 'running'"),
                                 {id});
                !r)
                return std::unexpected(r.error());
        }
        return marked;
    });
}

// Inside a write transaction: picks the runs to delete once, then removes their rows from every run table.
std::expected<int, QString> deleteRuns(RunDatabase& db, const QStringList& runTables, qint64 cutoff, qint64 keep)
{
    if (auto r = db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS prune_ids (id TEXT PRIMARY KEY)")); !r)
        return std::unexpected(r.error());
    if (auto r = db.exec(QStringLiteral("DELETE FROM prune_ids")); !r)
        return std::unexpected(r.error());
    auto picked = db.query(QStringLiteral("INSERT INTO prune_ids SELECT id FROM (SELECT id, status, started_at,"
                                          " ROW_NUMBER() OVER (PARTITION BY flow_id ORDER BY started_at DESC, id DESC)"
                                          " AS newest FROM runs) WHERE status != 'running' AND"
                                          " (started_at < ? OR newest > ?)"),
                           {cutoff, keep});
    if (!picked)
        return std::unexpected(picked.error());
    const int count = picked->numRowsAffected();
    picked->finish();
    for (const QString& table : runTables) {
        const QString quoted = QString(table).replace(u'"', QStringLiteral("\"\""));
        const QString sql = QStringLiteral("DELETE FROM \"%1\" WHERE run_id IN (SELECT id FROM prune_ids)").arg(quoted);
        if (auto r = db.exec(sql); !r)
            return std::unexpected(r.error());
    }
    if (auto r = db.exec(QStringLiteral("DELETE FROM runs WHERE id IN (SELECT id FROM prune_ids)")); !r)
        return std::unexpected(r.error());
    return count;
}

} // namespace

Object RunSummary::toJson() const
{
    const RunSummary& r = *this;
    Object o{{QStringLiteral("id"), r.id},
             {QStringLiteral("flowId"), r.flowId},
             {QStringLiteral("flowName"), r.flowName},
             {QStringLiteral("flowPath"), r.flowPath},
             {QStringLiteral("status"), runStatusName(r.status)},
             {QStringLiteral("startedAt"), r.startedAt.toString(Qt::ISODateWithMs)},
             {QStringLiteral("finishedAt"),
              r.finishedAt.isValid() ? Value(r.finishedAt.toString(Qt::ISODateWithMs)) : Value()},
             {QStringLiteral("durationMs"), r.durationMs < 0 ? Value() : Value(r.durationMs)},
             {QStringLiteral("trigger"), r.trigger},
             {QStringLiteral("storeItemData"), FlowSettings::storeItemDataName(r.storeMode)},
             {QStringLiteral("pid"), r.pid}};
    if (!r.errorCode.isEmpty() || !r.errorMessage.isEmpty() || !r.failedNodeId.isEmpty()) {
        o.insert(QStringLiteral("error"), Object{{QStringLiteral("code"), r.errorCode},
                                                 {QStringLiteral("message"), r.errorMessage},
                                                 {QStringLiteral("nodeId"), r.failedNodeId},
                                                 {QStringLiteral("node"), r.failedNodeName}});
    }
    return o;
}

QString RunStore::databasePath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("runs.db"));
}

RunStore::RunStore(QString dataDir, std::unique_ptr<RunDatabase> db)
    : m_dataDir(std::move(dataDir)), m_db(std::move(db))
{
}

RunStore::~RunStore()
{
    // The writer commits what it holds when its last user lets go; recorders may still hold it.
    m_writer.reset();
}

std::expected<std::unique_ptr<RunStore>, RunStoreError> RunStore::open(const QString& dataDir,
                                                                      const Migrations& moduleMigrations)
{
    const QString dir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(RunLock::lockDirectory(dir)))
        return databaseError(QStringLiteral("cannot create %1").arg(RunLock::lockDirectory(dir)));
    Migrations all = RunSchema::engineMigrations();
    for (const Migration& m : moduleMigrations) {
        if (m.module == RunSchema::engineModule())
            return databaseError(QStringLiteral("the migration module name '%1' is reserved").arg(m.module));
        all.append(m);
    }
    auto db = RunDatabase::open(databasePath(dir));
    if (!db)
        return databaseError(db.error());
    if (auto migrated = RunSchema::migrate(**db, all); !migrated)
        return std::unexpected(migrated.error());
    std::unique_ptr<RunStore> store(new RunStore(dir, std::move(*db)));
    if (auto reconciled = store->reconcileInterrupted(); !reconciled)
        return std::unexpected(reconciled.error());
    return store;
}

std::shared_ptr<RunWriter> RunStore::writer()
{
    std::lock_guard lock(m_writerMutex);
    if (!m_writer)
        m_writer = std::make_shared<RunWriter>(databasePath(m_dataDir));
    return m_writer;
}

std::expected<int, RunStoreError> RunStore::reconcileInterrupted()
{
    auto q = m_db->query(QStringLiteral("SELECT id FROM runs WHERE status = 'running'"));
    if (!q)
        return databaseError(q.error());
    QStringList candidates;
    std::vector<RunLock> probes; // held until the rows are updated, so the verdict cannot go stale meanwhile
    while (q->next()) {
        const QString id = q->value(0).toString();
        auto probe = RunLock::tryAcquireExisting(m_dataDir, id);
        if (!probe && probe.error().failure == RunLock::Failure::Held)
            continue; // alive, in this process or another
        if (!probe && probe.error().failure == RunLock::Failure::Error)
            return databaseError(probe.error().message);
        candidates.append(id);
        if (probe)
            probes.push_back(std::move(*probe));
    }
    q->finish();
    if (candidates.isEmpty())
        return 0;
    auto marked = markInterrupted(*m_db, candidates);
    if (!marked)
        return databaseError(marked.error());
    return *marked; // the probes go now, removing the stale lock files
}

std::expected<QList<RunSummary>, RunStoreError> RunStore::selectRuns(const QString& where, const QVariantList& values,
                                                                     int limit)
{
    QString sql = QStringLiteral("SELECT %1 FROM runs").arg(runColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT %1").arg(limit > 0 ? limit : -1);
    auto q = m_db->query(sql, values);
    if (!q)
        return databaseError(q.error());
    QList<RunSummary> runs;
    while (q->next())
        runs.append(summaryFromRow(*q));
    return runs;
}

std::expected<QList<RunSummary>, RunStoreError> RunStore::listRuns(const RunFilter& filter)
{
    if (auto r = reconcileInterrupted(); !r)
        return std::unexpected(r.error());
    QStringList where;
    QVariantList values;
    if (!filter.flowId.isEmpty()) {
        where.append(QStringLiteral("flow_id = ?"));
        values.append(filter.flowId);
    }
    if (filter.status) {
        where.append(QStringLiteral("status = ?"));
        values.append(runStatusName(*filter.status));
    }
    return selectRuns(where.join(QStringLiteral(" AND ")), values, filter.limit);
}

std::expected<QString, RunStoreError> RunStore::resolveRunId(const QString& idOrPrefix)
{
    if (idOrPrefix.isEmpty())
        return std::unexpected(RunStoreError{Code::NotFound, QStringLiteral("no run id given")});
    auto q = m_db->query(QStringLiteral("SELECT id FROM runs WHERE substr(id, 1, ?) = ? ORDER BY id != ?, id LIMIT 6"),
                         {idOrPrefix.size(), idOrPrefix, idOrPrefix});
    if (!q)
        return databaseError(q.error());
    QStringList matches;
    while (q->next())
        matches.append(q->value(0).toString());
    if (matches.isEmpty())
        return std::unexpected(RunStoreError{Code::NotFound, QStringLiteral("no run matches '%1'").arg(idOrPrefix)});
    if (matches.first() == idOrPrefix || matches.size() == 1)
        return matches.first();
    if (matches.size() > 5)
        matches.last() = QStringLiteral("...");
    return std::unexpected(RunStoreError{Code::Ambiguous, QStringLiteral("run id '%1' is ambiguous: %2")
                                                              .arg(idOrPrefix, matches.join(QStringLiteral(", ")))});
}

std::expected<RunSummary, RunStoreError> RunStore::run(const QString& idOrPrefix)
{
    if (auto r = reconcileInterrupted(); !r)
        return std::unexpected(r.error());
    const auto id = resolveRunId(idOrPrefix);
    if (!id)
        return std::unexpected(id.error());
    auto runs = selectRuns(QStringLiteral("id = ?"), {*id}, 1);
    if (!runs)
        return std::unexpected(runs.error());
    if (runs->isEmpty()) // pruned between the two queries
        return std::unexpected(RunStoreError{Code::NotFound, QStringLiteral("no run matches '%1'").arg(idOrPrefix)});
    return runs->first();
}

std::expected<Array, RunStoreError> RunStore::nodeRunsJson(const QString& runId)
{
    // Outputs first, grouped by node, then attached while walking the node runs in the order they started.
    auto outputs = m_db->query(QStringLiteral("SELECT node_id, port, items_json, item_count, total_items, truncated"
                                              " FROM node_outputs WHERE run_id = ? ORDER BY node_id, port"),
                               {runId});
    if (!outputs)
        return databaseError(outputs.error());
    QHash<QString, Array> outputsByNode;
    while (outputs->next())
        outputsByNode[outputs->value(0).toString()].append(outputJson(*outputs));

    auto q = m_db->query(QStringLiteral("SELECT node_id, node_name, node_type, status, started_at, finished_at,"
                                        " duration_ms, items_in, items_out, attempts, error_code, error_message"
                                        " FROM node_runs WHERE run_id = ? ORDER BY rowid"),
                         {runId});
    if (!q)
        return databaseError(q.error());
    Array nodes;
    while (q->next()) {
        const QString nodeId = q->value(0).toString();
        nodes.append(Object{{QStringLiteral("nodeId"), nodeId},
                            {QStringLiteral("node"), q->value(1).toString()},
                            {QStringLiteral("type"), q->value(2).toString()},
                            {QStringLiteral("status"), q->value(3).toString()},
                            {QStringLiteral("startedAt"), isoTime(q->value(4))},
                            {QStringLiteral("finishedAt"), isoTime(q->value(5))},
                            {QStringLiteral("durationMs"), intOrNull(q->value(6))},
                            {QStringLiteral("itemsIn"), q->value(7).toLongLong()},
                            {QStringLiteral("itemsOut"), q->value(8).toLongLong()},
                            {QStringLiteral("attempts"), q->value(9).toLongLong()},
                            {QStringLiteral("errorCode"), textOrNull(q->value(10))},
                            {QStringLiteral("errorMessage"), textOrNull(q->value(11))},
                            {QStringLiteral("outputs"), outputsByNode.value(nodeId)}});
    }
    return nodes;
}

std::expected<Array, RunStoreError> RunStore::logsJson(const QString& runId)
{
    auto q = m_db->query(QStringLiteral("SELECT seq, time, level, node_id, node_name, message, data_json FROM logs"
                                        " WHERE run_id = ? ORDER BY seq"),
                         {runId});
    if (!q)
        return databaseError(q.error());
    Array logs;
    while (q->next()) {
        Object line{{QStringLiteral("seq"), q->value(0).toLongLong()},
                    {QStringLiteral("time"), isoTime(q->value(1))},
                    {QStringLiteral("level"), q->value(2).toString()},
                    {QStringLiteral("nodeId"), q->value(3).toString()},
                    {QStringLiteral("node"), q->value(4).toString()},
                    {QStringLiteral("message"), q->value(5).toString()}};
        if (!q->value(6).isNull())
            if (auto data = Json::parse(q->value(6).toString().toUtf8()); data && data->isObject())
                line.insert(QStringLiteral("data"), *data);
        logs.append(std::move(line));
    }
    return logs;
}

std::expected<Object, RunStoreError> RunStore::runDetail(const QString& idOrPrefix)
{
    const auto summary = run(idOrPrefix);
    if (!summary)
        return std::unexpected(summary.error());
    auto nodes = nodeRunsJson(summary->id);
    if (!nodes)
        return std::unexpected(nodes.error());
    auto logs = logsJson(summary->id);
    if (!logs)
        return std::unexpected(logs.error());
    Object detail = summary->toJson();
    detail.insert(QStringLiteral("nodes"), std::move(*nodes));
    detail.insert(QStringLiteral("logs"), std::move(*logs));
    return detail;
}

std::expected<int, RunStoreError> RunStore::prune(const QDateTime& olderThan, int keepPerFlow)
{
    // Crashed runs still say "running"; reconciling first lets them age out like any other.
    if (auto r = reconcileInterrupted(); !r)
        return std::unexpected(r.error());
    // Every table with a run_id column holds run data, including tables of modules this program lacks.
    auto tables = m_db->query(QStringLiteral("SELECT m.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c"
                                             " WHERE m.type = 'table' AND c.name = 'run_id'"));
    if (!tables)
        return databaseError(tables.error());
    QStringList runTables;
    while (tables->next())
        runTables.append(tables->value(0).toString());
    tables->finish();

    const qint64 cutoff = olderThan.isValid() ? olderThan.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 keep = keepPerFlow < 0 ? std::numeric_limits<qint64>::max() : keepPerFlow;
    auto deleted = m_db->write([&] { return deleteRuns(*m_db, runTables, cutoff, keep); });
    if (!deleted)
        return databaseError(deleted.error());
    return *deleted;
}

std::expected<int, RunStoreError> RunStore::applyRetention()
{
    return prune(QDateTime::currentDateTimeUtc().addDays(-defaultMaxAgeDays), defaultKeepPerFlow);
}

} // namespace taskloom::engine
