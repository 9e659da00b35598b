#include "LuaProxy.hpp"

#include "LuaConvert.hpp"
#include "LuaItemListProxy.hpp"
#include "LuaSandbox.hpp"

#include "engine/Json.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <new>

namespace taskloom::scripts {

namespace {

constexpr const char* objectMeta = "object";
constexpr const char* arrayMeta = "array";
// Field lookup is a linear scan; charging it keeps `for i = 1, 1e6 do item["k" .. i] = i end` (quadratic
// host work in few instructions) inside the budget while wide items stay affordable.
constexpr int lookupCostShift = 5;

// A field name: strings as they are, integers in decimal (JSON keys are strings); nothing for other keys.
std::optional<QString> fieldName(lua_State* L, int index)
{
    if (lua_type(L, index) == LUA_TSTRING)
        return LuaConvert::toQString(L, index);
    if (lua_isinteger(L, index))
        return QString::number(lua_tointeger(L, index));
    return std::nullopt;
}

std::optional<lua_Integer> listIndex(lua_State* L, int index)
{
    if (lua_type(L, index) != LUA_TNUMBER)
        return std::nullopt;
    int exact = 0;
    const lua_Integer i = lua_tointegerx(L, index, &exact);
    return exact ? std::optional<lua_Integer>(i) : std::nullopt;
}

int staleError(lua_State* L)
{
    return luaL_error(L, "this object is gone: the field that held it was replaced or removed");
}

} // namespace

void LuaProxy::install(lua_State* L)
{
    static const luaL_Reg methods[] = {
        {"__index", &LuaProxy::index},   {"__newindex", &LuaProxy::newIndex}, {"__len", &LuaProxy::length},
        {"__pairs", &LuaProxy::pairs},   {"__tostring", &LuaProxy::toString}, {"__eq", &LuaProxy::equals},
        {"__gc", &LuaProxy::collect},    {nullptr, nullptr},
    };
    for (const char* name : {objectMeta, arrayMeta}) {
        luaL_newmetatable(L, name); // also sets __name, which error messages show ("got object")
        luaL_setfuncs(L, methods, 0);
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pushcfunction(L, &LuaProxy::type);
    lua_setglobal(L, "type");
}

LuaProxy* LuaProxy::push(lua_State* L, std::shared_ptr<Root> root, QList<Key> path, bool isArray)
{
    void* memory = lua_newuserdatauv(L, sizeof(LuaProxy), 0);
    auto* proxy = new (memory) LuaProxy(std::move(root), std::move(path));
    luaL_setmetatable(L, isArray ? arrayMeta : objectMeta);
    return proxy;
}

LuaProxy* LuaProxy::pushObject(lua_State* L, engine::Object object, bool readOnly, QByteArray label)
{
    auto root = std::make_shared<Root>(Root{engine::Value(std::move(object)), {}, readOnly, std::move(label), -1});
    return push(L, std::move(root), {}, false);
}

LuaProxy* LuaProxy::pushArray(lua_State* L, engine::Array array, bool readOnly, QByteArray label)
{
    auto root = std::make_shared<Root>(Root{engine::Value(std::move(array)), {}, readOnly, std::move(label), -1});
    return push(L, std::move(root), {}, true);
}

LuaProxy* LuaProxy::pushItem(lua_State* L, const engine::Item& item, bool readOnly, QByteArray label)
{
    auto root = std::make_shared<Root>(Root{engine::Value(item.json()), item.binaries(), readOnly, std::move(label), -1});
    return push(L, std::move(root), {}, false);
}

LuaProxy* LuaProxy::test(lua_State* L, int index)
{
    if (void* p = luaL_testudata(L, index, objectMeta))
        return static_cast<LuaProxy*>(p);
    return static_cast<LuaProxy*>(luaL_testudata(L, index, arrayMeta));
}

LuaProxy& LuaProxy::check(lua_State* L, int index)
{
    LuaProxy* p = test(L, index);
    if (!p)
        luaL_typeerror(L, index, "object");
    return *p;
}

void LuaProxy::setBinary(const QString& name, engine::BinaryRef binary)
{
    if (binary)
        m_root->binaries.insert(name, std::move(binary));
    else
        m_root->binaries.remove(name);
}

void LuaProxy::reset(const engine::Item& item)
{
    m_root->value = item.json();
    m_root->binaries = item.binaries();
}

void LuaProxy::reset(engine::Value value)
{
    m_root->value = std::move(value);
    m_root->binaries.clear();
}

const engine::Value* LuaProxy::resolve() const
{
    const engine::Value* v = &m_root->value;
    for (const Key& key : m_path) {
        if (const QString* name = std::get_if<QString>(&key)) {
            if (!v->isObject())
                return nullptr;
            v = v->objectRef().find(*name);
            if (!v)
                return nullptr;
        } else {
            const qsizetype i = std::get<qsizetype>(key);
            if (!v->isArray() || i >= v->arrayRef().size())
                return nullptr;
            v = &v->arrayRef().at(i);
        }
    }
    return v;
}

engine::Value LuaProxy::value() const
{
    const engine::Value* v = resolve();
    return v ? *v : engine::Value();
}

engine::Item LuaProxy::toItem() const
{
    const engine::Value* v = resolve();
    engine::Item item(v && v->isObject() ? v->objectRef() : engine::Object());
    if (isRoot()) {
        for (auto it = m_root->binaries.cbegin(); it != m_root->binaries.cend(); ++it)
            item.setBinary(it.key(), it.value());
    }
    return item;
}

void LuaProxy::pushChild(lua_State* L, Key key, const engine::Value& v) const
{
    if (LuaConvert::pushScalar(L, v))
        return;
    QList<Key> path;
    path.reserve(m_path.size() + 1);
    path.append(m_path);
    path.append(std::move(key));
    push(L, m_root, std::move(path), v.isArray());
}

// Walks the path taking each container out of its slot, so the container has a single owner and the change
// does not copy it (only data still shared with the input item is copied, once), then puts it back.
template <typename F>
LuaProxy::WriteResult LuaProxy::mutate(engine::Value& slot, qsizetype depth, F& change)
{
    if (depth == m_path.size())
        return change(slot);
    const Key& key = m_path[depth];
    if (const QString* name = std::get_if<QString>(&key)) {
        if (!slot.isObject() || !slot.objectRef().contains(*name))
            return WriteResult::Stale;
        engine::Object object = slot.toObject();
        slot = engine::Value();
        const WriteResult result = mutate(object[*name], depth + 1, change);
        slot = engine::Value(std::move(object));
        return result;
    }
    const qsizetype i = std::get<qsizetype>(key);
    if (!slot.isArray() || i >= slot.arrayRef().size())
        return WriteResult::Stale;
    engine::Array array = slot.toArray();
    slot = engine::Value();
    const WriteResult result = mutate(array[i], depth + 1, change);
    slot = engine::Value(std::move(array));
    return result;
}

LuaProxy::WriteResult LuaProxy::write(const Key& key, std::optional<engine::Value> v)
{
    auto change = [&](engine::Value& container) {
        if (const QString* name = std::get_if<QString>(&key)) {
            if (!container.isObject())
                return WriteResult::Stale;
            engine::Object object = container.toObject();
            container = engine::Value();
            if (v)
                object.insert(*name, std::move(*v));
            else
                object.remove(*name);
            container = engine::Value(std::move(object));
            return WriteResult::Ok;
        }
        if (!container.isArray())
            return WriteResult::Stale;
        const qsizetype i = std::get<qsizetype>(key);
        engine::Array array = container.toArray();
        container = engine::Value();
        const qsizetype n = array.size();
        WriteResult result = WriteResult::Ok;
        if (i >= 0 && i < n) {
            if (v)
                array[i] = std::move(*v);
            else if (i == n - 1)
                array.removeAt(i); // list[#list] = nil shortens the list, as table.remove expects
            else
                array[i] = engine::Value(); // JSON lists have no holes
        } else if (i == n) {
            if (v)
                array.append(std::move(*v));
        } else {
            result = WriteResult::OutOfRange;
        }
        container = engine::Value(std::move(array));
        return result;
    };
    return mutate(m_root->value, 0, change);
}

int LuaProxy::index(lua_State* L)
{
    const LuaProxy& self = check(L, 1);
    if (self.m_root->itemIndex >= 0)
        LuaSandbox::of(L).noteItem(self.m_root->itemIndex);
    return LuaSandbox::guarded(L, [&] {
        const engine::Value* target = self.resolve();
        if (!target || !(target->isObject() || target->isArray()))
            return staleError(L);
        if (target->isObject()) {
            const engine::Object& object = target->objectRef();
            std::optional<QString> name = fieldName(L, 2);
            LuaSandbox::charge(L, object.size() >> lookupCostShift);
            const engine::Value* v = name ? object.find(*name) : nullptr;
            if (!v)
                lua_pushnil(L);
            else
                self.pushChild(L, std::move(*name), *v);
            return 1;
        }
        const engine::Array& array = target->arrayRef();
        const std::optional<lua_Integer> i = listIndex(L, 2);
        if (!i || *i < 1 || *i > array.size())
            lua_pushnil(L);
        else
            self.pushChild(L, qsizetype(*i - 1), array.at(qsizetype(*i - 1)));
        return 1;
    });
}

int LuaProxy::newIndex(lua_State* L)
{
    LuaProxy& self = check(L, 1);
    if (self.m_root->itemIndex >= 0)
        LuaSandbox::of(L).noteItem(self.m_root->itemIndex);
    if (self.m_root->readOnly) {
        return luaL_error(L, "%s is read-only",
                          self.m_root->label.isEmpty() ? "this object" : self.m_root->label.constData());
    }
    return LuaSandbox::guarded(L, [&] {
        const engine::Value* target = self.resolve();
        if (!target || !(target->isObject() || target->isArray()))
            return staleError(L);
        Key key;
        if (target->isObject()) {
            std::optional<QString> name = fieldName(L, 2);
            if (!name)
                return luaL_error(L, "a field name must be a string, not a %s", luaL_typename(L, 2));
            LuaSandbox::charge(L, target->objectRef().size() >> lookupCostShift);
            key = std::move(*name);
        } else {
            const std::optional<lua_Integer> i = listIndex(L, 2);
            if (!i)
                return luaL_error(L, "a list index must be a whole number, not a %s", luaL_typename(L, 2));
            key = qsizetype(*i - 1);
        }
        std::optional<engine::Value> v;
        if (!lua_isnil(L, 3))
            v = LuaConvert::toValue(L, 3);
        switch (self.write(key, std::move(v))) {
        case WriteResult::Ok: return 0;
        case WriteResult::Stale: return staleError(L);
        case WriteResult::OutOfRange: break;
        }
        const engine::Value* list = self.resolve();
        return luaL_error(L, "index %I is out of range (the list has %I elements; append at #list + 1)",
                          lua_Integer(std::get<qsizetype>(key) + 1), lua_Integer(list ? list->arrayRef().size() : 0));
    });
}

int LuaProxy::length(lua_State* L)
{
    const engine::Value* target = check(L, 1).resolve();
    if (!target || !(target->isObject() || target->isArray()))
        return staleError(L);
    // Like a Lua table with named fields, an object has no length.
    lua_pushinteger(L, target->isArray() ? lua_Integer(target->arrayRef().size()) : 0);
    return 1;
}

int LuaProxy::pairs(lua_State* L)
{
    check(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, &LuaProxy::next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

// The iterator keeps its position in an upvalue: a field's position, unlike its name, finds the next field
// in constant time, and positions are the insertion order.
int LuaProxy::next(lua_State* L)
{
    const LuaProxy& self = check(L, 1);
    return LuaSandbox::guarded(L, [&] {
        const engine::Value* target = self.resolve();
        if (!target || !(target->isObject() || target->isArray()))
            return staleError(L);
        const lua_Integer position = lua_tointeger(L, lua_upvalueindex(1));
        if (target->isObject()) {
            const auto& entries = target->objectRef().entries();
            if (position >= lua_Integer(entries.size()))
                return 0;
            const auto& [name, v] = entries[size_t(position)];
            LuaConvert::pushString(L, name);
            self.pushChild(L, name, v);
        } else {
            const engine::Array& array = target->arrayRef();
            if (position >= array.size())
                return 0;
            lua_pushinteger(L, position + 1);
            self.pushChild(L, qsizetype(position), array.at(qsizetype(position)));
        }
        lua_pushinteger(L, position + 1);
        lua_replace(L, lua_upvalueindex(1));
        return 2;
    });
}

int LuaProxy::toString(lua_State* L)
{
    const LuaProxy& self = check(L, 1);
    return LuaSandbox::guarded(L, [&] {
        const QByteArray json = engine::Json::serialize(self.value());
        LuaSandbox::charge(L, json.size() >> lookupCostShift);
        lua_pushlstring(L, json.constData(), std::size_t(json.size()));
        return 1;
    });
}

int LuaProxy::equals(lua_State* L)
{
    const LuaProxy* a = test(L, 1);
    const LuaProxy* b = test(L, 2);
    lua_pushboolean(L, a && b && a->m_root == b->m_root && a->m_path == b->m_path);
    return 1;
}

int LuaProxy::collect(lua_State* L)
{
    if (LuaProxy* p = test(L, 1))
        p->~LuaProxy();
    return 0;
}

// Proxies stand in for tables, so generic code that checks type(v) == "table" before walking a value
// (serialisers, deep copies) works on items too.
int LuaProxy::type(lua_State* L)
{
    luaL_checkany(L, 1);
    if (test(L, 1) || LuaItemListProxy::test(L, 1))
        lua_pushliteral(L, "table");
    else
        lua_pushstring(L, luaL_typename(L, 1));
    return 1;
}

} // namespace taskloom::scripts
