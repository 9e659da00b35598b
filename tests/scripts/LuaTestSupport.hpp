#pragma once

#include "scripts/LuaConvert.hpp"
#include "scripts/LuaProxy.hpp"
#include "scripts/LuaSandbox.hpp"

#include "engine/Item.hpp"
#include "engine/Json.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <expected>
#include <mutex>
#include <thread>

namespace taskloom::scripts::test {

/// Runs `code` (chunk "code") in `sandbox`; `item`, when given, is the global `item` (an item proxy).
/// Returns the chunk's first result as a Value.
inline std::expected<engine::Value, LuaError> runLua(LuaSandbox& sandbox, const QString& code,
                                                     qint64 budget = LuaSandbox::defaultCodeBudget,
                                                     const engine::CancellationToken* token = nullptr,
                                                     const engine::Item* item = nullptr)
{
    auto chunk = sandbox.compile(code.toUtf8(), QStringLiteral("code"));
    if (!chunk)
        return std::unexpected(chunk.error());
    engine::Value result;
    auto ran = sandbox.run(
        [&](lua_State* L) {
            if (item) {
                LuaProxy::pushItem(L, *item);
                lua_setglobal(L, "item");
            }
            lua_rawgeti(L, LUA_REGISTRYINDEX, *chunk);
            lua_call(L, 0, 1);
            result = LuaConvert::toValue(L, -1);
        },
        budget, token);
    if (!ran)
        return std::unexpected(ran.error());
    return result;
}

inline engine::Value json(const char* text)
{
    auto v = engine::Json::parse(QByteArrayView(text));
    EXPECT_TRUE(v.has_value()) << text;
    return v ? *v : engine::Value();
}

inline QString text(const engine::Value& v)
{
    return QString::fromUtf8(engine::Json::serialize(v));
}

/// Aborts the test program when the enclosing block runs longer than `limit`. A broken sandbox protection
/// shows up as a script that never ends; a crash fails the test at once where a hang would stall the run.
class Watchdog {
public:
    Watchdog(std::chrono::seconds limit, const char* what)
        : m_thread([this, limit, what] {
              std::unique_lock lock(m_mutex);
              if (!m_wake.wait_for(lock, limit, [this] { return m_done; })) {
                  std::fprintf(stderr, "watchdog: \"%s\" still running after %lld s\n", what, (long long)limit.count());
                  std::abort();
              }
          })
    {}
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread; // last: starts once the members it uses exist
};

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace taskloom::scripts::test
