#include "SqlConnection.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/Json.hpp"

#include <QAtomicInteger>
#include <QDate>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlDriver>
#include <QTime>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace taskloom::nodes::connectors {

using namespace engine;

std::expected<std::unique_ptr<SqlConnection>, QString> SqlConnection::open(const Options& o)
{
    static QAtomicInteger<quint64> counter;
    std::unique_ptr<SqlConnection> c(new SqlConnection);
    c->m_name = QStringLiteral("taskloom-sql-%1").arg(counter.fetchAndAddRelaxed(1));
    c->m_postgres = o.driver == QLatin1String("postgres");
    const QString driver = c->m_postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, c->m_name);
    if (!db.isValid())
        return std::unexpected(QStringLiteral("the Qt %1 driver (%2) is not installed%3")
                                   .arg(c->m_postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"), driver,
                                        c->m_postgres ? QStringLiteral(" (Debian: libqt6sql6-psql)") : QString()));
    db.setDatabaseName(o.database);
    if (c->m_postgres) {
        db.setHostName(o.host);
        db.setPort(o.port);
        db.setUserName(o.user);
        db.setPassword(o.password);
        QString options = o.connectOptions;
        if (!options.contains(QLatin1String("connect_timeout")))
            options = QStringLiteral("connect_timeout=15") + (options.isEmpty() ? QString() : QStringLiteral(";") + options);
        db.setConnectOptions(options);
        c->m_describe = QStringLiteral("postgres://%1@%2:%3/%4").arg(o.user, o.host).arg(o.port).arg(o.database);
    } else {
        db.setConnectOptions(o.connectOptions);
        c->m_describe = o.database;
    }
    if (!db.open())
        return std::unexpected(QStringLiteral("cannot connect to %1: %2").arg(c->m_describe, db.lastError().text().simplified()));
    if (!c->m_postgres) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    return c;
}

SqlConnection::~SqlConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

class SqlConnection::CancelWatch {
public:
    CancelWatch(const QSqlDatabase& db, bool postgres, const CancellationToken& token)
    {
        const QVariant handle = db.driver()->handle();
        if (postgres && qstrcmp(handle.typeName(), "pg_conn*") == 0) { // PGconn is a typedef of pg_conn
            if (PGconn* conn = *static_cast<PGconn* const*>(handle.constData()))
                m_pgCancel = PQgetCancel(conn);
        } else if (!postgres && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            m_sqlite = *static_cast<sqlite3* const*>(handle.constData());
        }
        if (!m_pgCancel && !m_sqlite)
            return;
        m_thread = std::jthread([this, token](std::stop_token stop) {
            std::mutex mutex;
            std::condition_variable_any wake;
            std::unique_lock lock(mutex);
            while (!token.isCancelled())
                if (wake.wait_for(lock, stop, std::chrono::milliseconds(20), [&] { return stop.stop_requested(); }))
                    return;
            if (m_pgCancel) {
                char error[256] = {};
                PQcancel(m_pgCancel, error, int(sizeof error)); // best effort: the statement's own error follows
            } else {
                sqlite3_interrupt(m_sqlite);
            }
        });
    }
    ~CancelWatch()
    {
        if (m_thread.joinable()) {
            m_thread.request_stop();
            m_thread.join();
        }
        if (m_pgCancel)
            PQfreeCancel(m_pgCancel);
    }
    CancelWatch(const CancelWatch&) = delete;
    CancelWatch& operator=(const CancelWatch&) = delete;

private:
    PGcancel* m_pgCancel = nullptr;
    sqlite3* m_sqlite = nullptr;
    std::jthread m_thread;
};

void SqlConnection::CancelWatchDeleter::operator()(CancelWatch* watch) const
{
    delete watch;
}

std::unique_ptr<SqlConnection::CancelWatch, SqlConnection::CancelWatchDeleter>
SqlConnection::watchCancellation(const CancellationToken& token) const
{
    return std::unique_ptr<CancelWatch, CancelWatchDeleter>(new CancelWatch(database(), m_postgres, token));
}

QSqlDatabase SqlConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QString SqlConnection::quoteIdentifier(const QString& name)
{
    QStringList parts = name.split(QLatin1Char('.'));
    for (QString& p : parts)
        p = QLatin1Char('"') + QString(p).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return parts.join(QLatin1Char('.'));
}

QVariant SqlConnection::toVariant(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null: return QVariant();
    case Value::Type::Bool: return v.toBool();
    case Value::Type::Int: return v.toInt();
    case Value::Type::Double: return v.toDouble();
    case Value::Type::String: return v.stringRef();
    default: return QString::fromUtf8(Json::serialize(v));
    }
}

Value SqlConnection::fromVariant(const QVariant& v)
{
    if (v.isNull() || !v.isValid())
        return Value();
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool();
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::ULongLong: return qint64(v.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float: return v.toDouble();
    case QMetaType::QDate: return v.toDate().toString(Qt::ISODate);
    case QMetaType::QTime: return v.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QDateTime: return v.toDateTime().toString(Qt::ISODateWithMs);
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        const QString s = QString::fromUtf8(b);
        // Blobs that are not text come out as base64, so they survive JSON.
        return s.toUtf8() == b ? Value(s) : Value(QString::fromLatin1(b.toBase64()));
    }
    default: return v.toString();
    }
}

Object SqlConnection::row(const QSqlQuery& query)
{
    const QSqlRecord rec = query.record();
    Object o;
    o.reserve(rec.count());
    for (int i = 0; i < rec.count(); ++i)
        o.insert(rec.fieldName(i), fromVariant(query.value(i)));
    return o;
}

} // namespace taskloom::nodes::connectors
