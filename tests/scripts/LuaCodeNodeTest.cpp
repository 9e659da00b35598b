#include "FakeExecutionContext.hpp"

#include "scripts/LuaCodeNode.hpp"
#include "scripts/LuaNodes.hpp"

#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace taskloom;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace {

engine::Item item(const char* json)
{
    auto v = engine::Json::parse(QByteArrayView(json));
    EXPECT_TRUE(v && v->isObject()) << json;
    return engine::Item(v ? v->objectRef() : engine::Object());
}

QString text(const engine::ItemList& items)
{
    QStringList parts;
    for (const engine::Item& i : items)
        parts.append(QString::fromUtf8(engine::Json::serialize(i.json())));
    return parts.join(u'\n');
}

engine::Object params(const QString& code, const QString& mode = QStringLiteral("all"))
{
    return engine::Object{{QStringLiteral("code"), code}, {QStringLiteral("mode"), mode}};
}

struct NodeRun {
    engine::ItemList out;
    engine::ItemList errors;
};

// One execute call per batch, then finish, like the executor's stream mode.
NodeRun runNode(const LuaCodeNode& node, FakeExecutionContext& ctx, const QList<engine::ItemList>& batches)
{
    auto instance = node.instantiate();
    NodeRun run;
    for (const engine::ItemList& batch : batches) {
        engine::Outputs out(2);
        instance->execute(ctx, engine::Inputs({batch}), out);
        run.out.append(out.port(0));
        run.errors.append(out.port(1));
    }
    engine::Outputs out(2);
    instance->finish(ctx, out);
    run.out.append(out.port(0));
    return run;
}

const engine::ItemList input = {item(R"({"name":"a","price":2})"), item(R"({"name":"b","price":3})"),
                                item(R"({"name":"c","price":5})")};

} // namespace

TEST(LuaCodeNode, SpecDeclaresTheContract)
{
    LuaCodeNode node;
    const engine::NodeSpec& spec = node.spec();
    EXPECT_EQ(spec.type, QStringLiteral("code.lua"));
    EXPECT_EQ(spec.title, QStringLiteral("Lua Code"));
    EXPECT_EQ(spec.category, QStringLiteral("Code"));
    EXPECT_EQ(spec.inputMode, engine::InputMode::Stream);
    ASSERT_EQ(spec.inputs.size(), 1);
    EXPECT_EQ(spec.inputs[0].name, QStringLiteral("in"));
    ASSERT_EQ(spec.outputs.size(), 1);
    EXPECT_EQ(spec.outputs[0].name, QStringLiteral("out"));
    const engine::ParamSpec* code = spec.param(u"code");
    ASSERT_TRUE(code);
    EXPECT_EQ(code->type, engine::ParamType::Code);
    EXPECT_EQ(code->codeLanguage, QStringLiteral("lua"));
    const engine::ParamSpec* mode = spec.param(u"mode");
    ASSERT_TRUE(mode);
    EXPECT_EQ(mode->defaultValue.toString(), QStringLiteral("all"));
    EXPECT_EQ(mode->options.size(), 2);

    engine::NodeRegistry registry;
    registerLuaNodes(registry);
    EXPECT_NE(registry.find(u"code.lua"), nullptr);
}

TEST(LuaCodeNode, DefaultScriptRuns)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, {});
    const NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral("{\"name\":\"a\",\"price\":2,\"position\":1}\n"
                                            "{\"name\":\"b\",\"price\":3,\"position\":2}\n"
                                            "{\"name\":\"c\",\"price\":5,\"position\":3}"));
    EXPECT_TRUE(node.checkParams({}).isEmpty());
}

TEST(LuaCodeNode, AllModeSeesTheWholeBatch)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, params(QStringLiteral(R"(
function execute(ctx, items)
  local out = {}
  for _, item in ipairs(items) do
    if item.price > 2 then
      item.total = item.price * 2
      out[#out + 1] = item
    end
  end
  out[#out + 1] = {summary = #items}
  return out
end)")));
    const NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral("{\"name\":\"b\",\"price\":3,\"total\":6}\n"
                                            "{\"name\":\"c\",\"price\":5,\"total\":10}\n"
                                            "{\"summary\":3}"));
    EXPECT_EQ(text(input), QStringLiteral("{\"name\":\"a\",\"price\":2}\n{\"name\":\"b\",\"price\":3}\n{\"name\":\"c\",\"price\":5}"))
        << "input items are not changed";
}

TEST(LuaCodeNode, EachModeReturnsAnItemAListOrNil)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, params(QStringLiteral(R"(
function execute(ctx, item, index)
  if item.name == "a" then return nil end
  if item.name == "b" then return {{part = 1}, {part = 2}} end
  item.index = index
  return item
end)"), QStringLiteral("each")));
    const NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral("{\"part\":1}\n{\"part\":2}\n{\"name\":\"c\",\"price\":5,\"index\":3}"));
}

TEST(LuaCodeNode, ReturnedInputItemsKeepTheirBinaries)
{
    LuaCodeNode node;
    engine::Item withImage = item(R"({"file":"scan.png"})");
    auto image = engine::Binary::fromBytes("\x89PNG", QStringLiteral("image/png"), QStringLiteral("scan.png"));
    ASSERT_TRUE(image);
    withImage.setBinary(QStringLiteral("image"), *image);
    for (const char* mode : {"all", "each"}) {
        const QString code = QString::fromLatin1(mode) == u"all"
            ? QStringLiteral("function execute(ctx, items) items[1].seen = true return {items[1], {fresh = true}} end")
            : QStringLiteral("function execute(ctx, item) item.seen = true return {item, {fresh = true}} end");
        FakeExecutionContext ctx(node, params(code, QString::fromLatin1(mode)));
        const NodeRun run = runNode(node, ctx, {{withImage}});
        ASSERT_EQ(run.out.size(), 2) << mode;
        EXPECT_EQ(run.out[0].json().value(u"seen"), engine::Value(true));
        EXPECT_EQ(run.out[0].binary(QStringLiteral("image")), *image) << mode;
        EXPECT_TRUE(run.out[1].binaries().isEmpty()) << mode;
    }
}

TEST(LuaCodeNode, ContextOffersLogProgressVarsParamsEnv)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, params(QStringLiteral(R"(
function execute(ctx, items)
  ctx.log("starting " .. #items)
  ctx:warn("careful")
  print("printed", 1)
  ctx.progress(0.5)
  ctx:progress(0.75)
  return {{node = ctx.node, rate = ctx.vars.rate, mode = ctx.params.mode, home = ctx.env.HOME,
           ok = pcall(function() ctx.vars.rate = 1 end)}}
end)")));
    ctx.vars = engine::Object{{QStringLiteral("rate"), 0.2}};
    ctx.env = engine::Object{{QStringLiteral("HOME"), QStringLiteral("/home/u")}};
    const NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral(R"({"home":"/home/u","mode":"all","node":"My Code","ok":false,"rate":0.2})"));
    ASSERT_EQ(ctx.logs.size(), 3);
    EXPECT_EQ(ctx.logs[0], std::make_pair(engine::LogLevel::Info, QStringLiteral("starting 3")));
    EXPECT_EQ(ctx.logs[1], std::make_pair(engine::LogLevel::Warning, QStringLiteral("careful")));
    EXPECT_EQ(ctx.logs[2], std::make_pair(engine::LogLevel::Info, QStringLiteral("printed\t1")));
    EXPECT_EQ(ctx.progressValues, QList<double>({0.5, 0.75}));
}

TEST(LuaCodeNode, CompilesOnceAndKeepsStateAcrossBatches)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, params(QStringLiteral(R"(
loads = (loads or 0) + 1
local seen = 0
function execute(ctx, items)
  seen = seen + #items
  return {}
end
function finish(ctx)
  return {{seen = seen, loads = loads}}
end)")));
    const NodeRun run = runNode(node, ctx, {input, input, {input[0]}});
    EXPECT_EQ(text(run.out), QStringLiteral(R"({"loads":1,"seen":7})"));
}

TEST(LuaCodeNode, FailingItemsGoThroughOnError)
{
    LuaCodeNode node;
    const QString code = QStringLiteral("function execute(ctx, item)\n"
                                        "  if item.name == 'b' then\n"
                                        "    return item.missing.field\n"
                                        "  end\n"
                                        "  return item\n"
                                        "end");
    FakeExecutionContext ctx(node, params(code, QStringLiteral("each")));
    ctx.flowNode().settings.onError = engine::OnError::Continue;
    NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral("{\"name\":\"a\",\"price\":2}\n"
                                            "{\"name\":\"b\",\"price\":3,\"error\":\"code:3: attempt to index a nil value (field 'missing') (item 2)\"}\n"
                                            "{\"name\":\"c\",\"price\":5}"));
    ASSERT_EQ(ctx.failures.size(), 1);
    EXPECT_EQ(ctx.failures[0].code(), QStringLiteral("LUA_ERROR"));

    FakeExecutionContext routed(node, params(code, QStringLiteral("each")));
    routed.flowNode().settings.onError = engine::OnError::Route;
    run = runNode(node, routed, {input});
    EXPECT_EQ(run.out.size(), 2);
    ASSERT_EQ(run.errors.size(), 1);
    EXPECT_EQ(run.errors[0].json().value(u"name").toString(), QStringLiteral("b"));

    FakeExecutionContext stopping(node, params(code, QStringLiteral("each")));
    try {
        runNode(node, stopping, {input});
        ADD_FAILURE() << "expected a NodeError";
    } catch (const engine::NodeError& e) {
        EXPECT_EQ(e.code(), QStringLiteral("LUA_ERROR"));
        EXPECT_EQ(e.message(), QStringLiteral("code:3: attempt to index a nil value (field 'missing') (item 2)"));
    }
}

namespace {

engine::NodeError errorOf(const QString& code, const QString& mode = QStringLiteral("all"), LuaCodeLimits limits = {})
{
    LuaCodeNode node(limits);
    FakeExecutionContext ctx(node, params(code, mode));
    try {
        runNode(node, ctx, {input});
    } catch (const engine::NodeError& e) {
        return e;
    }
    ADD_FAILURE() << "no NodeError for: " << code.toStdString();
    return engine::NodeError(QString(), QString());
}

} // namespace

TEST(LuaCodeNode, ScriptErrorsBecomeNodeErrors)
{
    engine::NodeError e = errorOf(QStringLiteral("function execute(ctx, items)\n  return items +\nend"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_SYNTAX"));
    EXPECT_EQ(e.message(), QStringLiteral("code:3: unexpected symbol near 'end'"));

    e = errorOf(QStringLiteral("local x = 1"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_ERROR"));
    EXPECT_EQ(e.message(), QStringLiteral("the script must define function execute(ctx, items)"));
    EXPECT_EQ(errorOf(QStringLiteral("x = 1"), QStringLiteral("each")).message(),
              QStringLiteral("the script must define function execute(ctx, item, index)"));

    e = errorOf(QStringLiteral("function execute(ctx, items)\n  while true do end\nend"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_BUDGET"));
    EXPECT_EQ(e.message(), QStringLiteral("code:2: instruction budget of 10000000 exceeded (endless loop?)"));

    e = errorOf(QStringLiteral("function execute(ctx, items) return string.rep('x', 1e9) end"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_MEMORY"));
    EXPECT_EQ(e.message(), QStringLiteral("memory limit of 64 MiB exceeded"));

    e = errorOf(QStringLiteral("function execute(ctx, items) return 42 end"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_RESULT"));
    EXPECT_EQ(e.message(), QStringLiteral("the result of execute: expected an item (a table), a list of items or nil, got a number"));

    e = errorOf(QStringLiteral("function execute(ctx, items) end"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_RESULT"));

    e = errorOf(QStringLiteral("function execute(ctx, items) return {{f = print}} end"));
    EXPECT_EQ(e.code(), QStringLiteral("LUA_RESULT"));
    EXPECT_EQ(e.message(), QStringLiteral("cannot convert f to JSON: a function value has no JSON form"));

    e = errorOf(QStringLiteral("function execute(ctx, items) error('bad input') end"));
    EXPECT_EQ(e.message(), QStringLiteral("code:1: bad input"));

    e = errorOf(QStringLiteral("function execute(ctx, items) while true do end end"), QStringLiteral("all"),
                LuaCodeLimits{LuaSandbox::defaultMemoryLimit, 1000});
    EXPECT_EQ(e.message(), QStringLiteral("code:1: instruction budget of 1000 exceeded (endless loop?)"));

    e = errorOf(QStringLiteral("function execute(ctx, items) while true do end end"), QStringLiteral("all"),
                LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited, std::chrono::milliseconds(150)});
    EXPECT_EQ(e.code(), QStringLiteral("LUA_BUDGET"));
    EXPECT_EQ(e.message(), QStringLiteral("code:1: time limit of 0.15 s per call exceeded (endless loop?)"));
}

TEST(LuaCodeNode, AHalfConvertedResultLeavesNothingBehind)
{
    LuaCodeNode node;
    FakeExecutionContext ctx(node, params(QStringLiteral(
        "function execute(ctx, item) if item.name == 'b' then return {{part = 1}, 'oops'} end return item end"),
        QStringLiteral("each")));
    ctx.flowNode().settings.onError = engine::OnError::Continue;
    const NodeRun run = runNode(node, ctx, {input});
    EXPECT_EQ(text(run.out), QStringLiteral(
        "{\"name\":\"a\",\"price\":2}\n"
        "{\"name\":\"b\",\"price\":3,\"error\":\"the result of execute, item 2: expected an item (a table with fields), got a string\"}\n"
        "{\"name\":\"c\",\"price\":5}"));
    ASSERT_EQ(ctx.failures.size(), 1);
    EXPECT_EQ(ctx.failures[0].code(), QStringLiteral("LUA_RESULT"));
}

TEST(LuaCodeNode, ARetryAfterAFailedStartPreparesAgain)
{
    // The script's top level outlives the first attempt's deadline; the retry gets a fresh state.
    LuaCodeNode node(LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited});
    FakeExecutionContext ctx(node, params(QStringLiteral(
        "local start = os.clock() while os.clock() - start < 0.3 do end\n"
        "runs = (runs or 0) + 1\n"
        "function execute(ctx, items) return {{runs = runs}} end")));
    auto instance = node.instantiate();
    engine::Outputs out(1);
    ctx.token = engine::CancellationToken().child(engine::CancellationToken::Clock::now() + std::chrono::milliseconds(100));
    EXPECT_THROW(instance->execute(ctx, engine::Inputs({input}), out), engine::Cancelled);
    ctx.token = engine::CancellationToken();
    instance->execute(ctx, engine::Inputs({input}), out);
    EXPECT_EQ(text(out.port(0)), QStringLiteral(R"({"runs":1})"));
}

TEST(LuaCodeNode, CheckParamsReportsSyntaxErrorsWithTheLine)
{
    LuaCodeNode node;
    const auto problems = node.checkParams(params(QStringLiteral("function execute(ctx, items)\n  local x = = 1\nend")));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].first, QStringLiteral("code"));
    EXPECT_EQ(problems[0].second, QStringLiteral("code:2: unexpected symbol near '='"));
    EXPECT_TRUE(node.checkParams(params(QStringLiteral("function execute(ctx, items) return items end"))).isEmpty());
}

TEST(LuaCodeNode, CancellationStopsARunningScript)
{
    LuaCodeNode node(LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited});
    FakeExecutionContext ctx(node, params(QStringLiteral("function execute(ctx, items) while true do end end")));
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ctx.token.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(runNode(node, ctx, {input}), engine::Cancelled);
    canceller.join();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.5);
}

TEST(LuaCodeNode, TimeoutStopsEachMode)
{
    LuaCodeNode node(LuaCodeLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited});
    FakeExecutionContext ctx(node, params(QStringLiteral("function execute(ctx, item) while true do end end"),
                                          QStringLiteral("each")));
    ctx.flowNode().settings.onError = engine::OnError::Continue;
    ctx.token = engine::CancellationToken().child(engine::CancellationToken::Clock::now() + std::chrono::milliseconds(100));
    EXPECT_THROW(runNode(node, ctx, {input}), engine::Cancelled);
    EXPECT_TRUE(ctx.failures.isEmpty()) << "a timeout is not an item failure";
}
