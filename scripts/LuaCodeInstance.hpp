#pragma once

#include "LuaError.hpp"
#include "LuaSandbox.hpp"

#include "engine/NodeError.hpp"
#include "engine/NodeType.hpp"

#include <memory>

namespace taskloom::engine {
class ExecutionContext;
}

namespace taskloom::scripts {

class LuaCodeNode;

/// One run of a Lua Code node: the sandbox lives as long as the run, the script is compiled and its top level
/// run on the first batch, and every later batch only calls execute (see LuaCodeNode for the contract).
class LuaCodeInstance final : public engine::NodeInstance {
public:
    explicit LuaCodeInstance(const LuaCodeNode& type);
    ~LuaCodeInstance() override;

    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) override;
    void finish(engine::ExecutionContext& ctx, engine::Outputs& out) override;

    /// The node error for a failed call (`inResult`: while converting what the script returned); cancellation
    /// and time-outs throw engine::Cancelled instead.
    static engine::NodeError nodeError(const LuaError& error, bool inResult = false);

private:
    enum class Mode { All, Each };

    void prepare(engine::ExecutionContext& ctx);
    void prepareOrReset(engine::ExecutionContext& ctx);
    void runAll(engine::ExecutionContext& ctx, const engine::ItemList& items, engine::Outputs& out);
    void runEach(engine::ExecutionContext& ctx, const engine::ItemList& items, engine::Outputs& out);
    [[noreturn]] static void fail(const LuaError& error, bool inResult = false);
    void pushContext(lua_State* L, engine::ExecutionContext& ctx, const engine::Object& params,
                     const engine::Object& env);

    static LuaCodeInstance& self(lua_State* L);
    static int firstArgument(lua_State* L);
    static int log(lua_State* L);
    static int warn(lua_State* L);
    static int progress(lua_State* L);

    const LuaCodeNode& m_type;
    std::unique_ptr<LuaSandbox> m_sandbox;
    Mode m_mode = Mode::All;
    int m_executeRef = -1;
    int m_finishRef = -1;
    int m_ctxRef = -1;
    engine::ExecutionContext* m_context = nullptr; // during a call: where ctx.log & co. go
};

} // namespace taskloom::scripts
