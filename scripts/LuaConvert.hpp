#pragma once

#include "engine/Item.hpp"
#include "engine/Value.hpp"

#include <QByteArray>
#include <QString>

struct lua_State;

namespace taskloom::scripts {

/// Conversions between engine values and Lua values.
///
/// Engine to Lua: null is nil, integers stay integers, objects and arrays become lazy proxies (LuaProxy).
/// Lua to engine: integers stay integers (lua_isinteger), floats stay doubles, NaN and infinities become
/// null; a sequence table (keys 1..n) becomes an array; any other table an object with its keys sorted
/// (numbers first, then strings: Lua's own order is not deterministic); an empty table an empty object unless
/// json.array() marked it; a proxy its (modified) value; json.null null. Functions, coroutines, cycles and
/// nesting deeper than Json::maxDepth are errors naming the path ("at order.lines[2].total").
class LuaConvert {
public:
    /// Registers json.null and the array marker (once per state).
    static void install(lua_State* L);

    static void push(lua_State* L, const engine::Value& v, bool readOnly = false, const QByteArray& label = {});
    /// Pushes a scalar and returns true; pushes nothing and returns false for an object or an array.
    static bool pushScalar(lua_State* L, const engine::Value& v);
    static void pushString(lua_State* L, const QString& s);
    /// The string (or number) at `index` as text; an empty string for other types.
    static QString toQString(lua_State* L, int index);

    /// The Lua value at `index` as a Value. Raises a Lua error when it has no JSON form.
    static engine::Value toValue(lua_State* L, int index);

    /// Appends the items a script returned: nil is none, an object (proxy or table with fields) is one item,
    /// a list (sequence table, array proxy, item list) is one item per element. Input item proxies keep their
    /// binaries. Raises a Lua error starting with `what` ("execute's result") for anything else.
    static void appendItems(lua_State* L, int index, engine::ItemList& out, const char* what);

    /// json.null: stands for JSON null where nil cannot (inside a list: {1, json.null, 3}).
    static void pushNull(lua_State* L);
    /// Marks the table at `index` as a JSON array, so it converts to [] even when empty (json.array()).
    static void markArray(lua_State* L, int index);
    static bool isArrayMarked(lua_State* L, int index);
};

} // namespace taskloom::scripts
