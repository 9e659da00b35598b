#include "SwitchNode.hpp"

#include "Conditions.hpp"
#include "ItemLoop.hpp"

#include "engine/Template.hpp"

#include <QSet>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

// Ports are computed from the flow file's parameters, where an unset parameter is simply absent.
Value paramOrDefault(const NodeSpec& spec, const Object& params, const QString& name)
{
    const Value& v = params.value(name);
    if (!v.isNull())
        return v;
    const ParamSpec* p = spec.param(name);
    return p ? p->defaultValue : Value();
}

ParamSpec caseNameParam()
{
    return ParamSpec::string(QStringLiteral("name"), QStringLiteral("Output name"))
        .noExpressions()
        .hint(QStringLiteral("case 1"));
}

} // namespace

SwitchNode::SwitchNode()
{
    m_spec.type = QStringLiteral("core.switch");
    m_spec.title = QStringLiteral("Switch");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Routes each item to the output of the first case it matches: by rules on its "
                                        "fields, or by a value. There is one output per case, named after it.");
    m_spec.aliases = {QStringLiteral("route"), QStringLiteral("case"), QStringLiteral("branch"),
                      QStringLiteral("router")};
    m_spec.icon = QStringLiteral("code-branch");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {}; // one per case: see ports()
    m_spec.inputMode = InputMode::Stream;
    const QString rules = QStringLiteral("rules");
    const QString value = QStringLiteral("value");
    m_mode = addParam<QString>(
        ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Route by"),
                          {{rules, QStringLiteral("Rules (the first matching case wins)"), {}},
                           {value, QStringLiteral("A value (the case with that value)"), {}}})
            .noExpressions());
    m_cases = addParam<Array>(
        ParamSpec::list(QStringLiteral("cases"), QStringLiteral("Cases"),
                        {caseNameParam(), Conditions::combineParam(),
                         Conditions::rulesParam(rules, QStringLiteral("Rules"))})
            .required()
            .visibleWhen(QStringLiteral("mode"), {rules}));
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Value"))
                                    .required()
                                    .hint(QStringLiteral("status or {{ expression }}"))
                                    .describe(QStringLiteral("A field whose value picks the case, or an expression."))
                                    .visibleWhen(QStringLiteral("mode"), {value}));
    m_valueCases = addParam<Array>(
        ParamSpec::list(QStringLiteral("valueCases"), QStringLiteral("Cases"),
                        {caseNameParam(), ParamSpec::string(value, QStringLiteral("Value")).noExpressions()})
            .required()
            .noExpressions()
            .describe(QStringLiteral("Numbers match numeric text (5 matches \"5\")."))
            .visibleWhen(QStringLiteral("mode"), {value}));
    m_fallback = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("fallback"), QStringLiteral("Send unmatched items to a \"fallback\" output"),
                           false)
            .noExpressions()
            .describe(QStringLiteral("Otherwise items that match no case are dropped.")));
}

bool SwitchNode::valueMode(const Object& params) const
{
    return paramOrDefault(m_spec, params, m_mode.name()).toText() == u"value";
}

QStringList SwitchNode::caseNames(const Object& params) const
{
    const Value rows = paramOrDefault(m_spec, params, valueMode(params) ? m_valueCases.name() : m_cases.name());
    QSet<QString> taken{QStringLiteral("fallback"), QStringLiteral("error")};
    QStringList names;
    for (qsizetype i = 0; i < rows.arrayRef().size(); ++i) {
        QString base = rows.arrayRef().at(i).objectRef().value(u"name").toText().trimmed();
        if (base.isEmpty())
            base = QStringLiteral("case %1").arg(i + 1);
        QString name = base;
        for (int n = 2; taken.contains(name); ++n)
            name = QStringLiteral("%1 %2").arg(base).arg(n);
        taken.insert(name);
        names.append(name);
    }
    return names;
}

Ports SwitchNode::ports(const Object& params, const NodeSettings& settings) const
{
    Ports p = NodeType::ports(params, settings);
    QList<PortSpec> outputs;
    for (const QString& name : caseNames(params))
        outputs.append({name, name, {}});
    if (paramOrDefault(m_spec, params, m_fallback.name()).toBool())
        outputs.append({QStringLiteral("fallback"), QStringLiteral("Fallback"),
                        QStringLiteral("Items that match no case")});
    outputs.append(p.outputs); // the optional "error" output stays last
    p.outputs = outputs;
    return p;
}

QList<std::pair<QString, QString>> SwitchNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> out;
    if (valueMode(params))
        return out;
    const Array rows = params.value(m_cases.name()).toArray();
    for (qsizetype i = 0; i < rows.size(); ++i)
        out.append(Conditions::check(QStringLiteral("%1[%2].rules").arg(m_cases.name()).arg(i),
                                     rows.at(i).objectRef().value(u"rules")));
    return out;
}

Exec SwitchNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const bool byValue = ctx.param(m_mode) == u"value";
    const qsizetype cases = ctx.rawParamValue(byValue ? m_valueCases.name() : m_cases.name()).arrayRef().size();
    const int fallback = ctx.param(m_fallback) ? int(cases) : -1;
    return byValue ? routeByValue(ctx, in, out, fallback) : routeByRules(ctx, in, out, fallback);
}

Exec SwitchNode::routeByRules(ExecutionContext& ctx, const Inputs& in, Outputs& out, int fallback) const
{
    struct Case {
        QList<Conditions::Rule> rules;
        bool any = false;
    };
    QList<Case> cases;
    for (const Value& row : ctx.rawParamValue(m_cases.name()).arrayRef()) {
        const Object& o = row.objectRef();
        cases.append({Conditions::parseRules(m_cases.name(), o.value(u"rules").toArray()),
                      o.value(u"combine").toText() == u"any"});
    }
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        for (int i = 0; i < cases.size(); ++i) {
            if (Conditions::matches(ctx, m_cases.name(), cases[i].rules, cases[i].any, item, index)) {
                out.push(i, item);
                return;
            }
        }
        if (fallback >= 0)
            out.push(fallback, item);
    });
    return Exec::Done;
}

Exec SwitchNode::routeByValue(ExecutionContext& ctx, const Inputs& in, Outputs& out, int fallback) const
{
    const QString fieldText = ctx.rawParamValue(m_field.name()).toText();
    const bool dynamic = Template::containsExpression(fieldText);
    const FieldPath path = FieldPath::parse(fieldText);
    QList<Value> values;
    for (const Value& row : ctx.rawParamValue(m_valueCases.name()).arrayRef())
        values.append(row.objectRef().value(u"value").toText());
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        const Value v = dynamic ? ctx.evaluateText(m_field.name(), fieldText, &item, index) : path.get(item.json());
        for (int i = 0; i < values.size(); ++i) {
            if (Conditions::test(v, Conditions::Op::Equals, values[i], nullptr)) {
                out.push(i, item);
                return;
            }
        }
        if (fallback >= 0)
            out.push(fallback, item);
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
