// The ctx.* functions of LuaCodeInstance: what a script may ask of the node call it runs in.

#include "LuaCodeInstance.hpp"

#include "LuaConvert.hpp"
#include "LuaProxy.hpp"

#include "engine/ExecutionContext.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <algorithm>

namespace taskloom::scripts {

using namespace engine;

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

// ctx.credential(param): the fields of the credential chosen in the node's credential parameter `param`. A script
// reaches only credentials the flow's author picked for this node, never the vault by name.
int LuaCodeInstance::credential(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const int first = firstArgument(L);
    const QString param = QString::fromUtf8(luaL_checkstring(L, first));
    const ParamSpec* spec = instance.m_type.spec().param(param);
    if (!spec || spec->type != ParamType::Credential) {
        QStringList names;
        for (const ParamSpec& p : instance.m_type.spec().params) {
            if (p.type == ParamType::Credential)
                names.append(p.name);
        }
        return luaL_error(L, "ctx.credential: \"%s\" is not a credential parameter of this node (%s)",
                          param.toUtf8().constData(),
                          names.isEmpty() ? "it has none" : names.join(QStringLiteral(", ")).toUtf8().constData());
    }
    return LuaSandbox::guarded(L, [&] {
        if (!instance.m_context)
            return luaL_error(L, "ctx.credential: no node call is running");
        const QString name = instance.m_context->paramValue(param, nullptr, -1).toText();
        if (name.trimmed().isEmpty())
            return luaL_error(L, "ctx.credential: no credential chosen in parameter \"%s\"", param.toUtf8().constData());
        const Credential c = instance.m_context->credential(name);
        Object fields = c.fields;
        fields.insert(QStringLiteral("$name"), c.name);
        fields.insert(QStringLiteral("$type"), c.type);
        LuaProxy::pushObject(L, std::move(fields), true, "a credential");
        return 1;
    });
}

namespace {

LuaProxy& checkItem(lua_State* L, int index, const char* function)
{
    LuaProxy* p = LuaProxy::test(L, index);
    if (!p || !p->isRoot())
        luaL_error(L, "%s: argument #%d must be an item (one of the items execute received)", function, index);
    return *p;
}

} // namespace

// ctx.param(name, item): a parameter evaluated for one item, so {{ item.price * 2 }} works per item
// (ctx.params holds every parameter evaluated once, without an item).
int LuaCodeInstance::param(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const int first = firstArgument(L);
    const QString name = QString::fromUtf8(luaL_checkstring(L, first));
    if (!instance.m_type.spec().param(name))
        return luaL_error(L, "ctx.param: the node has no parameter \"%s\"", name.toUtf8().constData());
    const LuaProxy& item = checkItem(L, first + 1, "ctx.param");
    const Item current = item.toItem();
    return LuaSandbox::guarded(L, [&] {
        if (!instance.m_context)
            return luaL_error(L, "ctx.param: no node call is running");
        LuaConvert::push(L, instance.m_context->paramValue(name, &current, item.itemIndex()), true, "a parameter");
        return 1;
    });
}

// ctx.binary(item, name): the attachment's bytes as a string, or nil when the item has none by that name.
int LuaCodeInstance::binary(lua_State* L)
{
    const int first = firstArgument(L);
    const LuaProxy& item = checkItem(L, first, "ctx.binary");
    const QString name = QString::fromUtf8(luaL_checkstring(L, first + 1));
    const BinaryRef b = item.binaries().value(name);
    if (!b) {
        lua_pushnil(L);
        return 1;
    }
    LuaSandbox& sandbox = LuaSandbox::of(L);
    if (std::size_t(b->size()) + sandbox.memoryUsed() > sandbox.memoryLimit())
        return luaL_error(L, "ctx.binary: \"%s\" (%I bytes) does not fit in the script's memory limit of %s",
                          name.toUtf8().constData(), lua_Integer(b->size()), sandbox.memoryLimitText().toUtf8().constData());
    return LuaSandbox::guarded(L, [&] {
        auto bytes = b->bytes();
        if (!bytes)
            return luaL_error(L, "ctx.binary: \"%s\": %s", name.toUtf8().constData(), bytes.error().toUtf8().constData());
        LuaSandbox::charge(L, bytes->size() >> 6);
        lua_pushlstring(L, bytes->constData(), std::size_t(bytes->size()));
        return 1;
    });
}

// ctx.binaryInfo(item [, name]): {mimeType, fileName, size} of one attachment, or a table of all by name.
int LuaCodeInstance::binaryInfo(lua_State* L)
{
    const int first = firstArgument(L);
    const LuaProxy& item = checkItem(L, first, "ctx.binaryInfo");
    if (lua_isnoneornil(L, first + 1)) {
        Object all;
        for (auto it = item.binaries().cbegin(); it != item.binaries().cend(); ++it)
            all.insert(it.key(), it.value()->metadata());
        LuaProxy::pushObject(L, std::move(all), true, "binary info");
        return 1;
    }
    const BinaryRef b = item.binaries().value(QString::fromUtf8(luaL_checkstring(L, first + 1)));
    if (!b)
        lua_pushnil(L);
    else
        LuaProxy::pushObject(L, b->metadata(), true, "binary info");
    return 1;
}

// ctx.setBinary(item, name, bytes [, mimeType [, fileName]]) attaches bytes (nil removes the attachment).
int LuaCodeInstance::setBinary(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const int first = firstArgument(L);
    LuaProxy& item = checkItem(L, first, "ctx.setBinary");
    const QString name = QString::fromUtf8(luaL_checkstring(L, first + 1));
    if (name.isEmpty())
        return luaL_error(L, "ctx.setBinary: the name must not be empty");
    if (lua_isnoneornil(L, first + 2)) {
        item.setBinary(name, nullptr);
        return 0;
    }
    std::size_t len = 0;
    const char* data = luaL_checklstring(L, first + 2, &len);
    const QString fileName = lua_isnoneornil(L, first + 4) ? name : QString::fromUtf8(luaL_checkstring(L, first + 4));
    const QString mime = lua_isnoneornil(L, first + 3) ? Binary::mimeTypeForFileName(fileName)
                                                       : QString::fromUtf8(luaL_checkstring(L, first + 3));
    return LuaSandbox::guarded(L, [&] {
        if (!instance.m_context)
            return luaL_error(L, "ctx.setBinary: no node call is running");
        LuaSandbox::charge(L, qint64(len) >> 6);
        item.setBinary(name, instance.m_context->makeBinary(QByteArray(data, qsizetype(len)), mime, fileName));
        return 0;
    });
}

} // namespace taskloom::scripts
