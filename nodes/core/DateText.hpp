#pragma once

#include "engine/Value.hpp"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace taskloom::nodes::core {

/// Reading and writing dates as people put them in items: ISO 8601 text, Unix timestamps, RFC 2822 mail dates,
/// or a Qt pattern (dd.MM.yyyy). A date without an offset is read in a given time zone, never in the machine's
/// local zone, so a flow gives the same result on every machine.
class DateText {
public:
    struct Parsed {
        QDateTime when;
        bool dateOnly = false; ///< the text had no time of day ("2024-03-01")
    };

    /// ISO 8601: `2024-03-01`, `2024-03-01T10:00`, `2024-03-01 10:00:05.250`, with `Z` or `+01:00` or neither
    /// (then `zone` applies). Returns nothing when the text is not ISO 8601 or names an impossible date.
    static std::optional<Parsed> parseIso(QStringView text, const QTimeZone& zone);
    /// `format`: empty for automatic (ISO 8601, a number of Unix seconds, RFC 2822), "unix", "unixMs", "iso",
    /// "rfc2822", or a Qt pattern read with the C locale (English month names).
    static std::optional<Parsed> parse(const engine::Value& v, const QString& format, const QTimeZone& zone);
    /// Writes `when` in `zone`. `format` as for parse; "iso" (also empty) writes `Z` for UTC and an offset
    /// otherwise, milliseconds only when there are some, and a date alone when `dateOnly`.
    static engine::Value format(const QDateTime& when, const QString& format, const QTimeZone& zone,
                                bool dateOnly = false);
    /// What the automatic parse understands, for error messages.
    static QString expectedFormats(const QString& format);

    /// Whole calendar months from `from` to `to` in `zone` (negative when `to` is earlier), counted the way adding
    /// months works (QDateTime::addMonths clamps to the month's end): Jan 15 to Feb 14 is 0 months, Jan 15 to
    /// Feb 15 is 1, and Jan 31 to Feb 28 is 1 because Jan 31 plus one month is Feb 28.
    static qint64 monthsBetween(const QDateTime& from, const QDateTime& to, const QTimeZone& zone);
};

} // namespace taskloom::nodes::core
