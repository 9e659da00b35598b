#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace taskloom::nodes::ocr {

/// ICAO 9303 machine-readable zones: check digits, OCR-confusion repair guided by them, and parsing.
namespace mrz {

enum class Format { TD1, TD2, TD3 };

QString formatName(Format f);
/// How readily OCR mistakes one MRZ character for another, as a cost: 0.3 for O/0, 0.5 for I/1, B/8, S/5, Z/2,
/// Q/0, up to 0.8 for any other pair; 0 for the same character.
double confusionCost(QChar a, QChar b);
/// Edit distance from a line as OCR read it to the line after repair, weighted by what OCR does: fillers
/// inserted, dropped or read as K/L/C/E cost 0.1, look-alike swaps their confusionCost, a character doubled by OCR
/// ("S5", "OQ") 0.6 to drop, anything else 1. Lower means the repair is more credible.
double readingDistance(const QString& read, const QString& fixed);
/// 7-3-1 weighted sum modulo 10; '<' counts 0, A-Z count 10-35. -1 for a character outside the MRZ alphabet.
int checkDigit(QStringView field);

struct CheckResult {
    QString name;  ///< "documentNumber", "birthDate", "expiryDate", "optionalData", "composite"
    bool valid = false;
};

struct MrzData {
    Format format = Format::TD3;
    QStringList lines; ///< after repair
    QString documentType;
    QString issuingCountry;
    QString surname;
    QString givenNames;
    QString documentNumber;
    QString nationality;
    QString birthDate;  ///< ISO yyyy-mm-dd, empty when the digits are no date
    QString sex;        ///< "M", "F" or "X"
    QString expiryDate; ///< ISO
    QString optionalData;
    QString optionalData2; ///< TD1's second optional field
    QList<CheckResult> checks;
    QStringList flags;   ///< problems found (failed check digits, impossible dates)

    bool allChecksValid() const;
};

/// Normalises raw OCR text lines into MRZ candidates: upper case, spaces removed, common misreads of '<'.
QStringList cleanLines(const QStringList& raw);
/// Finds the zone in OCR'd lines (two lines of 44 or 36, or three of 30), fixes lengths and confusions with
/// the check digits, and parses. nullopt when no zone is recognisable.
std::optional<MrzData> parse(const QStringList& rawLines);
/// Parses lines that already have the exact lengths of `format`, repairing confusions field by field.
MrzData parseExact(QStringList lines, Format format);
/// Century for a two-digit year: birth dates are in the past; expiry dates up to 30 years ahead.
QString isoDate(QStringView yymmdd, bool expiry);

} // namespace mrz

} // namespace taskloom::nodes::ocr
