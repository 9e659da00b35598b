#pragma once

#include "LuaScript.hpp"

#include "engine/NodeType.hpp"

#include <memory>

namespace taskloom::scripts {

/// A node type declared in a .lua file (the user's nodes folder or scripts/lib/nodes): its spec was read from
/// the table the file returns (LuaNodeLoader), its behaviour is that table's execute. Runs exactly like a
/// built-in node: same registry, validator, executor and run store. Shared from this: a hot reload that
/// replaces the type in the registry keeps the old one alive while pointers to it may still be held.
class LuaNodeType final : public engine::NodeType,
                          public LuaScriptedType,
                          public std::enable_shared_from_this<LuaNodeType> {
public:
    /// `script` holds the file's source, chunk name, mode, limits and declared capabilities.
    LuaNodeType(engine::NodeSpec spec, LuaScript script, QString path, bool bundled);

    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    LuaScript script(engine::ExecutionContext& ctx) const override;

    /// Where the node was declared: a file path, or "(bundled) name.lua".
    const QString& path() const { return m_path; }
    bool isBundled() const { return m_bundled; }
    const LuaScript& declaration() const { return m_script; }
    /// What the user granted this type in settings.json (set once at load, before any run).
    void setGrants(LuaGrants grants) { m_script.granted = std::move(grants); }

private:
    LuaScript m_script;
    QString m_path;
    bool m_bundled;
};

} // namespace taskloom::scripts
