#include "Schedule.hpp"

#include "LocalTime.hpp"

#include <QDateTime>

#include <cstdlib>

namespace taskloom::engine {

std::expected<QTimeZone, ScheduleError> Schedule::zoneFor(const QString& id)
{
    QTimeZone zone = LocalTime::zone(id);
    if (!zone.isValid())
        return std::unexpected(ScheduleError{-1, QStringLiteral("unknown time zone \"%1\" (use an IANA name such as "
                                                                "Europe/Berlin, or UTC)")
                                                     .arg(id)});
    return zone;
}

std::expected<Schedule, ScheduleError> Schedule::cron(const QString& expression, const QString& zone)
{
    auto z = zoneFor(zone);
    if (!z)
        return std::unexpected(z.error());
    auto c = CronExpression::parse(expression);
    if (!c)
        return std::unexpected(c.error());
    Schedule s;
    s.m_kind = Kind::Cron;
    s.m_zone = *z;
    s.m_cron = std::move(*c);
    return s;
}

std::expected<Schedule, ScheduleError> Schedule::every(qint64 seconds, qint64 anchorUtcSecs)
{
    if (seconds < 1)
        return std::unexpected(ScheduleError{-1, QStringLiteral("the interval must be at least 1 second, not %1").arg(seconds)});
    Schedule s;
    s.m_kind = Kind::Interval;
    s.m_zone = QTimeZone::utc();
    s.m_interval = seconds;
    s.m_anchor = anchorUtcSecs;
    return s;
}

std::expected<Schedule, ScheduleError> Schedule::once(const QString& when, const QString& zone)
{
    auto z = zoneFor(zone);
    if (!z)
        return std::unexpected(z.error());
    const QString text = when.trimmed();
    QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return std::unexpected(ScheduleError{0, QStringLiteral("\"%1\" is not an ISO-8601 date and time "
                                                               "(e.g. 2026-12-01T07:00:00)")
                                                    .arg(text)});
    Schedule s;
    s.m_kind = Kind::Once;
    s.m_zone = *z;
    if (dt.timeSpec() == Qt::LocalTime) { // no offset given: wall-clock time in the schedule's zone
        const qint64 local = QDateTime(dt.date(), dt.time(), QTimeZone::utc()).toSecsSinceEpoch();
        s.m_anchor = LocalTime::resolve(*z, local);
    } else {
        s.m_anchor = dt.toSecsSinceEpoch();
    }
    return s;
}

std::optional<qint64> Schedule::next(qint64 afterUtcSecs) const
{
    switch (m_kind) {
    case Kind::Cron:
        return m_cron->next(afterUtcSecs, m_zone);
    case Kind::Interval: {
        const qint64 since = afterUtcSecs - m_anchor;
        // floor division, so anchors in the future work too
        const qint64 k = since >= 0 ? since / m_interval : -((-since + m_interval - 1) / m_interval);
        return m_anchor + (k + 1) * m_interval;
    }
    case Kind::Once:
        if (m_anchor > afterUtcSecs)
            return m_anchor;
        return std::nullopt;
    }
    return std::nullopt;
}

QList<qint64> Schedule::nextTimes(qint64 afterUtcSecs, int count) const
{
    QList<qint64> out;
    qint64 at = afterUtcSecs;
    while (out.size() < count) {
        const auto n = next(at);
        if (!n)
            break;
        out.append(*n);
        at = *n;
    }
    return out;
}

QString Schedule::describe() const
{
    switch (m_kind) {
    case Kind::Cron:
        return QStringLiteral("cron %1 (%2)").arg(m_cron->text(), QString::fromUtf8(m_zone.id()));
    case Kind::Interval:
        return QStringLiteral("every %1 s").arg(m_interval);
    case Kind::Once:
        return QStringLiteral("once at %1").arg(isoInZone(m_anchor, m_zone));
    }
    return {};
}

QString Schedule::isoInZone(qint64 utcSecs, const QTimeZone& zone)
{
    const int offset = LocalTime::offsetAt(zone, utcSecs);
    const QString wall = QDateTime::fromSecsSinceEpoch(utcSecs + offset, QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const int a = std::abs(offset);
    QString iso = wall + (offset < 0 ? u'-' : u'+') + QStringLiteral("%1:%2").arg(a / 3600, 2, 10, QChar(u'0')).arg(a / 60 % 60, 2, 10, QChar(u'0'));
    if (a % 60)
        iso += QStringLiteral(":%1").arg(a % 60, 2, 10, QChar(u'0'));
    return iso;
}

} // namespace taskloom::engine
