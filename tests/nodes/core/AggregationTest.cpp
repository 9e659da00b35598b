#include "nodes/core/Aggregation.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace taskloom::engine;
using taskloom::nodes::core::Aggregation;
using taskloom::nodes::core::FieldPath;
using taskloom::nodes::core::ValueOrder;

namespace {

using Function = Aggregation::Function;

// Feeds values the way Aggregate does (numbers read first for sum and average) and returns the result as JSON.
std::string run(Function f, const QList<Value>& values, const QString& field = QStringLiteral("x"))
{
    Aggregation::Spec spec;
    spec.function = f;
    spec.field = FieldPath::parse(field);
    spec.separator = QStringLiteral("/");
    Aggregation a(&spec);
    for (const Value& v : values)
        a.add(v, Aggregation::isNumeric(f) ? ValueOrder::toNumber(v) : std::nullopt);
    return Json::serialize(a.result()).toStdString();
}

TEST(Aggregation, CountCountsItemsWithoutAFieldAndValuesWithOne)
{
    const QList<Value> values{1, Value(), QStringLiteral(""), QStringLiteral("a"), 0};
    EXPECT_EQ(run(Function::Count, values, {}), "5");
    EXPECT_EQ(run(Function::Count, values), "3");
    EXPECT_EQ(run(Function::CountDistinct, {1, 1.0, QStringLiteral("1"), Value(), 2}), "3");
}

TEST(Aggregation, SumStaysIntegralWhileItCan)
{
    EXPECT_EQ(run(Function::Sum, {1, QStringLiteral(" 2 "), 3}), "6");
    EXPECT_EQ(run(Function::Sum, {1, 2.5}), "3.5");
    EXPECT_EQ(run(Function::Sum, {}), "0");
    EXPECT_EQ(run(Function::Sum, {std::numeric_limits<qint64>::max(), 1}), "9223372036854775808")
        << "overflow falls back to double";
    EXPECT_EQ(run(Function::Sum, {QStringLiteral("1e2"), 1}), "101");
}

TEST(Aggregation, Average)
{
    EXPECT_EQ(run(Function::Average, {1, 2}), "1.5");
    EXPECT_EQ(run(Function::Average, {2, QStringLiteral("4"), Value()}), "3") << "missing values are not counted";
    EXPECT_EQ(run(Function::Average, {}), "null");
}

TEST(Aggregation, MinAndMaxAreTypeAware)
{
    EXPECT_EQ(run(Function::Max, {QStringLiteral("9"), QStringLiteral("10"), 2}), "10") << "numeric text is a number";
    EXPECT_EQ(run(Function::Min, {QStringLiteral("9"), QStringLiteral("10"), 2.5}), "2.5");
    EXPECT_EQ(run(Function::Min, {QStringLiteral("2024-02-01"), QStringLiteral("2023-12-31T23:00:00-02:00")}),
              "\"2023-12-31T23:00:00-02:00\"");
    EXPECT_EQ(run(Function::Max, {QStringLiteral("b"), QStringLiteral("a"), Value()}), "\"b\"");
    EXPECT_EQ(run(Function::Min, {QStringLiteral("b"), 5}), "5") << "numbers sort before text";
    EXPECT_EQ(run(Function::Max, {}), "null");
}

TEST(Aggregation, FirstLastSkipMissing)
{
    EXPECT_EQ(run(Function::First, {Value(), QStringLiteral(" "), 2, 3}), "2");
    EXPECT_EQ(run(Function::Last, {2, 3, Value()}), "3");
}

TEST(Aggregation, ListsAndText)
{
    EXPECT_EQ(run(Function::Concatenate, {QStringLiteral("a"), 1, Value(), true}), "\"a/1/true\"");
    EXPECT_EQ(run(Function::CollectList, {QStringLiteral("a"), 1, Value(), QStringLiteral("a")}), "[\"a\",1,\"a\"]");
    EXPECT_EQ(run(Function::CollectUnique, {QStringLiteral("a"), 1, 1.0, QStringLiteral("a"), Array{1}, Array{1}}),
              "[\"a\",1,[1]]");
    EXPECT_EQ(run(Function::CollectList, {}), "[]");
}

TEST(Aggregation, Names)
{
    EXPECT_EQ(Aggregation::defaultOutputName(Function::Sum, QStringLiteral("total")), u"sum_total");
    EXPECT_EQ(Aggregation::defaultOutputName(Function::Count, {}), u"count");
    EXPECT_EQ(Aggregation::defaultOutputName(Function::Average, QStringLiteral("order.lines[0].total")),
              u"average_order_lines_0_total");
    EXPECT_EQ(Aggregation::defaultOutputName(Function::CollectUnique, QStringLiteral("[\"odd key\"]")),
              u"collectUnique_odd_key");
    for (const auto& o : Aggregation::functionOptions())
        EXPECT_EQ(Aggregation::functionName(*Aggregation::functionFromName(o.value)), o.value);
    EXPECT_FALSE(Aggregation::functionFromName(u"median"));
}

} // namespace
