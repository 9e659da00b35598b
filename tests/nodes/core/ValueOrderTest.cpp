#include "nodes/core/ValueOrder.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::ValueOrder;

namespace {

using Kind = ValueOrder::Kind;
using Text = ValueOrder::Text;

int cmp(const Value& a, const Value& b, Text text = Text::CaseSensitive)
{
    return ValueOrder::compare(ValueOrder::key(a), ValueOrder::key(b), text);
}

TEST(ValueOrder, ClassifiesValues)
{
    EXPECT_EQ(ValueOrder::key(Value()).kind, Kind::Missing);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("  ")).kind, Kind::Missing);
    EXPECT_EQ(ValueOrder::key(QStringLiteral(" 12.5 ")).kind, Kind::Number);
    EXPECT_EQ(ValueOrder::key(QStringLiteral(" 12.5 ")).number, 12.5);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("-1e3")).number, -1000);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("inf")).kind, Kind::Text);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("2024-03-01")).kind, Kind::Date);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("2024-03-01T10:00:00+02:00")).kind, Kind::Date);
    EXPECT_EQ(ValueOrder::key(QStringLiteral("2024-02-30")).kind, Kind::Text) << "not a real date";
    EXPECT_EQ(ValueOrder::key(true).kind, Kind::Boolean);
    EXPECT_EQ(ValueOrder::key(Array{1, 2}).kind, Kind::Other);
}

TEST(ValueOrder, NumbersCompareByValueWhetherTextOrNot)
{
    EXPECT_LT(cmp(QStringLiteral("9"), QStringLiteral("10")), 0);
    EXPECT_LT(cmp(9, QStringLiteral("10")), 0);
    EXPECT_EQ(cmp(QStringLiteral("9.0"), 9), 0);
    EXPECT_GT(cmp(2.5, qint64(2)), 0);
}

TEST(ValueOrder, DatesCompareAsInstants)
{
    // 23:00 at -02:00 is 01:00 UTC the next day: after midnight UTC, before 02:00 UTC.
    EXPECT_GT(cmp(QStringLiteral("2023-12-31T23:00:00-02:00"), QStringLiteral("2024-01-01")), 0);
    EXPECT_LT(cmp(QStringLiteral("2023-12-31T23:00:00-02:00"), QStringLiteral("2024-01-01T02:00:00Z")), 0);
    EXPECT_EQ(cmp(QStringLiteral("2024-01-01T01:00:00Z"), QStringLiteral("2024-01-01 01:00")), 0)
        << "no offset reads as UTC";
}

TEST(ValueOrder, KindsOrderNumbersDatesTextBooleansOther)
{
    const QList<Value> ascending{QStringLiteral("100"), QStringLiteral("1999-01-01"), QStringLiteral("abc"), false,
                                 Array{}};
    for (qsizetype i = 1; i < ascending.size(); ++i)
        EXPECT_LT(cmp(ascending[i - 1], ascending[i]), 0) << i;
    EXPECT_GT(cmp(Value(), Array{}), 0) << "missing after everything";
    EXPECT_EQ(cmp(Value(), QStringLiteral("")), 0);
}

TEST(ValueOrder, TextComparisons)
{
    EXPECT_LT(cmp(QStringLiteral("B"), QStringLiteral("a")), 0);
    EXPECT_GT(cmp(QStringLiteral("B"), QStringLiteral("a"), Text::CaseInsensitive), 0);
    EXPECT_EQ(cmp(QStringLiteral("Eng"), QStringLiteral("eng"), Text::CaseInsensitive), 0);
    EXPECT_LT(cmp(QStringLiteral("item10"), QStringLiteral("item2")), 0);
    EXPECT_GT(cmp(QStringLiteral("item10"), QStringLiteral("item2"), Text::Natural), 0);
}

TEST(ValueOrder, NaturalCompare)
{
    EXPECT_LT(ValueOrder::naturalCompare(u"item2", u"item10"), 0);
    EXPECT_LT(ValueOrder::naturalCompare(u"Item2", u"item10"), 0) << "ignores case";
    EXPECT_EQ(ValueOrder::naturalCompare(u"a007", u"A7"), 0) << "leading zeros do not count";
    EXPECT_LT(ValueOrder::naturalCompare(u"file", u"file1"), 0);
    EXPECT_LT(ValueOrder::naturalCompare(u"v1.9.2", u"v1.10.0"), 0);
    EXPECT_GT(ValueOrder::naturalCompare(u"x99999999999999999999999", u"x99999999999999999999998"), 0)
        << "digit runs longer than 64 bits";
    EXPECT_LT(ValueOrder::naturalCompare(u"a1b", u"a1c"), 0);
    EXPECT_EQ(ValueOrder::naturalCompare(u"", u""), 0);
}

TEST(ValueOrder, NumbersAndIntegers)
{
    EXPECT_EQ(ValueOrder::toNumber(QStringLiteral(" 3.5 ")).value_or(-1), 3.5);
    EXPECT_FALSE(ValueOrder::toNumber(QStringLiteral("")).has_value());
    EXPECT_FALSE(ValueOrder::toNumber(QStringLiteral("12abc")).has_value());
    EXPECT_FALSE(ValueOrder::toNumber(true).has_value());
    EXPECT_FALSE(ValueOrder::toNumber(QStringLiteral("nan")).has_value());
    EXPECT_EQ(ValueOrder::toInteger(QStringLiteral("12")).value_or(-1), 12);
    EXPECT_FALSE(ValueOrder::toInteger(QStringLiteral("12.0")).has_value());
    EXPECT_FALSE(ValueOrder::toInteger(12.0).has_value()) << "a double stays a double";
}

} // namespace
