#include "ScheduleTriggerNode.hpp"

#include "TriggerEvent.hpp"

#include <QTimeZone>

namespace taskloom::nodes::core {

using namespace engine;

ScheduleTriggerNode::ScheduleTriggerNode()
{
    m_spec.type = QString::fromLatin1(typeName);
    m_spec.title = QStringLiteral("Schedule Trigger");
    m_spec.category = QStringLiteral("Triggers");
    m_spec.description = QStringLiteral(
        "Starts the flow on a schedule while `taskloom daemon` runs: a cron expression (5 fields, or 6 with seconds "
        "first), every N minutes or hours, or once at a date and time, in a time zone. A local time skipped by a "
        "daylight-saving change runs once at the next valid instant; a repeated one runs once. Emits one item: "
        "scheduledAt, firedAt and, after downtime, missed.");
    m_spec.aliases = {QStringLiteral("cron"), QStringLiteral("timer"), QStringLiteral("every"), QStringLiteral("interval")};
    m_spec.icon = QStringLiteral("appointment-new");
    m_spec.trigger = true;
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Run"),
                                        {{QStringLiteral("cron"), QStringLiteral("On a cron schedule"), {}},
                                         {QStringLiteral("interval"), QStringLiteral("Every N minutes / hours"), {}},
                                         {QStringLiteral("once"), QStringLiteral("Once at a date and time"), {}}})
                          .noExpressions());
    addParam<QString>(ParamSpec::string(QStringLiteral("cron"), QStringLiteral("Cron expression"))
                          .defaults(QStringLiteral("0 7 * * *"))
                          .hint(QStringLiteral("0 7 * * MON-FRI"))
                          .describe(QStringLiteral("minute hour day-of-month month day-of-week, or 6 fields with "
                                                   "seconds first; L, W, # and names are allowed"))
                          .visibleWhen(QStringLiteral("mode"), {QStringLiteral("cron")})
                          .noExpressions());
    addParam<qint64>(ParamSpec::integer(QStringLiteral("every"), QStringLiteral("Every"), 15)
                         .range(1, 1000000)
                         .visibleWhen(QStringLiteral("mode"), {QStringLiteral("interval")})
                         .noExpressions());
    addParam<QString>(ParamSpec::choice(QStringLiteral("unit"), QStringLiteral("Unit"),
                                        {{QStringLiteral("seconds"), QStringLiteral("Seconds"), {}},
                                         {QStringLiteral("minutes"), QStringLiteral("Minutes"), {}},
                                         {QStringLiteral("hours"), QStringLiteral("Hours"), {}},
                                         {QStringLiteral("days"), QStringLiteral("Days"), {}}},
                                        QStringLiteral("minutes"))
                          .visibleWhen(QStringLiteral("mode"), {QStringLiteral("interval")})
                          .noExpressions());
    addParam<QString>(ParamSpec::string(QStringLiteral("at"), QStringLiteral("At"))
                          .hint(QStringLiteral("2026-12-01T07:00:00"))
                          .describe(QStringLiteral("ISO-8601; without an offset it is read in the time zone below"))
                          .visibleWhen(QStringLiteral("mode"), {QStringLiteral("once")})
                          .noExpressions());
    addParam<QString>(ParamSpec::string(QStringLiteral("timezone"), QStringLiteral("Time zone"))
                          .hint(QStringLiteral("Europe/Berlin"))
                          .describe(QStringLiteral("An IANA time zone; empty: the machine's zone. Intervals are "
                                                   "exact durations and need none."))
                          .noExpressions());
}

QString ScheduleTriggerNode::defaultZone()
{
    return QString::fromUtf8(QTimeZone::systemTimeZoneId());
}

std::expected<Schedule, std::pair<QString, QString>> ScheduleTriggerNode::build(const Object& params) const
{
    const auto p = [&](const char* name) { return TriggerEvent::param(m_spec, params, QString::fromLatin1(name)); };
    QString zone = p("timezone").toText().trimmed();
    if (zone.isEmpty())
        zone = defaultZone();
    const QString mode = p("mode").toText();
    using Problem = std::pair<QString, QString>;
    const auto failed = [&](const char* name, const QString& value, const ScheduleError& e) {
        const bool zoneError = e.message.startsWith(u"unknown time zone");
        return std::unexpected(Problem{zoneError ? QStringLiteral("timezone") : QString::fromLatin1(name),
                                       zoneError ? e.message : QStringLiteral("\"%1\": %2").arg(value, e.toString())});
    };
    if (mode == u"interval") {
        const qint64 every = p("every").toInt();
        const QString unit = p("unit").toText();
        if (unit != u"seconds" && unit != u"minutes" && unit != u"hours" && unit != u"days")
            return std::unexpected(Problem{QStringLiteral("unit"), QStringLiteral("\"%1\": use seconds, minutes, hours or days").arg(unit)});
        const qint64 factor = unit == u"seconds" ? 1 : unit == u"hours" ? 3600 : unit == u"days" ? 86400 : 60;
        auto s = Schedule::every(every * factor);
        if (!s)
            return failed("every", QString::number(every), s.error());
        return *s;
    }
    if (mode == u"once") {
        const QString at = p("at").toText();
        auto s = Schedule::once(at, zone);
        if (!s)
            return failed("at", at, s.error());
        return *s;
    }
    if (mode != u"cron")
        return std::unexpected(Problem{QStringLiteral("mode"), QStringLiteral("\"%1\": use cron, interval or once").arg(mode)});
    const QString cron = p("cron").toText();
    auto s = Schedule::cron(cron, zone);
    if (!s)
        return failed("cron", cron, s.error());
    return *s;
}

std::expected<Schedule, QString> ScheduleTriggerNode::schedule(const Object& params) const
{
    auto s = build(params);
    if (!s)
        return std::unexpected(QStringLiteral("parameter \"%1\" %2").arg(s.error().first, s.error().second));
    return *s;
}

QList<std::pair<QString, QString>> ScheduleTriggerNode::checkParams(const Object& params) const
{
    auto s = build(params);
    if (s)
        return {};
    return {s.error()};
}

std::unique_ptr<NodeInstance> ScheduleTriggerNode::instantiate() const
{
    return TriggerEvent::emitter();
}

} // namespace taskloom::nodes::core
