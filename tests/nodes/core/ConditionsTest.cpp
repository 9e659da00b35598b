#include "nodes/core/Conditions.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::Conditions;
using Op = Conditions::Op;

namespace {

// Conditions only asks its context to evaluate {{ }} text; this one answers `item.<field>` and nothing else.
class ItemOnlyContext final : public ExecutionContext {
public:
    const FlowNode& node() const override { return m_node; }
    const QString& runId() const override { return m_node.id; }
    Value paramValue(const QString&, const Item*, qsizetype) const override { return {}; }
    Value rawParamValue(const QString&) const override { return {}; }
    bool isDynamic(const QString&) const override { return false; }
    Value evaluateText(const QString& paramName, const QString& text, const Item* item, qsizetype) const override
    {
        const QString e = text.trimmed().remove(QStringLiteral("{{")).remove(QStringLiteral("}}")).trimmed();
        if (!e.startsWith(u"item.") || !item)
            throw NodeError::param(paramName, text, QStringLiteral("cannot evaluate"));
        return item->json().value(QStringView(e).mid(5));
    }
    Credential credential(const QString&) const override { return {}; }
    void updateCredential(const Credential&) const override {}
    const ItemList& runInput() const override { return m_items; }
    const Object& triggerData() const override { return m_object; }
    const Object& variables() const override { return m_object; }
    const Object& environment() const override { return m_object; }
    const CancellationToken& cancellation() const override { return m_token; }
    void log(LogLevel, const QString&) override {}
    void progress(double, const QString&) override {}
    QString resolvePath(const QString& path) const override { return path; }
    BinaryRef makeBinary(QByteArray, const QString&, const QString&) override { return {}; }
    qsizetype batchSize() const override { return 1; }
    int attempt() const override { return 1; }
    void failItem(const Item&, const NodeError& error, Outputs&) override { throw error; }
    std::expected<ItemList, QString> runLoopBody(const ItemList&) override { return std::unexpected(QString()); }
    std::expected<ItemList, QString> runSubflow(const QString&, const ItemList&) override { return std::unexpected(QString()); }

private:
    FlowNode m_node;
    ItemList m_items;
    Object m_object;
    CancellationToken m_token;
};

bool test(const Value& left, Op op, const Value& right)
{
    const QRegularExpression re(right.toText());
    return Conditions::test(left, op, right, &re);
}

Array rules(const char* json) { return Json::parse(json)->toArray(); }

bool matches(const char* rulesJson, const char* itemJson, bool any = false)
{
    ItemOnlyContext ctx;
    const auto parsed = Conditions::parseRules(QStringLiteral("rules"), rules(rulesJson));
    return Conditions::matches(ctx, QStringLiteral("rules"), parsed, any, Item(Json::parse(itemJson)->toObject()), 0);
}

TEST(Conditions, EqualityIsNumericWhenBothSidesAreNumbers)
{
    EXPECT_TRUE(test(10, Op::Equals, "10"));
    EXPECT_TRUE(test("10.0", Op::Equals, "10"));
    EXPECT_TRUE(test(" 3 ", Op::Equals, 3.0));
    EXPECT_FALSE(test("abc", Op::Equals, "ABC"));
    EXPECT_TRUE(test("abc", Op::NotEquals, "ABC"));
    EXPECT_TRUE(test(Value(), Op::Equals, ""));
    EXPECT_FALSE(test("", Op::Equals, 0)); // an empty cell is not the number 0
    EXPECT_TRUE(test(true, Op::Equals, "true"));
}

TEST(Conditions, OrderingComparesNumbersAsNumbersAndTextAsText)
{
    EXPECT_TRUE(test("9", Op::Less, "10"));        // numerically, not "9" > "10" as text
    EXPECT_TRUE(test("b", Op::Greater, "a"));
    EXPECT_TRUE(test(5, Op::GreaterOrEqual, "5"));
    EXPECT_TRUE(test(5, Op::LessOrEqual, 5.5));
    EXPECT_FALSE(test(Value(), Op::Less, 5));      // a missing value is not less than anything
    EXPECT_FALSE(test(Value(), Op::Greater, -5));
    EXPECT_FALSE(test(Value(), Op::GreaterOrEqual, ""));
}

TEST(Conditions, TextOperators)
{
    EXPECT_TRUE(test("invoice-2024", Op::Contains, "2024"));
    EXPECT_TRUE(test("invoice-2024", Op::NotContains, "2023"));
    EXPECT_TRUE(test("invoice-2024", Op::StartsWith, "inv"));
    EXPECT_TRUE(test("invoice-2024", Op::EndsWith, "24"));
    EXPECT_FALSE(test("invoice-2024", Op::StartsWith, "2024"));
    EXPECT_TRUE(test(Value(Array{"a", 2}), Op::Contains, "2"));  // array membership
    EXPECT_FALSE(test(Value(Array{"ab"}), Op::Contains, "a"));   // not a substring of an element
    EXPECT_TRUE(test("A-17", Op::Matches, "^[A-Z]-\\d+$"));
    EXPECT_TRUE(test("a-17", Op::NotMatches, "^[A-Z]-\\d+$"));
}

TEST(Conditions, EmptinessExistenceAndTruth)
{
    for (const Value& empty : {Value(), Value(""), Value(Array()), Value(Object())}) {
        EXPECT_TRUE(test(empty, Op::IsEmpty, {}));
        EXPECT_FALSE(test(empty, Op::IsNotEmpty, {}));
    }
    EXPECT_FALSE(test(0, Op::IsEmpty, {}));
    EXPECT_FALSE(test(" ", Op::IsEmpty, {}));
    EXPECT_TRUE(test("yes", Op::IsTrue, {}));
    EXPECT_TRUE(test(1, Op::IsTrue, {}));
    EXPECT_TRUE(test("false", Op::IsFalse, {}));
    EXPECT_TRUE(test(0, Op::IsFalse, {}));
    EXPECT_FALSE(test("maybe", Op::IsTrue, {}));
    EXPECT_FALSE(test("maybe", Op::IsFalse, {}));
}

TEST(Conditions, OperatorNames)
{
    EXPECT_EQ(Conditions::opFromName(u"gte"), Op::GreaterOrEqual);
    EXPECT_EQ(Conditions::opFromName(u"notMatches"), Op::NotMatches);
    EXPECT_FALSE(Conditions::opFromName(u"like").has_value());
    EXPECT_EQ(Conditions::operatorOptions().size(), 18);
    for (const ParamOption& o : Conditions::operatorOptions())
        EXPECT_TRUE(Conditions::opFromName(o.value).has_value()) << o.value.toStdString();
}

TEST(Conditions, MatchesAllOrAnyRule)
{
    const char* r = R"([{"field": "country", "operator": "equals", "value": "FR"},
                        {"field": "total", "operator": "gt", "value": "100"}])";
    EXPECT_TRUE(matches(r, R"({"country": "FR", "total": 150})"));
    EXPECT_FALSE(matches(r, R"({"country": "FR", "total": 50})"));
    EXPECT_TRUE(matches(r, R"({"country": "FR", "total": 50})", true));
    EXPECT_FALSE(matches(r, R"({"country": "DE", "total": 50})", true));
    EXPECT_TRUE(matches("[]", "{}"));       // no rules: everything passes
    EXPECT_TRUE(matches("[]", "{}", true));
}

TEST(Conditions, FieldsArePathsOrExpressions)
{
    EXPECT_TRUE(matches(R"([{"field": "customer.address.city", "value": "Paris"}])",
                        R"({"customer": {"address": {"city": "Paris"}}})")); // operator defaults to equals
    EXPECT_TRUE(matches(R"([{"field": "{{ item.a }}", "operator": "equals", "value": "{{ item.b }}"}])", R"({"a": 2, "b": 2.0})"));
    EXPECT_FALSE(matches(R"([{"field": "{{ item.a }}", "operator": "equals", "value": "{{ item.b }}"}])", R"({"a": 2, "b": 3})"));
    EXPECT_TRUE(matches(R"([{"field": "{{ item.code }}", "operator": "matches", "value": "{{ item.pattern }}"}])",
                        R"({"code": "X1", "pattern": "^X\\d$"})"));
}

TEST(Conditions, ExistsTellsAPresentNullFromAMissingField)
{
    EXPECT_TRUE(matches(R"([{"field": "a", "operator": "exists"}])", R"({"a": null})"));
    EXPECT_FALSE(matches(R"([{"field": "a", "operator": "exists"}])", R"({"b": 1})"));
    EXPECT_TRUE(matches(R"([{"field": "a.b", "operator": "notExists"}])", R"({"a": {}})"));
    EXPECT_FALSE(matches(R"([{"field": "{{ item.a }}", "operator": "exists"}])", R"({"a": null})"));
}

TEST(Conditions, BadRulesAreErrorsNamingTheParameter)
{
    try {
        Conditions::parseRules(QStringLiteral("rules"), rules(R"([{"field": "a", "operator": "like", "value": "x"}])"));
        FAIL() << "no error";
    } catch (const NodeError& e) {
        EXPECT_TRUE(e.message().startsWith(u"parameter \"rules\"")) << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(u"unknown operator \"like\"")) << e.message().toStdString();
    }
    EXPECT_THROW(Conditions::parseRules(QStringLiteral("rules"), rules(R"([{"field": "a", "operator": "matches", "value": "(x"}])")),
                 NodeError);
    ItemOnlyContext ctx;
    const auto dynamic = Conditions::parseRules(QStringLiteral("rules"),
                                                rules(R"([{"field": "a", "operator": "matches", "value": "{{ item.re }}"}])"));
    EXPECT_THROW(Conditions::matches(ctx, QStringLiteral("rules"), dynamic, false, Item(Object{{"re", "(x"}}), 0), NodeError);
}

TEST(Conditions, CheckReportsBadRegularExpressionsForTheValidator)
{
    const auto problems = Conditions::check(QStringLiteral("rules"),
                                            Value(rules(R"([{"field": "a", "operator": "matches", "value": "ok+"},
                                                           {"field": "b", "operator": "notMatches", "value": "[unclosed"},
                                                           {"field": "c", "operator": "matches", "value": "{{ item.re }}"},
                                                           {"field": "d", "operator": "nonsense"}])")));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].first, "rules[1].value");
    EXPECT_TRUE(problems[0].second.startsWith(u"invalid regular expression \"[unclosed\"")) << problems[0].second.toStdString();
}

} // namespace
