#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <expected>
#include <memory>

namespace taskloom::engine {

/// One SQLite connection to the run store's file, configured the way every user of runs.db needs it (WAL,
/// busy timeout, synchronous=NORMAL). Qt's connections belong to the thread that opened them, so each thread
/// opens its own RunDatabase; each gets a unique connection name, removed again on destruction.
class RunDatabase {
public:
    /// How long a statement waits for another connection's write lock before it fails.
    static constexpr int busyTimeoutMs = 5000;

    static std::expected<std::unique_ptr<RunDatabase>, QString> open(const QString& path);
    ~RunDatabase();
    RunDatabase(const RunDatabase&) = delete;
    RunDatabase& operator=(const RunDatabase&) = delete;

    QSqlDatabase& database() { return m_db; }
    const QString& path() const { return m_path; }
    const QString& connectionName() const { return m_name; }

    /// Prepares `sql`, binds `values` to its `?` placeholders in order and runs it (forward-only).
    std::expected<QSqlQuery, QString> query(const QString& sql, const QVariantList& values = {});
    std::expected<void, QString> exec(const QString& sql, const QVariantList& values = {});

    /// BEGIN IMMEDIATE: takes the write lock up front so the busy timeout applies. A deferred transaction that
    /// later upgrades to writing fails at once with SQLITE_BUSY (SQLite's deadlock avoidance).
    std::expected<void, QString> beginWrite();
    std::expected<void, QString> commit();
    void rollback();

    /// Runs `body` (returning std::expected<T, QString>) inside beginWrite/commit; rolls back on error.
    template<typename Body>
    auto write(Body&& body) -> decltype(body())
    {
        if (auto begun = beginWrite(); !begun)
            return std::unexpected(begun.error());
        auto result = body();
        if (!result) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed) {
            rollback();
            return std::unexpected(committed.error());
        }
        return result;
    }

    /// "database is locked" / "busy": worth retrying later, unlike other failures.
    static bool isBusyError(const QSqlError& error);
    /// Whether the last failed query() / exec() failed because another connection held the lock.
    bool lastErrorWasBusy() const { return m_lastErrorBusy; }
    static QString describe(const QSqlError& error, const QString& sql);

private:
    RunDatabase(QString name, QString path);
    std::expected<void, QString> configure();

    QString m_name;
    QString m_path;
    QSqlDatabase m_db;
    bool m_lastErrorBusy = false;
};

} // namespace taskloom::engine
