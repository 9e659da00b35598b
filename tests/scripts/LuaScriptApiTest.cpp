// The scripting API added for Lua nodes and the Code node: regex (PCRE2 with limits), csv, base64, hashing and
// time zones. Results are compared as JSON text.

#include "LuaTestSupport.hpp"

using namespace taskloom;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

class LuaScriptApi : public ::testing::Test {
protected:
    QString eval(const QString& code)
    {
        // Statements ("local m = ... return m") as they are; an expression gets a "return".
        const bool statements = code.startsWith(u"local ") || code.startsWith(u"return ");
        auto r = runLua(m_sandbox, statements ? code : QStringLiteral("return ") + code);
        return r ? text(*r) : QStringLiteral("ERROR: ") + r.error().message;
    }

    LuaSandbox m_sandbox;
};

} // namespace

TEST_F(LuaScriptApi, RegexMatchesWithGroupsAndNames)
{
    EXPECT_EQ(eval(QStringLiteral("regex.test('Order 42', [[\\d+]])")), u"true");
    EXPECT_EQ(eval(QStringLiteral("regex.test('Order', [[\\d+]])")), u"false");
    EXPECT_EQ(eval(QStringLiteral("local m = regex.match('due 2024-05-31', [[(?<year>\\d{4})-(?<month>\\d\\d)-(\\d\\d)]]) "
                                  "return {m.match, m[1], m[3], m.named.month, m.names, m.start, m.finish}")),
              QStringLiteral(R"(["2024-05-31","2024","31","05",["year","month"],5,14])"));
    EXPECT_EQ(eval(QStringLiteral("regex.match('abc', 'x') == nil")), u"true");
    EXPECT_EQ(eval(QStringLiteral("regex.match('ÄBC', 'äbc', 'i').match")), u"\"ÄBC\"");
    EXPECT_EQ(eval(QStringLiteral("local out = {} for _, m in ipairs(regex.matchAll('a1b22c333', [[\\d+]])) do out[#out+1] = m.match end return out")),
              QStringLiteral(R"(["1","22","333"])"));
    EXPECT_EQ(eval(QStringLiteral("#regex.matchAll('aaa', 'x*')")), u"4") << "empty matches advance";
}

TEST_F(LuaScriptApi, RegexReplaceSplitEscape)
{
    EXPECT_EQ(eval(QStringLiteral("{regex.replace('2024-05-31', [[(\\d+)-(\\d+)-(\\d+)]], '$3.$2.$1')}")), QStringLiteral(R"(["31.05.2024",1])"));
    EXPECT_EQ(eval(QStringLiteral("regex.replace('John Smith', [[(?<first>\\w+) (?<last>\\w+)]], '${last}, ${first} ($$)')")),
              QStringLiteral(R"x("Smith, John ($)")x"));
    EXPECT_EQ(eval(QStringLiteral("{regex.replace('a-b-c', '-', '+', nil, 1)}")), QStringLiteral(R"(["a+b-c",1])"));
    EXPECT_EQ(eval(QStringLiteral("regex.replace('x1y22', [[\\d+]], function(m) return '<' .. #m.match .. '>' end)")),
              QStringLiteral(R"("x<1>y<2>")"));
    EXPECT_EQ(eval(QStringLiteral("regex.split('a, b;c', [[[,;]\\s*]])")), QStringLiteral(R"(["a","b","c"])"));
    EXPECT_EQ(eval(QStringLiteral("regex.escape('1+1=2?')")), QStringLiteral(R"("1\\+1=2\\?")"));
    EXPECT_EQ(eval(QStringLiteral("regex.test('a+b', regex.escape('a+b'))")), u"true");
}

TEST_F(LuaScriptApi, RegexErrorsAreClear)
{
    EXPECT_EQ(eval(QStringLiteral("regex.match('x', '(')")),
              u"ERROR: code:1: regex: invalid pattern at offset 1: missing closing parenthesis");
    EXPECT_EQ(eval(QStringLiteral("regex.match('x', 'x', 'q')")), u"ERROR: code:1: regex: unknown flag 'q' (i, m, s, x)");
    EXPECT_EQ(eval(QStringLiteral("regex.replace('x', '(x)', '$2')")), u"ERROR: code:1: regex.replace: the pattern has no group 2");
}

// The classic catastrophic pattern: without limits this runs for ages (2^n steps). It must fail fast and clearly.
TEST_F(LuaScriptApi, CatastrophicBacktrackingFailsFast)
{
    Watchdog watchdog(std::chrono::seconds(60), "catastrophic regex");
    const auto start = std::chrono::steady_clock::now();
    const QString r = eval(QStringLiteral("regex.test(('a'):rep(40) .. '!', [[^(a+)+$]])"));
    EXPECT_TRUE(r.startsWith(u"ERROR: code:1: regex: the pattern backtracks too much")) << r.toStdString();
    EXPECT_LT(secondsSince(start), 10.0);
    EXPECT_EQ(eval(QStringLiteral("regex.test(('a'):rep(40), [[^(a+)+$]])")), u"true") << "the sandbox still works";
}

TEST_F(LuaScriptApi, CsvParsesAndEncodes)
{
    EXPECT_EQ(eval(QStringLiteral("csv.parse('name,qty\\nwidget,2\\n\"a, b\",\"say \"\"hi\"\"\"\\r\\n')")),
              QStringLiteral(R"([{"name":"widget","qty":"2"},{"name":"a, b","qty":"say \"hi\""}])"));
    EXPECT_EQ(eval(QStringLiteral("csv.parse('a;b\\n1;2', {separator = ';', header = false})")), QStringLiteral(R"([["a","b"],["1","2"]])"));
    EXPECT_EQ(eval(QStringLiteral("csv.parse('x\\n\"multi\\nline\"\\n')[1].x")), QStringLiteral(R"("multi\nline")"));
    EXPECT_EQ(eval(QStringLiteral("csv.parse('a\\n\"open')")), u"ERROR: code:1: csv.parse: a quoted field is not closed (line 2)");
    EXPECT_EQ(eval(QStringLiteral("csv.encode(csv.parse('b,a\\n1,\"x,y\"\\n'))")), QStringLiteral(R"("b,a\n1,\"x,y\"\n")"));
    EXPECT_EQ(eval(QStringLiteral("csv.encode({{n = 1, s = 'a\"b'}}, {columns = {'s', 'n'}})")), QStringLiteral(R"("s,n\n\"a\"\"b\",1\n")"));
    EXPECT_EQ(eval(QStringLiteral("csv.encode({{1, 2}, {3, 4}}, {separator = '\\t'})")), QStringLiteral(R"("1\t2\n3\t4\n")"));
}

TEST_F(LuaScriptApi, Base64AndHashes)
{
    EXPECT_EQ(eval(QStringLiteral("base64.encode('hello')")), u"\"aGVsbG8=\"");
    EXPECT_EQ(eval(QStringLiteral("base64.decode('aGVsbG8=')")), u"\"hello\"");
    EXPECT_EQ(eval(QStringLiteral("base64.encode('\\255\\254', true)")), u"\"__4\"");
    EXPECT_EQ(eval(QStringLiteral("base64.decode('%%%')")), u"ERROR: code:1: base64.decode: the text is not valid base64");
    EXPECT_EQ(eval(QStringLiteral("hash.sha256('abc')")), u"\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
    EXPECT_EQ(eval(QStringLiteral("hash.md5('')")), u"\"d41d8cd98f00b204e9800998ecf8427e\"");
    EXPECT_EQ(eval(QStringLiteral("hash.sha1('abc')")), u"\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
    EXPECT_EQ(eval(QStringLiteral("hash.hmac('sha256', 'key', 'The quick brown fox jumps over the lazy dog')")),
              u"\"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8\"");
    EXPECT_EQ(eval(QStringLiteral("hash.hmac('sha3', 'k', 'x')")), u"ERROR: code:1: hash.hmac: unknown algorithm \"sha3\" (sha256, sha512, sha1, md5)");
}

TEST_F(LuaScriptApi, DatesInTimeZones)
{
    EXPECT_EQ(eval(QStringLiteral("date.toZone('2024-03-10T00:00:00Z', 'Asia/Seoul')")), u"\"2024-03-10T09:00:00+09:00\"");
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-07-01T12:00:00Z', 'yyyy-MM-dd HH:mm', 'Europe/Berlin')")), u"\"2024-07-01 14:00\"");
    EXPECT_EQ(eval(QStringLiteral("date.format('2024-01-01T12:00:00Z', 'HH:mm', 'Europe/Berlin')")), u"\"13:00\"");
    EXPECT_EQ(eval(QStringLiteral("date.offset('2024-07-01T00:00:00Z', 'America/New_York')")), u"-14400");
    EXPECT_EQ(eval(QStringLiteral("date.parse('31.05.2024 08:15', 'dd.MM.yyyy HH:mm', 'Asia/Seoul')")), u"\"2024-05-31T08:15:00+09:00\"");
    EXPECT_EQ(eval(QStringLiteral("date.toZone('2024-03-10T00:00:00Z', 'Mars/Olympus')")),
              u"ERROR: code:1: date.toZone: unknown time zone \"Mars/Olympus\" (an IANA name such as Europe/Berlin or UTC)");
}
