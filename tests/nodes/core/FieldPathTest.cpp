#include "nodes/core/FieldPath.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::FieldPath;

namespace {

Object parse(const char* json) { return Json::parse(json)->toObject(); }
std::string text(const Object& o) { return Json::serialize(Value(o)).toStdString(); }
std::string text(const Value& v) { return Json::serialize(v).toStdString(); }

const char* const order = R"({"id": 7, "customer": {"name": "Ada", "address": {"city": "Paris"}},
    "lines": [{"amount": 1.5}, {"amount": 2}], "odd key": {"x": true}, "empty": null})";

TEST(FieldPath, ReadsPlainDottedIndexedAndQuotedPaths)
{
    const Object o = parse(order);
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("id")).get(o)), "7");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("customer.address.city")).get(o)), "\"Paris\"");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("lines[1].amount")).get(o)), "2");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("lines[0]")).get(o)), R"({"amount":1.5})");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("[\"odd key\"].x")).get(o)), "true");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("['odd key'].x")).get(o)), "true");
    EXPECT_EQ(text(FieldPath::parse(QStringLiteral("  customer.name  ")).get(o)), "\"Ada\"");
}

TEST(FieldPath, MissingStepsReadAsNull)
{
    const Object o = parse(order);
    for (const char* p : {"nope", "customer.nope.deeper", "lines[5].amount", "id.x", "customer[0]", "lines.amount", ""})
        EXPECT_TRUE(FieldPath::parse(QString::fromLatin1(p)).get(o).isNull()) << p;
}

TEST(FieldPath, Parsing)
{
    EXPECT_TRUE(FieldPath::parse(QString()).isEmpty());
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("   ")).isEmpty());
    EXPECT_EQ(FieldPath::parse(QStringLiteral(" a.b ")).text(), "a.b");
    // An unclosed bracket is not a subscript: the rest is a literal key.
    Object o;
    FieldPath::parse(QStringLiteral("a[b")).set(o, 1);
    EXPECT_EQ(text(o), R"({"a":{"[b":1}})");
    // A negative or non-numeric subscript is a key.
    Object p;
    FieldPath::parse(QStringLiteral("m[-1]")).set(p, 1);
    EXPECT_EQ(text(p), R"({"m":{"-1":1}})");
}

TEST(FieldPath, ExistsCountsAPresentNull)
{
    const Object o = parse(order);
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("empty")).exists(o));
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("customer.address")).exists(o));
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("lines[1]")).exists(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("lines[2]")).exists(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("customer.age")).exists(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("")).exists(o));
    const Object nestedNull = parse(R"({"a": {"b": null}})");
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("a.b")).exists(nestedNull));
}

TEST(FieldPath, SetCreatesWhatIsMissingAndKeepsOrder)
{
    Object o = parse(R"({"z": 1, "a": {"keep": true}})");
    FieldPath::parse(QStringLiteral("a.new")).set(o, "x");
    FieldPath::parse(QStringLiteral("b.c.d")).set(o, 2);
    FieldPath::parse(QStringLiteral("z")).set(o, 3);
    EXPECT_EQ(text(o), R"({"z":3,"a":{"keep":true,"new":"x"},"b":{"c":{"d":2}}})");

    Object list;
    FieldPath::parse(QStringLiteral("items[2].name")).set(list, "third");
    EXPECT_EQ(text(list), R"({"items":[null,null,{"name":"third"}]})");
    FieldPath::parse(QStringLiteral("items[0]")).set(list, 0);
    EXPECT_EQ(text(list), R"({"items":[0,null,{"name":"third"}]})");

    // A scalar in the way becomes an object.
    Object scalar = parse(R"({"a": 5})");
    FieldPath::parse(QStringLiteral("a.b")).set(scalar, 1);
    EXPECT_EQ(text(scalar), R"({"a":{"b":1}})");

    Object untouched = parse(R"({"a": 1})");
    FieldPath().set(untouched, 2);
    EXPECT_EQ(text(untouched), R"({"a":1})");
}

TEST(FieldPath, SetOnACopyLeavesTheOriginal)
{
    const Object original = parse(R"({"a": {"b": [1, {"c": 2}]}})");
    Object copy = original;
    FieldPath::parse(QStringLiteral("a.b[1].c")).set(copy, 99);
    FieldPath::parse(QStringLiteral("a.x")).set(copy, 1);
    EXPECT_EQ(text(original), R"({"a":{"b":[1,{"c":2}]}})");
    EXPECT_EQ(text(copy), R"({"a":{"b":[1,{"c":99}],"x":1}})");
}

TEST(FieldPath, Remove)
{
    Object o = parse(order);
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("customer.address.city")).remove(o));
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("lines[0]")).remove(o));
    EXPECT_TRUE(FieldPath::parse(QStringLiteral("id")).remove(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("id")).remove(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("lines[9]")).remove(o));
    EXPECT_FALSE(FieldPath::parse(QStringLiteral("customer.nope")).remove(o));
    EXPECT_FALSE(FieldPath().remove(o));
    EXPECT_EQ(text(o), R"({"customer":{"name":"Ada","address":{}},"lines":[{"amount":2}],"odd key":{"x":true},"empty":null})");
}

} // namespace
