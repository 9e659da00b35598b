#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace taskloom::engine {

/// One step of a module's schema in the run store. Each module (the engine, a node pack that keeps its own
/// table, ...) numbers its steps 1, 2, 3, ...; the store applies the steps it has not applied yet, in version
/// order, each in its own transaction, and records the module's version in the `schema_version` table.
/// Steps are never edited once released: a change to a table is a new step. A table with a `run_id` column
/// holds data of that run: pruning a run deletes its rows there too, whether or not the module is loaded.
struct Migration {
    QString module;          ///< "engine", "llm", ...; the key in schema_version
    int version = 0;         ///< 1-based; unique within the module
    QStringList statements;  ///< one SQL statement each (SQLite runs one statement per exec)
};

/// The migrations a program passes to RunStore::open; built by the program from the packs it links, so the
/// engine keeps no global registry.
using Migrations = QList<Migration>;

} // namespace taskloom::engine
