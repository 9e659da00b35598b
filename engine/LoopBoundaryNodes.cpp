#include "LoopBoundaryNodes.hpp"

#include "ExecutionContext.hpp"

namespace taskloom::engine {

LoopEntryNode::LoopEntryNode()
{
    m_spec.type = typeId.toString();
    m_spec.title = QStringLiteral("Loop entry");
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
}

Exec LoopEntryNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    (void)in;
    out.push(0, ctx.runInput());
    return Exec::Done;
}

LoopExitNode::LoopExitNode()
{
    m_spec.type = typeId.toString();
    m_spec.title = QStringLiteral("Loop exit");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
}

Exec LoopExitNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    (void)ctx;
    out.push(0, in.main());
    return Exec::Done;
}

} // namespace taskloom::engine
