#include "RunSchema.hpp"

#include "RunDatabase.hpp"

#include <QDateTime>

#include <algorithm>

namespace taskloom::engine {

namespace {

// Times are milliseconds since the epoch (UTC): they sort, compare and subtract without parsing.
const QStringList engineV1 = {
    QStringLiteral("CREATE TABLE runs ("
                   " id TEXT PRIMARY KEY,"
                   " flow_id TEXT NOT NULL,"
                   " flow_name TEXT NOT NULL DEFAULT '',"
                   " flow_path TEXT NOT NULL DEFAULT '',"
                   " status TEXT NOT NULL,"
                   " started_at INTEGER NOT NULL,"
                   " finished_at INTEGER,"
                   " duration_ms INTEGER,"
                   " error_code TEXT,"
                   " error_message TEXT,"
                   " failed_node_id TEXT,"
                   " failed_node_name TEXT,"
                   " trigger TEXT NOT NULL DEFAULT '',"
                   " store_mode TEXT NOT NULL,"
                   " pid INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX runs_by_flow ON runs (flow_id, started_at DESC)"),
    QStringLiteral("CREATE INDEX runs_by_time ON runs (started_at DESC)"),
    // Reconciling looks only at running rows; a partial index keeps that lookup free of the history.
    QStringLiteral("CREATE INDEX runs_running ON runs (status) WHERE status = 'running'"),
    QStringLiteral("CREATE TABLE node_runs ("
                   " run_id TEXT NOT NULL,"
                   " node_id TEXT NOT NULL,"
                   " node_name TEXT NOT NULL DEFAULT '',"
                   " node_type TEXT NOT NULL DEFAULT '',"
                   " status TEXT NOT NULL,"
                   " started_at INTEGER,"
                   " finished_at INTEGER,"
                   " duration_ms INTEGER,"
                   " items_in INTEGER NOT NULL DEFAULT 0,"
                   " items_out INTEGER NOT NULL DEFAULT 0,"
                   " attempts INTEGER NOT NULL DEFAULT 0,"
                   " error_code TEXT,"
                   " error_message TEXT,"
                   " PRIMARY KEY (run_id, node_id))"),
    QStringLiteral("CREATE TABLE logs ("
                   " run_id TEXT NOT NULL,"
                   " seq INTEGER NOT NULL,"
                   " time INTEGER NOT NULL,"
                   " level TEXT NOT NULL,"
                   " node_id TEXT NOT NULL DEFAULT '',"
                   " node_name TEXT NOT NULL DEFAULT '',"
                   " message TEXT NOT NULL,"
                   " PRIMARY KEY (run_id, seq))"),
    QStringLiteral("CREATE TABLE node_outputs ("
                   " run_id TEXT NOT NULL,"
                   " node_id TEXT NOT NULL,"
                   " port INTEGER NOT NULL,"
                   " items_json TEXT NOT NULL,"
                   " item_count INTEGER NOT NULL,"
                   " total_items INTEGER NOT NULL,"
                   " truncated INTEGER NOT NULL DEFAULT 0,"
                   " PRIMARY KEY (run_id, node_id, port))"),
};

struct ModuleSteps {
    QString module;
    QList<Migration> steps; // sorted by version
};

std::expected<QList<ModuleSteps>, QString> groupByModule(const Migrations& migrations)
{
    QList<ModuleSteps> modules;
    for (const Migration& m : migrations) {
        if (m.module.isEmpty() || m.version <= 0)
            return std::unexpected(QStringLiteral("invalid migration '%1' version %2: a module name and a "
                                                  "version of 1 or more are required")
                                       .arg(m.module)
                                       .arg(m.version));
        auto it = std::find_if(modules.begin(), modules.end(),
                               [&](const ModuleSteps& s) { return s.module == m.module; });
        if (it == modules.end())
            it = modules.insert(modules.end(), ModuleSteps{m.module, {}});
        it->steps.append(m);
    }
    for (ModuleSteps& s : modules) {
        std::stable_sort(s.steps.begin(), s.steps.end(),
                         [](const Migration& a, const Migration& b) { return a.version < b.version; });
        for (qsizetype i = 1; i < s.steps.size(); ++i) {
            if (s.steps[i].version == s.steps[i - 1].version)
                return std::unexpected(QStringLiteral("module '%1' registers migration version %2 twice")
                                           .arg(s.module)
                                           .arg(s.steps[i].version));
        }
    }
    return modules;
}

std::expected<void, RunStoreError> refuseNewer(RunDatabase& db, const QList<ModuleSteps>& modules)
{
    for (const ModuleSteps& s : modules) {
        const auto current = RunSchema::version(db, s.module);
        if (!current)
            return std::unexpected(RunStoreError{RunStoreError::Code::Database, current.error()});
        const int known = s.steps.last().version;
        if (*current > known)
            return std::unexpected(RunStoreError{
                RunStoreError::Code::SchemaTooNew,
                QStringLiteral("%1 was written by a newer Taskloom: its '%2' schema is version %3, this build knows "
                               "versions up to %4. Use a newer Taskloom or another data directory.")
                    .arg(db.path(), s.module)
                    .arg(*current)
                    .arg(known)});
    }
    return {};
}

std::expected<void, QString> applyStep(RunDatabase& db, const Migration& step)
{
    return db.write([&]() -> std::expected<void, QString> {
        // Another process may have applied this step since we last looked; the write lock settles it.
        const auto current = RunSchema::version(db, step.module);
        if (!current)
            return std::unexpected(current.error());
        if (*current >= step.version)
            return {};
        for (const QString& sql : step.statements) {
            if (auto r = db.exec(sql); !r)
                return std::unexpected(QStringLiteral("migration '%1' version %2 failed: %3")
                                           .arg(step.module)
                                           .arg(step.version)
                                           .arg(r.error()));
        }
        return db.exec(QStringLiteral("INSERT INTO schema_version (module, version, applied_at) VALUES (?, ?, ?)"
                                      " ON CONFLICT (module) DO UPDATE SET version = excluded.version,"
                                      " applied_at = excluded.applied_at"),
                       {step.module, step.version, QDateTime::currentMSecsSinceEpoch()});
    });
}

} // namespace

Migrations RunSchema::engineMigrations()
{
    return {Migration{engineModule(), 1, engineV1},
            // Structured details beside a log line (LLM token usage and latency, ...).
            Migration{engineModule(), 2, {QStringLiteral("ALTER TABLE logs ADD COLUMN data_json TEXT")}}};
}

std::expected<int, QString> RunSchema::version(RunDatabase& db, const QString& module)
{
    auto q = db.query(QStringLiteral("SELECT version FROM schema_version WHERE module = ?"), {module});
    if (!q)
        return std::unexpected(q.error());
    return q->next() ? q->value(0).toInt() : 0;
}

std::expected<void, RunStoreError> RunSchema::migrate(RunDatabase& db, const Migrations& migrations)
{
    const auto failed = [](const QString& message) {
        return std::unexpected(RunStoreError{RunStoreError::Code::Database, message});
    };
    const auto modules = groupByModule(migrations);
    if (!modules)
        return failed(modules.error());
    if (auto r = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                        " module TEXT PRIMARY KEY,"
                                        " version INTEGER NOT NULL,"
                                        " applied_at INTEGER NOT NULL)"));
        !r)
        return failed(r.error());
    if (auto r = refuseNewer(db, *modules); !r)
        return r;
    for (const ModuleSteps& s : *modules) {
        // Read without the write lock first: re-opening an up-to-date store should not queue behind writers.
        const auto current = version(db, s.module);
        if (!current)
            return failed(current.error());
        for (const Migration& step : s.steps) {
            if (step.version <= *current)
                continue;
            if (auto r = applyStep(db, step); !r)
                return failed(r.error());
        }
    }
    return {};
}

} // namespace taskloom::engine
