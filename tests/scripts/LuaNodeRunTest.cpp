// Lua node types in real runs: like built-ins (params, outputs, on-error, run results), with errors that name
// the script, the line and the item, tracebacks in the log, the declared limits enforced, and every sandbox
// escape attempt failing with a clear error while the host and the other nodes carry on.

#include "LuaNodeTestSupport.hpp"

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

class LuaNodeRuns : public LuaNodeFixture {};

QString nodeWith(const QString& body, const QString& extra = {})
{
    return QStringLiteral("return {\n  type = \"t.node\",\n  title = \"T\",\n%1  execute = function(ctx, items)\n%2\n  end,\n}\n")
        .arg(extra, body);
}

} // namespace

TEST_F(LuaNodeRuns, ParamsAndItemsFlowLikeABuiltIn)
{
    add(QStringLiteral(R"lua(return {
  type = "t.scale",
  title = "Scale",
  params = {
    { name = "field", default = "n" },
    { name = "factor", type = "number", default = 2 },
  },
  execute = function(ctx, items)
    for _, item in ipairs(items) do
      item[ctx.params.field .. "Scaled"] = item[ctx.params.field] * ctx.params.factor
    end
    ctx.log("scaled " .. #items)
    return items
  end,
})lua"));
    const RunResult r = runOne(QStringLiteral("t.scale"), Object{{"factor", 10}}, numbered(3));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"nScaled":10},{"n":2,"nScaled":20},{"n":3,"nScaled":30}])");
    EXPECT_TRUE(logs.all().contains(u"scaled 3"));
}

TEST_F(LuaNodeRuns, ExpressionsInParamsAndEachMode)
{
    add(QStringLiteral(R"lua(return {
  type = "t.tag",
  title = "Tag",
  mode = "each",
  params = { { name = "label", default = "x" }, { name = "price", type = "number", default = 0 } },
  execute = function(ctx, item, index)
    if item.n == 2 then return nil end
    item.label = ctx.params.label .. index
    item.price = ctx.param("price", item)
    return item
  end,
})lua"));
    Flow f = flow({node(QStringLiteral("src"), QStringLiteral("test.source")),
                   node(QStringLiteral("t"), QStringLiteral("t.tag"), Object{{"label", "{{ vars.prefix }}-"}, {"price", "{{ item.n * 10 }}"}})},
                  {wire(QStringLiteral("src"), QStringLiteral("t"))});
    f.variables = Object{{"prefix", "p"}};
    RunOptions o;
    o.input = numbered(3);
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"label":"p-1","price":10},{"n":3,"label":"p-3","price":30}])");
}

TEST_F(LuaNodeRuns, SeveralOutputsAreFilledByName)
{
    add(QStringLiteral(R"lua(return {
  type = "t.split",
  title = "Split",
  outputs = { "even", "odd" },
  execute = function(ctx, items)
    local even, odd = json.array(), json.array()
    for _, item in ipairs(items) do
      if item.n % 2 == 0 then even[#even + 1] = item else odd[#odd + 1] = item end
    end
    return { even = even, odd = odd }
  end,
})lua"));
    Flow f = flow({node(QStringLiteral("src"), QStringLiteral("test.source")), node(QStringLiteral("s"), QStringLiteral("t.split")),
                   node(QStringLiteral("e"), QStringLiteral("code.lua")), node(QStringLiteral("o"), QStringLiteral("code.lua"))},
                  {wire(QStringLiteral("src"), QStringLiteral("s")), wire(QStringLiteral("s"), QStringLiteral("e"), QStringLiteral("even")),
                   wire(QStringLiteral("s"), QStringLiteral("o"), QStringLiteral("odd"))});
    RunOptions o;
    o.input = numbered(5);
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.outputs.value(QStringLiteral("e"))), R"([{"n":2,"position":1},{"n":4,"position":2}])");
    EXPECT_EQ(toJson(r.outputs.value(QStringLiteral("o"))), R"([{"n":1,"position":1},{"n":3,"position":2},{"n":5,"position":3}])");
}

TEST_F(LuaNodeRuns, WrongReturnShapesAreClearErrors)
{
    const std::vector<std::pair<QString, QString>> cases = {
        {QStringLiteral("    return 42"), QStringLiteral("the result of execute")},
        {QStringLiteral("    return nil"), QStringLiteral("execute(ctx, items) returned nothing")},
        {QStringLiteral("    return { 1, 2 }"), QStringLiteral("the result of execute")},
        {QStringLiteral("    return { function() end }"), QStringLiteral("the result of execute")},
    };
    for (const auto& [body, expected] : cases) {
        registry = NodeRegistry();
        registry.add(std::make_shared<SourceNode>());
        add(nodeWith(body));
        const RunResult r = runOne(QStringLiteral("t.node"), {}, numbered(2));
        EXPECT_EQ(r.status, RunStatus::Failed) << body.toStdString();
        EXPECT_EQ(r.errorCode, u"LUA_RESULT") << describe(r);
        EXPECT_TRUE(r.error.contains(expected)) << describe(r);
    }
    // Several outputs: an undeclared output name.
    registry = NodeRegistry();
    registry.add(std::make_shared<SourceNode>());
    add(nodeWith(QStringLiteral("    return { out = items, other = items }"), QStringLiteral("  outputs = { \"out\", \"rest\" },\n")));
    const RunResult r = runOne(QStringLiteral("t.node"), {}, numbered(1));
    EXPECT_TRUE(r.error.contains(u"names output \"other\", which the node does not declare (out, rest)")) << describe(r);
}

TEST_F(LuaNodeRuns, AnErrorMidBatchNamesScriptLineAndItemAndLogsATraceback)
{
    add(QStringLiteral(R"lua(local function check(item)
  if item.n == 3 then
    error("bad value " .. item.n)
  end
end
return {
  type = "t.check",
  title = "Check",
  execute = function(ctx, items)
    for _, item in ipairs(items) do check(item) end
    return items
  end,
})lua"),
        {}, QStringLiteral("checker.lua"));
    const RunResult r = runOne(QStringLiteral("t.check"), {}, numbered(5));
    ASSERT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, u"LUA_ERROR");
    EXPECT_TRUE(r.error.contains(u"checker.lua:3: bad value 3 (item 3)")) << describe(r);
    const QString log = logs.all();
    EXPECT_TRUE(log.contains(u"stack traceback:")) << log.toStdString();
    EXPECT_TRUE(log.contains(u"checker.lua:3: in")) << log.toStdString();
    EXPECT_TRUE(log.contains(u"checker.lua:10: in")) << log.toStdString();
}

TEST_F(LuaNodeRuns, EachModeFailuresGoThroughOnErrorWithTheItemIndex)
{
    add(QStringLiteral(R"lua(return {
  type = "t.each",
  title = "Each",
  mode = "each",
  execute = function(ctx, item)
    if item.n == 2 then error("no twos") end
    return item
  end,
})lua"),
        {}, QStringLiteral("each.lua"));
    NodeSettings s;
    s.onError = OnError::Continue;
    const RunResult r = runOne(QStringLiteral("t.each"), {}, numbered(3), s);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 3);
    EXPECT_TRUE(toJson({r.output[1]}).contains(u"each.lua:6: no twos (item 2)")) << toJson(r.output).toStdString();
}

TEST_F(LuaNodeRuns, DeclaredLimitsAreEnforced)
{
    add(nodeWith(QStringLiteral("    while true do end"), QStringLiteral("  limits = { instructions = 100000 },\n")), {},
        QStringLiteral("loop.lua"));
    RunResult r = runOne(QStringLiteral("t.node"), {}, numbered(1));
    EXPECT_EQ(r.errorCode, u"LUA_BUDGET") << describe(r);
    EXPECT_TRUE(r.error.contains(u"loop.lua:6: instruction budget of 100000 exceeded")) << describe(r);

    registry = NodeRegistry();
    registry.add(std::make_shared<SourceNode>());
    add(nodeWith(QStringLiteral("    local t = {} for i = 1, 1e8 do t[i] = i end"), QStringLiteral("  limits = { memory = 8, instructions = 1e9 },\n")));
    r = runOne(QStringLiteral("t.node"), {}, numbered(1));
    EXPECT_EQ(r.errorCode, u"LUA_MEMORY") << describe(r);
    EXPECT_TRUE(r.error.contains(u"memory limit of 8 MiB exceeded")) << describe(r);

    registry = NodeRegistry();
    registry.add(std::make_shared<SourceNode>());
    // Cheap instructions that each make C work hard: the wall-clock limit is the backstop.
    add(nodeWith(QStringLiteral("    local s = ('x'):rep(1 << 20) local n = 0 while true do n = n + #s:upper() end"),
                 QStringLiteral("  limits = { timeout = 0.5, instructions = 1e12, memory = 256 },\n")));
    r = runOne(QStringLiteral("t.node"), {}, numbered(1));
    EXPECT_EQ(r.errorCode, u"LUA_BUDGET") << describe(r);
    EXPECT_TRUE(r.error.contains(u"time limit of 0.5 s")) << describe(r);
}

// Each attempt fails with a clear error; afterwards the same registry runs a healthy flow.
TEST_F(LuaNodeRuns, SandboxEscapesFailClearlyAndTheHostSurvives)
{
    const std::vector<std::pair<QString, QString>> attempts = {
        {QStringLiteral("io.open('/etc/passwd')"), QStringLiteral("attempt to index a nil value (global 'io')")},
        {QStringLiteral("os.execute('id')"), QStringLiteral("attempt to call a nil value (field 'execute')")},
        {QStringLiteral("os.remove('/tmp/x')"), QStringLiteral("attempt to call a nil value (field 'remove')")},
        {QStringLiteral("require('io')"), QStringLiteral("module 'io' not found (require loads only the bundled modules")},
        {QStringLiteral("require('os')"), QStringLiteral("module 'os' not found")},
        {QStringLiteral("assert(load('\\27LuaT\\0\\25\\147\\13\\10\\26\\10'))()"), QStringLiteral("attempt to load a binary chunk")},
        {QStringLiteral("string.dump(function() end)"), QStringLiteral("attempt to call a nil value (field 'dump')")},
        {QStringLiteral("debug.getregistry()"), QStringLiteral("attempt to index a nil value (global 'debug')")},
        {QStringLiteral("getmetatable('').__index = {}"), QStringLiteral("attempt to index a boolean value")},
        {QStringLiteral("string.upper = nil; assert(('x'):upper() == 'X'); error('string methods intact')"), QStringLiteral("string methods intact")},
        {QStringLiteral("setmetatable({}, {__gc = function() while true do end end})"), QStringLiteral("__gc metamethods are not allowed")},
        {QStringLiteral("local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end"),
         QStringLiteral("instruction budget of")},
        {QStringLiteral("while true do pcall(function() while true do end end) end"), QStringLiteral("instruction budget of")},
        // Lua-to-Lua recursion grows the Lua stack: the memory cap ends it before Lua's own stack limit.
        {QStringLiteral("local function f() return 1 + f() end f()"), QStringLiteral("memory limit of 64 MiB exceeded")},
        // Recursion through metamethods nests C calls: Lua's C-stack limit ends it.
        {QStringLiteral("local t = setmetatable({}, {__index = function(t, k) return t[k] end}) local x = t.x"),
         QStringLiteral("stack overflow")},
        {QStringLiteral("local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1 << 20) end"), QStringLiteral("memory limit of")},
        {QStringLiteral("local s = ('x'):rep(1 << 30)"), QStringLiteral("memory limit of")},
        {QStringLiteral("local s = ('x'):rep(1 << 40)"), QStringLiteral("resulting string too large")},
        {QStringLiteral("collectgarbage('stop')"), QStringLiteral("collectgarbage(\"stop\") is not allowed")},
        {QStringLiteral("files.read('/etc/passwd')"), QStringLiteral("did not declare capabilities = {files = \"read\"}")},
        {QStringLiteral("http.request{url = 'http://127.0.0.1/'}"), QStringLiteral("did not declare capabilities = {http = true}")},
        {QStringLiteral("ctx.credential('token')"), QStringLiteral("\"token\" is not a credential parameter of this node")},
    };
    for (const auto& [attempt, expected] : attempts) {
        registry = NodeRegistry();
        registry.add(std::make_shared<SourceNode>());
        add(nodeWith(QStringLiteral("    ") + attempt + QStringLiteral("\n    return items")), {}, QStringLiteral("escape.lua"));
        const RunResult r = runOne(QStringLiteral("t.node"), {}, numbered(1));
        EXPECT_EQ(r.status, RunStatus::Failed) << attempt.toStdString();
        EXPECT_TRUE(r.error.contains(expected)) << attempt.toStdString() << "\n  error: " << r.error.toStdString();
        EXPECT_FALSE(r.error.contains(u'\n')) << r.error.toStdString();
    }
    registry = NodeRegistry();
    registry.add(std::make_shared<SourceNode>());
    add(nodeWith(QStringLiteral("    return items")));
    const RunResult healthy = runOne(QStringLiteral("t.node"), {}, numbered(2));
    EXPECT_EQ(healthy.status, RunStatus::Succeeded) << describe(healthy);
    EXPECT_EQ(healthy.output.size(), 2);
}

TEST_F(LuaNodeRuns, AFailingNodeLeavesAParallelBranchUnaffected)
{
    add(nodeWith(QStringLiteral("    error('broken')")), {}, QStringLiteral("broken.lua"));
    FlowNode broken = node(QStringLiteral("broken"), QStringLiteral("t.node"));
    broken.settings.onError = OnError::Continue;
    Flow f = flow({node(QStringLiteral("src"), QStringLiteral("test.source")), broken, node(QStringLiteral("ok"), QStringLiteral("code.lua"))},
                  {wire(QStringLiteral("src"), QStringLiteral("broken")), wire(QStringLiteral("src"), QStringLiteral("ok"))});
    RunOptions o;
    o.input = numbered(2);
    const RunResult r = run(f, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.outputs.value(QStringLiteral("ok")).size(), 2);
    EXPECT_TRUE(toJson(r.outputs.value(QStringLiteral("broken"))).contains(u"broken.lua:5: broken"))
        << toJson(r.outputs.value(QStringLiteral("broken"))).toStdString();
}

TEST_F(LuaNodeRuns, BinariesCanBeReadAndAttached)
{
    add(QStringLiteral(R"lua(return {
  type = "t.bin",
  title = "Bin",
  execute = function(ctx, items)
    for _, item in ipairs(items) do
      ctx.setBinary(item, "report", "hello " .. item.n, "text/plain", "report.txt")
      item.back = ctx.binary(item, "report")
      item.size = ctx.binaryInfo(item, "report").size
      item.none = ctx.binary(item, "missing") == nil
    end
    return items
  end,
})lua"));
    const RunResult r = runOne(QStringLiteral("t.bin"), {}, numbered(1));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 1);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"back":"hello 1","size":7,"none":true}])");
    const BinaryRef b = r.output[0].binary(QStringLiteral("report"));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->fileName(), u"report.txt");
    EXPECT_EQ(b->bytes().value(), QByteArray("hello 1"));
}

TEST_F(LuaNodeRuns, ANodeWithoutInputsIsASource)
{
    add(QStringLiteral(R"lua(return {
  type = "t.make",
  title = "Make",
  inputs = {},
  params = { { name = "count", type = "integer", default = 2 } },
  execute = function(ctx, items)
    local out = json.array()
    for i = 1, ctx.params.count do out[i] = { i = i, had = #items } end
    return out
  end,
})lua"));
    FlowNode m = node(QStringLiteral("m"), QStringLiteral("t.make"), Object{{"count", 3}});
    const RunResult r = run(flow({m}, {}));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    // A plain Lua table has no field order: its fields come out sorted by name.
    EXPECT_EQ(toJson(r.output), R"([{"had":0,"i":1},{"had":0,"i":2},{"had":0,"i":3}])");
}
