#pragma once

#include "LuaSandbox.hpp"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace taskloom::engine {
class ExecutionContext;
}

namespace taskloom::scripts {

struct LuaCodeLimits {
    std::size_t memoryLimit = LuaSandbox::defaultMemoryLimit;
    qint64 instructionBudget = LuaSandbox::defaultCodeBudget; ///< per call of execute (per item in "each" mode)
    std::chrono::milliseconds timeLimit{60'000};               ///< per call; see LuaSandbox::setTimeLimit
};

/// What a node type says its script needs (declared in the node file; the Code node declares nothing).
struct LuaCapabilities {
    bool readFiles = false;
    bool writeFiles = false;
    bool http = false;
};

/// What the user allowed a node type in settings.json ("lua": {"grants": {TYPE: {...}}}): never from a flow.
struct LuaGrants {
    QStringList fileRoots; ///< absolute folders the node's files.* calls may touch (and everything below)
    QStringList httpHosts; ///< host names http.request may reach; "*" for any
};

/// Everything an instance needs to run one Lua-backed node: the source, how to find its functions, its limits
/// and its capabilities. The Code node builds it from its parameters, a Lua node type from its file.
struct LuaScript {
    QByteArray source;
    QString chunkName;       ///< names the script in errors: "code:3:", "rrn-mask.lua:12:"
    QString typeId;          ///< the node type, for capability errors
    bool each = false;       ///< execute(ctx, item, index) per item instead of execute(ctx, items)
    bool fromTable = false;  ///< the chunk returns a table holding execute and finish (node files)
    QStringList outputs;     ///< output ports; with more than one, execute returns {port = items, ...}
    LuaCodeLimits limits;
    LuaCapabilities declared;
    LuaGrants granted;
};

/// A node type whose behaviour is a Lua script (LuaCodeNode, LuaNodeType).
class LuaScriptedType {
public:
    virtual ~LuaScriptedType() = default;
    /// The script for this run; throws engine::NodeError for a bad parameter.
    virtual LuaScript script(engine::ExecutionContext& ctx) const = 0;
};

} // namespace taskloom::scripts
