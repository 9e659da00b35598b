#include "IfNode.hpp"

#include "Conditions.hpp"
#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

IfNode::IfNode()
{
    m_spec.type = QStringLiteral("core.if");
    m_spec.title = QStringLiteral("If");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Routes each item to \"true\" or \"false\" by rules on its fields.");
    m_spec.aliases = {QStringLiteral("condition"), QStringLiteral("branch"), QStringLiteral("when")};
    m_spec.icon = QStringLiteral("code-branch");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("Items that satisfy the rules")},
                      {QStringLiteral("false"), QStringLiteral("False"), QStringLiteral("All other items")}};
    m_spec.inputMode = InputMode::Stream;
    m_rules = addParam<Array>(Conditions::rulesParam(QStringLiteral("rules"), QStringLiteral("Rules")));
    m_combine = addParam<QString>(Conditions::combineParam());
}

QList<std::pair<QString, QString>> IfNode::checkParams(const Object& params) const
{
    return Conditions::check(m_rules.name(), params.value(m_rules.name()));
}

Exec IfNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const auto rules = Conditions::parseRules(m_rules.name(), ctx.rawParamValue(m_rules.name()).toArray());
    const bool any = ctx.param(m_combine) == u"any";
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        out.push(Conditions::matches(ctx, m_rules.name(), rules, any, item, index) ? 0 : 1, item);
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
