#include "LuaExpressionEvaluator.hpp"

#include "LuaConvert.hpp"
#include "LuaItemListProxy.hpp"
#include "LuaProxy.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QRegularExpression>

#include <stdexcept>

namespace taskloom::scripts {

namespace {

// The scope arrives as the chunk's arguments: locals are the cheapest names Lua has, and keeping the prefix on
// the expression's first line keeps the expression's line numbers in error messages.
constexpr const char* prefix = "local item, items, index, vars, node, env = ...; ";
constexpr const char* chunkName = "=expr";

// Which of the two compile errors to report when neither form compiles.
bool looksLikeStatements(const QString& expression)
{
    static const QRegularExpression statements(QStringLiteral(R"(\b(return|local|if|for|while|repeat|goto)\b|;)"));
    return statements.match(expression).hasMatch();
}

int readOnlyTable(lua_State* L)
{
    return luaL_error(L, "%s is read-only", lua_tostring(L, lua_upvalueindex(1)));
}

void pushReadOnlyMetatable(lua_State* L, const char* name)
{
    lua_createtable(L, 0, 2);
    lua_pushstring(L, name);
    lua_pushcclosure(L, &readOnlyTable, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
}

} // namespace

LuaExpressionEvaluator::LuaExpressionEvaluator(const LuaExpressionLimits& limits)
    : m_sandbox(limits.memoryLimit), m_budget(limits.instructionBudget)
{
    m_sandbox.setTimeLimit(limits.timeLimit);
    const auto setUp = m_sandbox.run(
        [this](lua_State* L) {
            m_item = LuaProxy::pushObject(L, {});
            m_itemRef = luaL_ref(L, LUA_REGISTRYINDEX);
            m_items = LuaItemListProxy::push(L, {}, "items");
            m_itemsRef = luaL_ref(L, LUA_REGISTRYINDEX);
            m_vars = LuaProxy::pushObject(L, {}, true, "vars");
            m_varsRef = luaL_ref(L, LUA_REGISTRYINDEX);
            m_env = LuaProxy::pushObject(L, {}, true, "env");
            m_envRef = luaL_ref(L, LUA_REGISTRYINDEX);

            lua_newtable(L);
            pushReadOnlyMetatable(L, "node");
            lua_pushlightuserdata(L, this);
            lua_pushcclosure(L, &LuaExpressionEvaluator::nodeOutput, 1);
            lua_setfield(L, -2, "__index");
            lua_setmetatable(L, -2);
            m_nodeRef = luaL_ref(L, LUA_REGISTRYINDEX);

            lua_pushglobaltable(L);
            lua_createtable(L, 0, 2);
            lua_pushcfunction(L, &LuaExpressionEvaluator::assignGlobal);
            lua_setfield(L, -2, "__newindex");
            lua_pushboolean(L, 0);
            lua_setfield(L, -2, "__metatable");
            lua_setmetatable(L, -2);
            lua_pop(L, 1);
        },
        LuaSandbox::unlimited);
    if (!setUp)
        throw std::runtime_error("cannot set up the expression evaluator: " + setUp.error().message.toStdString());
}

LuaExpressionEvaluator::~LuaExpressionEvaluator() = default;

QString LuaExpressionEvaluator::load(lua_State* L, const QString& expression)
{
    const QByteArray source = expression.toUtf8();
    const QByteArray asValue = prefix + QByteArray("return ") + source;
    if (luaL_loadbufferx(L, asValue.constData(), std::size_t(asValue.size()), chunkName, "t") == LUA_OK)
        return {};
    const QString valueError = LuaSandbox::errorText(L, -1);
    lua_pop(L, 1);
    const QByteArray asBlock = prefix + source;
    if (luaL_loadbufferx(L, asBlock.constData(), std::size_t(asBlock.size()), chunkName, "t") == LUA_OK)
        return {};
    const QString blockError = LuaSandbox::errorText(L, -1);
    lua_pop(L, 1);
    return looksLikeStatements(expression) ? blockError : valueError;
}

std::expected<int, QString> LuaExpressionEvaluator::compile(const QString& expression)
{
    const auto cached = m_handles.constFind(expression);
    if (cached != m_handles.cend())
        return cached.value();
    QString error;
    int ref = LUA_NOREF;
    const auto result = m_sandbox.run(
        [&](lua_State* L) {
            error = load(L, expression);
            if (error.isEmpty())
                ref = luaL_ref(L, LUA_REGISTRYINDEX);
        },
        LuaSandbox::unlimited);
    if (!result)
        return std::unexpected(result.error().message);
    if (!error.isEmpty())
        return std::unexpected(error);
    m_functions.append(ref);
    const int handle = int(m_functions.size());
    m_handles.insert(expression, handle);
    return handle;
}

std::expected<engine::Value, QString> LuaExpressionEvaluator::evaluate(int handle, const engine::ExpressionScope& scope)
{
    if (handle < 1 || handle > m_functions.size())
        return std::unexpected(QStringLiteral("unknown expression handle %1").arg(handle));
    if (scope.item)
        m_item->reset(*scope.item);
    m_items->reset(scope.items ? *scope.items : engine::ItemList());
    m_vars->reset(scope.variables ? engine::Value(*scope.variables) : engine::Value(engine::Object()));
    m_env->reset(scope.env ? engine::Value(*scope.env) : engine::Value(engine::Object()));
    m_scope = &scope;

    engine::Value value;
    const int function = m_functions[handle - 1];
    const auto result = m_sandbox.run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, function);
            if (scope.item)
                lua_rawgeti(L, LUA_REGISTRYINDEX, m_itemRef);
            else
                lua_pushnil(L);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_itemsRef);
            if (scope.item && scope.index >= 0)
                lua_pushinteger(L, lua_Integer(scope.index) + 1);
            else
                lua_pushnil(L);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_varsRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_nodeRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_envRef);
            lua_call(L, 6, 1);
            value = LuaConvert::toValue(L, -1);
        },
        m_budget, scope.cancellation);
    m_scope = nullptr;
    if (!result)
        return std::unexpected(result.error().message);
    return value;
}

int LuaExpressionEvaluator::nodeOutput(lua_State* L)
{
    const auto* self = static_cast<const LuaExpressionEvaluator*>(lua_touserdata(L, lua_upvalueindex(1)));
    const engine::ExpressionScope* scope = self->m_scope;
    if (!scope || !scope->nodeOutput)
        return luaL_error(L, "node outputs are not available here");
    const QString name = LuaConvert::toQString(L, 2);
    return LuaSandbox::guarded(L, [&] {
        const engine::ItemList* items = scope->nodeOutput(name);
        if (!items)
            return luaL_error(L, "node \"%s\" is unknown or has not run yet", name.toUtf8().constData());
        lua_createtable(L, 0, 2);
        LuaItemListProxy::push(L, *items, "node output");
        lua_setfield(L, -2, "items");
        if (!items->isEmpty()) {
            LuaProxy::pushItem(L, items->first(), true, "node output");
            lua_setfield(L, -2, "json");
        }
        return 1;
    });
}

int LuaExpressionEvaluator::assignGlobal(lua_State* L)
{
    const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "expressions cannot set globals: use `local %s = ...`", name);
}

} // namespace taskloom::scripts
