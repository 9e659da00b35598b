#pragma once

#include "engine/Item.hpp"
#include "engine/Value.hpp"

struct lua_State;

namespace taskloom::scripts {

/// A read-only Lua view of a list of items (`items` and `node["Name"].items` in expressions): `#items`,
/// `items[2].total`, `ipairs(items)`. Elements are read-only item proxies made on access, so an expression
/// over one item never converts the whole batch.
class LuaItemListProxy {
public:
    static void install(lua_State* L);
    static LuaItemListProxy* push(lua_State* L, engine::ItemList items, QByteArray label = "items");
    static LuaItemListProxy* test(lua_State* L, int index);

    const engine::ItemList& items() const { return m_items; }
    /// The items' JSON objects as one array (binaries are left out).
    engine::Array toArray() const;
    /// Points the proxy at another list; copying an ItemList costs a reference count.
    void reset(engine::ItemList items) { m_items = std::move(items); }

private:
    LuaItemListProxy(engine::ItemList items, QByteArray label) : m_items(std::move(items)), m_label(std::move(label)) {}

    static LuaItemListProxy& check(lua_State* L, int index);
    static int index(lua_State* L);
    static int newIndex(lua_State* L);
    static int length(lua_State* L);
    static int pairs(lua_State* L);
    static int next(lua_State* L);
    static int toString(lua_State* L);
    static int collect(lua_State* L);

    engine::ItemList m_items;
    QByteArray m_label;
};

} // namespace taskloom::scripts
