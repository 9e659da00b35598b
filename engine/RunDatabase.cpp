#include "RunDatabase.hpp"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace taskloom::engine {

namespace {

QString uniqueConnectionName()
{
    // Names only need to be unique within the process; Qt keeps them in one process-wide dictionary.
    static std::atomic<quint64> counter{0};
    return QStringLiteral("taskloom.runs.%1").arg(counter.fetch_add(1) + 1);
}

void bindAll(QSqlQuery& q, const QVariantList& values)
{
    for (const QVariant& v : values)
        q.addBindValue(v);
}

} // namespace

RunDatabase::RunDatabase(QString name, QString path) : m_name(std::move(name)), m_path(std::move(path)) {}

RunDatabase::~RunDatabase()
{
    m_db.close();
    // removeDatabase warns (and leaks) while any handle to the connection is alive; drop ours first.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::expected<std::unique_ptr<RunDatabase>, QString> RunDatabase::open(const QString& path)
{
    std::unique_ptr<RunDatabase> self(new RunDatabase(uniqueConnectionName(), path));
    self->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_name);
    if (!self->m_db.isValid())
        return std::unexpected(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    self->m_db.setDatabaseName(path);
    if (!self->m_db.open())
        return std::unexpected(QStringLiteral("cannot open %1: %2").arg(path, self->m_db.lastError().text()));
    if (auto configured = self->configure(); !configured)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, configured.error()));
    return self;
}

std::expected<void, QString> RunDatabase::configure()
{
    // busy_timeout first: switching to WAL needs a lock that another process may hold for a moment.
    if (auto r = exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs)); !r)
        return r;
    // The busy handler does not cover the switch itself: it needs the file to itself, and SQLite fails at once
    // rather than wait while another connection, say a second process creating the same new file, holds a
    // read lock it wants to upgrade too (deadlock avoidance). So the switch is retried within the same budget.
    const QDeadlineTimer deadline(busyTimeoutMs);
    auto mode = query(QStringLiteral("PRAGMA journal_mode = WAL"));
    for (int waitMs = 2; !mode && m_lastErrorBusy && !deadline.hasExpired(); waitMs = std::min(2 * waitMs, 50)) {
        QThread::msleep(waitMs);
        mode = query(QStringLiteral("PRAGMA journal_mode = WAL"));
    }
    if (!mode)
        return std::unexpected(mode.error());
    if (!mode->next() || mode->value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return std::unexpected(QStringLiteral("cannot switch the journal to WAL mode"));
    // NORMAL in WAL mode: a commit survives a crash of the process, and only a power loss can lose the last
    // transactions; FULL would fsync on every commit, which costs more than a whole recorded run.
    return exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

std::expected<QSqlQuery, QString> RunDatabase::query(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        bindAll(q, values);
        ok = q.exec();
    }
    if (!ok) {
        m_lastErrorBusy = isBusyError(q.lastError());
        return std::unexpected(describe(q.lastError(), sql));
    }
    return q;
}

std::expected<void, QString> RunDatabase::exec(const QString& sql, const QVariantList& values)
{
    auto q = query(sql, values);
    if (!q)
        return std::unexpected(q.error());
    return {};
}

std::expected<void, QString> RunDatabase::beginWrite()
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

std::expected<void, QString> RunDatabase::commit()
{
    return exec(QStringLiteral("COMMIT"));
}

void RunDatabase::rollback()
{
    // Fails harmlessly when SQLite already rolled back on its own (for example after SQLITE_FULL).
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

bool RunDatabase::isBusyError(const QSqlError& error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), possibly as extended codes (low byte).
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

QString RunDatabase::describe(const QSqlError& error, const QString& sql)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return QStringLiteral("%1 (in: %2)").arg(text, sql.simplified().left(120));
}

} // namespace taskloom::engine
