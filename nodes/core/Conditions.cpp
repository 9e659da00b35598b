#include "Conditions.hpp"

#include "engine/Template.hpp"

#include <cmath>

namespace taskloom::nodes::core {

using engine::NodeError;
using engine::ParamOption;
using engine::ParamSpec;
using engine::Value;

namespace {

struct OpName {
    Conditions::Op op;
    const char16_t* name;
    const char* title;
};

const OpName opNames[] = {
    {Conditions::Op::Equals, u"equals", "is equal to"},
    {Conditions::Op::NotEquals, u"notEquals", "is not equal to"},
    {Conditions::Op::Contains, u"contains", "contains"},
    {Conditions::Op::NotContains, u"notContains", "does not contain"},
    {Conditions::Op::StartsWith, u"startsWith", "starts with"},
    {Conditions::Op::EndsWith, u"endsWith", "ends with"},
    {Conditions::Op::Greater, u"gt", "is greater than"},
    {Conditions::Op::GreaterOrEqual, u"gte", "is greater than or equal to"},
    {Conditions::Op::Less, u"lt", "is less than"},
    {Conditions::Op::LessOrEqual, u"lte", "is less than or equal to"},
    {Conditions::Op::IsEmpty, u"isEmpty", "is empty"},
    {Conditions::Op::IsNotEmpty, u"isNotEmpty", "is not empty"},
    {Conditions::Op::Exists, u"exists", "exists"},
    {Conditions::Op::NotExists, u"notExists", "does not exist"},
    {Conditions::Op::IsTrue, u"isTrue", "is true"},
    {Conditions::Op::IsFalse, u"isFalse", "is false"},
    {Conditions::Op::Matches, u"matches", "matches the regular expression"},
    {Conditions::Op::NotMatches, u"notMatches", "does not match the regular expression"},
};

bool asNumber(const Value& v, double& out)
{
    if (v.isNumber()) {
        out = v.toDouble();
        return true;
    }
    if (v.isString()) {
        bool ok = false;
        out = v.stringRef().trimmed().toDouble(&ok);
        return ok && !v.stringRef().trimmed().isEmpty();
    }
    return false;
}

bool isEmptyValue(const Value& v)
{
    return v.isNull() || (v.isString() && v.stringRef().isEmpty()) || (v.isArray() && v.arrayRef().isEmpty())
        || (v.isObject() && v.objectRef().isEmpty());
}

// -1, 0, 1; numbers numerically when both sides are numbers, else text.
int compare(const Value& a, const Value& b)
{
    double x = 0;
    double y = 0;
    if (asNumber(a, x) && asNumber(b, y))
        return x < y ? -1 : (x > y ? 1 : 0);
    return QString::compare(a.toText(), b.toText());
}

bool containsValue(const Value& haystack, const Value& needle)
{
    if (haystack.isArray()) {
        for (const Value& e : haystack.arrayRef()) {
            if (compare(e, needle) == 0)
                return true;
        }
        return false;
    }
    return haystack.toText().contains(needle.toText());
}

} // namespace

QList<ParamOption> Conditions::operatorOptions()
{
    QList<ParamOption> out;
    for (const OpName& o : opNames)
        out.append({QString::fromUtf16(o.name), QString::fromLatin1(o.title), {}});
    return out;
}

std::optional<Conditions::Op> Conditions::opFromName(QStringView name)
{
    for (const OpName& o : opNames) {
        if (name == QStringView(o.name))
            return o.op;
    }
    return std::nullopt;
}

ParamSpec Conditions::rulesParam(const QString& name, const QString& title)
{
    return ParamSpec::list(name, title,
                           {ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                                .required()
                                .hint(QStringLiteral("total, customer.country or {{ expression }}")),
                            ParamSpec::choice(QStringLiteral("operator"), QStringLiteral("Operator"), operatorOptions()),
                            ParamSpec::string(QStringLiteral("value"), QStringLiteral("Value"))
                                .visibleWhen(QStringLiteral("operator"),
                                             {QStringLiteral("equals"), QStringLiteral("notEquals"), QStringLiteral("contains"),
                                              QStringLiteral("notContains"), QStringLiteral("startsWith"),
                                              QStringLiteral("endsWith"), QStringLiteral("gt"), QStringLiteral("gte"),
                                              QStringLiteral("lt"), QStringLiteral("lte"), QStringLiteral("matches"),
                                              QStringLiteral("notMatches")})})
        .describe(QStringLiteral("Each rule compares a field of the item with a value."));
}

ParamSpec Conditions::combineParam()
{
    return ParamSpec::choice(QStringLiteral("combine"), QStringLiteral("Combine rules"),
                             {{QStringLiteral("all"), QStringLiteral("All rules must hold (AND)"), {}},
                              {QStringLiteral("any"), QStringLiteral("Any rule may hold (OR)"), {}}});
}

QList<std::pair<QString, QString>> Conditions::check(const QString& paramName, const Value& rows)
{
    QList<std::pair<QString, QString>> out;
    qsizetype i = 0;
    for (const Value& row : rows.arrayRef()) {
        const QString path = QStringLiteral("%1[%2]").arg(paramName).arg(i++);
        const Value& op = row.objectRef().value(u"operator");
        const auto parsed = opFromName(op.isNull() ? QStringLiteral("equals") : op.toText());
        if (!parsed)
            continue; // the spec's options check reports it
        const QString value = row.objectRef().value(u"value").toText();
        if ((*parsed == Op::Matches || *parsed == Op::NotMatches) && !engine::Template::containsExpression(value)) {
            const QRegularExpression re(value);
            if (!re.isValid())
                out.append({path + QStringLiteral(".value"),
                            QStringLiteral("invalid regular expression \"%1\": %2").arg(value, re.errorString())});
        }
    }
    return out;
}

QList<Conditions::Rule> Conditions::parseRules(const QString& paramName, const engine::Array& rows)
{
    QList<Rule> rules;
    for (const Value& row : rows) {
        const engine::Object& o = row.objectRef();
        Rule r;
        r.fieldText = o.value(u"field").toText();
        r.fieldIsExpression = engine::Template::containsExpression(r.fieldText);
        if (!r.fieldIsExpression)
            r.field = FieldPath::parse(r.fieldText);
        const QString opName = o.value(u"operator").isNull() ? QStringLiteral("equals") : o.value(u"operator").toText();
        const auto op = opFromName(opName);
        if (!op)
            throw NodeError::param(paramName, row, QStringLiteral("unknown operator \"%1\"").arg(opName));
        r.op = *op;
        r.valueText = o.value(u"value").toText();
        r.valueIsExpression = engine::Template::containsExpression(r.valueText);
        if ((r.op == Op::Matches || r.op == Op::NotMatches) && !r.valueIsExpression) {
            r.regex = QRegularExpression(r.valueText);
            if (!r.regex.isValid())
                throw NodeError::param(paramName, r.valueText, QStringLiteral("invalid regular expression: %1").arg(r.regex.errorString()));
        }
        rules.append(std::move(r));
    }
    return rules;
}

bool Conditions::matches(engine::ExecutionContext& ctx, const QString& paramName, const QList<Rule>& rules, bool any,
                         const engine::Item& item, qsizetype index)
{
    if (rules.isEmpty())
        return true;
    for (const Rule& r : rules) {
        Value left;
        bool exists = true;
        if (r.fieldIsExpression) {
            left = ctx.evaluateText(paramName, r.fieldText, &item, index);
        } else {
            left = r.field.get(item.json());
            if (r.op == Op::Exists || r.op == Op::NotExists)
                exists = r.field.exists(item.json());
        }
        bool ok = false;
        if (r.op == Op::Exists || r.op == Op::NotExists) {
            ok = (r.op == Op::Exists) == (r.fieldIsExpression ? !left.isNull() : exists);
        } else {
            const Value right = r.valueIsExpression ? ctx.evaluateText(paramName, r.valueText, &item, index) : Value(r.valueText);
            QRegularExpression dynamicRe;
            const QRegularExpression* re = &r.regex;
            if ((r.op == Op::Matches || r.op == Op::NotMatches) && r.valueIsExpression) {
                dynamicRe = QRegularExpression(right.toText());
                if (!dynamicRe.isValid())
                    throw NodeError::param(paramName, right, QStringLiteral("invalid regular expression: %1").arg(dynamicRe.errorString()));
                re = &dynamicRe;
            }
            ok = test(left, r.op, right, re);
        }
        if (any && ok)
            return true;
        if (!any && !ok)
            return false;
    }
    return !any;
}

bool Conditions::test(const Value& left, Op op, const Value& right, const QRegularExpression* regex)
{
    switch (op) {
    case Op::Equals: return compare(left, right) == 0;
    case Op::NotEquals: return compare(left, right) != 0;
    case Op::Contains: return containsValue(left, right);
    case Op::NotContains: return !containsValue(left, right);
    case Op::StartsWith: return left.toText().startsWith(right.toText());
    case Op::EndsWith: return left.toText().endsWith(right.toText());
    case Op::Greater: return !left.isNull() && compare(left, right) > 0;
    case Op::GreaterOrEqual: return !left.isNull() && compare(left, right) >= 0;
    case Op::Less: return !left.isNull() && compare(left, right) < 0;
    case Op::LessOrEqual: return !left.isNull() && compare(left, right) <= 0;
    case Op::IsEmpty: return isEmptyValue(left);
    case Op::IsNotEmpty: return !isEmptyValue(left);
    case Op::Exists: return !left.isNull();
    case Op::NotExists: return left.isNull();
    case Op::IsTrue: return left.toBool(false);
    case Op::IsFalse: return !left.toBool(true);
    case Op::Matches: return regex && regex->match(left.toText()).hasMatch();
    case Op::NotMatches: return !(regex && regex->match(left.toText()).hasMatch());
    }
    return false;
}

} // namespace taskloom::nodes::core
