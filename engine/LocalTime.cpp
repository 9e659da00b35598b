#include "LocalTime.hpp"

#include <QDateTime>

#include <limits>

namespace taskloom::engine {

namespace {

constexpr qint64 farFuture = std::numeric_limits<qint64>::max();

// One cached interval [from, until) of constant offset per zone and thread. Lookups move forward in time
// almost always (next fire after next fire), so the interval starts at the first instant asked about.
struct OffsetSpan {
    QByteArray zoneId;
    qint64 from = 0;
    qint64 until = -1;
    int offset = 0;
};

constexpr int cacheSlots = 8;

struct OffsetCache {
    OffsetSpan slots[cacheSlots];
    int nextSlot = 0;
};

thread_local OffsetCache t_cache;

QDateTime utc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
}

} // namespace

int LocalTime::offsetAt(const QTimeZone& zone, qint64 utcSecs)
{
    if (!zone.isValid())
        return 0;
    const QByteArray id = zone.id();
    for (OffsetSpan& s : t_cache.slots) {
        if (s.zoneId == id && utcSecs >= s.from && utcSecs < s.until)
            return s.offset;
    }
    const QDateTime at = utc(utcSecs);
    OffsetSpan& s = t_cache.slots[t_cache.nextSlot];
    t_cache.nextSlot = (t_cache.nextSlot + 1) % cacheSlots;
    s.zoneId = id;
    s.offset = zone.offsetFromUtc(at);
    s.from = utcSecs;
    s.until = farFuture;
    if (zone.hasTransitions()) {
        const QTimeZone::OffsetData next = zone.nextTransition(at);
        if (next.atUtc.isValid())
            s.until = next.atUtc.toSecsSinceEpoch();
    }
    if (s.until <= s.from) // a transition exactly here: do not cache
        s.until = s.from + 1;
    return s.offset;
}

qint64 LocalTime::resolve(const QTimeZone& zone, qint64 localSecs)
{
    // The offsets a day before and a day after bracket any single transition near this wall time.
    const int before = offsetAt(zone, localSecs - 86400 - 14 * 3600);
    const int after = offsetAt(zone, localSecs + 86400);
    const qint64 u1 = localSecs - before;
    const qint64 u2 = localSecs - after;
    const bool v1 = offsetAt(zone, u1) == before;
    const bool v2 = offsetAt(zone, u2) == after;
    if (v1 && v2)
        return std::min(u1, u2); // a repeated hour: the first occurrence
    if (v1)
        return u1;
    if (v2)
        return u2;
    if (after > before) {
        // A gap: the wall time never happens; the next valid instant is the transition itself.
        const QTimeZone::OffsetData t = zone.nextTransition(utc(u2 - 1));
        if (t.atUtc.isValid())
            return t.atUtc.toSecsSinceEpoch();
    }
    // Two transitions within two days (never seen in the database): read the offset where we land.
    return localSecs - offsetAt(zone, u1);
}

QTimeZone LocalTime::zone(const QString& id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty() || trimmed == u"UTC" || trimmed == u"Z")
        return QTimeZone::utc();
    return QTimeZone(trimmed.toUtf8());
}

} // namespace taskloom::engine
