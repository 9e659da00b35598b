#include "LogNode.hpp"

#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

LogNode::LogNode()
{
    m_spec.type = QStringLiteral("core.log");
    m_spec.title = QStringLiteral("Log");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Writes a message to the run log and passes the items on unchanged.");
    m_spec.aliases = {QStringLiteral("print"), QStringLiteral("debug"), QStringLiteral("trace")};
    m_spec.icon = QStringLiteral("text-x-log");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_message = addParam<QString>(ParamSpec::text(QStringLiteral("message"), QStringLiteral("Message"))
                                      .required()
                                      .hint(QStringLiteral("Order {{ item.id }}: {{ item.total }}")));
    m_level = addParam<QString>(ParamSpec::choice(QStringLiteral("level"), QStringLiteral("Level"),
                                                  {{QStringLiteral("info"), QStringLiteral("Info"), {}},
                                                   {QStringLiteral("warning"), QStringLiteral("Warning"), {}},
                                                   {QStringLiteral("error"), QStringLiteral("Error"), {}},
                                                   {QStringLiteral("debug"), QStringLiteral("Debug"), {}}}));
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Log"),
                                                 {{QStringLiteral("each"), QStringLiteral("Once per item"), {}},
                                                  {QStringLiteral("once"), QStringLiteral("Once per batch, for the first item"), {}}}));
}

Exec LogNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const QString levelName = ctx.param(m_level);
    const LogLevel level = levelName == u"warning" ? LogLevel::Warning
        : levelName == u"error"                    ? LogLevel::Error
        : levelName == u"debug"                    ? LogLevel::Debug
                                                   : LogLevel::Info;
    const bool once = ctx.param(m_mode) == u"once";
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        if (!once || index == 0)
            ctx.log(level, ctx.param(m_message, item, index));
        out.push(0, item);
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
