#include "LuaTestSupport.hpp"

#include "engine/CancellationToken.hpp"

#include <QStringList>

#include <thread>

using namespace taskloom;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

// If a protection breaks, the script would run on: this deadline turns that into a quick test failure (the
// error kind becomes TimedOut) instead of a hung test program.
const engine::CancellationToken& backstop()
{
    static thread_local engine::CancellationToken token;
    token = engine::CancellationToken().child(engine::CancellationToken::Clock::now() + std::chrono::seconds(20));
    return token;
}

QString errorOf(LuaSandbox& sandbox, const QString& code, qint64 budget = LuaSandbox::defaultCodeBudget)
{
    auto r = runLua(sandbox, code, budget, &backstop());
    EXPECT_FALSE(r.has_value()) << code.toStdString() << " unexpectedly returned " << text(*r).toStdString();
    return r ? QString() : r.error().message;
}

LuaError::Kind kindOf(LuaSandbox& sandbox, const QString& code, qint64 budget = LuaSandbox::defaultCodeBudget)
{
    auto r = runLua(sandbox, code, budget, &backstop());
    EXPECT_FALSE(r.has_value()) << code.toStdString();
    return r ? LuaError::Kind::Runtime : r.error().kind;
}

// Proves the sandbox still works after a failure.
void expectHealthy(LuaSandbox& sandbox)
{
    auto r = runLua(sandbox, QStringLiteral("local t = {} for i = 1, 100 do t[i] = i end return #t"));
    ASSERT_TRUE(r.has_value()) << r.error().message.toStdString();
    EXPECT_EQ(r->toInt(), 100);
}

// Real bytecode from an unsandboxed state: what an attacker would feed to load().
QByteArray bytecode(const char* source)
{
    lua_State* L = luaL_newstate();
    EXPECT_EQ(luaL_loadstring(L, source), LUA_OK);
    QByteArray out;
    lua_dump(
        L,
        [](lua_State*, const void* p, size_t size, void* ud) {
            static_cast<QByteArray*>(ud)->append(static_cast<const char*>(p), qsizetype(size));
            return 0;
        },
        &out, 0);
    lua_close(L);
    return out;
}

} // namespace

TEST(LuaSandbox, RunsCodeAndKeepsIntegers)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral("return 40 + 2"));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->isInt());
    EXPECT_EQ(r->toInt(), 42);
    r = runLua(sandbox, QStringLiteral("return 1 / 4"));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->isDouble());
    EXPECT_EQ(r->toDouble(), 0.25);
}

TEST(LuaSandbox, RuntimeErrorsAreOneLineWithChunkAndLine)
{
    LuaSandbox sandbox;
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("local a = 1\nlocal b = 2\nreturn x.y")),
              QStringLiteral("code:3: attempt to index a nil value (global 'x')"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("error('first\\nsecond')")), QStringLiteral("code:1: first second"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("error({code = 1})")), QStringLiteral("(error object is a table value)"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("error('plain', 0)")), QStringLiteral("plain"));
    // Wrapped library functions keep their names and the script's line in argument errors.
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("\ntable.insert({}, 5, 1)")),
              QStringLiteral("code:2: bad argument #2 to 'insert' (position out of bounds)"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("setmetatable(1, {})")),
              QStringLiteral("code:1: bad argument #1 to 'setmetatable' (table expected, got number)"));
}

TEST(LuaSandbox, SyntaxErrorsNameTheLine)
{
    LuaSandbox sandbox;
    auto r = sandbox.compile("local a = 1\nlocal b = = 2", QStringLiteral("code"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Syntax);
    EXPECT_TRUE(r.error().message.startsWith(QStringLiteral("code:2:"))) << r.error().message.toStdString();
    EXPECT_EQ(LuaSandbox::checkSyntax("x = = 1", QStringLiteral("code")), QStringLiteral("code:1: unexpected symbol near '='"));
    EXPECT_TRUE(LuaSandbox::checkSyntax("x = 1", QStringLiteral("code")).isEmpty());
}

TEST(LuaSandbox, DangerousLibrariesAreAbsent)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral(
        "return {io == nil, debug == nil, package == nil, dofile == nil, loadfile == nil, string.dump == nil,"
        " os.execute == nil, os.exit == nil, os.getenv == nil, os.remove == nil, os.rename == nil, os.tmpname == nil,"
        " type(os.time()) == 'number', type(os.clock()) == 'number', type(os.date('%Y')) == 'string',"
        " os.difftime(2, 1) == 1}"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    ASSERT_EQ(r->arrayRef().size(), 16);
    for (qsizetype i = 0; i < 16; ++i)
        EXPECT_TRUE(r->arrayRef().at(i).toBool()) << "check " << i + 1;
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("return io.open('/etc/passwd')")),
              QStringLiteral("code:1: attempt to index a nil value (global 'io')"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("os.execute('touch /tmp/pwned')")),
              QStringLiteral("code:1: attempt to call a nil value (field 'execute')"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("return debug.getregistry()")),
              QStringLiteral("code:1: attempt to index a nil value (global 'debug')"));
    expectHealthy(sandbox);
}

TEST(LuaSandbox, RequireFindsOnlyBundledModules)
{
    LuaSandbox sandbox;
    for (const char* name : {"os", "io", "/etc/passwd", "../../etc/passwd", "socket"}) {
        const QString error = errorOf(sandbox, QStringLiteral("return require('%1')").arg(QLatin1String(name)));
        EXPECT_TRUE(error.contains(QStringLiteral("module '%1' not found").arg(QLatin1String(name))))
            << error.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("list"))) << "names the bundled modules: " << error.toStdString();
    }
    auto r = runLua(sandbox, QStringLiteral("local list = require('list') return list.sum({1, 2, 3}) + list.sum({{a = 4}}, 'a')"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->toInt(), 10);
    r = runLua(sandbox, QStringLiteral("return require('list') == require('list')"));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->toBool());
}

TEST(LuaSandbox, LoadRefusesBytecode)
{
    LuaSandbox sandbox;
    const QByteArray chunk = bytecode("return 'from bytecode'");
    ASSERT_TRUE(chunk.startsWith("\x1bLua"));
    std::expected<void, LuaError> ran = sandbox.run([&](lua_State* L) {
        lua_pushlstring(L, chunk.constData(), size_t(chunk.size()));
        lua_setglobal(L, "chunk");
    }, LuaSandbox::unlimited);
    ASSERT_TRUE(ran);
    auto r = runLua(sandbox, QStringLiteral(
        "local results = {}"
        "for _, mode in ipairs({'b', 'bt', 't'}) do"
        "  local f, err = load(chunk, 'x', mode)"
        "  results[#results + 1] = (f == nil) and err or 'LOADED'"
        "end "
        "local f, err = load(chunk) results[#results + 1] = (f == nil) and err or 'LOADED' "
        "return results"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    ASSERT_EQ(r->arrayRef().size(), 4);
    for (const engine::Value& v : r->arrayRef())
        EXPECT_TRUE(v.toString().contains(QStringLiteral("attempt to load a binary chunk"))) << v.toString().toStdString();
    // Our own compile path refuses bytecode as well.
    auto compiled = sandbox.compile(chunk, QStringLiteral("code"));
    ASSERT_FALSE(compiled);
    EXPECT_TRUE(compiled.error().message.contains(QStringLiteral("binary chunk")));
    // Text chunks still load, with and without an environment.
    r = runLua(sandbox, QStringLiteral("return load('return 1 + 1')() + load('return x', 'c', 't', {x = 5})()"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->toInt(), 7);
}

TEST(LuaSandbox, StringMetatableCannotBeTampered)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral("return getmetatable('')"));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, engine::Value(false));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("getmetatable('').__index.upper = function() return 'pwned' end")),
              QStringLiteral("code:1: attempt to index a boolean value"));
    // Replacing the global string table's functions does not change string methods.
    r = runLua(sandbox, QStringLiteral("string.upper = function() return 'pwned' end return ('abc'):upper()"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->toString(), QStringLiteral("ABC"));
    EXPECT_TRUE(errorOf(sandbox, QStringLiteral("setmetatable('', {})")).contains(QStringLiteral("table expected")));
}

TEST(LuaSandbox, GcMetamethodsAreRefused)
{
    LuaSandbox sandbox;
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("setmetatable({}, {__gc = function() while true do end end})")),
              QStringLiteral("code:1: __gc metamethods are not allowed in scripts"));
    auto r = runLua(sandbox, QStringLiteral("return getmetatable(setmetatable({}, {__index = {a = 1}})).__index.a"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->toInt(), 1);
}

TEST(LuaSandbox, EndlessLoopHitsTheBudgetQuickly)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "EndlessLoopHitsTheBudgetQuickly");
    const auto start = std::chrono::steady_clock::now();
    auto r = runLua(sandbox, QStringLiteral("local n = 0\nwhile true do\n  n = n + 1\nend"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Budget);
    EXPECT_TRUE(QStringList({QStringLiteral("code:3: instruction budget of 10000000 exceeded (endless loop?)"),
                             QStringLiteral("code:4: instruction budget of 10000000 exceeded (endless loop?)")})
                    .contains(r.error().message))
        << r.error().message.toStdString();
    EXPECT_LT(secondsSince(start), 3.0);
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("while true do end"), 5000),
              QStringLiteral("code:1: instruction budget of 5000 exceeded (endless loop?)"));
    expectHealthy(sandbox);
}

TEST(LuaSandbox, ScriptsCannotCatchTheirWayPastTheBudget)
{
    LuaSandbox sandbox;
    const char* tricks[] = {
        "while true do pcall(function() while true do end end) end",
        "while true do xpcall(function() while true do end end, function() while true do end end) end",
        "while true do local co = coroutine.wrap(function() while true do end end) pcall(co) end",
        "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
        "while true do local co = coroutine.create(function() while true do coroutine.yield() end end)"
        " while coroutine.resume(co) do end end",
        "local ok = pcall(function() while true do end end) return ok",
        // Errors and yields are C++ exceptions here (~1 us each): they are charged, so these end quickly too.
        "while true do pcall(error, 'x') end",
        "local co = coroutine.wrap(function() while true do coroutine.yield(1) end end) while true do co() end",
        "local function f() local x <close> = setmetatable({}, {__close = function() while true do end end})"
        " while true do end end while true do pcall(f) end",
    };
    for (const char* trick : tricks) {
        const Watchdog watchdog(std::chrono::seconds(60), trick);
        const auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(kindOf(sandbox, QString::fromUtf8(trick)), LuaError::Kind::Budget) << trick;
        EXPECT_LT(secondsSince(start), 5.0) << trick;
    }
    expectHealthy(sandbox);
}

TEST(LuaSandbox, BudgetErrorsNameTheScriptLineNotTheWrappers)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "BudgetErrorsNameTheScriptLineNotTheWrappers");
    const QString error = errorOf(sandbox, QStringLiteral("local n = 0\nwhile true do\n  pcall(error, n)\nend"));
    EXPECT_TRUE(error.startsWith(QStringLiteral("code:"))) << error.toStdString();
    EXPECT_TRUE(error.endsWith(QStringLiteral("instruction budget of 10000000 exceeded (endless loop?)"))) << error.toStdString();
}

TEST(LuaSandbox, CoroutinesAndPcallStillWork)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral(
        "local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)"
        "local first = co(1) local second = co(5)"
        "local ok, err = pcall(error, 'oops', 0)"
        "local xok, xerr = xpcall(function() error('deep', 0) end, function(e) return 'handled ' .. e end)"
        "local c = coroutine.create(function() coroutine.yield('y') error('dead', 0) end)"
        "local r1, v1 = coroutine.resume(c) local r2, v2 = coroutine.resume(c)"
        "return {first, second, ok, err, xok, xerr, r1, v1, r2, v2, coroutine.status(c)}"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(text(*r), QStringLiteral(R"([2,10,false,"oops",false,"handled deep",true,"y",false,"dead","dead"])"));
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("xpcall(print, 42)")),
              QStringLiteral("code:1: bad argument #2 to 'xpcall' (function expected, got number)"));
}

TEST(LuaSandbox, DeepRecursionFailsCleanly)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "DeepRecursionFailsCleanly");
    const QString error = errorOf(sandbox, QStringLiteral("local function f(n) return 1 + f(n + 1) end return f(1)"));
    EXPECT_TRUE(error.contains(QStringLiteral("stack overflow")) || error.contains(QStringLiteral("memory limit")))
        << error.toStdString();
    // Recursion through C (metamethods, pcall) hits Lua's C stack limit instead of the real stack.
    const QString cError = errorOf(sandbox, QStringLiteral(
        "local t = setmetatable({}, {}) getmetatable(t).__index = function(s, k) return s[k] end return t.x"));
    EXPECT_TRUE(cError.contains(QStringLiteral("stack overflow"))) << cError.toStdString();
    expectHealthy(sandbox);
}

TEST(LuaSandbox, HugeAllocationsHitTheMemoryCap)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "HugeAllocationsHitTheMemoryCap");
    for (const char* code : {"return string.rep('x', 1e9)", "return ('x'):rep(2^30)",
                             "local t = {} local s = string.rep('x', 1000) while true do t[#t + 1] = s .. #t end",
                             "local t = {} for i = 1, 1e8 do t[i] = i end",
                             "return table.concat({string.rep('y', 4e7), string.rep('z', 4e7)})"}) {
        auto r = runLua(sandbox, QString::fromUtf8(code), LuaSandbox::unlimited);
        ASSERT_FALSE(r) << code;
        EXPECT_EQ(r.error().kind, LuaError::Kind::Memory) << code << ": " << r.error().message.toStdString();
        EXPECT_EQ(r.error().message, QStringLiteral("memory limit of 64 MiB exceeded"));
        EXPECT_LE(sandbox.memoryUsed(), sandbox.memoryLimit());
    }
    expectHealthy(sandbox);
    auto small = LuaSandbox(std::size_t(2) << 20);
    auto r = runLua(small, QStringLiteral("return string.rep('x', 4e6)"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, QStringLiteral("memory limit of 2 MiB exceeded"));
}

TEST(LuaSandbox, AllocationCountsAgainstTheBudget)
{
    // Few instructions, much host work: without charging allocations this would run for minutes.
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "AllocationCountsAgainstTheBudget");
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(kindOf(sandbox, QStringLiteral("for i = 1, 1e6 do local s = string.rep('x', 1e6) end")),
              LuaError::Kind::Budget);
    EXPECT_LT(secondsSince(start), 5.0);
}

TEST(LuaSandbox, CostlyLibraryCallsAreChargedOrRefused)
{
    // Each of these spins inside C (one call, or a cheap loop of calls) for minutes in plain Lua 5.4.4.
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "costly library calls");
    auto r = runLua(sandbox, QStringLiteral("return string.rep('', 1e15) .. ('').rep('', 1e15, '')"),
                    LuaSandbox::defaultCodeBudget, &backstop());
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->toString(), QString());
    const char* costly[] = {
        "table.move({}, 1, 1e15, 1)",
        "local t = {} for i = 1, 1e6 do table.insert(t, 1, i) end",
        "local t = {} for i = 1, 1e6 do t[i] = i end for i = 1, 1e6 do table.remove(t, 1) end",
        "local s = string.rep('a', 1e6) for i = 1, 1e6 do s:find('b', 1, true) end",
        "local t = {} for i = 1, 1e5 do t[i] = i end for i = 1, 1e6 do table.sort(t) end",
    };
    for (const char* code : costly) {
        const auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(kindOf(sandbox, QString::fromUtf8(code)), LuaError::Kind::Budget) << code;
        EXPECT_LT(secondsSince(start), 5.0) << code;
    }
    // The same functions stay affordable at ordinary sizes.
    r = runLua(sandbox, QStringLiteral(
        "local t = {} for i = 1, 2000 do table.insert(t, 1, i) end table.sort(t) table.remove(t, 1)"
        " local moved = table.move(t, 1, #t, 1, {}) return #moved .. (('a,b'):find(',')) .. string.rep('ab', 3, '-')"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->toString(), QStringLiteral("19992ab-ab-ab"));
}

TEST(LuaSandbox, TimeLimitBacksUpTheBudget)
{
    // Comparing two 20 MB strings is one instruction: the budget barely moves, the clock does.
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "TimeLimitBacksUpTheBudget");
    sandbox.setTimeLimit(std::chrono::milliseconds(300));
    const auto start = std::chrono::steady_clock::now();
    auto r = runLua(sandbox, QStringLiteral("local a = string.rep('x', 2e7) local b = string.rep('x', 2e7)\n"
                                            "while true do local same = (a == b) end"),
                    LuaSandbox::unlimited, &backstop());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Budget);
    EXPECT_EQ(r.error().message, QStringLiteral("code:2: time limit of 0.3 s per call exceeded (endless loop?)"));
    EXPECT_LT(secondsSince(start), 5.0);
}

TEST(LuaSandbox, TooSmallAMemoryLimitThrows)
{
    EXPECT_THROW(LuaSandbox(std::size_t(16) * 1024), std::runtime_error);
}

TEST(LuaSandbox, CancellationStopsARunningScript)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "CancellationStopsARunningScript");
    engine::CancellationToken token;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        token.cancel(QStringLiteral("user"));
    });
    const auto start = std::chrono::steady_clock::now();
    auto r = runLua(sandbox, QStringLiteral("while true do end"), LuaSandbox::unlimited, &token);
    const double seconds = secondsSince(start);
    canceller.join();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Cancelled);
    EXPECT_EQ(r.error().message, QStringLiteral("code:1: cancelled"));
    EXPECT_LT(seconds, 1.5);
    EXPECT_GE(seconds, 0.09);
    // A cancelled token stops the next call before it starts.
    r = runLua(sandbox, QStringLiteral("return 1"), LuaSandbox::unlimited, &token);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Cancelled);
}

TEST(LuaSandbox, CancellationCannotBeCaught)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "CancellationCannotBeCaught");
    engine::CancellationToken token;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        token.cancel();
    });
    auto r = runLua(sandbox, QStringLiteral("while true do pcall(function() while true do end end) end"),
                    LuaSandbox::unlimited, &token);
    canceller.join();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Cancelled);
}

TEST(LuaSandbox, DeadlineTimesOut)
{
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "DeadlineTimesOut");
    engine::CancellationToken run;
    const engine::CancellationToken node = run.child(engine::CancellationToken::Clock::now() + std::chrono::milliseconds(80));
    const auto start = std::chrono::steady_clock::now();
    auto r = runLua(sandbox, QStringLiteral("local x = 0\nwhile true do x = x + 1 end"), LuaSandbox::unlimited, &node);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::TimedOut);
    EXPECT_EQ(r.error().message, QStringLiteral("code:2: timed out"));
    EXPECT_LT(secondsSince(start), 1.5);
}

TEST(LuaSandbox, PrintGoesToTheHandler)
{
    LuaSandbox sandbox;
    QStringList lines;
    sandbox.setPrintHandler([&](const QString& line) { lines.append(line); });
    ASSERT_TRUE(runLua(sandbox, QStringLiteral("print('a', 1, nil, true) print(json.decode('{\"k\":[1]}'))")));
    EXPECT_EQ(lines, QStringList({QStringLiteral("a\t1\tnil\ttrue"), QStringLiteral("{\"k\":[1]}")}));
}

TEST(LuaSandbox, CollectgarbageKeepsOnlyHarmlessOptions)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral("collectgarbage() collectgarbage('step') return collectgarbage('count') > 0"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_TRUE(r->toBool());
    EXPECT_EQ(errorOf(sandbox, QStringLiteral("collectgarbage('stop')")),
              QStringLiteral("code:1: collectgarbage(\"stop\") is not allowed in scripts"));
}

TEST(LuaSandbox, SurvivesManyFailuresInARow)
{
    LuaSandbox sandbox(std::size_t(8) << 20);
    const Watchdog watchdog(std::chrono::seconds(120), "SurvivesManyFailuresInARow");
    const char* failures[] = {"error('x')", "return string.rep('x', 1e8)", "while true do end", "return nil + 1",
                              "local function f() return f() + 1 end return f()"};
    for (int round = 0; round < 10; ++round) {
        for (const char* code : failures)
            EXPECT_FALSE(runLua(sandbox, QString::fromUtf8(code), 200'000)) << code;
    }
    expectHealthy(sandbox);
}
