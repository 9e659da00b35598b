#include "ManualTriggerNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

ManualTriggerNode::ManualTriggerNode()
{
    m_spec.type = QStringLiteral("core.manualTrigger");
    m_spec.title = QStringLiteral("Manual Trigger");
    m_spec.category = QStringLiteral("Triggers");
    m_spec.description = QStringLiteral("Starts the flow when you run it: from the command line, the studio or another flow. "
                                        "Emits the run's input items (taskloom run --input), or one empty item.");
    m_spec.aliases = {QStringLiteral("start"), QStringLiteral("run"), QStringLiteral("input")};
    m_spec.icon = QStringLiteral("media-playback-start");
    m_spec.trigger = true;
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
}

engine::Exec ManualTriggerNode::execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const
{
    (void)in;
    out.push(0, ctx.runInput());
    return engine::Exec::Done;
}

} // namespace taskloom::nodes::core
