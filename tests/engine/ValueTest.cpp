#include "engine/Item.hpp"
#include "engine/Value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

using namespace taskloom::engine;

namespace {

QStringList keysOf(const Object& o) { return o.keys(); }

TEST(Object, KeepsInsertionOrder)
{
    Object o;
    o.insert(QStringLiteral("zeta"), 1);
    o.insert(QStringLiteral("alpha"), 2);
    o.insert(QStringLiteral("mid"), 3);
    EXPECT_EQ(keysOf(o), (QStringList{"zeta", "alpha", "mid"}));
}

TEST(Object, ReplacingAValueKeepsItsPosition)
{
    Object o{{"a", 1}, {"b", 2}, {"c", 3}};
    o.insert(QStringLiteral("b"), QStringLiteral("two"));
    EXPECT_EQ(keysOf(o), (QStringList{"a", "b", "c"}));
    EXPECT_EQ(o.value(u"b").toString(), "two");
    o[QStringLiteral("d")] = 4; // operator[] appends a missing key
    EXPECT_EQ(keysOf(o), (QStringList{"a", "b", "c", "d"}));
}

TEST(Object, RenameKeepsThePlace)
{
    Object o{{"first", 1}, {"second", 2}, {"third", 3}};
    EXPECT_TRUE(o.rename(u"second", QStringLiteral("middle")));
    EXPECT_EQ(keysOf(o), (QStringList{"first", "middle", "third"}));
    EXPECT_EQ(o.value(u"middle").toInt(), 2);
    EXPECT_FALSE(o.rename(u"absent", QStringLiteral("x")));
    EXPECT_EQ(o.size(), 3);
}

TEST(Object, RenameOntoAnExistingKeyReplacesIt)
{
    Object o{{"a", 1}, {"b", 2}, {"c", 3}};
    EXPECT_TRUE(o.rename(u"c", QStringLiteral("a")));
    EXPECT_EQ(keysOf(o), (QStringList{"b", "a"}));
    EXPECT_EQ(o.value(u"a").toInt(), 3);

    Object p{{"a", 1}, {"b", 2}, {"c", 3}};
    EXPECT_TRUE(p.rename(u"a", QStringLiteral("c")));
    EXPECT_EQ(keysOf(p), (QStringList{"c", "b"}));
    EXPECT_EQ(p.value(u"c").toInt(), 1);
}

TEST(Object, RemoveAndMissingKeys)
{
    Object o{{"a", 1}, {"b", 2}};
    EXPECT_TRUE(o.remove(u"a"));
    EXPECT_FALSE(o.remove(u"a"));
    EXPECT_EQ(keysOf(o), QStringList{"b"});
    EXPECT_TRUE(o.value(u"nothing").isNull());
    EXPECT_EQ(o.find(u"nothing"), nullptr);
    EXPECT_FALSE(o.contains(u"a"));
}

TEST(Object, CopyIsUnaffectedByWritesToTheOriginal)
{
    Object original{{"a", 1}, {"nested", Object{{"x", 1}}}};
    const Object copy = original;
    original.insert(QStringLiteral("a"), 100);
    original.insert(QStringLiteral("b"), 2);
    original.rename(u"nested", QStringLiteral("inner"));
    original.remove(u"a");
    EXPECT_EQ(keysOf(copy), (QStringList{"a", "nested"}));
    EXPECT_EQ(copy.value(u"a").toInt(), 1);
    EXPECT_EQ(copy.value(u"nested").objectRef().value(u"x").toInt(), 1);
}

TEST(Object, WritesToACopyLeaveTheOriginal)
{
    const Object original{{"a", 1}};
    Object copy = original;
    copy[QStringLiteral("a")] = 5;
    EXPECT_EQ(original.value(u"a").toInt(), 1);
    EXPECT_EQ(copy.value(u"a").toInt(), 5);
}

TEST(Object, EqualityIgnoresOrder)
{
    EXPECT_EQ((Object{{"a", 1}, {"b", 2}}), (Object{{"b", 2}, {"a", 1}}));
    EXPECT_FALSE((Object{{"a", 1}}) == (Object{{"a", 1}, {"b", 2}}));
    EXPECT_FALSE((Object{{"a", 1}}) == (Object{{"a", 2}}));
}

TEST(Array, CopyOnWrite)
{
    Array a{1, 2, 3};
    const Array copy = a;
    a.append(4);
    a[0] = 100;
    a.removeAt(1);
    EXPECT_EQ(copy.size(), 3);
    EXPECT_EQ(copy.at(0).toInt(), 1);
    EXPECT_EQ(a.size(), 3);
    EXPECT_EQ(a.at(0).toInt(), 100);
    a.removeAt(99); // out of range: ignored
    EXPECT_EQ(a.size(), 3);
}

TEST(Item, CopyDoesNotSeeWrites)
{
    Item a(Object{{"n", 1}});
    const Item b = a;
    a.json().insert(QStringLiteral("n"), 2);
    EXPECT_EQ(b.json().value(u"n").toInt(), 1);
    EXPECT_EQ(a.json().value(u"n").toInt(), 2);
}

TEST(Value, IntegerAndDoubleOfTheSameValueAreEqual)
{
    EXPECT_EQ(Value(3), Value(3.0));
    EXPECT_EQ(Value(3.0), Value(qint64(3)));
    EXPECT_FALSE(Value(3) == Value(3.5));
    EXPECT_FALSE(Value(3) == Value("3"));
    EXPECT_EQ((Array{1, 2.0}), (Array{1.0, 2}));
    EXPECT_EQ((Object{{"n", 1}}), (Object{{"n", 1.0}}));
    EXPECT_TRUE(Value(3).isInt());
    EXPECT_TRUE(Value(3.0).isDouble());
}

TEST(Value, LargeIntegersStayExact)
{
    const qint64 big = std::numeric_limits<qint64>::max();
    EXPECT_EQ(Value(big).toInt(), big);
    EXPECT_FALSE(Value(big) == Value(big - 1)); // a double comparison would call these equal
}

TEST(Value, ToText)
{
    EXPECT_EQ(Value().toText(), "");
    EXPECT_EQ(Value(true).toText(), "true");
    EXPECT_EQ(Value(false).toText(), "false");
    EXPECT_EQ(Value(42).toText(), "42");
    EXPECT_EQ(Value(-7).toText(), "-7");
    EXPECT_EQ(Value(0.1).toText(), "0.1");
    EXPECT_EQ(Value(2.5).toText(), "2.5");
    EXPECT_EQ(Value("héllo").toText(), "héllo");
    EXPECT_EQ(Value(Array{1, "a", Value()}).toText(), "[1,\"a\",null]");
    EXPECT_EQ(Value(Object{{"b", 1}, {"a", 2}}).toText(), "{\"b\":1,\"a\":2}");
    EXPECT_EQ(Value(std::nan("")).toText(), "null");
}

TEST(Value, Truthiness)
{
    EXPECT_FALSE(Value().isTruthy());
    EXPECT_FALSE(Value(false).isTruthy());
    EXPECT_FALSE(Value(0).isTruthy());
    EXPECT_FALSE(Value(0.0).isTruthy());
    EXPECT_FALSE(Value(std::nan("")).isTruthy());
    EXPECT_FALSE(Value("").isTruthy());
    EXPECT_FALSE(Value(Array()).isTruthy());
    EXPECT_FALSE(Value(Object()).isTruthy());
    EXPECT_TRUE(Value(true).isTruthy());
    EXPECT_TRUE(Value(-1).isTruthy());
    EXPECT_TRUE(Value(0.5).isTruthy());
    EXPECT_TRUE(Value("0").isTruthy()); // a non-empty string is true, even "0" and "false"
    EXPECT_TRUE(Value("false").isTruthy());
    EXPECT_TRUE(Value(Array{Value()}).isTruthy());
    EXPECT_TRUE(Value(Object{{"a", Value()}}).isTruthy());
}

TEST(Value, Conversions)
{
    EXPECT_EQ(Value(" 12 ").toInt(), 12);
    EXPECT_EQ(Value("x").toInt(-1), -1);
    EXPECT_EQ(Value(2.6).toInt(), 3);
    EXPECT_EQ(Value(1e300).toInt(-1), -1);
    EXPECT_DOUBLE_EQ(Value("2.5").toDouble(), 2.5);
    EXPECT_TRUE(Value("yes").toBool());
    EXPECT_FALSE(Value("no").toBool(true));
    EXPECT_TRUE(Value("maybe").toBool(true));
    EXPECT_EQ(Value(5).toString(), ""); // only strings have string content
    EXPECT_TRUE(Value(5).arrayRef().isEmpty());
    EXPECT_TRUE(Value("x").objectRef().isEmpty());
}

TEST(Value, TypeNames)
{
    EXPECT_EQ(Value().typeName(), "null");
    EXPECT_EQ(Value(1).typeName(), "integer");
    EXPECT_EQ(Value(1.5).typeName(), "number");
    EXPECT_EQ(Value("s").typeName(), "string");
    EXPECT_EQ(Value(Array()).typeName(), "array");
    EXPECT_EQ(Value(Object()).typeName(), "object");
    EXPECT_EQ(Value(true).typeName(), "boolean");
}

} // namespace
