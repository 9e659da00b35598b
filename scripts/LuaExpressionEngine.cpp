#include "LuaExpressionEngine.hpp"

#include "LuaExpressionEvaluator.hpp"

#include <lauxlib.h>
#include <lua.h>

namespace taskloom::scripts {

QString LuaExpressionEngine::checkSyntax(const QString& expression) const
{
    // A bare state: parsing needs no libraries, and nothing runs.
    lua_State* L = luaL_newstate();
    if (!L)
        return QStringLiteral("cannot create a Lua state");
    const QString error = LuaExpressionEvaluator::load(L, expression);
    lua_close(L);
    return error;
}

std::unique_ptr<engine::ExpressionEvaluator> LuaExpressionEngine::createEvaluator() const
{
    return std::make_unique<LuaExpressionEvaluator>(m_limits);
}

} // namespace taskloom::scripts
