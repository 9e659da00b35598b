#include "nodes/ocr/Mrz.hpp"

#include <gtest/gtest.h>

using namespace taskloom::nodes::ocr;

namespace {

// ICAO 9303 specimen zones (part 4, 5 and 6).
const QStringList td3 = {QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
                         QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10")};
const QStringList td2 = {QStringLiteral("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<"),
                         QStringLiteral("D231458907UTO7408122F1204159<<<<<<<6")};
const QStringList td1 = {QStringLiteral("I<UTOD231458907<<<<<<<<<<<<<<<"), QStringLiteral("7408122F1204159UTO<<<<<<<<<<<6"),
                         QStringLiteral("ERIKSSON<<ANNA<MARIA<<<<<<<<<<")};

} // namespace

TEST(Mrz, CheckDigitsFollowTheSevenThreeOneRule)
{
    EXPECT_EQ(mrz::checkDigit(u"L898902C3"), 6);
    EXPECT_EQ(mrz::checkDigit(u"740812"), 2);
    EXPECT_EQ(mrz::checkDigit(u"120415"), 9);
    EXPECT_EQ(mrz::checkDigit(u"<<<<<<"), 0);
    EXPECT_EQ(mrz::checkDigit(u"ab"), -1);
}

TEST(Mrz, ParsesTd3SpecimenWithEveryCheckValid)
{
    const auto d = mrz::parse(td3);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->format, mrz::Format::TD3);
    EXPECT_EQ(d->lines, td3);
    EXPECT_EQ(d->documentType, u"P");
    EXPECT_EQ(d->issuingCountry, u"UTO");
    EXPECT_EQ(d->surname, u"ERIKSSON");
    EXPECT_EQ(d->givenNames, u"ANNA MARIA");
    EXPECT_EQ(d->documentNumber, u"L898902C3");
    EXPECT_EQ(d->nationality, u"UTO");
    EXPECT_EQ(d->birthDate, u"1974-08-12");
    EXPECT_EQ(d->sex, u"F");
    EXPECT_EQ(d->expiryDate, u"2012-04-15");
    EXPECT_EQ(d->optionalData, u"ZE184226B");
    EXPECT_TRUE(d->allChecksValid());
    EXPECT_TRUE(d->flags.isEmpty()) << d->flags.join(u';').toStdString();
}

TEST(Mrz, ParsesTd2AndTd1Specimens)
{
    const auto two = mrz::parse(td2);
    ASSERT_TRUE(two);
    EXPECT_EQ(two->format, mrz::Format::TD2);
    EXPECT_EQ(two->documentNumber, u"D23145890");
    EXPECT_TRUE(two->allChecksValid());
    const auto one = mrz::parse(td1);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->format, mrz::Format::TD1);
    EXPECT_EQ(one->documentNumber, u"D23145890");
    EXPECT_EQ(one->surname, u"ERIKSSON");
    EXPECT_EQ(one->givenNames, u"ANNA MARIA");
    EXPECT_EQ(one->birthDate, u"1974-08-12");
    EXPECT_EQ(one->nationality, u"UTO");
    EXPECT_TRUE(one->allChecksValid());
    EXPECT_EQ(one->lines, td1);
}

TEST(Mrz, RepairsOcrConfusionsGuidedByCheckDigits)
{
    // Dates read with letters, a 0 read as O in the number, fillers read as K, spaces and a dropped filler.
    const QStringList misread = {QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<K<<<<<<<<<<<<<<"),
                                 QStringLiteral("L898902C36UT07408I22F12O4159ZE184226B<<<<10")};
    const auto d = mrz::parse(misread);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->lines, td3);
    EXPECT_TRUE(d->allChecksValid());
}

TEST(Mrz, FlagsFailedCheckDigitsAndImpossibleDates)
{
    QStringList bad = td3;
    bad[1] = QStringLiteral("L898902C36UTO7413322F1204159ZE184226B<<<<<10"); // month 13, check digits now fail
    const auto d = mrz::parse(bad);
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->allChecksValid());
    EXPECT_TRUE(d->flags.join(u';').contains(u"check digit of birthDate fails"));
    EXPECT_TRUE(d->flags.join(u';').contains(u"birth date 741332 is not a date"));
}

TEST(Mrz, NoZoneInOrdinaryText)
{
    EXPECT_FALSE(mrz::parse({QStringLiteral("Hello world"), QStringLiteral("TOTAL 12.00")}));
}

TEST(Mrz, CenturiesForBirthAndExpiry)
{
    EXPECT_EQ(mrz::isoDate(u"740812", false), u"1974-08-12");
    EXPECT_EQ(mrz::isoDate(u"050101", false), u"2005-01-01");
    EXPECT_EQ(mrz::isoDate(u"300101", true), u"2030-01-01");
    EXPECT_EQ(mrz::isoDate(u"991231", true), u"1999-12-31");
    EXPECT_EQ(mrz::isoDate(u"990231", true), u"");
}

namespace {

// A zone whose document number mixes O with digits (JF7TJC3OY, check digit 4).
const QStringList mixed = {QStringLiteral("P<UTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<"),
                           QStringLiteral("JF7TJC3OY4UTO8503172F3109214<<<<<<<<<<<<<<06")};

QStringList withNumber(const QString& number)
{
    return {mixed[0], number + mixed[1].mid(9)};
}

} // namespace

TEST(Mrz, RepairPrefersTheCommonestConfusion)
{
    // O read as 0: changing the 7 to T would satisfy the check digit too (and comes first from the left), but an
    // O/0 swap is far more likely than a T/7 one.
    const auto d = mrz::parse(withNumber(QStringLiteral("JF7TJC30Y")));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->documentNumber, u"JF7TJC3OY");
    EXPECT_EQ(d->lines, mixed);
    EXPECT_TRUE(d->allChecksValid());
}

TEST(Mrz, RepairPicksTheDeletionThatUndoesADoubledCharacter)
{
    // OCR read the O twice ("OQ"); dropping the Q restores the line, dropping anything else does not.
    QStringList read = mixed;
    read[1].insert(8, u'Q');
    const auto d = mrz::parse(read);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->lines, mixed);
}

TEST(Mrz, ReadingDistanceWeighsWhatOcrDoes)
{
    EXPECT_EQ(mrz::readingDistance(mixed[1], mixed[1]), 0);
    // Fillers read as K or dropped cost little; an O/0 swap less than a T/7 swap; a doubled look-alike less
    // than an unrelated extra character.
    EXPECT_LT(mrz::readingDistance(QStringLiteral("AB<K<<"), QStringLiteral("AB<<<<")), 0.2);
    EXPECT_LT(mrz::readingDistance(QStringLiteral("AB<<<"), QStringLiteral("AB<<<<")), 0.2);
    EXPECT_LT(mrz::readingDistance(QStringLiteral("J0Y"), QStringLiteral("JOY")), mrz::readingDistance(QStringLiteral("JTY"), QStringLiteral("J7Y")));
    EXPECT_LT(mrz::readingDistance(QStringLiteral("AS5B"), QStringLiteral("A5B")), mrz::readingDistance(QStringLiteral("AX5B"), QStringLiteral("A5B")));
    EXPECT_EQ(mrz::confusionCost(u'O', u'0'), mrz::confusionCost(u'0', u'O'));
    EXPECT_EQ(mrz::confusionCost(u'A', u'A'), 0);
}

TEST(Mrz, CountryCodesAreLettersThenFillers)
{
    // Germany's one-letter code "D<<" with a filler misread as S: after the first '<' only fillers follow.
    const QStringList zone = {QStringLiteral("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<<"),
                              QStringLiteral("C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<04")};
    QStringList read = zone;
    read[1][12] = u'S';
    read[0][4] = u'S';
    const auto d = mrz::parse(read);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->nationality, u"D");
    EXPECT_EQ(d->issuingCountry, u"D");
    EXPECT_EQ(d->lines[1].mid(10, 3), u"D<<");
    EXPECT_EQ(d->lines[0].left(5), u"P<D<<");
}
