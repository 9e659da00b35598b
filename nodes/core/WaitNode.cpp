#include "WaitNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <QDateTime>

namespace taskloom::nodes::core {

using namespace engine;

WaitNode::WaitNode()
{
    m_spec.type = QStringLiteral("core.wait");
    m_spec.title = QStringLiteral("Wait");
    m_spec.category = QStringLiteral("Flow");
    m_spec.description = QStringLiteral("Pauses for some seconds, or until a date and time, then passes the items on.");
    m_spec.aliases = {QStringLiteral("sleep"), QStringLiteral("delay"), QStringLiteral("pause")};
    m_spec.icon = QStringLiteral("chronometer");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Wait"),
                                                 {{QStringLiteral("duration"), QStringLiteral("For a duration"), {}},
                                                  {QStringLiteral("until"), QStringLiteral("Until a date and time"), {}}}));
    m_seconds = addParam<double>(ParamSpec::number(QStringLiteral("seconds"), QStringLiteral("Seconds"), 1)
                                     .range(0, 31 * 24 * 3600)
                                     .visibleWhen(QStringLiteral("mode"), {QStringLiteral("duration")}));
    m_until = addParam<QString>(ParamSpec::string(QStringLiteral("until"), QStringLiteral("Until"))
                                    .hint(QStringLiteral("2026-12-01T07:00:00+01:00"))
                                    .visibleWhen(QStringLiteral("mode"), {QStringLiteral("until")})
                                    .required());
}

Exec WaitNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    qint64 ms = 0;
    if (ctx.param(m_mode) == u"until") {
        const QString text = ctx.param(m_until);
        const QDateTime until = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
        if (!until.isValid())
            throw NodeError::param(m_until.name(), text, QStringLiteral("expected an ISO-8601 date and time"));
        ms = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(until));
    } else {
        const double seconds = ctx.param(m_seconds);
        if (seconds < 0)
            throw NodeError::param(m_seconds.name(), seconds, QStringLiteral("cannot wait a negative time"));
        ms = qint64(seconds * 1000);
    }
    if (!ctx.cancellation().sleepFor(std::chrono::milliseconds(ms)))
        ctx.checkCancelled();
    out.push(0, in.main());
    return Exec::Done;
}

} // namespace taskloom::nodes::core
