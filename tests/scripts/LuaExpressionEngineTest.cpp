#include "scripts/LuaExpressionEngine.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/Json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace taskloom;
using namespace taskloom::scripts;

namespace {

engine::Value json(const char* text)
{
    auto v = engine::Json::parse(QByteArrayView(text));
    EXPECT_TRUE(v.has_value()) << text;
    return v ? *v : engine::Value();
}

class LuaExpressions : public ::testing::Test {
protected:
    LuaExpressions()
    {
        m_items = {engine::Item(json(R"({"name":"a","price":2,"qty":3})").objectRef()),
                   engine::Item(json(R"({"name":"b","price":1.5,"qty":2,"tags":["x"]})").objectRef())};
        m_vars = json(R"({"rate":0.2,"region":"EU"})").objectRef();
        m_env = json(R"({"HOME":"/home/u"})").objectRef();
        m_other = {engine::Item(json(R"({"id":7})").objectRef()), engine::Item(json(R"({"id":8})").objectRef())};
        m_evaluator = m_engine.createEvaluator();
    }

    engine::ExpressionScope scope(qsizetype index) const
    {
        engine::ExpressionScope s;
        if (index >= 0) {
            s.item = &m_items[index];
            s.index = index;
        }
        s.items = &m_items;
        s.variables = &m_vars;
        s.env = &m_env;
        s.nodeOutput = [this](const QString& name) -> const engine::ItemList* {
            return name == u"Fetch" ? &m_other : nullptr;
        };
        return s;
    }

    QString eval(const QString& expression, qsizetype index = 0)
    {
        auto handle = m_evaluator->compile(expression);
        if (!handle)
            return QStringLiteral("COMPILE: ") + handle.error();
        auto v = m_evaluator->evaluate(*handle, scope(index));
        return v ? QString::fromUtf8(engine::Json::serialize(*v)) : QStringLiteral("ERROR: ") + v.error();
    }

    LuaExpressionEngine m_engine;
    std::unique_ptr<engine::ExpressionEvaluator> m_evaluator;
    engine::ItemList m_items;
    engine::ItemList m_other;
    engine::Object m_vars;
    engine::Object m_env;
};

} // namespace

TEST_F(LuaExpressions, CheckSyntaxAcceptsExpressionsAndBlocks)
{
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("item.price * item.qty")), QString());
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("local x = item.a * 2; return x")), QString());
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("{a = 1, b = {2}}")), QString());
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("item.price +")), QStringLiteral("expr:1: unexpected symbol near <eof>"));
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("local x = 1\nreturn x +")), QStringLiteral("expr:2: unexpected symbol near <eof>"));
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("local x = = 1; return x")), QStringLiteral("expr:1: unexpected symbol near '='"));
}

TEST_F(LuaExpressions, CheckSyntaxRunsNothing)
{
    // Would loop forever if it ran.
    EXPECT_EQ(m_engine.checkSyntax(QStringLiteral("(function() while true do end end)()")), QString());
}

TEST_F(LuaExpressions, SeesTheScope)
{
    EXPECT_EQ(eval(QStringLiteral("item.price * item.qty")), QStringLiteral("6"));
    EXPECT_EQ(eval(QStringLiteral("item.price * item.qty"), 1), QStringLiteral("3"));
    EXPECT_EQ(eval(QStringLiteral("index"), 1), QStringLiteral("2"));
    EXPECT_EQ(eval(QStringLiteral("#items .. ':' .. items[2].name")), QStringLiteral(R"("2:b")"));
    EXPECT_EQ(eval(QStringLiteral("vars.region .. vars.rate")), QStringLiteral(R"("EU0.2")"));
    EXPECT_EQ(eval(QStringLiteral("env.HOME")), QStringLiteral(R"("/home/u")"));
    EXPECT_EQ(eval(QStringLiteral("node['Fetch'].json.id + #node['Fetch'].items + node.Fetch.items[2].id")), QStringLiteral("17"));
    EXPECT_EQ(eval(QStringLiteral("{item == nil, index == nil, #items}"), -1), QStringLiteral("[true,true,2]"));
    EXPECT_EQ(eval(QStringLiteral("item")), QStringLiteral(R"({"name":"a","price":2,"qty":3})"));
    EXPECT_EQ(eval(QStringLiteral("item.tags"), 1), QStringLiteral(R"(["x"])"));
    EXPECT_EQ(eval(QStringLiteral("local total = 0; for _, it in ipairs(items) do total = total + it.qty end; return total")),
              QStringLiteral("5"));
}

TEST_F(LuaExpressions, HelpersAndLibrariesAreThere)
{
    EXPECT_EQ(eval(QStringLiteral("str.trim('  ' .. item.name .. ' ')")), QStringLiteral(R"("a")"));
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-01-02', 'yyyy')")), QStringLiteral(R"("2024")"));
    EXPECT_EQ(eval(QStringLiteral("json.encode(item)")), QStringLiteral(R"("{\"name\":\"a\",\"price\":2,\"qty\":3}")"));
    EXPECT_EQ(eval(QStringLiteral("string.format('%05.1f', item.price)")), QStringLiteral(R"("002.0")"));
    EXPECT_EQ(eval(QStringLiteral("math.max(item.price, item.qty)")), QStringLiteral("3"));
    EXPECT_EQ(eval(QStringLiteral("require('list').sum(items, 'qty')")), QStringLiteral("5"));
}

TEST_F(LuaExpressions, ErrorsCarryTheLine)
{
    EXPECT_EQ(eval(QStringLiteral("item.price\n+ item.missing.value")),
              QStringLiteral("ERROR: expr:2: attempt to index a nil value (field 'missing')"));
    EXPECT_EQ(eval(QStringLiteral("nothing.here")), QStringLiteral("ERROR: expr:1: attempt to index a nil value (global 'nothing')"));
    EXPECT_EQ(eval(QStringLiteral("item.price +")), QStringLiteral("COMPILE: expr:1: unexpected symbol near <eof>"));
    EXPECT_EQ(eval(QStringLiteral("node['Nope'].json")), QStringLiteral(R"(ERROR: expr:1: node "Nope" is unknown or has not run yet)"));
    EXPECT_EQ(eval(QStringLiteral("print")), QStringLiteral("ERROR: cannot convert to JSON: a function value has no JSON form"));
}

TEST_F(LuaExpressions, CannotChangeSharedState)
{
    EXPECT_EQ(eval(QStringLiteral("x = 1; return x")), QStringLiteral("ERROR: expr:1: expressions cannot set globals: use `local x = ...`"));
    EXPECT_EQ(eval(QStringLiteral("(function() vars.rate = 1 end)()")), QStringLiteral("ERROR: expr:1: vars is read-only"));
    EXPECT_EQ(eval(QStringLiteral("(function() items[1].price = 1 end)()")), QStringLiteral("ERROR: expr:1: items is read-only"));
    EXPECT_EQ(eval(QStringLiteral("(function() node.Fetch = 1 end)()")), QStringLiteral("ERROR: expr:1: node is read-only"));
    // Writing to `item` changes this evaluation's copy only.
    EXPECT_EQ(eval(QStringLiteral("local _ = 0; item.price = 100; return item.price")), QStringLiteral("100"));
    EXPECT_EQ(eval(QStringLiteral("item.price")), QStringLiteral("2"));
    EXPECT_EQ(m_items[0].json().value(u"price").toInt(), 2);
}

TEST_F(LuaExpressions, CompileCachesHandles)
{
    auto a = m_evaluator->compile(QStringLiteral("item.name"));
    auto b = m_evaluator->compile(QStringLiteral("item.qty"));
    auto c = m_evaluator->compile(QStringLiteral("item.name"));
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(*a, *c);
    EXPECT_NE(*a, *b);
    EXPECT_FALSE(m_evaluator->evaluate(99, scope(0)));
}

TEST_F(LuaExpressions, BudgetAndMemoryStopRunawayExpressions)
{
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(eval(QStringLiteral("(function() while true do end end)()")),
              QStringLiteral("ERROR: expr:1: instruction budget of 1000000 exceeded (endless loop?)"));
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
    EXPECT_EQ(eval(QStringLiteral("string.rep('x', 1e9)")), QStringLiteral("ERROR: memory limit of 64 MiB exceeded"));
    EXPECT_EQ(eval(QStringLiteral("item.name")), QStringLiteral(R"("a")")) << "the evaluator survives";
}

TEST_F(LuaExpressions, CancellationStopsAnEvaluation)
{
    LuaExpressionEngine generous(LuaExpressionLimits{LuaSandbox::defaultMemoryLimit, LuaSandbox::unlimited});
    auto evaluator = generous.createEvaluator();
    auto handle = evaluator->compile(QStringLiteral("(function() while true do end end)()"));
    ASSERT_TRUE(handle);
    engine::CancellationToken token;
    engine::ExpressionScope s = scope(0);
    s.cancellation = &token;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        token.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    auto r = evaluator->evaluate(*handle, s);
    canceller.join();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), QStringLiteral("expr:1: cancelled"));
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.5);
}

// Measures the cost of one evaluation over one item. The bound is loose (a shared CI machine); what it catches
// is per-evaluation state creation or conversion of the whole batch, which cost far more.
TEST_F(LuaExpressions, EvaluationIsFast)
{
    engine::ItemList many;
    for (int i = 0; i < 1000; ++i)
        many.append(engine::Item(engine::Object{{QStringLiteral("price"), i}, {QStringLiteral("qty"), 2},
                                                {QStringLiteral("name"), QStringLiteral("n%1").arg(i)}}));
    auto handle = m_evaluator->compile(QStringLiteral("item.price * item.qty"));
    ASSERT_TRUE(handle);
    engine::ExpressionScope s;
    s.items = &many;
    s.variables = &m_vars;
    constexpr int rounds = 100;
    std::vector<double> perEval;
    for (int round = 0; round < 5; ++round) {
        const auto start = std::chrono::steady_clock::now();
        qint64 sum = 0;
        for (int r = 0; r < rounds; ++r) {
            for (qsizetype i = 0; i < many.size(); ++i) {
                s.item = &many.at(i);
                s.index = i;
                sum += m_evaluator->evaluate(*handle, s)->toInt();
            }
        }
        ASSERT_EQ(sum, qint64(rounds) * 999 * 1000);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        perEval.push_back(seconds * 1e6 / (rounds * double(many.size())));
    }
    std::sort(perEval.begin(), perEval.end());
    std::cout << "[ measure  ] expression evaluation: " << perEval.front() << " us best, " << perEval[2] << " us median\n";
    EXPECT_LT(perEval[2], 25.0);
}
