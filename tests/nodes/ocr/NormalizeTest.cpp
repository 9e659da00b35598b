#include "nodes/ocr/Normalize.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::ocr;

TEST(Normalize, AmountsInEveryLocale)
{
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("1,234.56")), 1234.56);
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("1.234,56")), 1234.56);
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("RM30.90")), 30.90);
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("30,90")), 30.90);
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("12,000")), 12000);
    EXPECT_DOUBLE_EQ(*normalize::amount(QStringLiteral("-5.00")), -5);
    EXPECT_FALSE(normalize::amount(QStringLiteral("total")));
}

TEST(Normalize, FindsAmountsWithDecimalsOnly)
{
    const auto found = normalize::findAmounts(QStringLiteral("2 x 7.00 = 14.00 (table 12)"));
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].raw, u"7.00");
    EXPECT_DOUBLE_EQ(found[1].value, 14.0);
    EXPECT_EQ(normalize::findAmounts(QStringLiteral("TOTAL RM 1,030.90")).value(0).value, 1030.90);
}

TEST(Normalize, DatesDayFirstMonthFirstAndWritten)
{
    EXPECT_EQ(*normalize::date(QStringLiteral("25/12/2018")), QDate(2018, 12, 25));
    EXPECT_EQ(*normalize::date(QStringLiteral("05/06/2018")), QDate(2018, 6, 5));
    EXPECT_EQ(*normalize::date(QStringLiteral("05/06/2018"), DateOrder::MonthFirst), QDate(2018, 5, 6));
    EXPECT_EQ(*normalize::date(QStringLiteral("12/25/2018")), QDate(2018, 12, 25)); // only one reading exists
    EXPECT_EQ(*normalize::date(QStringLiteral("24-01-18")), QDate(2018, 1, 24));
    EXPECT_EQ(*normalize::date(QStringLiteral("2018-12-25")), QDate(2018, 12, 25));
    EXPECT_EQ(*normalize::date(QStringLiteral("14 MAR 2018")), QDate(2018, 3, 14));
    EXPECT_EQ(*normalize::date(QStringLiteral("March 14, 2018")), QDate(2018, 3, 14));
    EXPECT_EQ(*normalize::date(QStringLiteral("2018년 12월 25일")), QDate(2018, 12, 25));
    EXPECT_FALSE(normalize::date(QStringLiteral("31/02/2018")));
    const auto found = normalize::findDates(QStringLiteral("Date: 22/12/2017 14:03"));
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].raw, u"22/12/2017");
}

TEST(Normalize, CurrencyCodesFromSymbols)
{
    EXPECT_EQ(normalize::currency(QStringLiteral("TOTAL RM 12.00")), u"MYR");
    EXPECT_EQ(normalize::currency(QStringLiteral("€ 717,97")), u"EUR");
    EXPECT_EQ(normalize::currency(QStringLiteral("Rs. 319")), u"INR");
    EXPECT_EQ(normalize::currency(QStringLiteral("12,000원")), u"KRW");
    EXPECT_EQ(normalize::currency(QStringLiteral("$4.11")), u"USD");
    EXPECT_EQ(normalize::currency(QStringLiteral("no money here")), u"");
}

TEST(Normalize, Times)
{
    QString raw;
    EXPECT_EQ(normalize::findTime(QStringLiteral("22/12/2017 14:03"), &raw), u"14:03:00");
    EXPECT_EQ(raw, u"14:03");
    EXPECT_EQ(normalize::findTime(QStringLiteral("10:43AM")), u"10:43:00");
    EXPECT_EQ(normalize::findTime(QStringLiteral("2:05 pm")), u"14:05:00");
}

TEST(Normalize, WrittenDatesWithLooseCommasAndFrenchMonths)
{
    EXPECT_EQ(*normalize::date(QStringLiteral("Invoice Date: August 3 , 2014")), QDate(2014, 8, 3));
    EXPECT_EQ(*normalize::date(QStringLiteral("du 02 Juillet 2015")), QDate(2015, 7, 2));
    EXPECT_EQ(*normalize::date(QStringLiteral("le 1er août 2015")), QDate(2015, 8, 1));
    // A range's "1 - July 31" is no date with year 31: the year is the one after the comma.
    const auto found = normalize::findDates(QStringLiteral("billing period July 1 - July 31 , 2014"));
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].date, QDate(2014, 7, 31));
}

TEST(Normalize, WholeAmountsCountAfterACurrencyMarker)
{
    const auto found = normalize::findAmounts(QStringLiteral("Grand Total Rs 1939 (2 nights)"));
    ASSERT_EQ(found.size(), 1);
    EXPECT_DOUBLE_EQ(found[0].value, 1939.0);
    EXPECT_EQ(found[0].currency, u"INR");
    EXPECT_TRUE(normalize::findAmounts(QStringLiteral("Room 1939 x 2")).isEmpty());
    EXPECT_EQ(normalize::currency(QStringLiteral("Discount of Rs -40.00")), u"INR");
}

TEST(Normalize, RawDatesLoseOcrSpacing)
{
    EXPECT_EQ(normalize::findDates(QStringLiteral("DATE 18-10- 17 10:22")).value(0).raw, u"18-10-17");
    EXPECT_EQ(normalize::findDates(QStringLiteral("DATE 18-10- 17 10:22")).value(0).length, 9); // what was matched
    EXPECT_EQ(normalize::findDates(QStringLiteral("03 APR2018 12:01")).value(0).raw, u"03 APR 2018");
    EXPECT_EQ(normalize::findDates(QStringLiteral("03 APR2018 12:01")).value(0).length, 10);
    // A document's date is valid and at most a year ahead.
    EXPECT_TRUE(normalize::isPlausible(QDate(2017, 4, 23)));
    EXPECT_TRUE(normalize::isPlausible(QDate::currentDate().addMonths(11)));
    EXPECT_FALSE(normalize::isPlausible(QDate(3007, 4, 23)));
    EXPECT_FALSE(normalize::isPlausible(QDate()));
    EXPECT_EQ(normalize::findDates(QStringLiteral("03 APR 2018")).value(0).raw, u"03 APR 2018");
    // Inside a code that goes on with its own separators there is no date; beside one there is.
    EXPECT_TRUE(normalize::findDates(QStringLiteral("MI11/3-21 - 12/480")).isEmpty());
    EXPECT_TRUE(normalize::findDates(QStringLiteral("REF 4/12/03/18")).isEmpty());
    EXPECT_EQ(normalize::findDates(QStringLiteral("SHOP 7/480 16-03-18 19:49")).value(0).raw, u"16-03-18");
}
