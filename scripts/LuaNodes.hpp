#pragma once

#include "LuaScript.hpp"

#include <QHash>
#include <QString>
#include <QStringList>

namespace taskloom::engine {
class NodeRegistry;
}

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

} // namespace taskloom::scripts
