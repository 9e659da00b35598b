#include "RunWriter.hpp"

#include "Json.hpp"
#include "RunDatabase.hpp"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace taskloom::engine {

namespace {

using Type = RunEvent::Type;

struct WriteError {
    QString message;
    bool busy = false;
};
using WriteResult = std::expected<void, WriteError>;

// A null QString binds as SQL NULL; the text columns that must not be NULL get an empty string instead.
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

qint64 msecs(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

/// The writer's statements, prepared once per connection: preparing costs more than executing.
struct Statements {
    explicit Statements(const QSqlDatabase& db)
        : runStarted(db), runFinished(db), nodeStarted(db), nodeFinished(db), nodeRetry(db), log(db), output(db)
    {
    }

    QSqlQuery runStarted, runFinished, nodeStarted, nodeFinished, nodeRetry, log, output;

    std::expected<void, QString> prepare()
    {
        const std::pair<QSqlQuery*, QString> all[] = {
            {&runStarted,
             QStringLiteral("INSERT INTO runs (id, flow_id, flow_name, flow_path, status, started_at, trigger,"
                            " store_mode, pid) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?)"
                            " ON CONFLICT (id) DO UPDATE SET status = 'running', started_at = excluded.started_at,"
                            " finished_at = NULL, duration_ms = NULL, pid = excluded.pid")},
            {&runFinished,
             QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, error_code = ?,"
                            " error_message = ?, failed_node_id = ?, failed_node_name = ? WHERE id = ?")},
            {&nodeStarted,
             QStringLiteral("INSERT INTO node_runs (run_id, node_id, node_name, node_type, status, started_at,"
                            " attempts) VALUES (?, ?, ?, ?, 'running', ?, 1)"
                            " ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'running',"
                            " started_at = excluded.started_at, attempts = MAX(attempts, 1)")},
            {&nodeFinished,
             QStringLiteral("INSERT INTO node_runs (run_id, node_id, node_name, node_type, status, started_at,"
                            " finished_at, duration_ms, items_in, items_out, attempts, error_code, error_message)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (run_id, node_id) DO UPDATE SET status = excluded.status,"
                            " finished_at = excluded.finished_at, duration_ms = excluded.duration_ms,"
                            " items_in = excluded.items_in, items_out = excluded.items_out,"
                            " attempts = MAX(attempts, excluded.attempts), error_code = excluded.error_code,"
                            " error_message = excluded.error_message")},
            {&nodeRetry,
             QStringLiteral("UPDATE node_runs SET attempts = MAX(attempts + 1, ?) WHERE run_id = ? AND node_id = ?")},
            {&log,
             QStringLiteral("INSERT OR REPLACE INTO logs (run_id, seq, time, level, node_id, node_name, message, data_json)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")},
            {&output,
             QStringLiteral("INSERT OR REPLACE INTO node_outputs (run_id, node_id, port, items_json, item_count,"
                            " total_items, truncated) VALUES (?, ?, ?, ?, ?, ?, ?)")},
        };
        for (const auto& [query, sql] : all) {
            if (!query->prepare(sql))
                return std::unexpected(RunDatabase::describe(query->lastError(), sql));
        }
        return {};
    }
};

WriteResult execute(QSqlQuery& q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant& v : values)
        q.bindValue(i++, v);
    if (!q.exec())
        return std::unexpected(WriteError{RunDatabase::describe(q.lastError(), q.lastQuery()),
                                          RunDatabase::isBusyError(q.lastError())});
    return {};
}

WriteResult writeRunFinished(Statements& s, const RunWriter::Entry& e)
{
    const RunEvent& ev = e.event;
    const bool failed = ev.runStatus != RunStatus::Succeeded;
    return execute(s.runFinished, {runStatusName(ev.runStatus), msecs(ev.time), ev.durationMs,
                                   textOrNull(ev.errorCode), failed ? textOrNull(ev.message) : QVariant(),
                                   textOrNull(e.failedNodeId), textOrNull(e.failedNodeName), ev.runId});
}

WriteResult writeOutputs(Statements& s, const RunEvent& ev)
{
    for (qsizetype port = 0; port < ev.outputSample.size(); ++port) {
        const ItemList& items = ev.outputSample.at(port);
        if (items.isEmpty())
            continue;
        const RunWriter::Sample sample = RunWriter::sampleJson(items);
        if (auto r = execute(s.output, {ev.runId, ev.nodeId, qint64(port), QString::fromUtf8(sample.json),
                                        qint64(sample.storedItems), qint64(items.size()), sample.truncated ? 1 : 0});
            !r)
            return r;
    }
    return {};
}

WriteResult writeNodeFinished(Statements& s, const RunEvent& ev)
{
    const qint64 finished = msecs(ev.time);
    if (auto r = execute(s.nodeFinished,
                         {ev.runId, text(ev.nodeId), text(ev.nodeName), text(ev.nodeType),
                          nodeStatusName(ev.nodeStatus), finished - ev.durationMs, finished, ev.durationMs, ev.itemsIn,
                          ev.itemsOut,
                          qMax(ev.attempt, 1), textOrNull(ev.errorCode), textOrNull(ev.message)});
        !r)
        return r;
    return writeOutputs(s, ev);
}

WriteResult writeEntry(Statements& s, const RunWriter::Entry& e)
{
    const RunEvent& ev = e.event;
    switch (ev.type) {
    case Type::RunStarted:
        return execute(s.runStarted, {ev.runId, text(ev.flowId), text(ev.flowName), text(e.flowPath), msecs(ev.time),
                                      text(e.trigger), FlowSettings::storeItemDataName(e.storeMode), e.pid});
    case Type::RunFinished: return writeRunFinished(s, e);
    case Type::NodeStarted:
        return execute(s.nodeStarted,
                       {ev.runId, text(ev.nodeId), text(ev.nodeName), text(ev.nodeType), msecs(ev.time)});
    case Type::NodeFinished: return writeNodeFinished(s, ev);
    case Type::NodeRetry:
        if (auto r = execute(s.nodeRetry, {ev.attempt, ev.runId, text(ev.nodeId)}); !r || ev.message.isEmpty())
            return r;
        [[fallthrough]]; // the retry's reason goes to the log like any other line
    case Type::Log:
        return execute(s.log, {ev.runId, e.logSeq, msecs(ev.time), logLevelName(ev.level), text(ev.nodeId),
                               text(ev.nodeName), text(ev.message),
                               ev.data.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(Json::serialize(Value(ev.data))))});
    case Type::Progress: return {};
    }
    return {};
}

/// Writes a batch in one transaction. Fails only when the batch must be retried as a whole (the database
/// stayed locked); a single entry that cannot be stored is reported and skipped.
WriteResult writeBatch(RunDatabase& db, Statements& s, const std::vector<RunWriter::Entry>& batch, QString& errors)
{
    if (auto begun = db.beginWrite(); !begun)
        return std::unexpected(WriteError{begun.error(), db.lastErrorWasBusy()});
    for (const RunWriter::Entry& e : batch) {
        if (auto r = writeEntry(s, e); !r) {
            if (r.error().busy) {
                db.rollback();
                return r;
            }
            if (errors.isEmpty())
                errors = r.error().message;
        }
    }
    if (auto committed = db.commit(); !committed) {
        const bool busy = db.lastErrorWasBusy();
        db.rollback();
        return std::unexpected(WriteError{committed.error(), busy});
    }
    return {};
}

} // namespace

RunWriter::RunWriter(QString databasePath) : m_path(std::move(databasePath)), m_thread([this] { run(); }) {}

RunWriter::~RunWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void RunWriter::post(Entry entry, bool commitSoon)
{
    bool wake = commitSoon;
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.empty()) {
            m_firstPending = std::chrono::steady_clock::now();
            wake = true; // the writer sleeps without a deadline while there is nothing to do
        }
        m_pending.push_back(std::move(entry));
        ++m_postedCount;
        m_hurry = m_hurry || commitSoon;
    }
    if (wake)
        m_wake.notify_one();
}

std::expected<void, QString> RunWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const qint64 target = m_postedCount;
    if (m_committedCount < target) {
        ++m_flushWaiters;
        m_wake.notify_one();
        m_committed.wait(lock, [&] { return m_committedCount >= target; });
        --m_flushWaiters;
    }
    if (m_error.isEmpty())
        return {};
    return std::unexpected(std::exchange(m_error, QString()));
}

void RunWriter::reportError(const QString& error)
{
    std::lock_guard lock(m_mutex);
    if (m_error.isEmpty())
        m_error = error;
}

bool RunWriter::waitForBatch(std::unique_lock<std::mutex>& lock)
{
    m_wake.wait(lock, [&] { return m_stop || !m_pending.empty(); });
    if (m_pending.empty())
        return false; // stopping with nothing left
    const auto due = [&] {
        return m_stop || m_hurry || m_flushWaiters > 0 || qsizetype(m_pending.size()) >= maxBatchSize;
    };
    m_wake.wait_until(lock, m_firstPending + std::chrono::milliseconds(batchWindowMs), due);
    return true;
}

void RunWriter::run()
{
    auto db = RunDatabase::open(m_path);
    std::optional<Statements> statements;
    QString openError = db ? QString() : db.error();
    if (db) {
        statements.emplace((*db)->database());
        if (auto prepared = statements->prepare(); !prepared)
            openError = prepared.error();
    }
    std::vector<Entry> batch;
    std::unique_lock lock(m_mutex);
    while (waitForBatch(lock)) {
        batch.swap(m_pending);
        m_hurry = false;
        const qint64 target = m_postedCount;
        lock.unlock();

        QString errors = openError;
        if (openError.isEmpty()) {
            // Busy after the busy timeout means a writer elsewhere held the lock for seconds; try again a few
            // times before giving the batch up.
            WriteResult written;
            for (int attempt = 0; attempt < 3; ++attempt) {
                written = writeBatch(**db, *statements, batch, errors);
                if (written || !written.error().busy)
                    break;
            }
            if (written)
                ++m_transactions;
            else
                errors = QStringLiteral("%1 run events not stored: %2").arg(batch.size()).arg(written.error().message);
        }
        batch.clear(); // releases the locks of finished runs, now that their final rows are committed
        if (!errors.isEmpty())
            reportError(errors);

        lock.lock();
        m_committedCount = target;
        m_committed.notify_all();
    }
    lock.unlock();
    statements.reset(); // the queries must go before their connection
}

RunWriter::Sample RunWriter::sampleJson(const ItemList& items, qsizetype capBytes)
{
    // Room for the marker, so a truncated sample still fits in capBytes.
    constexpr qsizetype markerReserve = 96;
    Sample sample;
    sample.json.reserve(qMin<qsizetype>(capBytes, 4096));
    sample.json.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QByteArray one = Json::serialize(Value(items.at(i).toExternalJson()));
        const qsizetype reserve = i + 1 < items.size() ? markerReserve : 0;
        if (sample.json.size() + one.size() + 2 + reserve > capBytes) {
            sample.truncated = true;
            break;
        }
        if (sample.storedItems > 0)
            sample.json.append(',');
        sample.json.append(one);
        ++sample.storedItems;
    }
    if (sample.truncated) {
        const Object marker{{QStringLiteral("$truncated"), true},
                            {QStringLiteral("storedItems"), qint64(sample.storedItems)},
                            {QStringLiteral("totalItems"), qint64(items.size())}};
        if (sample.storedItems > 0)
            sample.json.append(',');
        sample.json.append(Json::serialize(Value(marker)));
    }
    sample.json.append(']');
    return sample;
}

} // namespace taskloom::engine
