#pragma once

#include "engine/Value.hpp"

#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

class QSqlDatabase;
class QSqlQuery;

namespace taskloom::engine {
class CancellationToken;
}

namespace taskloom::nodes::connectors {

/// One Qt SQL connection for one node call: opened on the calling thread (Qt SQL connections belong to the
/// thread that made them) under a unique name and removed again when this object dies.
class SqlConnection {
public:
    struct Options {
        QString driver;      ///< "sqlite" or "postgres"
        QString database;    ///< SQLite: the file; PostgreSQL: the database name
        QString host;
        int port = 5432;
        QString user;
        QString password;
        QString connectOptions; ///< driver options, e.g. "connect_timeout=10;sslmode=require"
    };

    /// Opens the connection; the error names the driver, the host or file and the cause.
    static std::expected<std::unique_ptr<SqlConnection>, QString> open(const Options& options);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    QSqlDatabase database() const;
    bool isPostgres() const { return m_postgres; }
    /// Where this connection goes, for messages: the file, or user@host:port/db.
    const QString& describe() const { return m_describe; }

    /// Quotes an identifier ("table", "schema"."table"), doubling embedded quotes.
    static QString quoteIdentifier(const QString& name);
    /// Binds JSON-ish values the way both drivers take them: containers as JSON text.
    static QVariant toVariant(const engine::Value& v);
    static engine::Value fromVariant(const QVariant& v);
    /// The current row of `query` as an object, columns in order.
    static engine::Object row(const QSqlQuery& query);

    /// While the returned object lives, a statement running on this connection is stopped as soon as `token` is
    /// cancelled (run cancelled or node timeout): PostgreSQL through PQcancel on the server, SQLite through
    /// sqlite3_interrupt. The statement then fails and the caller sees the cancellation.
    class CancelWatch;
    struct CancelWatchDeleter {
        void operator()(CancelWatch* watch) const;
    };
    std::unique_ptr<CancelWatch, CancelWatchDeleter> watchCancellation(const engine::CancellationToken& token) const;

private:
    SqlConnection() = default;
    QString m_name;
    QString m_describe;
    bool m_postgres = false;
};

} // namespace taskloom::nodes::connectors
