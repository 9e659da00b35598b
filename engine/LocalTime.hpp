#pragma once

#include <QString>
#include <QTimeZone>

namespace taskloom::engine {

/// Wall-clock time in an IANA zone, resolved to instants with the scheduler's daylight-saving rules:
/// a local time skipped by a spring-forward gap resolves to the first instant after the gap (the
/// transition), and a local time that occurs twice (autumn fall-back) resolves to its first occurrence.
/// Seconds resolution. Offsets are cached per thread and zone, so resolving many times in the same
/// period costs a comparison rather than a time-zone database lookup.
class LocalTime {
public:
    /// The zone's UTC offset (seconds) at `utcSecs` (seconds since the epoch).
    static int offsetAt(const QTimeZone& zone, qint64 utcSecs);
    /// Local wall time as seconds since 1970-01-01T00:00 local (the epoch read as a wall clock).
    static qint64 toLocal(const QTimeZone& zone, qint64 utcSecs) { return utcSecs + offsetAt(zone, utcSecs); }
    /// The instant for local wall time `localSecs`, applying the gap and overlap rules above.
    static qint64 resolve(const QTimeZone& zone, qint64 localSecs);
    /// A zone from an IANA id ("Europe/Berlin"), "UTC", or empty (UTC). Invalid when unknown.
    static QTimeZone zone(const QString& id);
};

} // namespace taskloom::engine
