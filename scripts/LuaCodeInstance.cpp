#include "LuaCodeInstance.hpp"

#include "LuaCapabilityLibs.hpp"
#include "LuaConvert.hpp"
#include "LuaProxy.hpp"

#include "engine/ExecutionContext.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <stdexcept>

namespace taskloom::scripts {

using namespace engine;

namespace {

constexpr qsizetype maxTracebackLength = 4000;

} // namespace

// The ctx table: its functions and its data fields (in the order pushContext sets them). contextNames() lists
// both for the studio's completion, so what the editor offers is what a script gets.
const luaL_Reg LuaCodeInstance::contextFunctions[] = {
    {"log", &LuaCodeInstance::log},
    {"warn", &LuaCodeInstance::warn},
    {"progress", &LuaCodeInstance::progress},
    {"credential", &LuaCodeInstance::credential},
    {"binary", &LuaCodeInstance::binary},
    {"setBinary", &LuaCodeInstance::setBinary},
    {"binaryInfo", &LuaCodeInstance::binaryInfo},
    {"param", &LuaCodeInstance::param},
    {nullptr, nullptr}};
const char* const LuaCodeInstance::contextFields[5] = {"vars", "node", "type", "params", "env"};

namespace {

// Keeps m_context pointing at the running call's context for ctx.log & co., and clears it on any exit.
class ContextScope {
public:
    ContextScope(ExecutionContext*& slot, ExecutionContext& ctx) : m_slot(slot) { m_slot = &ctx; }
    ~ContextScope() { m_slot = nullptr; }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    ExecutionContext*& m_slot;
};

} // namespace

LuaCodeInstance::LuaCodeInstance(const NodeType& type, const LuaScriptedType& scripted)
    : m_type(type), m_scripted(scripted)
{}

LuaCodeInstance::~LuaCodeInstance() = default;

NodeError LuaCodeInstance::nodeError(const LuaError& error, bool inResult)
{
    if (inResult && error.kind == LuaError::Kind::Runtime)
        return NodeError(QStringLiteral("LUA_RESULT"), error.message);
    switch (error.kind) {
    case LuaError::Kind::Syntax: return NodeError(QStringLiteral("LUA_SYNTAX"), error.message);
    case LuaError::Kind::Budget: return NodeError(QStringLiteral("LUA_BUDGET"), error.message);
    case LuaError::Kind::Memory: return NodeError(QStringLiteral("LUA_MEMORY"), error.message);
    default: return NodeError(QStringLiteral("LUA_ERROR"), error.message);
    }
}

LuaError LuaCodeInstance::describe(LuaError error, qsizetype itemIndex)
{
    if (error.isCancellation())
        throw Cancelled();
    if (itemIndex >= 0)
        error.message += QStringLiteral(" (item %1)").arg(itemIndex + 1);
    if (!m_traceback.isEmpty() && m_context)
        m_context->log(LogLevel::Info, m_traceback);
    m_traceback.clear();
    return error;
}

void LuaCodeInstance::fail(const LuaError& error, bool inResult)
{
    if (error.isCancellation())
        throw Cancelled();
    throw nodeError(error, inResult);
}

// The message handler of script calls: keeps the one-line message as the error and the traceback for the log.
int LuaCodeInstance::recordTraceback(lua_State* L)
{
    LuaCodeInstance& instance = self(L);
    const QString message = LuaSandbox::errorText(L, 1);
    luaL_traceback(L, L, nullptr, 1);
    QString trace = LuaConvert::toQString(L, -1);
    lua_pop(L, 1);
    trace.replace(QLatin1String("\n\t[sandbox]"), QLatin1String("\n\t[host]"));
    if (trace.size() > maxTracebackLength)
        trace = trace.left(maxTracebackLength - 3) + QStringLiteral("...");
    instance.m_traceback = message + u'\n' + trace;
    lua_settop(L, 1);
    return 1;
}

void LuaCodeInstance::callScript(lua_State* L, int nargs)
{
    const int base = lua_gettop(L) - nargs;
    lua_pushlightuserdata(L, this);
    lua_pushcclosure(L, &LuaCodeInstance::recordTraceback, 1);
    lua_insert(L, base);
    m_traceback.clear();
    if (lua_pcall(L, nargs, 1, base) != LUA_OK)
        lua_error(L); // the sandbox sorts out budget, memory and cancellation errors from here
    lua_remove(L, base);
}

void LuaCodeInstance::pushContext(lua_State* L, ExecutionContext& ctx, const Object& params, const Object& env)
{
    lua_createtable(L, 0, 12);
    lua_pushlightuserdata(L, this);
    luaL_setfuncs(L, contextFunctions, 1);
    LuaProxy::pushObject(L, ctx.variables(), true, "ctx.vars");
    lua_setfield(L, -2, contextFields[0]);
    LuaConvert::pushString(L, ctx.node().name);
    lua_setfield(L, -2, contextFields[1]);
    LuaConvert::pushString(L, m_type.spec().type);
    lua_setfield(L, -2, contextFields[2]);
    LuaProxy::pushObject(L, params, true, "ctx.params");
    lua_setfield(L, -2, contextFields[3]);
    LuaProxy::pushObject(L, env, true, "ctx.env");
    lua_setfield(L, -2, contextFields[4]);
}

QStringList LuaCodeInstance::contextNames()
{
    QStringList names;
    for (const luaL_Reg* f = contextFunctions; f->name; ++f)
        names.append(QString::fromLatin1(f->name));
    for (const char* field : contextFields)
        names.append(QString::fromLatin1(field));
    return names;
}

void LuaCodeInstance::prepare(ExecutionContext& ctx)
{
    m_script = m_scripted.script(ctx);

    // Parameters and environment are resolved before entering Lua: their errors keep their own codes.
    Object params;
    for (const ParamSpec& p : m_type.spec().params) {
        try {
            params.insert(p.name, ctx.paramValue(p.name, nullptr, -1));
        } catch (const NodeError&) {
            // An expression that needs an item ({{ item.price }}) has no value per call: the script reads it
            // with ctx.param(name, item). Any other parameter error stops the node here, with its own code.
            if (!ctx.isDynamic(p.name))
                throw;
        }
    }
    const Object env = ctx.environment();

    try {
        m_sandbox = std::make_unique<LuaSandbox>(m_script.limits.memoryLimit);
    } catch (const std::runtime_error& e) {
        throw NodeError(QStringLiteral("LUA_MEMORY"), QString::fromUtf8(e.what()));
    }
    m_sandbox->setTimeLimit(m_script.limits.timeLimit);
    m_sandbox->setPrintHandler([this](const QString& line) {
        if (m_context)
            m_context->log(LogLevel::Info, line);
    });
    m_sandbox->setContext(&ctx);

    const auto chunk = m_sandbox->compile(m_script.source, m_script.chunkName);
    if (!chunk)
        fail(chunk.error());
    const char* signature = m_script.each ? "execute(ctx, item, index)" : "execute(ctx, items)";
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            installCapabilityLibraries(L, m_script);
            lua_rawgeti(L, LUA_REGISTRYINDEX, *chunk);
            if (m_script.fromTable) {
                callScript(L, 0);
                if (!lua_istable(L, -1))
                    luaL_error(L, "%s must return the node's table", m_script.chunkName.toUtf8().constData());
                lua_getfield(L, -1, "execute");
                lua_getfield(L, -2, "finish");
            } else {
                callScript(L, 0);
                lua_getglobal(L, "execute");
                lua_getglobal(L, "finish");
            }
            if (lua_type(L, -2) != LUA_TFUNCTION)
                luaL_error(L, "the script must define function %s", signature);
            if (lua_type(L, -1) == LUA_TFUNCTION)
                m_finishRef = luaL_ref(L, LUA_REGISTRYINDEX);
            else
                lua_pop(L, 1);
            m_executeRef = luaL_ref(L, LUA_REGISTRYINDEX);
            pushContext(L, ctx, params, env);
            m_ctxRef = luaL_ref(L, LUA_REGISTRYINDEX);
        },
        m_script.limits.instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(describe(ran.error(), -1));
}

// A failed preparation leaves nothing behind, so a retry of the call prepares afresh.
void LuaCodeInstance::prepareOrReset(ExecutionContext& ctx)
{
    try {
        prepare(ctx);
    } catch (...) {
        m_sandbox.reset();
        m_executeRef = m_finishRef = m_ctxRef = -1;
        throw;
    }
}

Exec LuaCodeInstance::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out)
{
    ContextScope scope(m_context, ctx);
    ctx.checkCancelled();
    if (!m_sandbox)
        prepareOrReset(ctx);
    m_sandbox->setContext(&ctx);
    ItemList items = in.take(0);
    if (m_script.each)
        runEach(ctx, items, out);
    else
        runAll(ctx, std::move(items), out);
    return Exec::Done;
}

// The value on top is one list of items, or with several outputs a table {port = items}.
void LuaCodeInstance::collectOutputs(lua_State* L, QList<ItemList>& produced, const char* what) const
{
    if (m_script.outputs.size() <= 1) {
        LuaConvert::appendItems(L, -1, produced[0], what);
        return;
    }
    if (!lua_istable(L, -1) || LuaProxy::test(L, -1)) {
        luaL_error(L, "%s must be a table of outputs {%s = items, ...}, not a %s", what,
                   m_script.outputs.join(QStringLiteral(" = items, ")).toUtf8().constData(), luaL_typename(L, -1));
    }
    const int table = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, table)) {
        const qsizetype port = lua_type(L, -2) == LUA_TSTRING ? m_script.outputs.indexOf(LuaConvert::toQString(L, -2)) : -1;
        if (port < 0) {
            lua_pushvalue(L, -2);
            const QString key = QString::fromUtf8(luaL_tolstring(L, -1, nullptr));
            luaL_error(L, "%s names output \"%s\", which the node does not declare (%s)", what,
                       key.toUtf8().constData(), m_script.outputs.join(QStringLiteral(", ")).toUtf8().constData());
        }
        const QByteArray label = QByteArray(what) + '.' + m_script.outputs[port].toUtf8();
        LuaConvert::appendItems(L, -1, produced[port], label.constData());
        lua_pop(L, 1);
    }
}

// Takes the items: once they sit in the proxies only, the script's writes change them without copying.
void LuaCodeInstance::runAll(ExecutionContext& ctx, ItemList items, Outputs& out)
{
    QList<ItemList> produced(qMax<qsizetype>(1, m_script.outputs.size()));
    bool inResult = false;
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_executeRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
            lua_createtable(L, int(items.size()), 0);
            for (qsizetype i = 0; i < items.size(); ++i) {
                LuaProxy::pushItem(L, items[i])->setItemIndex(i);
                lua_rawseti(L, -2, lua_Integer(i) + 1);
            }
            items = ItemList();
            callScript(L, 2);
            inResult = true;
            if (lua_isnil(L, -1))
                luaL_error(L, "execute(ctx, items) returned nothing: return the items to pass on ({} for none)");
            collectOutputs(L, produced, "the result of execute");
        },
        m_script.limits.instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(describe(ran.error(), inResult ? -1 : m_sandbox->lastItem()), inResult);
    for (qsizetype port = 0; port < produced.size(); ++port)
        out.push(int(port), produced[port]);
}

void LuaCodeInstance::runEach(ExecutionContext& ctx, const ItemList& items, Outputs& out)
{
    QList<ItemList> produced(1);
    QList<ItemList> fromItem(1); // one call's result: kept apart so a result that fails half-converted leaves nothing
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        bool inResult = false;
        fromItem[0].clear();
        const auto ran = m_sandbox->run(
            [&](lua_State* L) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, m_executeRef);
                lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
                LuaProxy::pushItem(L, item)->setItemIndex(i);
                lua_pushinteger(L, lua_Integer(i) + 1);
                callScript(L, 3);
                inResult = true;
                collectOutputs(L, fromItem, "the result of execute");
            },
            m_script.limits.instructionBudget, &ctx.cancellation());
        if (ran) {
            produced[0].append(fromItem[0]);
        } else {
            // A result that does not convert names its own position ("the result of execute, item 2").
            const LuaError error = describe(ran.error(), inResult ? -1 : i);
            // Items that succeeded so far go first, so the output keeps the input's order.
            out.push(0, produced[0]);
            produced[0].clear();
            ctx.failItem(item, nodeError(error, inResult), out);
        }
    }
    out.push(0, produced[0]);
}

void LuaCodeInstance::finish(ExecutionContext& ctx, Outputs& out)
{
    ContextScope scope(m_context, ctx);
    if (!m_sandbox)
        prepareOrReset(ctx); // no batch arrived, but finish() may still report (a count of zero)
    m_sandbox->setContext(&ctx);
    if (m_finishRef < 0)
        return;
    QList<ItemList> produced(qMax<qsizetype>(1, m_script.outputs.size()));
    bool inResult = false;
    const auto ran = m_sandbox->run(
        [&](lua_State* L) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_finishRef);
            lua_rawgeti(L, LUA_REGISTRYINDEX, m_ctxRef);
            callScript(L, 1);
            inResult = true;
            collectOutputs(L, produced, "the result of finish");
        },
        m_script.limits.instructionBudget, &ctx.cancellation());
    if (!ran)
        fail(describe(ran.error(), -1), inResult);
    for (qsizetype port = 0; port < produced.size(); ++port)
        out.push(int(port), produced[port]);
}

} // namespace taskloom::scripts
