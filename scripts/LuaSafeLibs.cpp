#include "LuaSafeLibs.hpp"

#include "LuaBundledModules.hpp"
#include "LuaSandbox.hpp"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace taskloom::scripts {

namespace {

const char loadedKey = 0; // registry key of the table of loaded bundled modules
const char loadingKey = 0; // marks a module whose loading has not finished (require loops)

// Native pcall & co. stay reachable only as upvalues of these wrappers: `check` re-raises a fatal error that
// the native function caught, so `while true do pcall(function() while true do end end) end` still ends.
// xpcall never hands a fatal error to the script's message handler: an error raised by the hook reaches the
// handler while Lua still has hooks switched off, so a looping handler could never be stopped.
// With Lua built as C++, a raised error and a yield are C++ exceptions (about a microsecond each), so a caught
// error and a yield are charged like ~100 instructions: a ping-pong of yields then ends as fast as a plain loop.
constexpr const char* prelude = R"lua(
local check, isFatal, chargeYield, type, error, pcall, xpcall, resume, close, yield = ...
_G.pcall = function(...) return check(pcall(...)) end
_G.xpcall = function(f, handler, ...)
  if type(handler) ~= "function" then
    error("bad argument #2 to 'xpcall' (function expected, got " .. type(handler) .. ")", 2)
  end
  return check(xpcall(f, function(e)
    if isFatal() then return e end
    return handler(e)
  end, ...))
end
coroutine.resume = function(...) return check(resume(...)) end
coroutine.close = function(...) return check(close(...)) end
coroutine.yield = function(...) chargeYield() return yield(...) end
)lua";

constexpr qint64 exceptionCost = 100;

// check(ok, ...): re-raises a fatal error, charges a caught one, and returns its arguments.
int checkFatal(lua_State* L)
{
    LuaSandbox::raiseIfFatal(L);
    if (lua_type(L, 1) == LUA_TBOOLEAN && !lua_toboolean(L, 1))
        LuaSandbox::charge(L, exceptionCost);
    return lua_gettop(L);
}

int chargeYield(lua_State* L)
{
    LuaSandbox::charge(L, exceptionCost);
    return 0;
}

int isFatal(lua_State* L)
{
    lua_pushboolean(L, LuaSandbox::of(L).hasFatalError());
    return 1;
}

int safePrint(lua_State* L)
{
    const int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; ++i) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, nullptr);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    std::size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    const QString line = QString::fromUtf8(s, qsizetype(len));
    return LuaSandbox::guarded(L, [&] {
        LuaSandbox::of(L).print(line);
        return 0;
    });
}

// Wrappers run the library's own C function (upvalue 1) in their own call frame, not through lua_call: Lua
// then names the function in argument errors ("bad argument #2 to 'insert'") and adds the script's line.
// The standard library functions use no upvalues of their own, so this is safe.
int callOriginal(lua_State* L)
{
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

// load(chunk [, chunkname [, mode [, env]]]) with the mode forced to text: precompiled chunks can crash the
// VM, and string.dump is gone anyway.
int safeLoad(lua_State* L)
{
    // An explicit nil env differs from an absent one, so pass env only when it was given.
    lua_settop(L, lua_gettop(L) < 4 ? 3 : 4);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    return callOriginal(L);
}

// A finalizer runs with hooks off, so a __gc that loops would hang the host during a collection or at close.
int safeSetmetatable(lua_State* L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in scripts");
        lua_pop(L, 1);
    }
    return callOriginal(L);
}

// Stopping the collector or changing its mode would only let a script reach the memory cap sooner; the
// harmless options stay.
int safeCollectgarbage(lua_State* L)
{
    const char* option = luaL_optstring(L, 1, "collect");
    static const char* const allowed[] = {"collect", "count", "step", "isrunning"};
    for (const char* a : allowed) {
        if (std::strcmp(option, a) == 0)
            return callOriginal(L);
    }
    return luaL_error(L, "collectgarbage(\"%s\") is not allowed in scripts", option);
}

int bundledRequire(lua_State* L)
{
    std::size_t len = 0;
    const char* name = luaL_checklstring(L, 1, &len);
    lua_settop(L, 1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &loadedKey);
    if (lua_getfield(L, 2, name) != LUA_TNIL) {
        if (lua_touserdata(L, -1) == &loadingKey)
            return luaL_error(L, "module '%s' requires itself (a require loop)", name);
        return 1;
    }
    lua_pop(L, 1);
    const LuaBundledModule* module = findBundledLuaModule(QByteArrayView(name, qsizetype(len)));
    if (!module) {
        const QByteArray names = bundledLuaModuleNames().join(QStringLiteral(", ")).toUtf8();
        return luaL_error(L, "module '%s' not found (require loads only the bundled modules: %s)", name,
                          names.constData());
    }
    lua_pushlightuserdata(L, const_cast<char*>(&loadingKey));
    lua_setfield(L, 2, name);
    const QByteArray chunkName = "=" + QByteArray(name) + ".lua";
    if (luaL_loadbufferx(L, module->source, std::size_t(module->size), chunkName.constData(), "t") != LUA_OK)
        return lua_error(L);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, 2, name);
    return 1;
}

// ---- Library calls whose C work the instruction count does not see ----
// Each wrapper charges the work it is about to do (or refuses it) and then runs the original.

lua_Integer rawLength(lua_State* L, int index)
{
    return lua_type(L, index) == LUA_TTABLE ? lua_Integer(lua_rawlen(L, index)) : 0;
}

// Lua 5.4.4 copies the empty string n times: string.rep("", 1e18) would spin for ages inside one C call.
int safeRep(lua_State* L)
{
    std::size_t len = 0;
    std::size_t sepLen = 0;
    luaL_checklstring(L, 1, &len);
    luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &sepLen);
    if (len + sepLen == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return callOriginal(L);
}

// Patterns scan the subject in C; the scan is charged like allocation (one unit per 64 bytes).
int chargedScan(lua_State* L)
{
    std::size_t len = 0;
    if (lua_type(L, 1) == LUA_TSTRING)
        lua_tolstring(L, 1, &len);
    LuaSandbox::charge(L, qint64(len >> 6));
    return callOriginal(L);
}

// table.insert(t, pos, v) and table.remove(t, pos) shift the elements after pos, in C.
void chargeShift(lua_State* L, int positionalArgs)
{
    if (lua_gettop(L) >= positionalArgs && lua_isinteger(L, 2)) {
        const lua_Integer shifted = rawLength(L, 1) - lua_tointeger(L, 2);
        if (shifted > 0)
            LuaSandbox::charge(L, qint64(shifted >> 1)); // a C-side get/set pair costs about one instruction
    }
}

int chargedInsert(lua_State* L)
{
    chargeShift(L, 3);
    return callOriginal(L);
}

int chargedRemove(lua_State* L)
{
    chargeShift(L, 2);
    return callOriginal(L);
}

// table.move(a1, f, e, t) copies e - f + 1 elements, even when there is nothing to copy.
int chargedMove(lua_State* L)
{
    const lua_Integer first = luaL_checkinteger(L, 2);
    const lua_Integer last = luaL_checkinteger(L, 3);
    if (last >= first) {
        const lua_Unsigned count = lua_Unsigned(last) - lua_Unsigned(first) + 1;
        LuaSandbox::charge(L, qint64(std::min<lua_Unsigned>(count, lua_Unsigned(LuaSandbox::unlimited)) >> 1));
    }
    return callOriginal(L);
}

int chargedSort(lua_State* L)
{
    const lua_Integer n = rawLength(L, 1);
    if (n > 1)
        LuaSandbox::charge(L, qint64(double(n) * std::log2(double(n))) >> 1); // per comparison, as above
    return callOriginal(L);
}

void wrapField(lua_State* L, const char* table, const char* name, lua_CFunction fn)
{
    lua_getglobal(L, table);
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

void chargeCostlyCalls(lua_State* L)
{
    wrapField(L, LUA_STRLIBNAME, "rep", &safeRep);
    for (const char* name : {"find", "match", "gmatch", "gsub"})
        wrapField(L, LUA_STRLIBNAME, name, &chargedScan);
    wrapField(L, LUA_TABLIBNAME, "insert", &chargedInsert);
    wrapField(L, LUA_TABLIBNAME, "remove", &chargedRemove);
    wrapField(L, LUA_TABLIBNAME, "move", &chargedMove);
    wrapField(L, LUA_TABLIBNAME, "sort", &chargedSort);
}

// Replaces global `name` with `fn`, giving it the original as upvalue 1.
void wrapGlobal(lua_State* L, const char* name, lua_CFunction fn)
{
    lua_getglobal(L, name);
    lua_pushcclosure(L, fn, 1);
    lua_setglobal(L, name);
}

void removeFields(lua_State* L, int table, std::initializer_list<const char*> names)
{
    table = lua_absindex(L, table);
    for (const char* name : names) {
        lua_pushnil(L);
        lua_setfield(L, table, name);
    }
}

void restrictOs(lua_State* L)
{
    lua_getglobal(L, LUA_OSLIBNAME);
    lua_createtable(L, 0, 4);
    for (const char* name : {"time", "clock", "date", "difftime"}) {
        lua_getfield(L, -2, name);
        lua_setfield(L, -2, name);
    }
    lua_setglobal(L, LUA_OSLIBNAME);
    lua_pop(L, 1);
}

// The shared string metatable's __index gets a private copy of the string library, so tampering with the
// global `string` table cannot change what ("x"):upper() does, and __metatable hides the metatable itself.
void lockStrings(lua_State* L)
{
    lua_getglobal(L, LUA_STRLIBNAME);
    removeFields(L, -1, {"dump"});
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 4);
}

void installPrelude(lua_State* L)
{
    if (luaL_loadbufferx(L, prelude, std::strlen(prelude), "=[sandbox]", "t") != LUA_OK)
        lua_error(L);
    lua_pushcfunction(L, &checkFatal);
    lua_pushcfunction(L, &isFatal);
    lua_pushcfunction(L, &chargeYield);
    lua_getglobal(L, "type");
    lua_getglobal(L, "error");
    lua_getglobal(L, "pcall");
    lua_getglobal(L, "xpcall");
    lua_getglobal(L, LUA_COLIBNAME);
    lua_getfield(L, -1, "resume");
    lua_getfield(L, -2, "close");
    lua_getfield(L, -3, "yield");
    lua_remove(L, -4);
    lua_call(L, 10, 0);
}

} // namespace

void installSafeLibraries(lua_State* L)
{
    static const luaL_Reg libraries[] = {
        {LUA_GNAME, luaopen_base},        {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_MATHLIBNAME, luaopen_math},  {LUA_UTF8LIBNAME, luaopen_utf8},  {LUA_COLIBNAME, luaopen_coroutine},
        {LUA_OSLIBNAME, luaopen_os},
    };
    for (const luaL_Reg& lib : libraries) {
        luaL_requiref(L, lib.name, lib.func, 1);
        lua_pop(L, 1);
    }

    lua_pushglobaltable(L);
    removeFields(L, -1, {"dofile", "loadfile", "warn"});
    lua_pop(L, 1);
    lua_pushcfunction(L, &safePrint);
    lua_setglobal(L, "print");
    wrapGlobal(L, "load", &safeLoad);
    wrapGlobal(L, "setmetatable", &safeSetmetatable);
    wrapGlobal(L, "collectgarbage", &safeCollectgarbage);

    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &loadedKey);
    lua_pushcfunction(L, &bundledRequire);
    lua_setglobal(L, "require");

    restrictOs(L);
    chargeCostlyCalls(L); // before lockStrings, so string methods get the wrapped functions too
    lockStrings(L);
    installPrelude(L);
}

} // namespace taskloom::scripts
