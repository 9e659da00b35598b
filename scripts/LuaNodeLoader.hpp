#pragma once

#include "LuaNodeType.hpp"

#include <QHash>
#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::scripts {

/// Reads Lua node files: a .lua file returns a table with the node's spec and its execute function
/// (docs/scripting.md, "Lua node types"). The top level runs once in a sandbox with a small budget; the spec is
/// checked field by field and every problem is one line naming the file and the line ("rrn-mask.lua:12:
/// params[2].type: unknown type \"strng\" (string, text, ...)").
class LuaNodeLoader {
public:
    struct Result {
        QList<std::shared_ptr<LuaNodeType>> nodes;
        QStringList errors; ///< one line per file that did not load
    };

    /// One node from source. `path` names it in errors and in LuaNodeType::path; the chunk name is its file name.
    static std::expected<std::shared_ptr<LuaNodeType>, QString> load(const QByteArray& source, const QString& path,
                                                                     bool bundled = false);
    static std::expected<std::shared_ptr<LuaNodeType>, QString> loadFile(const QString& path);
    /// Every *.lua file directly in `folder`, in name order. A missing folder is no error.
    static Result loadFolder(const QString& folder);
    /// The node files compiled in from scripts/lib/nodes.
    static Result loadBundled();
};

/// The user's Lua settings (settings.json "lua"): grants per node type, read by the runtime.
using LuaGrantTable = QHash<QString, LuaGrants>;

/// Registers loaded Lua nodes, granting each what `grants` holds for its type. A Lua node never replaces a
/// built-in (C++) node type; a user node may replace a bundled Lua one. Returns one line per refused node.
QStringList registerLuaNodeTypes(engine::NodeRegistry& registry, const LuaNodeLoader::Result& loaded,
                                 const LuaGrantTable& grants);

} // namespace taskloom::scripts
