#include "FilterNode.hpp"

#include "Conditions.hpp"
#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

FilterNode::FilterNode()
{
    m_spec.type = QStringLiteral("core.filter");
    m_spec.title = QStringLiteral("Filter");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Keeps the items that satisfy the rules and drops the rest.");
    m_spec.aliases = {QStringLiteral("where"), QStringLiteral("keep"), QStringLiteral("select")};
    m_spec.icon = QStringLiteral("view-filter");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Kept"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_rules = addParam<Array>(Conditions::rulesParam(QStringLiteral("rules"), QStringLiteral("Rules")).required());
    m_combine = addParam<QString>(Conditions::combineParam());
}

QList<std::pair<QString, QString>> FilterNode::checkParams(const Object& params) const
{
    return Conditions::check(m_rules.name(), params.value(m_rules.name()));
}

Exec FilterNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const auto rules = Conditions::parseRules(m_rules.name(), ctx.rawParamValue(m_rules.name()).toArray());
    const bool any = ctx.param(m_combine) == u"any";
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        if (Conditions::matches(ctx, m_rules.name(), rules, any, item, index))
            out.push(0, item);
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
