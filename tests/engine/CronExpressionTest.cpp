// Cron maths against hand-checked fire times: lists, ranges, steps, names, L / W / #, 6 fields, month ends, leap
// days, and daylight-saving gaps and overlaps in Europe/Berlin, America/New_York and Australia/Lord_Howe
// (a 30-minute shift). Expected times were derived by hand from the calendar and each zone's transitions.

#include "engine/CronExpression.hpp"
#include "engine/LocalTime.hpp"
#include "engine/Schedule.hpp"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace taskloom::engine;

namespace {

qint64 at(const char* iso)
{
    const QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    EXPECT_TRUE(dt.isValid()) << iso;
    return dt.toSecsSinceEpoch();
}

QStringList fires(const char* expr, const char* zone, const char* from, int count)
{
    auto s = Schedule::cron(QString::fromLatin1(expr), QString::fromLatin1(zone));
    if (!s) {
        ADD_FAILURE() << expr << ": " << s.error().toString().toStdString();
        return {};
    }
    QStringList out;
    for (qint64 t : s->nextTimes(at(from), count))
        out.append(Schedule::isoInZone(t, s->zone()));
    return out;
}

struct Case {
    const char* name;
    const char* expr;
    const char* zone;
    const char* from;
    QStringList expected;
};

const QList<Case>& cases()
{
    static const QList<Case> all = {
        // fields, lists, ranges, steps, names
        {"step and hour range step", "*/15 9-17/4 * * *", "UTC", "2026-01-01T00:00:00Z",
         {"2026-01-01T09:00:00+00:00", "2026-01-01T09:15:00+00:00", "2026-01-01T09:30:00+00:00",
          "2026-01-01T09:45:00+00:00", "2026-01-01T13:00:00+00:00"}},
        {"list of range and value", "0 8-10,14 * * *", "UTC", "2026-01-01T09:30:00Z",
         {"2026-01-01T10:00:00+00:00", "2026-01-01T14:00:00+00:00", "2026-01-02T08:00:00+00:00"}},
        {"names of months and days, lower case", "0 12 * JAN,jul sun", "UTC", "2026-01-01T00:00:00Z",
         {"2026-01-04T12:00:00+00:00", "2026-01-11T12:00:00+00:00"}},
        {"weekday range by name", "0 7 * * MON-FRI", "Europe/Berlin", "2026-03-27T08:00:00+01:00",
         {"2026-03-30T07:00:00+02:00", "2026-03-31T07:00:00+02:00"}},
        {"7 is Sunday", "0 0 * * 7", "UTC", "2026-01-01T00:00:00Z", {"2026-01-04T00:00:00+00:00"}},
        {"both day fields restricted: either matches", "0 0 13 * FRI", "UTC", "2026-03-21T00:00:00Z",
         {"2026-03-27T00:00:00+00:00", "2026-04-03T00:00:00+00:00", "2026-04-10T00:00:00+00:00",
          "2026-04-13T00:00:00+00:00"}},
        {"question mark", "0 0 1 * ?", "UTC", "2026-01-15T00:00:00Z",
         {"2026-02-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00"}},
        {"six fields", "*/20 * * * * *", "UTC", "2026-01-01T00:00:00Z",
         {"2026-01-01T00:00:20+00:00", "2026-01-01T00:00:40+00:00", "2026-01-01T00:01:00+00:00"}},
        {"six fields, value/step means to the end", "5/20 0 0 1 1 *", "UTC", "2026-01-01T00:00:00Z",
         {"2026-01-01T00:00:05+00:00", "2026-01-01T00:00:25+00:00", "2026-01-01T00:00:45+00:00",
          "2027-01-01T00:00:05+00:00"}},
        {"macro daily", "@daily", "UTC", "2026-01-01T10:00:00Z",
         {"2026-01-02T00:00:00+00:00", "2026-01-03T00:00:00+00:00"}},
        {"macro hourly", "@hourly", "UTC", "2026-01-01T10:00:00Z", {"2026-01-01T11:00:00+00:00"}},
        // month ends and leap days
        {"the 31st skips short months", "0 0 31 * *", "UTC", "2026-01-31T00:00:00Z",
         {"2026-03-31T00:00:00+00:00", "2026-05-31T00:00:00+00:00", "2026-07-31T00:00:00+00:00"}},
        {"L is the last day", "0 0 L * *", "UTC", "2026-01-15T00:00:00Z",
         {"2026-01-31T00:00:00+00:00", "2026-02-28T00:00:00+00:00", "2026-03-31T00:00:00+00:00",
          "2026-04-30T00:00:00+00:00"}},
        {"L in February, leap and not", "0 0 L 2 *", "UTC", "2027-03-01T00:00:00Z",
         {"2028-02-29T00:00:00+00:00", "2029-02-28T00:00:00+00:00"}},
        {"29 February fires in leap years only", "0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z",
         {"2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00"}},
        {"L-2", "0 0 L-2 * *", "UTC", "2026-02-01T00:00:00Z",
         {"2026-02-26T00:00:00+00:00", "2026-03-29T00:00:00+00:00"}},
        {"LW: last weekday", "0 0 LW * *", "UTC", "2026-02-01T00:00:00Z",
         {"2026-02-27T00:00:00+00:00", "2026-03-31T00:00:00+00:00", "2026-04-30T00:00:00+00:00"}},
        {"1W: a Sunday 1st moves to Monday", "0 0 1W * *", "UTC", "2026-01-31T12:00:00Z",
         {"2026-02-02T00:00:00+00:00", "2026-03-02T00:00:00+00:00", "2026-04-01T00:00:00+00:00"}},
        {"1W: a Saturday 1st stays in the month", "0 0 1W * *", "UTC", "2026-07-15T00:00:00Z",
         {"2026-08-03T00:00:00+00:00"}},
        {"15W: Sunday to Monday", "0 0 15W * *", "UTC", "2026-02-01T00:00:00Z",
         {"2026-02-16T00:00:00+00:00", "2026-03-16T00:00:00+00:00"}},
        {"31W: a Sunday 31st moves back to Friday, short months skip", "0 0 31W * *", "UTC",
         "2026-05-01T00:00:00Z", {"2026-05-29T00:00:00+00:00", "2026-07-31T00:00:00+00:00"}},
        {"5L: last Friday", "0 9 * * 5L", "UTC", "2026-02-01T00:00:00Z",
         {"2026-02-27T09:00:00+00:00", "2026-03-27T09:00:00+00:00", "2026-04-24T09:00:00+00:00"}},
        {"1#1: first Monday", "0 9 * * 1#1", "UTC", "2026-02-01T00:00:00Z",
         {"2026-02-02T09:00:00+00:00", "2026-03-02T09:00:00+00:00", "2026-04-06T09:00:00+00:00"}},
        {"MON#5: fifth Monday, only some months", "0 9 * * MON#5", "UTC", "2026-02-01T00:00:00Z",
         {"2026-03-30T09:00:00+00:00", "2026-06-29T09:00:00+00:00"}},
        // Europe/Berlin: 2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00
        {"Berlin gap: skipped time runs at the next valid instant", "30 2 * * *", "Europe/Berlin",
         "2026-03-28T00:00:00+01:00",
         {"2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"}},
        {"Berlin gap: two skipped times run once", "*/30 2 * * *", "Europe/Berlin", "2026-03-29T00:00:00+01:00",
         {"2026-03-29T03:00:00+02:00", "2026-03-30T02:00:00+02:00"}},
        {"Berlin gap: hourly does not double 03:00", "0 * * * *", "Europe/Berlin", "2026-03-29T00:30:00+01:00",
         {"2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00"}},
        {"Berlin overlap: repeated time runs once", "30 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00+02:00",
         {"2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"}},
        {"Berlin overlap: half-hourly skips the second pass", "0,30 * * * *", "Europe/Berlin",
         "2026-10-25T01:45:00+02:00",
         {"2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-25T03:00:00+01:00",
          "2026-10-25T03:30:00+01:00", "2026-10-25T04:00:00+01:00"}},
        {"Berlin overlap: starting inside the second pass", "0,30 * * * *", "Europe/Berlin",
         "2026-10-25T02:10:00+01:00", {"2026-10-25T03:00:00+01:00"}},
        // America/New_York: 2026-03-08 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00
        {"New York gap", "30 2 * * *", "America/New_York", "2026-03-07T12:00:00-05:00",
         {"2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"}},
        {"New York overlap", "30 1 * * *", "America/New_York", "2026-10-31T12:00:00-04:00",
         {"2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"}},
        {"New York overlap: hourly", "0 * * * *", "America/New_York", "2026-11-01T00:30:00-04:00",
         {"2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-05:00"}},
        // Australia/Lord_Howe: 2026-04-05 02:00 (+11) -> 01:30 (+10:30), 2026-10-04 02:00 (+10:30) -> 02:30 (+11)
        {"Lord Howe 30-minute overlap", "45 1 * * *", "Australia/Lord_Howe", "2026-04-04T12:00:00+11:00",
         {"2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"}},
        {"Lord Howe 30-minute gap", "15 2 * * *", "Australia/Lord_Howe", "2026-10-03T12:00:00+10:30",
         {"2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"}},
        {"Lord Howe: just after the gap is normal", "45 2 * * *", "Australia/Lord_Howe",
         "2026-10-03T12:00:00+10:30", {"2026-10-04T02:45:00+11:00"}},
    };
    return all;
}

} // namespace

TEST(CronExpression, HandCheckedFireTimes)
{
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(fires(c.expr, c.zone, c.from, int(c.expected.size())).join(u' ').toStdString(),
                  c.expected.join(u' ').toStdString())
            << c.expr << " in " << c.zone << " after " << c.from;
    }
}

TEST(CronExpression, FireTimesAreStrictlyIncreasingAcrossAYearOfTransitions)
{
    for (const char* zone : {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe"}) {
        auto s = Schedule::cron(QStringLiteral("*/10 * * * *"), QString::fromLatin1(zone));
        ASSERT_TRUE(s.has_value());
        const QList<qint64> times = s->nextTimes(at("2026-01-01T00:00:00Z"), 6 * 24 * 366);
        ASSERT_EQ(times.size(), 6 * 24 * 366);
        for (qsizetype i = 1; i < times.size(); ++i)
            ASSERT_GT(times[i], times[i - 1]) << zone << " at " << i;
    }
}

TEST(CronExpression, EveryMinuteInTheBerlinGapDayHas23Hours)
{
    auto s = Schedule::cron(QStringLiteral("0 * * * *"), QStringLiteral("Europe/Berlin"));
    ASSERT_TRUE(s.has_value());
    // 2026-03-29 local day: from 00:00+01:00 to 00:00+02:00 next day is 23 hours: 23 fires in between.
    const QList<qint64> t = s->nextTimes(at("2026-03-28T23:59:59+01:00"), 24);
    EXPECT_EQ(Schedule::isoInZone(t[22], s->zone()), QStringLiteral("2026-03-29T23:00:00+02:00"));
    EXPECT_EQ(Schedule::isoInZone(t[23], s->zone()), QStringLiteral("2026-03-30T00:00:00+02:00"));
}

struct BadCase {
    const char* expr;
    int position;
    const char* contains;
};

TEST(CronExpression, RejectsBadExpressionsWithThePosition)
{
    const QList<BadCase> bad = {
        {"60 * * * *", 0, "minute 60 is out of range 0-59"},
        {"0 0 * * 8", 8, "day of week 8 is out of range 0-7"},
        {"0 0 32 * *", 4, "day of month 32 is out of range 1-31"},
        {"0 24 * * *", 2, "hour 24"},
        {"* * * *", -1, "found 4"},
        {"* * * * * * *", 12, "found 7"},
        {"0 0 * FOO *", 6, "\"FOO\" is not a month"},
        {"0 0 * * MON#6", 12, "must be 1 to 5"},
        {"*/0 * * * *", 2, "step 0 is out of range"},
        {"*/x * * * *", 2, "step \"x\" is not a number"},
        {"5-3 * * * *", 0, "runs backwards"},
        {"0 0 30 2 *", -1, "never fires"},
        {"@fortnightly", 0, "unknown macro"},
        {"? * * * *", 0, "'?' is allowed only"},
        {"0 0 1,,2 * *", 6, "empty list item"},
        {"0 0 L-40 * *", 6, "L-n"},
        {"0 0 0W * *", 4, "nW"},
        {"0 0 * * L", 8, "needs a weekday"},
        {"", -1, "empty"},
        {"0 0 * * 1-", 10, "a value is missing in the day of week field"},
        {"0 0 * * ,", 8, "empty list item"},
    };
    for (const BadCase& b : bad) {
        auto e = CronExpression::parse(QString::fromLatin1(b.expr));
        ASSERT_FALSE(e.has_value()) << b.expr;
        EXPECT_EQ(e.error().position, b.position) << b.expr << ": " << e.error().toString().toStdString();
        EXPECT_TRUE(e.error().message.contains(QString::fromLatin1(b.contains)))
            << b.expr << ": " << e.error().message.toStdString();
    }
    EXPECT_EQ(CronExpression::parse(QStringLiteral("60 * * * *")).error().toString(),
              QStringLiteral("column 1: minute 60 is out of range 0-59"));
}

TEST(Schedule, UnknownTimeZoneIsRejected)
{
    auto s = Schedule::cron(QStringLiteral("0 7 * * *"), QStringLiteral("Europe/Berln"));
    ASSERT_FALSE(s.has_value());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("unknown time zone \"Europe/Berln\"")));
}

TEST(Schedule, IntervalsAreExactDurationsAcrossDaylightSaving)
{
    auto s = Schedule::every(3600, at("2026-03-29T00:00:00+01:00"));
    ASSERT_TRUE(s.has_value());
    const QList<qint64> t = s->nextTimes(at("2026-03-29T00:30:00+01:00"), 3);
    // Hourly in absolute time: 01:00+01:00, then 03:00+02:00 (the clock jumped), then 04:00+02:00.
    EXPECT_EQ(t, (QList<qint64>{at("2026-03-29T01:00:00+01:00"), at("2026-03-29T03:00:00+02:00"),
                                at("2026-03-29T04:00:00+02:00")}));
    EXPECT_FALSE(Schedule::every(0).has_value());
    // Anchors in the future still give the next aligned instant.
    auto f = Schedule::every(60, 1000000);
    EXPECT_EQ(*f->next(100), 160); // 1000000 is 40 past a whole minute
    EXPECT_EQ(*f->next(160), 220);
}

TEST(Schedule, OnceAtLocalTimeResolvesGapsAndFiresOnce)
{
    auto s = Schedule::once(QStringLiteral("2026-03-29T02:30:00"), QStringLiteral("Europe/Berlin"));
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(*s->next(0), at("2026-03-29T03:00:00+02:00"));
    EXPECT_FALSE(s->next(at("2026-03-29T03:00:00+02:00")).has_value());
    auto withOffset = Schedule::once(QStringLiteral("2026-12-01T07:00:00-05:00"), QStringLiteral("Europe/Berlin"));
    ASSERT_TRUE(withOffset.has_value());
    EXPECT_EQ(*withOffset->next(0), at("2026-12-01T12:00:00Z"));
    EXPECT_FALSE(Schedule::once(QStringLiteral("tomorrow"), {}).has_value());
}

TEST(LocalTime, ResolvesGapToTransitionAndOverlapToFirstOccurrence)
{
    const QTimeZone berlin = LocalTime::zone(QStringLiteral("Europe/Berlin"));
    const qint64 gapWall = at("2026-03-29T02:30:00Z"); // wall clock read as UTC
    EXPECT_EQ(LocalTime::resolve(berlin, gapWall), at("2026-03-29T01:00:00Z"));
    const qint64 overlapWall = at("2026-10-25T02:30:00Z");
    EXPECT_EQ(LocalTime::resolve(berlin, overlapWall), at("2026-10-25T00:30:00Z"));
    EXPECT_EQ(LocalTime::resolve(berlin, at("2026-07-01T12:00:00Z")), at("2026-07-01T10:00:00Z"));
}
