#include "SqlNode.hpp"

#include "SqlConnection.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace taskloom::nodes::connectors {

using namespace engine;

struct SqlNode::Statements {
    QHash<QString, std::shared_ptr<QSqlQuery>> prepared; ///< SQL text -> prepared query, reused across items
};

namespace {

QString shortSql(const QString& sql)
{
    const QString s = sql.simplified();
    return s.size() > 120 ? s.left(117) + QStringLiteral("...") : s;
}

NodeError sqlError(const QString& sql, const SqlConnection& db, const QSqlError& e)
{
    return NodeError(QStringLiteral("SQL_ERROR"),
                     QStringLiteral("query \"%1\" on %2: %3").arg(shortSql(sql), db.describe(), e.text().simplified()));
}

QStringList columnList(const QString& text)
{
    QStringList out;
    for (const QString& c : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            out.append(c.trimmed());
    return out;
}

/// Runs a statement that is not the node's own work (transactions, savepoints); a failure is an SQL error.
void control(SqlConnection& db, const QString& sql)
{
    QSqlQuery q(db.database());
    if (!q.exec(sql))
        throw sqlError(sql, db, q.lastError());
}

} // namespace

SqlNode::SqlNode()
{
    m_spec.type = QStringLiteral("connectors.sql");
    m_spec.title = QStringLiteral("SQL");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral(
        "Queries SQLite or PostgreSQL with bound parameters (rows become items), or inserts / upserts the items into a "
        "table, in one transaction.");
    m_spec.aliases = {QStringLiteral("database"), QStringLiteral("sqlite"), QStringLiteral("postgres"),
                      QStringLiteral("postgresql"), QStringLiteral("select"), QStringLiteral("insert"), QStringLiteral("upsert")};
    m_spec.icon = QStringLiteral("server-database");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.credentialTypes = {QStringLiteral("usernamePassword")};
    const QList<Value> pg = {QStringLiteral("postgres")};
    m_driver = addParam<QString>(ParamSpec::choice(QStringLiteral("driver"), QStringLiteral("Database"),
                                                   {{QStringLiteral("sqlite"), QStringLiteral("SQLite"), {}},
                                                    {QStringLiteral("postgres"), QStringLiteral("PostgreSQL"), {}}})
                                     .noExpressions());
    m_database = addParam<QString>(ParamSpec::string(QStringLiteral("database"), QStringLiteral("Database"))
                                       .required()
                                       .describe(QStringLiteral("SQLite: the file (relative to the flow); PostgreSQL: the database name.")));
    m_createFolder = addParam<bool>(ParamSpec::boolean(QStringLiteral("createFolder"), QStringLiteral("Create the folder"), false)
                                        .describe(QStringLiteral("SQLite: make the database file's folder when it is missing."))
                                        .visibleWhen(QStringLiteral("driver"), {QStringLiteral("sqlite")}));
    m_host = addParam<QString>(ParamSpec::string(QStringLiteral("host"), QStringLiteral("Host"))
                                   .defaults(QStringLiteral("localhost")).visibleWhen(QStringLiteral("driver"), pg));
    m_port = addParam<qint64>(ParamSpec::integer(QStringLiteral("port"), QStringLiteral("Port"), 5432)
                                  .range(1, 65535).visibleWhen(QStringLiteral("driver"), pg));
    m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Credential"),
                                                           QStringLiteral("usernamePassword"))
                                         .visibleWhen(QStringLiteral("driver"), pg));
    m_connectOptions = addParam<QString>(ParamSpec::string(QStringLiteral("connectOptions"), QStringLiteral("Connection options"))
                                             .hint(QStringLiteral("sslmode=require;connect_timeout=10"))
                                             .visibleWhen(QStringLiteral("driver"), pg));
    m_operation = addParam<QString>(ParamSpec::choice(QStringLiteral("operation"), QStringLiteral("Operation"),
                                                      {{QStringLiteral("query"), QStringLiteral("Run a query"), {}},
                                                       {QStringLiteral("insert"), QStringLiteral("Insert items"), {}},
                                                       {QStringLiteral("upsert"), QStringLiteral("Insert or update items"), {}}})
                                        .noExpressions());
    m_query = addParam<QString>(ParamSpec::text(QStringLiteral("query"), QStringLiteral("Query"))
                                    .noExpressions()
                                    .hint(QStringLiteral("SELECT * FROM orders WHERE customer = :customer"))
                                    .describe(QStringLiteral("Values go in as parameters (:name or ?), never into the SQL text."))
                                    .visibleWhen(QStringLiteral("operation"), {QStringLiteral("query")}));
    m_parameters = addParam<Array>(ParamSpec::list(QStringLiteral("parameters"), QStringLiteral("Parameters"),
                                                   {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name"))
                                                        .describe(QStringLiteral("For :name; empty for the next ?")),
                                                    ParamSpec::json(QStringLiteral("value"), QStringLiteral("Value"))})
                                       .visibleWhen(QStringLiteral("operation"), {QStringLiteral("query")}));
    m_executeOnce = addParam<bool>(ParamSpec::boolean(QStringLiteral("executeOnce"), QStringLiteral("Run once"), false)
                                       .describe(QStringLiteral("Run the query once (with the first item's values) instead of once per item."))
                                       .visibleWhen(QStringLiteral("operation"), {QStringLiteral("query")}));
    m_table = addParam<QString>(ParamSpec::string(QStringLiteral("table"), QStringLiteral("Table"))
                                    .visibleWhen(QStringLiteral("operation"), {QStringLiteral("insert"), QStringLiteral("upsert")}));
    m_columns = addParam<QString>(ParamSpec::string(QStringLiteral("columns"), QStringLiteral("Columns"))
                                      .hint(QStringLiteral("id, name, total"))
                                      .describe(QStringLiteral("Comma-separated; empty: every field of the item."))
                                      .visibleWhen(QStringLiteral("operation"), {QStringLiteral("insert"), QStringLiteral("upsert")}));
    m_conflictColumns = addParam<QString>(ParamSpec::string(QStringLiteral("conflictColumns"), QStringLiteral("Key columns"))
                                              .hint(QStringLiteral("id"))
                                              .describe(QStringLiteral("A unique key: a row with the same key is updated."))
                                              .visibleWhen(QStringLiteral("operation"), {QStringLiteral("upsert")}));
    m_transaction = addParam<QString>(
        ParamSpec::choice(QStringLiteral("transaction"), QStringLiteral("Transaction"),
                          {{QStringLiteral("all"), QStringLiteral("One for all items"),
                            QStringLiteral("Everything or nothing; a skipped item (on error: continue) is rolled back alone")},
                           {QStringLiteral("perItem"), QStringLiteral("One per item"), {}},
                           {QStringLiteral("none"), QStringLiteral("None (auto-commit)"), {}}})
            .noExpressions());
    m_spec.errors = {{QStringLiteral("SQL_CONNECT"), QStringLiteral("The database cannot be opened or reached."), true},
                     {QStringLiteral("SQL_ERROR"), QStringLiteral("The database refused a statement; the message names it."), false},
                     {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("No table, no query, or an item without the columns."), false},
                     {QStringLiteral("CREDENTIAL_NOT_FOUND"), QStringLiteral("The selected credential is not in the vault."), false}};
}

QList<std::pair<QString, QString>> SqlNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    const QString op = params.value(m_operation.name()).toText();
    if ((op.isEmpty() || op == QLatin1String("query")) && params.value(m_query.name()).toText().trimmed().isEmpty())
        problems.append({m_query.name(), QStringLiteral("a query is required")});
    if ((op == QLatin1String("insert") || op == QLatin1String("upsert")) && params.value(m_table.name()).toText().trimmed().isEmpty())
        problems.append({m_table.name(), QStringLiteral("a table is required")});
    if (op == QLatin1String("upsert") && params.value(m_conflictColumns.name()).toText().trimmed().isEmpty())
        problems.append({m_conflictColumns.name(), QStringLiteral("upsert needs the key columns")});
    return problems;
}

std::unique_ptr<SqlConnection> SqlNode::connect(ExecutionContext& ctx) const
{
    SqlConnection::Options o;
    o.driver = ctx.param(m_driver);
    const QString database = ctx.param(m_database).trimmed();
    if (database.isEmpty())
        throw NodeError::param(m_database.name(), database, QStringLiteral("no database named"));
    if (o.driver == QLatin1String("postgres")) {
        o.database = database;
        o.host = ctx.param(m_host).trimmed();
        o.port = int(ctx.param(m_port));
        if (const QString cred = ctx.param(m_credential); !cred.trimmed().isEmpty()) {
            const Credential c = ctx.credential(cred);
            o.user = c.field(u"username");
            o.password = c.field(u"password");
        }
        o.connectOptions = ctx.param(m_connectOptions).trimmed();
    } else {
        o.database = database == QLatin1String(":memory:") ? database : ctx.resolvePath(database);
        // SQLite makes the file but not its folder; an output folder named in the flow is made the way file writers do.
        if (o.database != QLatin1String(":memory:") && !QFileInfo(o.database).absoluteDir().exists()
            && !ctx.param(m_createFolder))
            throw NodeError(QStringLiteral("SQL_CONNECT"), QStringLiteral("cannot open %1: the folder does not exist").arg(o.database));
        if (o.database != QLatin1String(":memory:"))
            QDir().mkpath(QFileInfo(o.database).absolutePath());
    }
    auto c = SqlConnection::open(o);
    if (!c)
        throw NodeError(QStringLiteral("SQL_CONNECT"), c.error(), NodeError::Retry::Yes);
    return std::move(*c);
}

Exec SqlNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    if (items.isEmpty())
        return Exec::Done;
    auto db = connect(ctx);
    const auto cancelWatch = db->watchCancellation(ctx.cancellation());
    Statements st;
    const QString transaction = ctx.param(m_transaction);
    const bool query = ctx.param(m_operation) == QLatin1String("query");
    const qsizetype count = query && ctx.param(m_executeOnce) ? 1 : items.size();
    const bool all = transaction == QLatin1String("all");
    const bool perItem = transaction == QLatin1String("perItem");
    if (all)
        control(*db, QStringLiteral("BEGIN"));
    try {
        for (qsizetype i = 0; i < count; ++i) {
            ctx.checkCancelled();
            Outputs itemOut(1);
            try {
                if (all)
                    control(*db, QStringLiteral("SAVEPOINT taskloom_item"));
                if (perItem)
                    control(*db, QStringLiteral("BEGIN"));
                if (query)
                    runQuery(ctx, *db, st, items[i], i, itemOut);
                else
                    runWrite(ctx, *db, st, items[i], i, itemOut);
                if (all)
                    control(*db, QStringLiteral("RELEASE SAVEPOINT taskloom_item"));
                if (perItem)
                    control(*db, QStringLiteral("COMMIT"));
                out.push(0, itemOut.port(0));
            } catch (const NodeError& e) {
                if (all)
                    control(*db, QStringLiteral("ROLLBACK TO SAVEPOINT taskloom_item"));
                if (perItem)
                    control(*db, QStringLiteral("ROLLBACK"));
                ctx.checkCancelled(); // a statement stopped by the cancel watch is a cancellation, not an SQL error
                ctx.failItem(items[i], e, out);
            }
        }
        if (all)
            control(*db, QStringLiteral("COMMIT"));
    } catch (...) {
        if (all) {
            QSqlQuery rollback(db->database());
            rollback.exec(QStringLiteral("ROLLBACK"));
        }
        throw;
    }
    return Exec::Done;
}

void SqlNode::runQuery(ExecutionContext& ctx, SqlConnection& db, Statements& st, const Item& item, qsizetype index,
                       Outputs& out) const
{
    const QString sql = ctx.param(m_query).trimmed();
    if (sql.isEmpty())
        throw NodeError::param(m_query.name(), sql, QStringLiteral("the query is empty"));
    const Array params = ctx.param(m_parameters, item, index);
    // PostgreSQL cannot prepare DDL (CREATE, ALTER, ...): a statement without parameters runs as it is.
    std::shared_ptr<QSqlQuery>& q = st.prepared[params.isEmpty() ? QStringLiteral("direct:") + sql : sql];
    if (!q) {
        q = std::make_shared<QSqlQuery>(db.database());
        q->setForwardOnly(true);
        if (!params.isEmpty() && !q->prepare(sql))
            throw sqlError(sql, db, q->lastError());
    }
    for (qsizetype p = 0; p < params.size(); ++p) {
        const Object row = params.at(p).toObject();
        const QString name = row.value(u"name").toText().trimmed();
        const QVariant v = SqlConnection::toVariant(row.value(u"value"));
        if (name.isEmpty())
            q->bindValue(int(p), v);
        else
            q->bindValue(name.startsWith(QLatin1Char(':')) ? name : QLatin1Char(':') + name, v);
    }
    if (!(params.isEmpty() ? q->exec(sql) : q->exec()))
        throw sqlError(sql, db, q->lastError());
    if (q->isSelect()) {
        while (q->next())
            out.push(0, Item(SqlConnection::row(*q)));
    } else {
        Object o{{QStringLiteral("rowsAffected"), q->numRowsAffected()}};
        // Qt's PostgreSQL driver answers lastInsertId() with "SELECT lastval()", which fails when the statement
        // used no sequence and so aborts the open transaction; PostgreSQL users write RETURNING instead.
        if (!db.isPostgres())
            if (const QVariant id = q->lastInsertId(); id.isValid() && !id.isNull())
                o.insert(QStringLiteral("lastInsertId"), SqlConnection::fromVariant(id));
        out.push(0, Item(std::move(o)));
    }
    q->finish();
}

void SqlNode::runWrite(ExecutionContext& ctx, SqlConnection& db, Statements& st, const Item& item, qsizetype index,
                       Outputs& out) const
{
    const QString table = ctx.param(m_table, item, index).trimmed();
    if (table.isEmpty())
        throw NodeError::param(m_table.name(), table, QStringLiteral("no table named"));
    QStringList columns = columnList(ctx.param(m_columns, item, index));
    if (columns.isEmpty())
        columns = item.json().keys();
    if (columns.isEmpty())
        throw NodeError::param(m_columns.name(), QString(), QStringLiteral("item %1 has no fields to write").arg(index + 1));
    QStringList quoted, marks;
    for (const QString& c : columns) {
        quoted.append(SqlConnection::quoteIdentifier(c));
        marks.append(QStringLiteral("?"));
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(SqlConnection::quoteIdentifier(table), quoted.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    if (ctx.param(m_operation) == QLatin1String("upsert")) {
        const QStringList keys = columnList(ctx.param(m_conflictColumns, item, index));
        if (keys.isEmpty())
            throw NodeError::param(m_conflictColumns.name(), QString(), QStringLiteral("upsert needs the key columns"));
        QStringList quotedKeys, updates;
        for (const QString& k : keys)
            quotedKeys.append(SqlConnection::quoteIdentifier(k));
        for (const QString& c : columns)
            if (!keys.contains(c))
                updates.append(QStringLiteral("%1 = excluded.%1").arg(SqlConnection::quoteIdentifier(c)));
        sql += QStringLiteral(" ON CONFLICT (%1) DO %2")
                   .arg(quotedKeys.join(QStringLiteral(", ")),
                        updates.isEmpty() ? QStringLiteral("NOTHING") : QStringLiteral("UPDATE SET ") + updates.join(QStringLiteral(", ")));
    }
    std::shared_ptr<QSqlQuery>& q = st.prepared[sql];
    if (!q) {
        q = std::make_shared<QSqlQuery>(db.database());
        if (!q->prepare(sql))
            throw sqlError(sql, db, q->lastError());
    }
    for (qsizetype i = 0; i < columns.size(); ++i)
        q->bindValue(int(i), SqlConnection::toVariant(item.json().value(columns[i])));
    if (!q->exec())
        throw sqlError(sql, db, q->lastError());
    q->finish();
    out.push(0, item);
}

} // namespace taskloom::nodes::connectors
