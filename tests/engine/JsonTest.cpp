#include "engine/Json.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace taskloom::engine {
inline void PrintTo(const Value& v, std::ostream* os) { *os << Json::serialize(v).toStdString(); }
} // namespace taskloom::engine

using namespace taskloom::engine;

namespace {

JsonError errorOf(QByteArrayView text)
{
    auto r = Json::parse(text);
    EXPECT_FALSE(r.has_value()) << "parsed: " << text.toByteArray().toStdString();
    return r ? JsonError{} : r.error();
}

Value parsed(QByteArrayView text)
{
    auto r = Json::parse(text);
    EXPECT_TRUE(r.has_value()) << text.toByteArray().toStdString() << ": " << (r ? "" : r.error().toString().toStdString());
    return r ? *r : Value();
}

TEST(Json, RoundTripKeepsKeyOrder)
{
    const QByteArray text = R"({"zeta":1,"alpha":[true,false,null],"mid":{"y":"a","x":-2.5},"": ""})";
    const QByteArray compact = R"({"zeta":1,"alpha":[true,false,null],"mid":{"y":"a","x":-2.5},"":""})";
    const Value v = parsed(text);
    EXPECT_EQ(v.objectRef().keys(), (QStringList{"zeta", "alpha", "mid", ""}));
    EXPECT_EQ(Json::serialize(v), compact);
    EXPECT_EQ(Json::serialize(parsed(Json::serialize(v))), compact);
}

TEST(Json, RepeatedKeyKeepsFirstPositionAndLastValue)
{
    const Value v = parsed(R"({"a":1,"b":2,"a":3})");
    EXPECT_EQ(Json::serialize(v), R"({"a":3,"b":2})");
}

TEST(Json, ErrorsCarryLineAndColumn)
{
    JsonError e = errorOf("{\n  \"a\": 1,\n  \"b\" 2\n}");
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, 7);
    EXPECT_TRUE(e.message.contains(u"':'")) << e.message.toStdString();
    EXPECT_EQ(e.toString(), QStringLiteral("line 3, column 7: ") + e.message);

    e = errorOf("[1, 2,\n   x]");
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 4);
    EXPECT_TRUE(e.message.contains(u"unexpected character 'x'"));

    e = errorOf("{\"a\": 1 \"b\": 2}");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 9);
    EXPECT_TRUE(e.message.contains(u"expected ',' or '}'"));
}

TEST(Json, TruncatedInput)
{
    const QByteArray full = R"({"a": [1, 2, {"b": "text", "c": true}], "d": null})";
    for (qsizetype n = 0; n < full.size(); ++n) {
        const JsonError e = errorOf(QByteArrayView(full).first(n));
        EXPECT_FALSE(e.message.isEmpty()) << n;
        EXPECT_EQ(e.line, 1);
        EXPECT_GE(e.column, 1);
        EXPECT_LE(e.column, n + 1) << "column past the end for " << n << " bytes";
    }
    EXPECT_TRUE(errorOf("").message.contains(u"empty"));
    EXPECT_TRUE(errorOf("  \n ").message.contains(u"empty"));
    EXPECT_TRUE(errorOf("[1, 2").message.contains(u"end of document"));
    EXPECT_TRUE(errorOf("\"abc").message.contains(u"unterminated string"));
    EXPECT_TRUE(errorOf("\"ab\\").message.contains(u"unterminated string"));
    EXPECT_TRUE(errorOf("\"\\u12").message.contains(u"truncated \\u escape"));
    EXPECT_TRUE(errorOf("tru").message.contains(u"invalid literal"));
}

TEST(Json, BadEscapes)
{
    JsonError e = errorOf(R"(["ok", "bad \x escape"])");
    EXPECT_TRUE(e.message.contains(u"invalid escape '\\x'")) << e.message.toStdString();
    EXPECT_EQ(e.column, 13); // the backslash that starts the escape
    e = errorOf(R"("\u12G4")");
    EXPECT_TRUE(e.message.contains(u"invalid \\u escape"));
    e = errorOf("\"tab\there\"");
    EXPECT_TRUE(e.message.contains(u"control character"));
    EXPECT_EQ(e.column, 5);
}

TEST(Json, Numbers)
{
    EXPECT_TRUE(errorOf("01").message.contains(u"leading zeros"));
    EXPECT_TRUE(errorOf("-012").message.contains(u"leading zeros"));
    EXPECT_TRUE(errorOf("[00]").message.contains(u"leading zeros"));
    EXPECT_TRUE(errorOf("1.").message.contains(u"digits expected after '.'"));
    EXPECT_TRUE(errorOf("1e").message.contains(u"exponent"));
    EXPECT_TRUE(errorOf("-").message.contains(u"invalid number"));
    EXPECT_TRUE(errorOf("+1").message.contains(u"unexpected character"));
    EXPECT_TRUE(errorOf(".5").message.contains(u"unexpected character"));
    EXPECT_TRUE(parsed("0").isInt());
    EXPECT_TRUE(parsed("-0.5").isDouble());
    EXPECT_TRUE(parsed("1e2").isDouble());
    EXPECT_EQ(parsed("1E+2").toDouble(), 100.0);
}

TEST(Json, LargeIntegersStayExactUntilTheyDoNotFit)
{
    Value v = parsed("9223372036854775807");
    ASSERT_TRUE(v.isInt());
    EXPECT_EQ(v.toInt(), std::numeric_limits<qint64>::max());
    EXPECT_EQ(Json::serialize(v), "9223372036854775807");
    v = parsed("-9223372036854775808");
    ASSERT_TRUE(v.isInt());
    EXPECT_EQ(v.toInt(), std::numeric_limits<qint64>::min());
    v = parsed("9223372036854775808"); // one more: a double, not a wrapped integer
    ASSERT_TRUE(v.isDouble());
    EXPECT_EQ(v.toDouble(), 9223372036854775808.0);
    v = parsed("123456789012345678901234567890");
    ASSERT_TRUE(v.isDouble());
    EXPECT_GT(v.toDouble(), 1.2e29);
    // Beyond the range of a double: infinity, which JSON cannot hold, so it writes as null.
    v = parsed("1e400");
    EXPECT_TRUE(std::isinf(v.toDouble()));
    EXPECT_EQ(Json::serialize(v), "null");
    // Closer to zero than a double can hold: zero, not infinity.
    EXPECT_EQ(parsed("1e-400").toDouble(), 0.0);
    EXPECT_EQ(Json::serialize(parsed("-1e-400")), "0"); // negative zero writes as 0, as in JavaScript
    EXPECT_EQ(Json::formatDouble(-0.0), "0");
    EXPECT_EQ(parsed("0.00000000000000000001e-320").toDouble(), 0.0);
    EXPECT_EQ(parsed("1000000000000000000000e-345").toDouble(), 0.0);
    EXPECT_TRUE(std::isinf(parsed("0.0000000001e320").toDouble()));
    EXPECT_TRUE(std::isinf(parsed("-1e99999999999999999999").toDouble()));
    EXPECT_EQ(parsed("1e-99999999999999999999").toDouble(), 0.0);
}

TEST(Json, DoublesRoundTripShortest)
{
    const double values[] = {0.1, 0.2 + 0.1, 1.0 / 3.0, 2.5, -1234.5678, 1e21, 1e-7, 123456789.125,
                             DBL_MAX, DBL_MIN, 5e-324, 6.02214076e23};
    for (double d : values) {
        const QString text = Json::formatDouble(d);
        const Value back = parsed(text.toUtf8());
        EXPECT_EQ(back.toDouble(), d) << text.toStdString();
        // Shortest: one digit fewer no longer reads back (checked by the known cases below).
    }
    EXPECT_EQ(Json::formatDouble(0.1), "0.1");
    EXPECT_EQ(Json::formatDouble(0.2 + 0.1), "0.30000000000000004");
    EXPECT_EQ(Json::formatDouble(2.5), "2.5");
    EXPECT_EQ(Json::formatDouble(1e21), "1e+21");
    EXPECT_EQ(Json::formatDouble(std::nan("")), "null");
    EXPECT_EQ(Json::formatDouble(HUGE_VAL), "null");
    EXPECT_EQ(Json::serialize(Value(Array{0.5, 3})), "[0.5,3]");
}

TEST(Json, SurrogatePairs)
{
    const Value v = parsed(R"("\ud83d\ude00 and \u00e9")");
    EXPECT_EQ(v.toString(), QString::fromUtf8("\xF0\x9F\x98\x80 and \xC3\xA9"));
    // Serialised as UTF-8, not escaped; reads back the same.
    EXPECT_EQ(Json::serialize(v), QByteArray("\"\xF0\x9F\x98\x80 and \xC3\xA9\""));
    EXPECT_EQ(parsed(Json::serialize(v)), v);
    // Raw UTF-8 input works the same as the escapes.
    EXPECT_EQ(parsed("\"\xF0\x9F\x98\x80\""), Value(QString::fromUtf8("\xF0\x9F\x98\x80")));
    // A lone surrogate cannot be represented: it becomes U+FFFD rather than an invalid string.
    EXPECT_EQ(parsed(R"("\ud83d")").toString(), QString(QChar(0xFFFD)));
    EXPECT_EQ(parsed(R"("\ude00x")").toString(), QString(QChar(0xFFFD)) + u'x');
    EXPECT_EQ(parsed(R"("\ud83d\u0041")").toString(), QString(QChar(0xFFFD)) + u'A');
}

TEST(Json, EscapesAreWrittenBack)
{
    const Value v = QString::fromUtf8("quote\" backslash\\ nl\n tab\t cr\r bell\x07 slash/");
    const QByteArray text = Json::serialize(v);
    EXPECT_EQ(text, QByteArray(R"("quote\" backslash\\ nl\n tab\t cr\r bell\u0007 slash/")"));
    EXPECT_EQ(parsed(text), v);
    EXPECT_EQ(parsed(R"("\/\b\f")").toString(), QStringLiteral("/\b\f"));
}

TEST(Json, ByteOrderMarkIsSkipped)
{
    const Value v = parsed("\xEF\xBB\xBF{\"a\": 1}");
    EXPECT_EQ(v.objectRef().value(u"a").toInt(), 1);
    EXPECT_FALSE(Json::parse("\xEF\xBB{}").has_value()); // half a BOM is not one
}

TEST(Json, NestingDeeperThanTheLimitIsAnErrorNotACrash)
{
    auto nested = [](int depth) { return QByteArray(depth, '[') + QByteArray(depth, ']'); };
    EXPECT_TRUE(Json::parse(nested(Json::maxDepth)).has_value());
    const JsonError e = errorOf(nested(Json::maxDepth + 1));
    EXPECT_TRUE(e.message.contains(u"nesting deeper than")) << e.message.toStdString();
    // Far deeper than any stack could recurse.
    EXPECT_TRUE(errorOf(QByteArray(1000000, '[')).message.contains(u"nesting deeper than"));
    EXPECT_TRUE(errorOf(QByteArray(500000, '{').replace("{", "{\"a\":")).message.contains(u"nesting deeper than"));
}

TEST(Json, TrailingTextIsAnError)
{
    const JsonError e = errorOf("{} {}");
    EXPECT_TRUE(e.message.contains(u"after the JSON value"));
    EXPECT_EQ(e.column, 4);
    EXPECT_TRUE(errorOf("[1,]").message.contains(u"unexpected character ']'"));
    EXPECT_TRUE(errorOf("{\"a\":1,}").message.contains(u"expected a string key"));
    EXPECT_TRUE(errorOf("{a:1}").message.contains(u"expected a string key"));
}

TEST(Json, IndentedOutput)
{
    const Value v = parsed(R"({"a":[1,2],"b":{},"c":[]})");
    EXPECT_EQ(Json::serialize(v, Json::WriteOptions{true, 0}),
              "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}

TEST(Json, InlineWidthKeepsShortContainersOnOneLine)
{
    const Value v = parsed(R"({"name":"x","position":[100,200],"params":{"fields":[{"name":"total","value":"{{ item.a }}"}]}})");
    EXPECT_EQ(Json::serialize(v, Json::WriteOptions{true, 200}),
              R"({"name": "x", "position": [100, 200], "params": {"fields": [{"name": "total", "value": "{{ item.a }}"}]}})");
    EXPECT_EQ(Json::serialize(v, Json::WriteOptions{true, 50}),
              "{\n"
              "  \"name\": \"x\",\n"
              "  \"position\": [100, 200],\n"
              "  \"params\": {\n"
              "    \"fields\": [{\"name\": \"total\", \"value\": \"{{ item.a }}\"}]\n"
              "  }\n"
              "}");
    // Strings holding ':' and ',' are not touched by the spacing.
    EXPECT_EQ(Json::serialize(parsed(R"(["a,b","c:d"])"), Json::WriteOptions{true, 100}), R"(["a,b", "c:d"])");
}

TEST(Json, InlineWidthNeverDropsContent)
{
    // The compact form of the outer array fits the width while the spaced form of the inner one does not.
    const Value v = parsed("[[1,2,3,4,5,6,7,8]]");
    for (int width = 1; width < 40; ++width) {
        const QByteArray text = Json::serialize(v, Json::WriteOptions{true, width});
        EXPECT_EQ(parsed(text), v) << "width " << width << ": " << text.toStdString();
    }
    const Value w = parsed(R"({"k":{"list":[1,2,3,4,5,6,7,8,9,10,11,12]}})");
    for (int width = 1; width < 80; ++width) {
        const QByteArray text = Json::serialize(w, Json::WriteOptions{true, width});
        EXPECT_EQ(parsed(text), w) << "width " << width << ": " << text.toStdString();
    }
}

} // namespace
