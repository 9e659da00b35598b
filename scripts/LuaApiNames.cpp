#include "LuaApiNames.hpp"

#include "LuaCapabilityLibs.hpp"
#include "LuaCodeInstance.hpp"
#include "LuaSandbox.hpp"
#include "LuaScript.hpp"

#include <lauxlib.h>
#include <lua.h>

namespace taskloom::scripts {

namespace {

bool isIdentifier(const QString& name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_') || c.unicode() > 127)
            return false;
    }
    return true;
}

// The string keys of the table on top of the stack that a script can write after a dot.
QStringList keysOf(lua_State* L)
{
    QStringList keys;
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const QString key = QString::fromUtf8(lua_tostring(L, -2));
            if (isIdentifier(key) && !key.startsWith(u'_'))
                keys.append(key);
        }
        lua_pop(L, 1);
    }
    return keys;
}

} // namespace

QStringList luaApiNames()
{
    QStringList names;
    LuaScript script; // what a node run installs; capability calls check grants at call time, not here
    LuaSandbox sandbox;
    const auto listed = sandbox.run(
        [&](lua_State* L) {
            installCapabilityLibraries(L, script);
            lua_pushglobaltable(L);
            for (const QString& global : keysOf(L)) {
                names.append(global);
                lua_getfield(L, -1, global.toUtf8().constData());
                if (lua_istable(L, -1)) {
                    for (const QString& member : keysOf(L))
                        names.append(global + u'.' + member);
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        },
        LuaSandbox::defaultCodeBudget);
    if (!listed)
        return {};
    names.append(QStringLiteral("ctx"));
    for (const QString& member : LuaCodeInstance::contextNames())
        names.append(QStringLiteral("ctx.") + member);
    names.sort();
    names.removeDuplicates();
    return names;
}

QStringList luaKeywords()
{
    return {QStringLiteral("and"),    QStringLiteral("break"),  QStringLiteral("do"),     QStringLiteral("else"),
            QStringLiteral("elseif"), QStringLiteral("end"),    QStringLiteral("false"),  QStringLiteral("for"),
            QStringLiteral("function"), QStringLiteral("goto"), QStringLiteral("if"),     QStringLiteral("in"),
            QStringLiteral("local"),  QStringLiteral("nil"),    QStringLiteral("not"),    QStringLiteral("or"),
            QStringLiteral("repeat"), QStringLiteral("return"), QStringLiteral("then"),   QStringLiteral("true"),
            QStringLiteral("until"),  QStringLiteral("while")};
}

} // namespace taskloom::scripts
