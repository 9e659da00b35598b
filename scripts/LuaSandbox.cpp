#include "LuaSandbox.hpp"

#include "LuaHelpers.hpp"
#include "LuaItemListProxy.hpp"
#include "LuaProxy.hpp"
#include "LuaSafeLibs.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/NodeError.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace taskloom::scripts {

namespace {

// Instructions between hook calls: the granularity of the budget. The hook costs a few nanoseconds, so a
// fine grain is cheap and keeps a loop of expensive C calls (string.rep of 50 MB) from running long.
constexpr int hookInterval = 100;
// Hook calls between cancellation polls (a poll reads the clock when the token has a deadline).
constexpr int pollEvery = 10;
// Allocated bytes per budget unit: allocation is host work the instruction count does not see.
constexpr int allocationCostShift = 6;
constexpr qsizetype maxErrorLength = 1000;

// Only reachable if a Lua error escapes every protected call, which run() is there to prevent. Throwing
// (instead of returning, which makes Lua abort the process) keeps a bug in the host from killing the run.
int panic(lua_State* L)
{
    const char* message = lua_tostring(L, -1);
    throw std::runtime_error(std::string("unprotected Lua error: ") + (message ? message : "?"));
}

// "code:5: " for the innermost script frame from `level` up: C functions and the sandbox's own wrappers
// (pcall, coroutine.yield) are skipped, so a budget error names the user's line.
QString scriptLocation(lua_State* L, int level)
{
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 || std::strcmp(ar.short_src, "[sandbox]") == 0)
            continue;
        return QStringLiteral("%1:%2: ").arg(QString::fromUtf8(ar.short_src)).arg(ar.currentline);
    }
    return {};
}

} // namespace

LuaSandbox::LuaSandbox(std::size_t memoryLimit) : m_memoryLimit(memoryLimit)
{
    m_state = lua_newstate(&LuaSandbox::allocate, this);
    if (!m_state)
        throw std::runtime_error("cannot create a Lua state within the memory limit");
    // The extra space is copied into every coroutine, so hooks and C functions find the sandbox from any thread.
    *static_cast<LuaSandbox**>(lua_getextraspace(m_state)) = this;
    lua_atpanic(m_state, &panic);
    // Coroutines inherit the hook of the thread that creates them, so one hook covers them all.
    lua_sethook(m_state, &LuaSandbox::hook, LUA_MASKCOUNT, hookInterval);
    const auto setUp = run(
        [](lua_State* L) {
            installSafeLibraries(L);
            LuaProxy::install(L);
            LuaItemListProxy::install(L);
            installHelpers(L);
        },
        unlimited);
    if (!setUp) {
        lua_close(m_state);
        throw std::runtime_error("cannot set up the Lua sandbox: " + setUp.error().message.toStdString());
    }
    lua_gc(m_state, LUA_GCCOLLECT);
}

LuaSandbox::~LuaSandbox()
{
    lua_close(m_state);
}

LuaSandbox& LuaSandbox::of(lua_State* L)
{
    return **static_cast<LuaSandbox**>(lua_getextraspace(L));
}

void LuaSandbox::print(const QString& line) const
{
    if (m_print)
        m_print(line);
}

QString LuaSandbox::memoryLimitText() const
{
    constexpr std::size_t mib = std::size_t(1) << 20;
    if (m_memoryLimit >= mib && m_memoryLimit % mib == 0)
        return QStringLiteral("%1 MiB").arg(m_memoryLimit / mib);
    if (m_memoryLimit >= 1024 && m_memoryLimit % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(m_memoryLimit / 1024);
    return QStringLiteral("%1 bytes").arg(m_memoryLimit);
}

void* LuaSandbox::allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize)
{
    auto* self = static_cast<LuaSandbox*>(ud);
    // Without a block, osize tells the kind of object, not a size.
    const std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        std::free(ptr);
        self->m_memoryUsed -= old;
        return nullptr;
    }
    if (nsize > old) {
        const std::size_t growth = nsize - old;
        if (self->m_memoryUsed + growth > self->m_memoryLimit) {
            self->m_memoryRefused = true;
            return nullptr; // Lua collects garbage and retries once, then raises a memory error
        }
        self->m_used += qint64(growth >> allocationCostShift);
    }
    void* block = std::realloc(ptr, nsize);
    if (!block)
        return nullptr;
    self->m_memoryUsed = self->m_memoryUsed - old + nsize;
    return block;
}

void LuaSandbox::hook(lua_State* L, lua_Debug*)
{
    LuaSandbox& self = of(L);
    self.m_used += hookInterval;
    if (self.m_fatal) {
        // Someone caught the fatal error without going through the pcall wrappers (a __close handler, an
        // xpcall message handler): raise it again until the script has unwound.
        lua_pushstring(L, self.m_fatal->message.toUtf8().constData());
        lua_error(L);
    }
    if (self.m_used > self.m_budget) {
        self.raiseFatal(L, {LuaError::Kind::Budget, QStringLiteral("%1instruction budget of %2 exceeded (endless loop?)")
                                                        .arg(scriptLocation(L, 0))
                                                        .arg(self.m_budget)});
    }
    if (++self.m_polls >= pollEvery) {
        self.m_polls = 0;
        if (self.m_deadline != std::chrono::steady_clock::time_point::max()
            && std::chrono::steady_clock::now() >= self.m_deadline) {
            self.raiseFatal(L, {LuaError::Kind::Budget, QStringLiteral("%1time limit of %2 s per call exceeded (endless loop?)")
                                                            .arg(scriptLocation(L, 0))
                                                            .arg(double(self.m_timeLimit.count()) / 1000.0)});
        }
        if (self.m_token && self.m_token->isCancelled()) {
            const bool timedOut = self.m_token->timedOut();
            self.raiseFatal(L, {timedOut ? LuaError::Kind::TimedOut : LuaError::Kind::Cancelled,
                                scriptLocation(L, 0) + (timedOut ? QStringLiteral("timed out") : QStringLiteral("cancelled"))});
        }
    }
}

void LuaSandbox::charge(lua_State* L, qint64 units)
{
    LuaSandbox& self = of(L);
    self.m_used += units;
    if (self.m_used > self.m_budget && !self.m_fatal) {
        self.raiseFatal(L, {LuaError::Kind::Budget, QStringLiteral("%1instruction budget of %2 exceeded (endless loop?)")
                                                        .arg(scriptLocation(L, 1))
                                                        .arg(self.m_budget)});
    }
}

void LuaSandbox::raiseIfFatal(lua_State* L)
{
    LuaSandbox& self = of(L);
    if (self.m_fatal) {
        lua_pushstring(L, self.m_fatal->message.toUtf8().constData());
        lua_error(L);
    }
}

void LuaSandbox::raiseCancelled(lua_State* L)
{
    LuaSandbox& self = of(L);
    const bool timedOut = self.m_token && self.m_token->timedOut();
    self.raiseFatal(L, {timedOut ? LuaError::Kind::TimedOut : LuaError::Kind::Cancelled,
                        scriptLocation(L, 1) + (timedOut ? QStringLiteral("timed out") : QStringLiteral("cancelled"))});
}

void LuaSandbox::raiseFatal(lua_State* L, LuaError error)
{
    const QByteArray text = error.message.toUtf8();
    m_fatal = std::move(error);
    lua_pushlstring(L, text.constData(), size_t(text.size()));
    lua_error(L);
    std::abort(); // lua_error does not return
}

int LuaSandbox::raiseHostError(lua_State* L, const std::exception& e)
{
    if (dynamic_cast<const engine::Cancelled*>(&e))
        raiseCancelled(L);
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return luaL_error(L, "out of memory in the host");
    return luaL_error(L, "%s", e.what());
}

int LuaSandbox::trampoline(lua_State* L)
{
    const Call* call = static_cast<const Call*>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    return guarded(L, [&] {
        call->thunk(call->body, L);
        return 0;
    });
}

std::expected<void, LuaError> LuaSandbox::runThunk(Thunk thunk, void* body, qint64 budget,
                                                   const engine::CancellationToken* token)
{
    if (m_running)
        throw std::logic_error("LuaSandbox::run is not reentrant");
    if (token && token->isCancelled()) {
        return std::unexpected(token->timedOut() ? LuaError{LuaError::Kind::TimedOut, QStringLiteral("timed out")}
                                                 : LuaError{LuaError::Kind::Cancelled, QStringLiteral("cancelled")});
    }
    m_running = true;
    m_budget = budget;
    m_used = 0;
    m_polls = 0;
    m_token = token;
    m_deadline = m_timeLimit.count() > 0 ? std::chrono::steady_clock::now() + m_timeLimit
                                          : std::chrono::steady_clock::time_point::max();
    m_fatal.reset();
    m_memoryRefused = false;
    m_syntaxError = false;
    m_lastItem = -1;

    Call call{thunk, body};
    lua_State* L = m_state;
    lua_settop(L, 0);
    lua_pushcfunction(L, &LuaSandbox::trampoline);
    lua_pushlightuserdata(L, &call);
    const int status = lua_pcall(L, 1, 0, 0);
    std::expected<void, LuaError> result;
    if (status != LUA_OK)
        result = std::unexpected(errorFor(status));
    lua_settop(L, 0);
    m_token = nullptr;
    m_fatal.reset();
    m_budget = unlimited;
    m_running = false;
    return result;
}

LuaError LuaSandbox::errorFor(int status)
{
    if (m_fatal)
        return *m_fatal;
    const QString text = errorText(m_state, -1);
    // A memory error re-raised by coroutine.wrap arrives as a runtime error with the same text.
    if (status == LUA_ERRMEM || (m_memoryRefused && text.endsWith(QLatin1String("not enough memory"))))
        return {LuaError::Kind::Memory, QStringLiteral("memory limit of %1 exceeded").arg(memoryLimitText())};
    return {m_syntaxError ? LuaError::Kind::Syntax : LuaError::Kind::Runtime, text};
}

QString LuaSandbox::errorText(lua_State* L, int index)
{
    QString text;
    switch (lua_type(L, index)) {
    case LUA_TSTRING:
    case LUA_TNUMBER: {
        lua_pushvalue(L, index); // lua_tolstring converts numbers in place
        std::size_t n = 0;
        const char* s = lua_tolstring(L, -1, &n);
        text = QString::fromUtf8(s, qsizetype(n));
        lua_pop(L, 1);
        break;
    }
    case LUA_TNIL: text = QStringLiteral("error (nil)"); break;
    default: text = QStringLiteral("(error object is a %1 value)").arg(QString::fromUtf8(luaL_typename(L, index)));
    }
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    if (text.size() > maxErrorLength)
        text = text.left(maxErrorLength - 3) + QStringLiteral("...");
    return text;
}

std::expected<int, LuaError> LuaSandbox::compile(QByteArrayView source, const QString& chunkName)
{
    const QByteArray name = '=' + chunkName.toUtf8();
    int ref = LUA_NOREF;
    const auto result = run(
        [&](lua_State* L) {
            const int status = luaL_loadbufferx(L, source.data(), std::size_t(source.size()), name.constData(), "t");
            if (status != LUA_OK) {
                m_syntaxError = status == LUA_ERRSYNTAX;
                lua_error(L);
            }
            ref = luaL_ref(L, LUA_REGISTRYINDEX);
        },
        unlimited);
    if (!result)
        return std::unexpected(result.error());
    return ref;
}

QString LuaSandbox::checkSyntax(QByteArrayView source, const QString& chunkName)
{
    lua_State* L = luaL_newstate();
    if (!L)
        return QStringLiteral("cannot create a Lua state");
    const QByteArray name = '=' + chunkName.toUtf8();
    const int status = luaL_loadbufferx(L, source.data(), std::size_t(source.size()), name.constData(), "t");
    const QString error = status == LUA_OK ? QString() : errorText(L, -1);
    lua_close(L);
    return error;
}

} // namespace taskloom::scripts
