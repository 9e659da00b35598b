#include "LuaItemListProxy.hpp"

#include "LuaProxy.hpp"
#include "LuaSandbox.hpp"

#include "engine/Json.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <new>

namespace taskloom::scripts {

namespace {
constexpr const char* meta = "items";
}

void LuaItemListProxy::install(lua_State* L)
{
    static const luaL_Reg methods[] = {
        {"__index", &LuaItemListProxy::index}, {"__newindex", &LuaItemListProxy::newIndex},
        {"__len", &LuaItemListProxy::length},  {"__pairs", &LuaItemListProxy::pairs},
        {"__tostring", &LuaItemListProxy::toString}, {"__gc", &LuaItemListProxy::collect},
        {nullptr, nullptr},
    };
    luaL_newmetatable(L, meta);
    luaL_setfuncs(L, methods, 0);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

LuaItemListProxy* LuaItemListProxy::push(lua_State* L, engine::ItemList items, QByteArray label)
{
    void* memory = lua_newuserdatauv(L, sizeof(LuaItemListProxy), 0);
    auto* proxy = new (memory) LuaItemListProxy(std::move(items), std::move(label));
    luaL_setmetatable(L, meta);
    return proxy;
}

LuaItemListProxy* LuaItemListProxy::test(lua_State* L, int index)
{
    return static_cast<LuaItemListProxy*>(luaL_testudata(L, index, meta));
}

LuaItemListProxy& LuaItemListProxy::check(lua_State* L, int index)
{
    return *static_cast<LuaItemListProxy*>(luaL_checkudata(L, index, meta));
}

engine::Array LuaItemListProxy::toArray() const
{
    engine::Array array;
    array.reserve(m_items.size());
    for (const engine::Item& item : m_items)
        array.append(item.json());
    return array;
}

int LuaItemListProxy::index(lua_State* L)
{
    const LuaItemListProxy& self = check(L, 1);
    int exact = 0;
    const lua_Integer i = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &exact) : 0;
    if (!exact || i < 1 || i > self.m_items.size()) {
        lua_pushnil(L);
        return 1;
    }
    return LuaSandbox::guarded(L, [&] {
        LuaProxy::pushItem(L, self.m_items.at(qsizetype(i - 1)), true, self.m_label);
        return 1;
    });
}

int LuaItemListProxy::newIndex(lua_State* L)
{
    const LuaItemListProxy& self = check(L, 1);
    return luaL_error(L, "%s is read-only", self.m_label.constData());
}

int LuaItemListProxy::length(lua_State* L)
{
    lua_pushinteger(L, lua_Integer(check(L, 1).m_items.size()));
    return 1;
}

int LuaItemListProxy::pairs(lua_State* L)
{
    check(L, 1);
    lua_pushcfunction(L, &LuaItemListProxy::next);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

int LuaItemListProxy::next(lua_State* L)
{
    const LuaItemListProxy& self = check(L, 1);
    const lua_Integer i = luaL_checkinteger(L, 2) + 1;
    if (i > self.m_items.size())
        return 0;
    lua_pushinteger(L, i);
    return LuaSandbox::guarded(L, [&] {
        LuaProxy::pushItem(L, self.m_items.at(qsizetype(i - 1)), true, self.m_label);
        return 2;
    });
}

int LuaItemListProxy::toString(lua_State* L)
{
    const LuaItemListProxy& self = check(L, 1);
    return LuaSandbox::guarded(L, [&] {
        const QByteArray json = engine::Json::serialize(engine::Value(self.toArray()));
        LuaSandbox::charge(L, json.size() >> 6);
        lua_pushlstring(L, json.constData(), std::size_t(json.size()));
        return 1;
    });
}

int LuaItemListProxy::collect(lua_State* L)
{
    if (LuaItemListProxy* p = test(L, 1))
        p->~LuaItemListProxy();
    return 0;
}

} // namespace taskloom::scripts
