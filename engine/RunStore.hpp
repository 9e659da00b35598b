#pragma once

#include "Flow.hpp"
#include "Migration.hpp"
#include "RunEvent.hpp"
#include "RunStoreError.hpp"
#include "Value.hpp"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <expected>
#include <memory>
#include <mutex>
#include <optional>

namespace taskloom::engine {

class RunDatabase;
class RunWriter;

/// One run as `taskloom runs list` shows it.
struct RunSummary {
    QString id;
    QString flowId;
    QString flowName;
    QString flowPath;
    RunStatus status = RunStatus::Running;
    QDateTime startedAt;  ///< UTC
    QDateTime finishedAt; ///< invalid while running
    qint64 durationMs = -1; ///< -1 while running
    QString errorCode;
    QString errorMessage; ///< empty in store mode "none"
    QString failedNodeId;
    QString failedNodeName;
    QString trigger;
    StoreItemData storeMode = StoreItemData::Full;
    qint64 pid = 0;

    /// The one JSON shape of a run, shared by `taskloom runs list --json`, `runs show --json` and the studio.
    Object toJson() const;
};

/// Which runs listRuns returns, newest first.
struct RunFilter {
    QString flowId;                  ///< empty: every flow
    std::optional<RunStatus> status; ///< unset: any status
    int limit = 50;                  ///< 0 or less: no limit
};

/// The run history in `<dataDir>/runs.db` (SQLite, WAL): the schema and its migrations, the queries behind
/// `taskloom runs`, retention, and the writer thread that RunRecorders share.
///
/// A RunStore, like the Qt connection it holds, belongs to the thread that opened it; RunRecorders created
/// from it may be fed from any thread. Several processes may open the same data directory at once.
class RunStore {
public:
    /// Retention defaults (`applyRetention`, `taskloom runs prune` without options).
    static constexpr int defaultMaxAgeDays = 30;
    static constexpr int defaultKeepPerFlow = 1000;

    static QString databasePath(const QString& dataDir);

    /// Creates the directory and database as needed, applies the engine's migrations and then
    /// `moduleMigrations` (packs' own tables), and marks runs that died without finishing as interrupted.
    static std::expected<std::unique_ptr<RunStore>, RunStoreError> open(const QString& dataDir,
                                                                        const Migrations& moduleMigrations = {});
    /// Waits for the writer to commit what recorders posted (if no recorder keeps it alive).
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    const QString& dataDir() const { return m_dataDir; }
    /// This thread's connection, for modules that query their own tables.
    RunDatabase& database() { return *m_db; }

    /// The store's writer thread, started on first use and shared by every recorder of this store.
    /// Thread-safe.
    std::shared_ptr<RunWriter> writer();

    /// Marks runs (and their running node runs) interrupted when their row says running and nobody holds
    /// their lock: the process recording them died. Runs still going, in any process, keep running.
    /// Returns how many runs it marked. Listing and showing call it.
    std::expected<int, RunStoreError> reconcileInterrupted();

    std::expected<QList<RunSummary>, RunStoreError> listRuns(const RunFilter& filter = {});
    /// The full id of the run whose id is `idOrPrefix` or, failing that, the only one starting with it.
    std::expected<QString, RunStoreError> resolveRunId(const QString& idOrPrefix);
    std::expected<RunSummary, RunStoreError> run(const QString& idOrPrefix);
    /// One run for `taskloom runs show --json`: the run's fields, "nodes" (each with its "outputs", whose
    /// "items" are the stored JSON) and "logs". Times are ISO 8601 UTC strings.
    std::expected<Object, RunStoreError> runDetail(const QString& idOrPrefix);

    /// Deletes finished runs (with their node runs, logs and outputs) that started before `olderThan`
    /// (invalid: no age limit) or are not among the newest `keepPerFlow` runs of their flow (less than 0:
    /// no count limit). Running runs are never deleted. Returns how many runs it deleted.
    std::expected<int, RunStoreError> prune(const QDateTime& olderThan, int keepPerFlow);
    /// prune() with the default retention: older than defaultMaxAgeDays, beyond defaultKeepPerFlow.
    std::expected<int, RunStoreError> applyRetention();

private:
    RunStore(QString dataDir, std::unique_ptr<RunDatabase> db);
    std::expected<QList<RunSummary>, RunStoreError> selectRuns(const QString& where, const QVariantList& values,
                                                               int limit);
    std::expected<Array, RunStoreError> nodeRunsJson(const QString& runId);
    std::expected<Array, RunStoreError> logsJson(const QString& runId);

    QString m_dataDir;
    std::unique_ptr<RunDatabase> m_db;
    std::mutex m_writerMutex;
    std::shared_ptr<RunWriter> m_writer;
};

} // namespace taskloom::engine
