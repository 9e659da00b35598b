#include "LuaCodeInstance.hpp"

#include "LuaCodeNode.hpp"
#include "LuaConvert.hpp"
#include "LuaProxy.hpp"

#include "engine/ExecutionContext.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>
#include <stdexcept>

namespace taskloom::scripts {

using namespace engine;

namespace {

// Keeps m_context pointing at the running call's context for ctx.log & co., and clears it on any exit.
class ContextScope {
public:
    ContextScope(ExecutionContext*& slot, ExecutionContext& ctx) : m_slot(slot) { m_slot = &ctx; }
    ~ContextScope() { m_slot = nullptr; }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    ExecutionContext*& m_slot;
};

} // namespace

LuaCodeInstance::LuaCodeInstance(const LuaCodeNode& type) : m_type(type) {}

LuaCodeInstance::~LuaCodeInstance() = default;

NodeError LuaCodeInstance::nodeError(const LuaError& error, bool inResult)
{
    if (inResult && error.kind == LuaError::Kind::Runtime)
        return NodeError(QStringLiteral("LUA_RESULT"), error.message);
    switch (error.kind) {
    case LuaError::Kind::Syntax: return NodeError(QStringLiteral("LUA_SYNTAX"), error.message);
    case LuaError::Kind::Budget: return NodeError(QStringLiteral("LUA_BUDGET"), error.message);
    case LuaError::Kind::Memory: return NodeError(QStringLiteral("LUA_MEMORY"), error.message);
    default: return NodeError(QStringLiteral("LUA_ERROR"), error.message);
    }
}

void LuaCodeInstance::fail(const LuaError& error, bool inResult)
{
    if (error.isCancellation())
        throw Cancelled();
    throw nodeError(error, inResult);
}

LuaCodeInstance& LuaCodeInstance::self(lua_State* L)
{
    return *static_cast<LuaCodeInstance*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// ctx.log(msg) and ctx:log(msg) both work: the colon form, a common slip, passes ctx itself first.
int LuaCodeInstance::firstArgument(lua_State* L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, self(L).m_ctxRef);
    const bool method = lua_rawequal(L, 1, -1);
    lua_pop(L, 1);
    return method ? 2 : 1;
}

int LuaCodeInstance::log(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const QString message = QString::fromUtf8(luaL_tolstring(L, firstArgument(L), nullptr));
    return LuaSandbox::guarded(L, [&] {
        if (instance.m_context)
            instance.m_context->log(LogLevel::Info, message);
        return 0;
    });
}

int LuaCodeInstance::warn(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const QString message = QString::fromUtf8(luaL_tolstring(L, firstArgument(L), nullptr));
    return LuaSandbox::guarded(L, [&] {
        if (instance.m_context)
            instance.m_context->log(LogLevel::Warning, message);
        return 0;
    });
}

int LuaCodeInstance::progress(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const int first = firstArgument(L);
    const double fraction = luaL_checknumber(L, first);
    const QString message = LuaConvert::toQString(L, first + 1);
    return LuaSandbox::guarded(L, [&] {
        if (instance.m_context)
            instance.m_context->progress(std::clamp(fraction, 0.0, 1.0), message);
        return 0;
    });
}

void LuaCodeInstance::pushContext(lua_State* L, ExecutionContext& ctx, const Object& params, const Object& env)
{
    lua_createtable(L, 0, 8);
    static const luaL_Reg functions[] = {
        {"log", &LuaCodeInstance::log}, {"warn", &LuaCodeInstance::warn}, {"progress", &LuaCodeInstance::progress},
        {nullptr, nullptr}};
    lua_pushlightuserdata(L, this);
    luaL_setfuncs(L, functions, 1);
    LuaProxy::pushObject(L, ctx.variables(), true, "ctx.vars");
    lua_setfield(L, -2, "vars");
    LuaConvert::pushString(L, ctx.node().name);
    lua_setfield(L, -2, "node");
    LuaProxy::pushObject(L, params, true, "ctx.params");
    lua_setfield(L, -2, "params");
    LuaProxy::pushObject(L, env, true, "ctx.env");
    lua_setfield(L, -2, "env");
}

void LuaCodeInstance::prepare(ExecutionContext& ctx)
{
    const QString code = ctx.param(m_type.codeParam());
    const QString mode = ctx.param(m_type.modeParam());
    if (mode == u"all")
        m_mode = Mode::All;
    else if (mode == u"each")
        m_mode = Mode::Each;
    else
        throw NodeError::param(m_type.modeParam().name(), mode, QStringLiteral("expected \"all\" or \"each\""));

    // Parameters and environment are resolved before entering Lua: their errors keep their own codes.
    Object params;
    for (const ParamSpec& p : m_type.spec().params)
        params.insert(p.name, ctx.paramValue(p.name, nullptr, -1));
    const Object env = ctx.environment();

    try {
        m_sandbox = std::make_unique<LuaSandbox>(m_type.limits().memoryLimit);
    } catch (const std::runtime_error& e) {
        throw NodeError(QStringLiteral("LUA_MEMORY"), QString::fromUtf8(e.what()));
    }
    m_sandbox->setTimeLimit(m_type.limits().timeLimit);
    m_sandbox->setPrintHandler([this](const QString& line) {
        if (m_context)
            m_context->log(LogLevel::Info, line);
    });

    const auto chunk = m_sandbox->compile(code.toUtf8(), QStringLiteral("code"));
    if (!chunk)
        fail(chunk.error());
    const char* signature = m_mode == Mode::Each ? "execute(ctx, item, index)" : "execute(ctx, items)";
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, *chunk);
            lua_call(L, 0, 0);
            if (lua_getglobal(L, "execute") != LUA_TFUNCTION)
                luaL_error(L, "the script must define function %s", signature);
            m_executeRef = luaL_ref(L, LUA_REGISTRYINDEX);
            if (lua_getglobal(L, "finish") == LUA_TFUNCTION)
                m_finishRef = luaL_ref(L, LUA_REGISTRYINDEX);
            else
                lua_pop(L, 1);
            pushContext(L, ctx, params, env);
            m_ctxRef = luaL_ref(L, LUA_REGISTRYINDEX);
        },
        m_type.limits().instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(ran.error());
}

// A failed preparation leaves nothing behind, so a retry of the call prepares afresh.
void LuaCodeInstance::prepareOrReset(ExecutionContext& ctx)
{
    try {
        prepare(ctx);
    } catch (...) {
        m_sandbox.reset();
        m_executeRef = m_finishRef = m_ctxRef = -1;
        throw;
    }
}

Exec LuaCodeInstance::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out)
{
    ContextScope scope(m_context, ctx);
    ctx.checkCancelled();
    if (!m_sandbox)
        prepareOrReset(ctx);
    if (m_mode == Mode::All)
        runAll(ctx, in.main(), out);
    else
        runEach(ctx, in.main(), out);
    return Exec::Done;
}

void LuaCodeInstance::runAll(ExecutionContext& ctx, const ItemList& items, Outputs& out)
{
    ItemList produced;
    bool inResult = false;
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_executeRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
            lua_createtable(L, int(items.size()), 0);
            for (qsizetype i = 0; i < items.size(); ++i) {
                LuaProxy::pushItem(L, items[i]);
                lua_rawseti(L, -2, lua_Integer(i) + 1);
            }
            lua_call(L, 2, 1);
            inResult = true;
            if (lua_isnil(L, -1))
                luaL_error(L, "execute(ctx, items) returned nothing: return the items to pass on ({} for none)");
            LuaConvert::appendItems(L, -1, produced, "the result of execute");
        },
        m_type.limits().instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(ran.error(), inResult);
    out.push(0, produced);
}

void LuaCodeInstance::runEach(ExecutionContext& ctx, const ItemList& items, Outputs& out)
{
    ItemList produced;
    ItemList fromItem; // one call's result: kept apart so a result that fails half-converted leaves nothing
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        bool inResult = false;
        fromItem.clear();
        const auto ran = m_sandbox->run(
            [&](lua_State* L) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, m_executeRef);
                lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
                LuaProxy::pushItem(L, item);
                lua_pushinteger(L, lua_Integer(i) + 1);
                lua_call(L, 3, 1);
                inResult = true;
                LuaConvert::appendItems(L, -1, fromItem, "the result of execute");
            },
            m_type.limits().instructionBudget, &ctx.cancellation());
        if (ran) {
            produced.append(fromItem);
        } else {
            if (ran.error().isCancellation())
                throw Cancelled();
            // Items that succeeded so far go first, so the output keeps the input's order.
            out.push(0, produced);
            produced.clear();
            ctx.failItem(item, nodeError(ran.error(), inResult), out);
        }
    }
    out.push(0, produced);
}

void LuaCodeInstance::finish(ExecutionContext& ctx, Outputs& out)
{
    ContextScope scope(m_context, ctx);
    if (!m_sandbox)
        prepareOrReset(ctx); // no batch arrived, but finish() may still report (a count of zero)
    if (m_finishRef < 0)
        return;
    ItemList produced;
    bool inResult = false;
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_finishRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
            lua_call(L, 1, 1);
            inResult = true;
            LuaConvert::appendItems(L, -1, produced, "the result of finish");
        },
        m_type.limits().instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(ran.error(), inResult);
    out.push(0, produced);
}

} // namespace taskloom::scripts
