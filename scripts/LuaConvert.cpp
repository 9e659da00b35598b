#include "LuaConvert.hpp"

#include "LuaItemListProxy.hpp"
#include "LuaProxy.hpp"

#include "engine/Json.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace taskloom::scripts {

namespace {

const char nullKey = 0;        // registry: the json.null userdata
const char arrayMarkerKey = 0; // registry: the metatable json.array() sets

// Thrown inside the conversion (plain C++, no Lua frames in between) and turned into one Lua error at the
// top, after the path to the offending value is known.
struct ConversionError {
    QString problem;
    QStringList path; // innermost first
};

QString pathText(const QStringList& innermostFirst)
{
    QString out;
    for (auto it = innermostFirst.crbegin(); it != innermostFirst.crend(); ++it) {
        if (!it->startsWith(u'[') && !out.isEmpty())
            out += u'.';
        out += *it;
    }
    return out;
}

struct TableEntry {
    bool numeric = false;
    lua_Integer index = 0; // numeric keys that are integers
    double number = 0;
    QString name;
    engine::Value value;
};

class Converter {
public:
    explicit Converter(lua_State* L) : m_L(L) {}

    engine::Value convert(int index)
    {
        lua_State* L = m_L;
        switch (lua_type(L, index)) {
        case LUA_TNIL: return {};
        case LUA_TBOOLEAN: return bool(lua_toboolean(L, index));
        case LUA_TNUMBER: {
            if (lua_isinteger(L, index))
                return qint64(lua_tointeger(L, index));
            const double d = lua_tonumber(L, index);
            return std::isfinite(d) ? engine::Value(d) : engine::Value();
        }
        case LUA_TSTRING: return LuaConvert::toQString(L, index);
        case LUA_TTABLE: return table(lua_absindex(L, index));
        case LUA_TUSERDATA: {
            if (const LuaProxy* proxy = LuaProxy::test(L, index))
                return proxy->value();
            if (const LuaItemListProxy* list = LuaItemListProxy::test(L, index))
                return list->toArray();
            lua_rawgetp(L, LUA_REGISTRYINDEX, &nullKey);
            const bool isNull = lua_rawequal(L, index, -1);
            lua_pop(L, 1);
            if (isNull)
                return {};
            break;
        }
        default: break;
        }
        throw ConversionError{QStringLiteral("a %1 value has no JSON form").arg(QString::fromUtf8(luaL_typename(L, index))), {}};
    }

private:
    engine::Value table(int index)
    {
        lua_State* L = m_L;
        if (m_open.size() >= engine::Json::maxDepth)
            throw ConversionError{QStringLiteral("tables nested more than %1 levels deep").arg(engine::Json::maxDepth), {}};
        const void* identity = lua_topointer(L, index);
        if (std::find(m_open.cbegin(), m_open.cend(), identity) != m_open.cend())
            throw ConversionError{QStringLiteral("a table that contains itself has no JSON form"), {}};
        luaL_checkstack(L, 4, "tables nested too deeply");
        m_open.append(identity);

        std::vector<TableEntry> entries;
        bool sequence = true;
        lua_Integer maxIndex = 0;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            TableEntry e = key(-2);
            if (!e.numeric || e.index < 1)
                sequence = false;
            maxIndex = std::max(maxIndex, e.index);
            try {
                e.value = convert(-1);
            } catch (ConversionError& error) {
                error.path.append(e.numeric && e.index > 0 ? QStringLiteral("[%1]").arg(e.index) : e.name);
                throw;
            }
            entries.push_back(std::move(e));
            lua_pop(L, 1);
        }
        m_open.removeLast();

        if (entries.empty())
            return LuaConvert::isArrayMarked(L, index) ? engine::Value(engine::Array()) : engine::Value(engine::Object());
        if (sequence && maxIndex == lua_Integer(entries.size())) {
            std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
            engine::Array array;
            array.reserve(qsizetype(entries.size()));
            for (TableEntry& e : entries)
                array.append(std::move(e.value));
            return array;
        }
        std::sort(entries.begin(), entries.end(), [](const TableEntry& a, const TableEntry& b) {
            if (a.numeric != b.numeric)
                return a.numeric;
            return a.numeric ? a.number < b.number : a.name < b.name;
        });
        engine::Object object;
        object.reserve(qsizetype(entries.size()));
        for (TableEntry& e : entries)
            object.insert(e.name, std::move(e.value));
        return object;
    }

    // Never calls lua_tolstring on a numeric key: that would change the key in place and break lua_next.
    TableEntry key(int index)
    {
        lua_State* L = m_L;
        TableEntry e;
        switch (lua_type(L, index)) {
        case LUA_TSTRING: e.name = LuaConvert::toQString(L, index); break;
        case LUA_TNUMBER:
            e.numeric = true;
            if (lua_isinteger(L, index)) {
                e.index = lua_tointeger(L, index);
                e.number = double(e.index);
                e.name = QString::number(e.index);
            } else {
                e.number = lua_tonumber(L, index);
                e.name = engine::Json::formatDouble(e.number);
            }
            break;
        default:
            throw ConversionError{QStringLiteral("a %1 cannot be a JSON field name").arg(QString::fromUtf8(luaL_typename(L, index))), {}};
        }
        return e;
    }

    lua_State* m_L;
    QVarLengthArray<const void*, 16> m_open; // tables being converted: the path from the root
};

engine::Item tableItem(lua_State* L, int index, const char* what, lua_Integer position)
{
    const QString where = position > 0 ? QStringLiteral("%1, item %2").arg(QString::fromUtf8(what)).arg(position)
                                       : QString::fromUtf8(what);
    if (const LuaProxy* proxy = LuaProxy::test(L, index)) {
        engine::Item item = proxy->toItem();
        if (!proxy->value().isObject())
            luaL_error(L, "%s: expected an item (a table with fields), got a list", where.toUtf8().constData());
        return item;
    }
    if (lua_type(L, index) != LUA_TTABLE)
        luaL_error(L, "%s: expected an item (a table with fields), got a %s", where.toUtf8().constData(),
                   luaL_typename(L, index));
    engine::Value v = LuaConvert::toValue(L, index);
    if (!v.isObject())
        luaL_error(L, "%s: expected an item (a table with fields), got a list", where.toUtf8().constData());
    return engine::Item(v.toObject());
}

int nullToString(lua_State* L)
{
    lua_pushliteral(L, "null");
    return 1;
}

} // namespace

void LuaConvert::install(lua_State* L)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, &nullToString);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "null");
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &nullKey);

    lua_createtable(L, 0, 1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &arrayMarkerKey);
}

void LuaConvert::pushNull(lua_State* L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &nullKey);
}

void LuaConvert::markArray(lua_State* L, int index)
{
    index = lua_absindex(L, index);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &arrayMarkerKey);
    lua_setmetatable(L, index);
}

bool LuaConvert::isArrayMarked(lua_State* L, int index)
{
    if (!lua_getmetatable(L, index))
        return false;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &arrayMarkerKey);
    const bool marked = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return marked;
}

void LuaConvert::pushString(lua_State* L, const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    lua_pushlstring(L, utf8.constData(), std::size_t(utf8.size()));
}

QString LuaConvert::toQString(lua_State* L, int index)
{
    const int type = lua_type(L, index);
    if (type != LUA_TSTRING && type != LUA_TNUMBER)
        return {};
    std::size_t len = 0;
    lua_pushvalue(L, index); // lua_tolstring turns a number into a string in place
    const char* s = lua_tolstring(L, -1, &len);
    QString out = QString::fromUtf8(s, qsizetype(len));
    lua_pop(L, 1);
    return out;
}

bool LuaConvert::pushScalar(lua_State* L, const engine::Value& v)
{
    switch (v.type()) {
    case engine::Value::Type::Null: lua_pushnil(L); return true;
    case engine::Value::Type::Bool: lua_pushboolean(L, v.toBool()); return true;
    case engine::Value::Type::Int: lua_pushinteger(L, lua_Integer(v.toInt())); return true;
    case engine::Value::Type::Double: lua_pushnumber(L, v.toDouble()); return true;
    case engine::Value::Type::String: pushString(L, v.stringRef()); return true;
    default: return false;
    }
}

void LuaConvert::push(lua_State* L, const engine::Value& v, bool readOnly, const QByteArray& label)
{
    if (pushScalar(L, v))
        return;
    if (v.isArray())
        LuaProxy::pushArray(L, v.arrayRef(), readOnly, label);
    else
        LuaProxy::pushObject(L, v.objectRef(), readOnly, label);
}

engine::Value LuaConvert::toValue(lua_State* L, int index)
{
    QString message;
    try {
        return Converter(L).convert(lua_absindex(L, index));
    } catch (const ConversionError& e) {
        message = e.path.isEmpty() ? QStringLiteral("cannot convert to JSON: %1").arg(e.problem)
                                   : QStringLiteral("cannot convert %1 to JSON: %2").arg(pathText(e.path), e.problem);
    }
    // Raised outside the catch block so the C++ exception is finished before Lua's own error unwinds.
    luaL_error(L, "%s", message.toUtf8().constData());
    return {};
}

void LuaConvert::appendItems(lua_State* L, int index, engine::ItemList& out, const char* what)
{
    index = lua_absindex(L, index);
    switch (lua_type(L, index)) {
    case LUA_TNIL: return;
    case LUA_TUSERDATA: {
        if (const LuaItemListProxy* list = LuaItemListProxy::test(L, index)) {
            out.append(list->items());
            return;
        }
        const LuaProxy* proxy = LuaProxy::test(L, index);
        if (!proxy)
            break;
        const engine::Value v = proxy->value();
        if (v.isObject()) {
            out.append(proxy->toItem());
            return;
        }
        lua_Integer position = 0;
        for (const engine::Value& element : v.arrayRef()) {
            ++position;
            if (!element.isObject())
                luaL_error(L, "%s, item %d: expected an item (a table with fields), got a%s %s", what, int(position),
                           element.isArray() || element.isInt() || element.isObject() ? "n" : "",
                           element.typeName().toUtf8().constData());
            out.append(engine::Item(element.objectRef()));
        }
        return;
    }
    case LUA_TTABLE: {
        const bool isList = lua_rawgeti(L, index, 1) != LUA_TNIL;
        lua_pop(L, 1);
        if (isList) {
            const lua_Integer n = lua_Integer(lua_rawlen(L, index));
            out.reserve(out.size() + qsizetype(n));
            for (lua_Integer i = 1; i <= n; ++i) {
                lua_rawgeti(L, index, i);
                out.append(tableItem(L, -1, what, i));
                lua_pop(L, 1);
            }
            return;
        }
        lua_pushnil(L);
        if (!lua_next(L, index))
            return; // {}: no items
        lua_pop(L, 2);
        out.append(tableItem(L, index, what, 0));
        return;
    }
    default: break;
    }
    luaL_error(L, "%s: expected an item (a table), a list of items or nil, got a %s", what, luaL_typename(L, index));
}

} // namespace taskloom::scripts
