#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <expected>
#include <optional>

class QDate;

namespace taskloom::engine {

/// Why a schedule text was refused: a message and the 0-based character position it refers to (-1: the text
/// as a whole).
struct ScheduleError {
    int position = -1;
    QString message;

    /// "column 9: day of week 8 is out of range 0-7" (columns are 1-based for people).
    QString toString() const;
};

/// A cron expression: 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), with lists,
/// ranges, steps, month and weekday names, `?`, `L` / `L-n` / `nW` / `LW` in the day of month, `dL` and `d#n`
/// in the day of week, and the macros @yearly, @monthly, @weekly, @daily, @hourly. As in Vixie cron, when
/// both day fields are restricted a day matches either; when one starts with `*` or `?` only the other counts.
class CronExpression {
public:
    static std::expected<CronExpression, ScheduleError> parse(const QString& text);

    /// The first fire time strictly after `afterUtcSecs` (seconds since the epoch), read as wall-clock time in
    /// `zone` with LocalTime's daylight-saving rules; nullopt when it never fires again (searches 30 years).
    std::optional<qint64> next(qint64 afterUtcSecs, const QTimeZone& zone) const;

    const QString& text() const { return m_text; }
    bool hasSeconds() const { return m_hasSeconds; }

    /// Whether the day-of-month / weekday / month fields allow `date` (exposed for tests).
    bool matchesDay(const QDate& date) const;

private:
    friend class CronParser;
    /// The smallest matching second of the day at or after `sod`, or -1.
    int nextTimeOfDay(int sod) const;

    QString m_text;
    bool m_hasSeconds = false;
    std::uint64_t m_seconds = 0;
    std::uint64_t m_minutes = 0;
    std::uint32_t m_hours = 0;
    std::uint32_t m_days = 0;   // bit d for day d (1-31)
    std::uint16_t m_months = 0; // bit m for month m (1-12)
    std::uint8_t m_weekdays = 0; // bit 0 Sunday ... 6 Saturday
    bool m_dayRestricted = false;
    bool m_weekdayRestricted = false;
    QList<int> m_lastDayOffsets;   // L-n: n days before the last day (L is 0)
    QList<int> m_nearestWeekday;   // nW
    bool m_lastWeekday = false;    // LW
    std::uint8_t m_lastOfWeekday = 0; // dL: bit d
    QList<std::pair<int, int>> m_nthWeekday; // d#n: (weekday, n)
};

} // namespace taskloom::engine
