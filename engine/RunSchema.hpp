#pragma once

#include "Migration.hpp"
#include "RunStoreError.hpp"

#include <QString>

#include <expected>

namespace taskloom::engine {

class RunDatabase;

/// The run store's tables and the code that brings a runs.db file up to date.
class RunSchema {
public:
    /// The engine's own module name in schema_version; other modules must use their own.
    static QString engineModule() { return QStringLiteral("engine"); }

    /// The engine's tables: runs, node_runs, logs, node_outputs (always applied by RunStore::open).
    static Migrations engineMigrations();

    /// Checks `migrations` (unique, positive versions per module) and applies the steps the database lacks,
    /// each module in version order, one transaction per step. Safe to run from several processes at once:
    /// each step re-reads the module's version under the write lock. Fails, changing nothing, when the
    /// database holds a newer version of a module than `migrations` knows (written by a newer Taskloom):
    /// RunStoreError::Code::SchemaTooNew.
    /// Modules the database has but `migrations` does not mention are left alone.
    static std::expected<void, RunStoreError> migrate(RunDatabase& db, const Migrations& migrations);

    /// The module's version in the database; 0 when it has none.
    static std::expected<int, QString> version(RunDatabase& db, const QString& module);
};

} // namespace taskloom::engine
