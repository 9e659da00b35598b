#include "engine/Template.hpp"

#include <gtest/gtest.h>

inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

using namespace taskloom::engine;

namespace {

// "text|{expr}|text": literal parts as they are, expressions in braces.
QString shape(const QString& s)
{
    auto t = Template::parse(s);
    if (!t)
        return QStringLiteral("error: ") + t.error();
    QStringList parts;
    for (const Template::Part& p : t->parts())
        parts.append(p.isExpression ? u'{' + p.text + u'}' : p.text);
    return parts.join(u'|');
}

TEST(Template, PlainTextIsOneLiteral)
{
    EXPECT_EQ(shape(QStringLiteral("just text")), "just text");
    EXPECT_FALSE(Template::containsExpression(u"just { text }"));
    EXPECT_TRUE(Template::parse(QString())->parts().isEmpty());
}

TEST(Template, SplitsExpressionsAndText)
{
    EXPECT_EQ(shape(QStringLiteral("Order {{ item.id }}: {{item.total}} EUR")), "Order |{item.id}|: |{item.total}| EUR");
    EXPECT_EQ(shape(QStringLiteral("{{a}}{{b}}")), "{a}|{b}");
}

TEST(Template, SingleExpressionKeepsItsType)
{
    EXPECT_TRUE(Template::parse(QStringLiteral("{{ item.total }}"))->isSingleExpression());
    EXPECT_FALSE(Template::parse(QStringLiteral(" {{ item.total }}"))->isSingleExpression());
    EXPECT_FALSE(Template::parse(QStringLiteral("{{ a }}{{ b }}"))->isSingleExpression());
    EXPECT_FALSE(Template::parse(QStringLiteral("plain"))->isSingleExpression());
}

TEST(Template, BracesInsideExpressions)
{
    EXPECT_EQ(shape(QStringLiteral("{{ {a = {1}} }}")), "{{a = {1}}}");
    EXPECT_EQ(shape(QStringLiteral("x {{ #{1, 2} }} y")), "x |{#{1, 2}}| y");
}

TEST(Template, StringsInsideExpressions)
{
    EXPECT_EQ(shape(QStringLiteral("{{ \"}}\" .. item.a }}")), "{\"}}\" .. item.a}");
    EXPECT_EQ(shape(QStringLiteral("{{ 'it\\'s }}' }}")), "{'it\\'s }}'}");
    EXPECT_EQ(shape(QStringLiteral("{{ [[ }} ]] }}")), "{[[ }} ]]}");
    EXPECT_EQ(shape(QStringLiteral("{{ [==[ ]] }} ]==] }} tail")), "{[==[ ]] }} ]==]}| tail");
    EXPECT_EQ(shape(QStringLiteral("{{ t[1] }}")), "{t[1]}");
}

TEST(Template, UnterminatedExpressionNamesTheColumn)
{
    EXPECT_EQ(shape(QStringLiteral("abc {{ item.x")), "error: column 5: \"{{\" without a closing \"}}\"");
    EXPECT_EQ(shape(QStringLiteral("{{ a }} and {{ \"}} ")), "error: column 13: \"{{\" without a closing \"}}\"");
    EXPECT_EQ(shape(QStringLiteral("{{ [[ }}")), "error: column 1: \"{{\" without a closing \"}}\"");
    EXPECT_EQ(shape(QStringLiteral("{{ {a }}")), "error: column 1: \"{{\" without a closing \"}}\"");
}

TEST(Template, EmptyExpressionIsAnError)
{
    EXPECT_EQ(shape(QStringLiteral("x {{   }}")), "error: column 3: empty expression \"{{ }}\"");
}

TEST(Template, ClosingBracesWithoutOpeningAreText)
{
    EXPECT_EQ(shape(QStringLiteral("a }} b")), "a }} b");
}

} // namespace
