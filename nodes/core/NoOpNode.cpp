#include "NoOpNode.hpp"

namespace taskloom::nodes::core {

using namespace engine;

NoOpNode::NoOpNode()
{
    m_spec.type = QStringLiteral("core.noop");
    m_spec.title = QStringLiteral("No Operation");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Passes items through unchanged.");
    m_spec.aliases = {QStringLiteral("pass"), QStringLiteral("nothing"), QStringLiteral("join")};
    m_spec.icon = QStringLiteral("go-next");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
}

Exec NoOpNode::execute(ExecutionContext&, const Inputs& in, Outputs& out) const
{
    out.push(0, in.main());
    return Exec::Done;
}

} // namespace taskloom::nodes::core
