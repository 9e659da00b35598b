#include "LuaTestSupport.hpp"

#include <QDate>
#include <QRegularExpression>

using namespace taskloom;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

class LuaHelpers : public ::testing::Test {
protected:
    QString eval(const QString& expression)
    {
        auto r = runLua(m_sandbox, QStringLiteral("return ") + expression);
        return r ? text(*r) : QStringLiteral("ERROR: ") + r.error().message;
    }

    LuaSandbox m_sandbox;
};

} // namespace

TEST_F(LuaHelpers, JsonRoundTripsInOrder)
{
    const char* doc = R"({"b":1,"a":[1,2.5,{},[]],"c":null,"d":{"z":true,"y":"s"}})";
    EXPECT_EQ(eval(QStringLiteral("json.encode(json.decode('%1'))").arg(QLatin1String(doc))), text(QString::fromLatin1(doc)));
    EXPECT_EQ(eval(QStringLiteral("json.encode({b = 1, a = {1, 2}})")), QStringLiteral(R"("{\"a\":[1,2],\"b\":1}")"));
    EXPECT_EQ(eval(QStringLiteral("json.encode({1, json.null, 'x'})")), QStringLiteral(R"("[1,null,\"x\"]")"));
    EXPECT_EQ(eval(QStringLiteral("json.encode(json.array())")), QStringLiteral(R"("[]")"));
    EXPECT_EQ(eval(QStringLiteral("json.encode({a = 1}, true)")), QStringLiteral(R"("{\n  \"a\": 1\n}")"));
    EXPECT_EQ(eval(QStringLiteral("json.decode('[1, 2, 3]')[3] + json.decode('7')")), QStringLiteral("10"));
    EXPECT_EQ(eval(QStringLiteral("tostring(json.null)")), QStringLiteral(R"("null")"));
    EXPECT_EQ(eval(QStringLiteral("json.decode('{\"a\": }')")),
              QStringLiteral("ERROR: code:1: json.decode: line 1, column 7: unexpected character '}'"));
    EXPECT_EQ(eval(QStringLiteral("json.encode(print)")),
              QStringLiteral("ERROR: code:1: cannot convert to JSON: a function value has no JSON form"));
}

TEST_F(LuaHelpers, DateNowAndToday)
{
    const QString now = eval(QStringLiteral("date.now()"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$)")).match(now).hasMatch())
        << now.toStdString();
    const QDateTime parsed = QDateTime::fromString(now.mid(1, now.size() - 2), Qt::ISODateWithMs);
    EXPECT_LT(std::abs(parsed.secsTo(QDateTime::currentDateTimeUtc())), 5);
    const QString today = eval(QStringLiteral("date.today()"));
    EXPECT_TRUE(today == QStringLiteral("\"%1\"").arg(QDate::currentDate().toString(Qt::ISODate)) ||
                today == QStringLiteral("\"%1\"").arg(QDate::currentDate().addDays(-1).toString(Qt::ISODate)))
        << today.toStdString();
}

TEST_F(LuaHelpers, DateFormatAndParse)
{
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-05-31T14:30:00Z', 'dd.MM.yyyy HH:mm')")), QStringLiteral(R"("31.05.2024 14:30")"));
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-05-31', 'd MMMM yyyy')")), QStringLiteral(R"("31 May 2024")"));
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-05-31T14:30:00+09:00', 'HH:mm')")), QStringLiteral(R"("14:30")"));
    EXPECT_EQ(eval(QStringLiteral("date.parse('31.05.2024', 'dd.MM.yyyy')")), QStringLiteral(R"("2024-05-31")"));
    EXPECT_EQ(eval(QStringLiteral("date.parse('05/31/2024 2:05 PM', 'MM/dd/yyyy h:mm AP')")), QStringLiteral(R"("2024-05-31T14:05:00")"));
    EXPECT_EQ(eval(QStringLiteral("date.parse('2024-05-31T14:30:00.250Z')")), QStringLiteral(R"("2024-05-31T14:30:00.250Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.parse('31.02.2024', 'dd.MM.yyyy')")),
              QStringLiteral(R"(ERROR: code:1: date.parse: "31.02.2024" does not match the pattern "dd.MM.yyyy")"));
    EXPECT_EQ(eval(QStringLiteral("date.format('yesterday', 'yyyy')")),
              QStringLiteral(R"(ERROR: code:1: date.format: "yesterday" is not an ISO-8601 date (like 2024-05-31 or 2024-05-31T14:30:00Z))"));
}

TEST_F(LuaHelpers, DateAddAndDiff)
{
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T23:30:00Z', 45, 'minutes')")), QStringLiteral(R"("2024-06-01T00:15:00Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T23:30:00Z', 30, 'seconds')")), QStringLiteral(R"("2024-05-31T23:30:30Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T23:30:00Z', -2, 'hours')")), QStringLiteral(R"("2024-05-31T21:30:00Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T12:00:00Z', 1.5, 'days')")), QStringLiteral(R"("2024-06-02T00:00:00Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-02-28', 2, 'day')")), QStringLiteral(R"("2024-03-01")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-01-31', 1, 'months')")), QStringLiteral(R"("2024-02-29")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T10:00:00+09:00', 1, 'weeks')")), QStringLiteral(R"("2024-06-07T10:00:00+09:00")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31T10:00:00Z', 0.25, 'seconds')")), QStringLiteral(R"("2024-05-31T10:00:00.250Z")"));
    EXPECT_EQ(eval(QStringLiteral("date.add('2024-05-31', 1, 'fortnights')")),
              QStringLiteral(R"(ERROR: code:1: date.add: unknown unit "fortnight" (seconds, minutes, hours, days, weeks, months, years))"));
    EXPECT_EQ(eval(QStringLiteral("date.diff('2024-05-31T10:00:00Z', '2024-05-31T12:30:00Z', 'hours')")), QStringLiteral("2.5"));
    EXPECT_EQ(eval(QStringLiteral("date.diff('2024-05-01', '2024-05-31', 'days')")), QStringLiteral("30"));
    EXPECT_EQ(eval(QStringLiteral("date.diff('2024-05-31T10:00:00Z', '2024-05-31T10:00:01Z')")), QStringLiteral("1"));
}

TEST_F(LuaHelpers, StringHelpersArePlainText)
{
    EXPECT_EQ(eval(QStringLiteral("str.trim('  \\t padded \\n ')")), QStringLiteral(R"("padded")"));
    EXPECT_EQ(eval(QStringLiteral("str.trim('\\u{00A0}nbsp\\u{3000}')")), QStringLiteral(R"("nbsp")"));
    EXPECT_EQ(eval(QStringLiteral("str.split('a.b..c', '.')")), QStringLiteral(R"(["a","b","","c"])"));
    EXPECT_EQ(eval(QStringLiteral("str.split('a%sb%sc', '%s')")), QStringLiteral(R"(["a","b","c"])"));
    EXPECT_EQ(eval(QStringLiteral("str.split('', ',')")), QStringLiteral(R"([""])"));
    EXPECT_EQ(eval(QStringLiteral("str.split('äb€', '')")), QStringLiteral(R"(["ä","b","€"])"));
    EXPECT_EQ(eval(QStringLiteral("{str.startsWith('a.b', 'a.'), str.startsWith('ab', '.'), str.endsWith('file.csv', '.csv'),"
                                  " str.endsWith('csv', 'x.csv'), str.contains('a+b', '+'), str.contains('ab', '.')}")),
              QStringLiteral("[true,false,true,false,true,false]"));
    EXPECT_EQ(eval(QStringLiteral("str.replace('a.b.c', '.', '%1')")), QStringLiteral(R"("a%1b%1c")"));
    EXPECT_EQ(eval(QStringLiteral("str.replace('aaa', 'a', 'bb')")), QStringLiteral(R"("bbbbbb")"));
    EXPECT_EQ(eval(QStringLiteral("str.replace('abc', '', 'x')")), QStringLiteral(R"("abc")"));
    EXPECT_EQ(eval(QStringLiteral("str.trim(nil)")),
              QStringLiteral("ERROR: code:1: bad argument #1 to 'trim' (string expected, got nil)"));
}

TEST_F(LuaHelpers, StringReplaceCannotEscapeTheMemoryCap)
{
    auto r = runLua(m_sandbox, QStringLiteral("return str.replace(string.rep('a', 1e6), 'a', string.rep('b', 1000))"),
                    LuaSandbox::unlimited);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, QStringLiteral("memory limit of 64 MiB exceeded"));
}
