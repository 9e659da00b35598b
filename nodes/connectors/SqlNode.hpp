#pragma once

#include "engine/NodeType.hpp"

class QSqlQuery;

namespace taskloom::nodes::connectors {

class SqlConnection;

/// Runs SQL against SQLite or PostgreSQL (Qt SQL drivers): a query with bound parameters per item (result rows
/// become items), or insert / upsert of the items into a table. By default the whole call is one transaction
/// with a savepoint per item, so a failure leaves the database as it was or skips just the failed item.
class SqlNode final : public engine::NodeType {
public:
    SqlNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    struct Statements;
    std::unique_ptr<SqlConnection> connect(engine::ExecutionContext& ctx) const;
    void runQuery(engine::ExecutionContext& ctx, SqlConnection& db, Statements& st, const engine::Item& item,
                  qsizetype index, engine::Outputs& out) const;
    void runWrite(engine::ExecutionContext& ctx, SqlConnection& db, Statements& st, const engine::Item& item,
                  qsizetype index, engine::Outputs& out) const;

    engine::Param<QString> m_driver;
    engine::Param<QString> m_database;
    engine::Param<bool> m_createFolder;
    engine::Param<QString> m_host;
    engine::Param<qint64> m_port;
    engine::Param<QString> m_credential;
    engine::Param<QString> m_connectOptions;
    engine::Param<QString> m_operation;
    engine::Param<QString> m_query;
    engine::Param<engine::Array> m_parameters;
    engine::Param<bool> m_executeOnce;
    engine::Param<QString> m_table;
    engine::Param<QString> m_columns;
    engine::Param<QString> m_conflictColumns;
    engine::Param<QString> m_transaction;
};

} // namespace taskloom::nodes::connectors
