#include "nodes/core/ValueKey.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::ValueKey;

namespace {

Value parse(const char* json) { return *Json::parse(json); }

TEST(ValueKey, EqualValuesShareAKey)
{
    EXPECT_EQ(ValueKey::of(qint64(7)), ValueKey::of(7.0));
    EXPECT_EQ(ValueKey::of(parse(R"({"a": 1, "b": [1, {"c": 2, "d": 3}]})")),
              ValueKey::of(parse(R"({"b": [1.0, {"d": 3, "c": 2}], "a": 1})")));
    EXPECT_EQ(ValueKey::of(Value()), ValueKey::of(parse("null")));
}

TEST(ValueKey, DifferentValuesDiffer)
{
    const QList<Value> values{Value(), false, true, 0, 1, 1.5, QStringLiteral("1"), QStringLiteral(""),
                              QStringLiteral("z"), Array{}, Object{}, Array{1}, Array{Value(Array{1})},
                              parse(R"({"a": 1})"), parse(R"({"a": "1"})")};
    for (qsizetype i = 0; i < values.size(); ++i) {
        for (qsizetype j = i + 1; j < values.size(); ++j)
            EXPECT_NE(ValueKey::of(values[i]), ValueKey::of(values[j])) << i << " " << j;
    }
}

TEST(ValueKey, LooseMatchesNumericTextThatSpellsTheNumber)
{
    const auto loose = ValueKey::Match::Loose;
    EXPECT_EQ(ValueKey::of(QStringLiteral("7"), loose), ValueKey::of(7, loose));
    EXPECT_EQ(ValueKey::of(QStringLiteral("7"), loose), ValueKey::of(7.0, loose));
    EXPECT_EQ(ValueKey::of(QStringLiteral("-1.5"), loose), ValueKey::of(-1.5, loose));
    EXPECT_NE(ValueKey::of(QStringLiteral("007"), loose), ValueKey::of(7, loose)) << "a zip code is not a number";
    EXPECT_NE(ValueKey::of(QStringLiteral("007"), loose), ValueKey::of(QStringLiteral("7"), loose));
    EXPECT_NE(ValueKey::of(QStringLiteral("7.0"), loose), ValueKey::of(QStringLiteral("7"), loose));
    EXPECT_NE(ValueKey::of(QStringLiteral(" 7"), loose), ValueKey::of(7, loose));
    EXPECT_NE(ValueKey::of(QStringLiteral("7")), ValueKey::of(7)) << "strict";
}

TEST(ValueKey, CompositeKeysAreUnambiguous)
{
    QString ab;
    ValueKey::appendPart(ab, QStringLiteral("a"));
    ValueKey::appendPart(ab, QStringLiteral("b:c"));
    QString abc;
    ValueKey::appendPart(abc, QStringLiteral("a:b"));
    ValueKey::appendPart(abc, QStringLiteral("c"));
    EXPECT_NE(ab, abc);
    QString twoNulls;
    ValueKey::appendPart(twoNulls, Value());
    ValueKey::appendPart(twoNulls, Value());
    QString oneNull;
    ValueKey::appendPart(oneNull, Value());
    EXPECT_NE(twoNulls, oneNull);
}

TEST(ValueKey, NumberText)
{
    EXPECT_EQ(ValueKey::numberText(7.0), u"7");
    EXPECT_EQ(ValueKey::numberText(-0.25), u"-0.25");
    EXPECT_EQ(ValueKey::numberText(1e20), u"1e+20");
}

} // namespace
