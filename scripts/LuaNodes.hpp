#pragma once

#include "LuaScript.hpp"

#include <QHash>
#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

namespace taskloom::engine {
class NodeRegistry;
class NodeType;
} // namespace taskloom::engine

namespace taskloom::scripts {

/// Registers the Lua node types that need no settings: the Lua Code node and the bundled node files
/// (scripts/lib/nodes). nodes/builtin.cpp calls it once at start-up.
void registerLuaNodes(engine::NodeRegistry& registry);

struct LuaNodeOptions {
    QString userFolder;                 ///< the user's nodes folder (*.lua); empty: none
    QHash<QString, LuaGrants> grants;   ///< per node type, from the user's settings
};

/// Loads the bundled node files again with the user's grants, then the user's folder (a user node may replace
/// a bundled one, never a built-in). Returns one line per file that did not load ("path:line: problem"); the
/// other nodes load regardless. The runtime calls it after registerBuiltinNodes.
QStringList loadLuaNodes(engine::NodeRegistry& registry, const LuaNodeOptions& options);

/// Loads one user node file again (the studio's hot reload) and registers its type in place of the one loaded
/// before, with the user's grants. On any problem nothing changes and the error is one line naming the file and
/// the line, so the type loaded before stays usable. Refused: a file that is not a node file, a type id of a
/// built-in node, and a type id another user file already declares. Returns the type id and the replaced type
/// (null when the type is new), which the caller keeps alive while anything may still point at it.
struct LuaNodeReload {
    QString type;
    std::shared_ptr<const engine::NodeType> replaced;
};
std::expected<LuaNodeReload, QString> reloadLuaNodeFile(engine::NodeRegistry& registry, const QString& path,
                                                        const QHash<QString, LuaGrants>& grants);

} // namespace taskloom::scripts
