#include "SubflowNode.hpp"

#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

SubflowNode::SubflowNode()
{
    m_spec.type = QStringLiteral("core.subflow");
    m_spec.title = QStringLiteral("Run Sub-flow");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Runs another flow with these items as its input (its Manual Trigger emits them) "
                                        "and passes on what its last nodes return.");
    m_spec.aliases = {QStringLiteral("execute workflow"), QStringLiteral("call"), QStringLiteral("subroutine")};
    m_spec.icon = QStringLiteral("folder-open");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_flow = addParam<QString>(ParamSpec::file(QStringLiteral("flow"), QStringLiteral("Flow file"))
                                   .required()
                                   .filter(QStringLiteral("Taskloom flows (*.flow.json)")));
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Run"),
                                                 {{QStringLiteral("once"), QStringLiteral("Once with all items"), {}},
                                                  {QStringLiteral("each"), QStringLiteral("Once per item"), {}}}));
    m_spec.errors = {{QStringLiteral("SUBFLOW_FAILED"), QStringLiteral("The sub-flow could not be loaded or one of its nodes failed."), false}};
}

Exec SubflowNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto call = [&](const QString& path, const ItemList& items) {
        auto result = ctx.runSubflow(path, items);
        if (!result)
            throw NodeError(QStringLiteral("SUBFLOW_FAILED"), result.error());
        out.push(0, *result);
    };
    if (ctx.param(m_mode) == u"each") {
        forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) { call(ctx.param(m_flow, item, index), {item}); });
    } else {
        call(ctx.param(m_flow), in.main());
    }
    return Exec::Done;
}

} // namespace taskloom::nodes::core
