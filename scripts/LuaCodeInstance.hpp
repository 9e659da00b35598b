#pragma once

#include "LuaError.hpp"
#include "LuaSandbox.hpp"
#include "LuaScript.hpp"

#include "engine/NodeError.hpp"
#include "engine/NodeType.hpp"

#include <QStringList>

#include <memory>

struct luaL_Reg;

namespace taskloom::engine {
class ExecutionContext;
}

namespace taskloom::scripts {

/// One run of a Lua-backed node (the Code node or a Lua node type): the sandbox lives as long as the run, the
/// script is compiled and its top level run on the first batch, and every later batch only calls execute.
/// See LuaCodeNode and docs/scripting.md for the contract.
class LuaCodeInstance final : public engine::NodeInstance {
public:
    LuaCodeInstance(const engine::NodeType& type, const LuaScriptedType& scripted);
    ~LuaCodeInstance() override;

    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) override;
    void finish(engine::ExecutionContext& ctx, engine::Outputs& out) override;

    /// The node error for a failed call (`inResult`: while converting what the script returned); cancellation
    /// and time-outs throw engine::Cancelled instead.
    static engine::NodeError nodeError(const LuaError& error, bool inResult = false);
    /// The names the ctx table holds (functions and fields), from the same tables pushContext installs.
    static QStringList contextNames();

private:
    void prepare(engine::ExecutionContext& ctx);
    void prepareOrReset(engine::ExecutionContext& ctx);
    void runAll(engine::ExecutionContext& ctx, engine::ItemList items, engine::Outputs& out);
    void runEach(engine::ExecutionContext& ctx, const engine::ItemList& items, engine::Outputs& out);
    void collectOutputs(lua_State* L, QList<engine::ItemList>& produced, const char* what) const;
    /// Calls the function below its `nargs` arguments with a traceback-recording message handler.
    void callScript(lua_State* L, int nargs);
    /// Adds the item position and logs the traceback of a failed call; throws Cancelled for cancellation.
    LuaError describe(LuaError error, qsizetype itemIndex);
    [[noreturn]] void fail(const LuaError& error, bool inResult = false);
    void pushContext(lua_State* L, engine::ExecutionContext& ctx, const engine::Object& params,
                     const engine::Object& env);

    static const luaL_Reg contextFunctions[];
    static const char* const contextFields[5];

    // ctx.* functions (LuaCodeContext.cpp); upvalue 1 is the instance.
    static LuaCodeInstance& self(lua_State* L);
    static int firstArgument(lua_State* L);
    static int log(lua_State* L);
    static int warn(lua_State* L);
    static int progress(lua_State* L);
    static int credential(lua_State* L);
    static int binary(lua_State* L);
    static int setBinary(lua_State* L);
    static int binaryInfo(lua_State* L);
    static int param(lua_State* L);
    static int recordTraceback(lua_State* L);

    const engine::NodeType& m_type;
    const LuaScriptedType& m_scripted;
    LuaScript m_script;
    std::unique_ptr<LuaSandbox> m_sandbox;
    int m_executeRef = -1;
    int m_finishRef = -1;
    int m_ctxRef = -1;
    QString m_traceback; // of the last failed call
    engine::ExecutionContext* m_context = nullptr; // during a call: where ctx.log & co. go
};

} // namespace taskloom::scripts
