#include "nodes/core/DateText.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using taskloom::nodes::core::DateText;

namespace {

const QTimeZone utc = QTimeZone::utc();
const QTimeZone berlin("Europe/Berlin");

qint64 ms(const char* isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

qint64 parsedMs(const Value& v, const QString& format = {}, const QTimeZone& zone = utc)
{
    const auto p = DateText::parse(v, format, zone);
    return p ? p->when.toMSecsSinceEpoch() : -1;
}

TEST(DateText, ParsesIsoVariants)
{
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01T10:05:00Z")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01t10:05z")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01 12:05:00+02:00")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01T12:05:00+0200")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01T05:05-05")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01T10:05:00.1234567Z")), ms("2024-03-01T10:05:00.123Z"));
    EXPECT_EQ(parsedMs(QStringLiteral(" 2024-03-01 ")), ms("2024-03-01T00:00:00Z"));
}

TEST(DateText, NoOffsetMeansTheGivenZone)
{
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01T11:05"), {}, berlin), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-07-01T12:05"), {}, berlin), ms("2024-07-01T10:05:00Z")) << "summer time";
    EXPECT_EQ(parsedMs(QStringLiteral("2024-07-01T12:05Z"), {}, berlin), ms("2024-07-01T12:05:00Z"))
        << "an offset wins";
    const auto dateOnly = DateText::parseIso(u"2024-03-01", berlin);
    ASSERT_TRUE(dateOnly);
    EXPECT_TRUE(dateOnly->dateOnly);
    EXPECT_EQ(dateOnly->when.toMSecsSinceEpoch(), ms("2024-02-29T23:00:00Z"));
}

TEST(DateText, RejectsWhatIsNotADate)
{
    for (const char* s : {"2024-13-01", "2024-02-30", "2024-03-01T25:00", "2024-03-01T10:60", "2024-3-1", "01.03.2024",
                          "2024-03-01Z", "2024-03-01T10:00+15:00", "tomorrow", ""})
        EXPECT_FALSE(DateText::parseIso(QString::fromLatin1(s), utc)) << s;
    EXPECT_EQ(parsedMs(QStringLiteral("tomorrow")), -1);
    EXPECT_EQ(parsedMs(true), -1);
    EXPECT_EQ(parsedMs(Value()), -1);
}

TEST(DateText, AutomaticReadsUnixSecondsAndMailDates)
{
    EXPECT_EQ(parsedMs(qint64(1709287500)), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(1709287500.5), ms("2024-03-01T10:05:00.500Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("1709287500")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("Fri, 01 Mar 2024 11:05:00 +0100")), ms("2024-03-01T10:05:00Z"));
}

TEST(DateText, ExplicitFormats)
{
    EXPECT_EQ(parsedMs(QStringLiteral("1709287500123"), QStringLiteral("unixMs")), ms("2024-03-01T10:05:00.123Z"));
    EXPECT_EQ(parsedMs(qint64(1709287500), QStringLiteral("unix")), ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("1709287500"), QStringLiteral("iso")), -1);
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01"), QStringLiteral("rfc2822")), -1);
    EXPECT_EQ(parsedMs(QStringLiteral("01.03.2024 11:05"), QStringLiteral("dd.MM.yyyy HH:mm"), berlin),
              ms("2024-03-01T10:05:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("5 Feb 2024"), QStringLiteral("d MMM yyyy")), ms("2024-02-05T00:00:00Z"));
    EXPECT_EQ(parsedMs(QStringLiteral("2024-03-01"), QStringLiteral("dd.MM.yyyy")), -1);
    const auto p = DateText::parse(QStringLiteral("5 Feb 2024"), QStringLiteral("d MMM yyyy"), utc);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->dateOnly) << "a pattern without a time of day reads a date";
}

TEST(DateText, Formats)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms("2024-03-01T10:05:00Z"), utc);
    EXPECT_EQ(DateText::format(t, QStringLiteral("iso"), utc).toText(), u"2024-03-01T10:05:00Z");
    EXPECT_EQ(DateText::format(t, {}, QTimeZone("Etc/UTC")).toText(), u"2024-03-01T10:05:00Z");
    EXPECT_EQ(DateText::format(t, QStringLiteral("iso"), berlin).toText(), u"2024-03-01T11:05:00+01:00");
    EXPECT_EQ(DateText::format(t.addMSecs(7), QStringLiteral("iso"), utc).toText(), u"2024-03-01T10:05:00.007Z");
    EXPECT_EQ(DateText::format(t, QStringLiteral("unix"), utc), Value(qint64(1709287500)));
    EXPECT_EQ(DateText::format(t.addMSecs(999), QStringLiteral("unix"), utc), Value(qint64(1709287500)));
    EXPECT_EQ(DateText::format(t.addMSecs(-1), QStringLiteral("unixMs"), utc), Value(qint64(1709287499999)));
    EXPECT_EQ(DateText::format(t, QStringLiteral("rfc2822"), berlin).toText(), u"01 Mar 2024 11:05:00 +0100");
    EXPECT_EQ(DateText::format(t, QStringLiteral("dddd, d MMMM yyyy h:mm AP"), berlin).toText(),
              u"Friday, 1 March 2024 11:05 AM");
}

TEST(DateText, DateOnlyStaysDateOnlyAtMidnight)
{
    const QDateTime midnight(QDate(2024, 3, 1), QTime(0, 0), berlin);
    EXPECT_EQ(DateText::format(midnight, QStringLiteral("iso"), berlin, true).toText(), u"2024-03-01");
    EXPECT_EQ(DateText::format(midnight.addSecs(60), QStringLiteral("iso"), berlin, true).toText(),
              u"2024-03-01T00:01:00+01:00");
    EXPECT_EQ(DateText::format(midnight, QStringLiteral("iso"), berlin, false).toText(), u"2024-03-01T00:00:00+01:00");
}

TEST(DateText, MonthsBetweenCountsLikeAddingMonths)
{
    auto months = [](const char* a, const char* b) {
        return DateText::monthsBetween(DateText::parseIso(QString::fromLatin1(a), utc)->when,
                                       DateText::parseIso(QString::fromLatin1(b), utc)->when, utc);
    };
    EXPECT_EQ(months("2024-01-15", "2024-02-14"), 0);
    EXPECT_EQ(months("2024-01-15", "2024-02-15"), 1);
    EXPECT_EQ(months("2024-01-31", "2024-02-29"), 1);
    EXPECT_EQ(months("2024-01-31", "2024-03-01"), 1);
    EXPECT_EQ(months("2024-01-15T10:00", "2024-02-15T09:59"), 0);
    EXPECT_EQ(months("2024-01-15", "2025-03-15"), 14);
    EXPECT_EQ(months("2025-03-15", "2024-01-15"), -14);
    EXPECT_EQ(months("2024-05-01", "2024-05-01"), 0);
}

} // namespace
