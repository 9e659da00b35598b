#pragma once

#include "CronExpression.hpp"

#include <QString>
#include <QTimeZone>

#include <expected>
#include <optional>

namespace taskloom::engine {

/// When a schedule trigger fires: a cron expression, a fixed interval, or once at a date and time, each in an
/// IANA time zone. Cron and "once at" read wall-clock time in the zone (LocalTime's daylight-saving rules);
/// intervals are exact durations, so they are unaffected by daylight saving.
class Schedule {
public:
    enum class Kind { Cron, Interval, Once };

    /// `expression` in `zone` (IANA id; empty means UTC). Errors carry the position in the expression.
    static std::expected<Schedule, ScheduleError> cron(const QString& expression, const QString& zone);
    /// Every `seconds` seconds, aligned to `anchorUtcSecs` (fires at anchor + k * seconds).
    static std::expected<Schedule, ScheduleError> every(qint64 seconds, qint64 anchorUtcSecs = 0);
    /// Once at `when`: ISO-8601 with an offset ("2026-03-29T02:30:00+02:00") or without one, then read as
    /// wall-clock time in `zone`.
    static std::expected<Schedule, ScheduleError> once(const QString& when, const QString& zone);

    /// The first fire time strictly after `afterUtcSecs`, or nullopt when there is none.
    std::optional<qint64> next(qint64 afterUtcSecs) const;
    /// Up to `count` fire times after `afterUtcSecs`.
    QList<qint64> nextTimes(qint64 afterUtcSecs, int count) const;

    Kind kind() const { return m_kind; }
    const QTimeZone& zone() const { return m_zone; }
    /// A short description: "cron 0 7 * * MON-FRI (Europe/Berlin)", "every 900 s", "once at ...".
    QString describe() const;

    /// An instant as ISO-8601 with the zone's offset at that instant: "2026-03-29T03:00:00+02:00".
    static QString isoInZone(qint64 utcSecs, const QTimeZone& zone);

private:
    static std::expected<QTimeZone, ScheduleError> zoneFor(const QString& id);

    Kind m_kind = Kind::Cron;
    QTimeZone m_zone;
    std::optional<CronExpression> m_cron;
    qint64 m_interval = 0;
    qint64 m_anchor = 0; // interval anchor, or the "once" instant
};

} // namespace taskloom::engine
