#pragma once

#include "LuaScript.hpp"

#include "engine/NodeType.hpp"

namespace taskloom::scripts {

/// "Lua Code" (code.lua): runs a user's Lua script over the items.
///
/// Mode "all": `function execute(ctx, items) ... return items end`, called once per batch with a list of items.
/// Mode "each": `function execute(ctx, item, index) ... return item end`, called per item; it returns an item,
/// a list of items, or nil to drop the item; a failing item goes through the node's on-error setting.
/// An optional `function finish(ctx)` runs after the last batch and may return more items (totals).
/// `ctx` offers log(msg), warn(msg), progress(fraction), vars, node (this node's name), params, env, binaries and
/// credential("credential") for the credential chosen in the node (docs/scripting.md has the whole API).
/// Returned input items keep their binaries. The script is compiled once per run.
class LuaCodeNode final : public engine::NodeType, public LuaScriptedType {
public:
    explicit LuaCodeNode(LuaCodeLimits limits = {});

    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    /// Reports a Lua syntax error in `code` with its line, so the flow validator catches it before a run.
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    LuaScript script(engine::ExecutionContext& ctx) const override;

    const engine::Param<QString>& codeParam() const { return m_code; }
    const engine::Param<QString>& modeParam() const { return m_mode; }
    const LuaCodeLimits& limits() const { return m_limits; }

    static QString typeId();
    static QString defaultScript();

private:
    engine::Param<QString> m_code;
    engine::Param<QString> m_mode;
    LuaCodeLimits m_limits;
};

} // namespace taskloom::scripts
