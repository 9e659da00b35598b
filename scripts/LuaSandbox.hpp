#pragma once

#include "LuaError.hpp"

#include <QByteArrayView>
#include <QString>

#include <chrono>
#include <cstddef>
#include <expected>
#include <functional>
#include <limits>
#include <optional>
#include <type_traits>

struct lua_State;
struct lua_Debug;

namespace taskloom::engine {
class CancellationToken;
class ExecutionContext;
} // namespace taskloom::engine

namespace taskloom::scripts {

/// One isolated Lua state for untrusted scripts: a memory cap enforced by the allocator, an instruction budget
/// and cancellation polling enforced by a count hook, and only the safe parts of the standard library (see
/// LuaSafeLibs.cpp), the value proxies and the json / date / str helpers.
///
/// Everything that touches the state goes through run(): outside a protected call a failed allocation would
/// reach Lua's panic handler. Errors that the instruction budget, the time limit or cancellation raise are
/// *fatal*: pcall, xpcall and coroutine.resume in the script re-raise them, so a script cannot catch its way
/// past a limit. A memory-cap error stays catchable (the failed allocation leaves nothing behind, and a script
/// that keeps retrying runs into its budget). Not thread-safe: one thread uses a sandbox at a time.
class LuaSandbox {
public:
    static constexpr std::size_t defaultMemoryLimit = std::size_t(64) << 20;
    static constexpr qint64 defaultCodeBudget = 10'000'000;
    static constexpr qint64 defaultExpressionBudget = 1'000'000;
    static constexpr qint64 unlimited = std::numeric_limits<qint64>::max() / 2;

    /// Throws std::runtime_error when the state cannot be created (a memory limit too small for the libraries).
    explicit LuaSandbox(std::size_t memoryLimit = defaultMemoryLimit);
    ~LuaSandbox();
    LuaSandbox(const LuaSandbox&) = delete;
    LuaSandbox& operator=(const LuaSandbox&) = delete;

    lua_State* state() const { return m_state; }
    std::size_t memoryLimit() const { return m_memoryLimit; }
    std::size_t memoryUsed() const { return m_memoryUsed; }

    /// Runs `body(L)` in protected mode with `budget` instructions and `token` polled about every thousand
    /// instructions. The stack is empty before and after. A C++ exception escaping `body` becomes the error.
    template <typename F>
    std::expected<void, LuaError> run(F&& body, qint64 budget, const engine::CancellationToken* token = nullptr)
    {
        using Fn = std::remove_reference_t<F>;
        return runThunk([](void* fn, lua_State* L) { (*static_cast<Fn*>(fn))(L); }, &body, budget, token);
    }

    /// Compiles Lua source (binary chunks are refused) and keeps the function in the registry: the result is
    /// a reference for lua_rawgeti(L, LUA_REGISTRYINDEX, ref). `chunkName` prefixes error positions ("code:3:").
    std::expected<int, LuaError> compile(QByteArrayView source, const QString& chunkName);

    /// A wall-clock limit per run() (zero: none), checked about every thousand instructions. A backstop for
    /// loops whose instructions are cheap but each make C do much work (comparing 30 MB strings), which the
    /// instruction budget cannot see; set it far above what the budget allows in practice.
    void setTimeLimit(std::chrono::milliseconds limit) { m_timeLimit = limit; }

    /// Where print() goes (the Code node logs it); without a handler print() output is dropped.
    void setPrintHandler(std::function<void(const QString&)> handler) { m_print = std::move(handler); }
    void print(const QString& line) const;

    QString memoryLimitText() const;

    /// The node call the sandbox serves (null for expressions): capability libraries resolve paths through it.
    void setContext(engine::ExecutionContext* ctx) { m_context = ctx; }
    engine::ExecutionContext* context() const { return m_context; }
    /// The running call's cancellation token, or null.
    const engine::CancellationToken* token() const { return m_token; }

    /// The item (0-based) the running call last touched through an item proxy, or -1: errors name it.
    void noteItem(qsizetype index) { m_lastItem = index; }
    qsizetype lastItem() const { return m_lastItem; }

    static LuaSandbox& of(lua_State* L);
    /// Counts host work (linear scans inside C functions) against the running call's budget, so a loop of cheap
    /// instructions that each make the host do a lot of work still ends. Raises the budget error when exhausted.
    static void charge(lua_State* L, qint64 units);
    /// Whether the running call already hit its budget, its time limit or cancellation.
    bool hasFatalError() const { return m_fatal.has_value(); }
    /// Re-raises a pending fatal error (budget, time limit, cancellation); returns otherwise (the pcall wrappers).
    static void raiseIfFatal(lua_State* L);
    /// Raises a cancellation error that scripts cannot catch (a host callback saw the run cancelled).
    [[noreturn]] static void raiseCancelled(lua_State* L);

    /// Runs `fn` as the body of a Lua C function: a C++ exception becomes a Lua error instead of unwinding
    /// through Lua's own frames (which would swallow it). Lua errors pass through untouched.
    template <typename F>
    static int guarded(lua_State* L, F&& fn)
    {
        try {
            return fn();
        } catch (const std::exception& e) {
            return raiseHostError(L, e);
        }
    }

    /// A syntax check in a bare state (no libraries, nothing runs): empty, or the one-line error with its line.
    static QString checkSyntax(QByteArrayView source, const QString& chunkName);

    /// A one-line message for the Lua value at `index` used as an error object (no metamethods run).
    static QString errorText(lua_State* L, int index);

private:
    using Thunk = void (*)(void* body, lua_State* L);
    struct Call {
        Thunk thunk;
        void* body;
    };

    std::expected<void, LuaError> runThunk(Thunk thunk, void* body, qint64 budget,
                                           const engine::CancellationToken* token);
    LuaError errorFor(int status);
    [[noreturn]] void raiseFatal(lua_State* L, LuaError error);
    static int raiseHostError(lua_State* L, const std::exception& e);
    static int trampoline(lua_State* L);
    static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize);
    static void hook(lua_State* L, lua_Debug* ar);

    lua_State* m_state = nullptr;
    std::size_t m_memoryLimit;
    std::size_t m_memoryUsed = 0;
    bool m_memoryRefused = false;

    // Per run.
    bool m_running = false;
    bool m_syntaxError = false;
    qint64 m_budget = unlimited;
    qint64 m_used = 0;
    int m_polls = 0;
    const engine::CancellationToken* m_token = nullptr;
    std::chrono::milliseconds m_timeLimit{0};
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    std::optional<LuaError> m_fatal;

    std::function<void(const QString&)> m_print;
    engine::ExecutionContext* m_context = nullptr;
    qsizetype m_lastItem = -1;
};

} // namespace taskloom::scripts
