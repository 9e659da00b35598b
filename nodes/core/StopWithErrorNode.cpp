#include "StopWithErrorNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::core {

using namespace engine;

StopWithErrorNode::StopWithErrorNode()
{
    m_spec.type = QStringLiteral("core.stopError");
    m_spec.title = QStringLiteral("Stop with Error");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Fails the run with your message when items reach it.");
    m_spec.aliases = {QStringLiteral("fail"), QStringLiteral("throw"), QStringLiteral("abort")};
    m_spec.icon = QStringLiteral("process-stop");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {};
    m_message = addParam<QString>(ParamSpec::string(QStringLiteral("message"), QStringLiteral("Message")).required());
    m_code = addParam<QString>(ParamSpec::string(QStringLiteral("code"), QStringLiteral("Error code"))
                                   .defaults(QStringLiteral("STOPPED"))
                                   .noExpressions());
    m_spec.errors = {{QStringLiteral("STOPPED"), QStringLiteral("The default code of the error this node raises."), false}};
}

Exec StopWithErrorNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs&) const
{
    const ItemList& items = in.main();
    const QString message = items.isEmpty() ? ctx.param(m_message) : ctx.param(m_message, items.first(), 0);
    QString code = ctx.param(m_code).trimmed();
    throw NodeError(code.isEmpty() ? QStringLiteral("STOPPED") : code, message);
}

} // namespace taskloom::nodes::core
