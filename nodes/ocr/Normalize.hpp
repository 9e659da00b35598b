#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace taskloom::nodes::ocr {

/// Which order an ambiguous numeric date like 05/06/2018 is read in.
enum class DateOrder { DayFirst, MonthFirst };

struct DateMatch {
    QString raw;   ///< as printed
    QDate date;
    qsizetype position = 0;
    qsizetype length = 0; ///< of the text matched at `position` (raw drops spaces OCR put around separators)
};

struct AmountMatch {
    QString raw;   ///< the number as printed, without currency
    double value = 0;
    qsizetype position = 0;
    QString currency; ///< ISO code when a symbol or code was attached
};

/// Locale-aware number and date reading for printed documents.
namespace normalize {

/// "1,234.56", "1.234,56", "1 234,56", "30.90", "RM30.90", "-5.00", "₩12,000". nullopt for no amount.
std::optional<double> amount(QString text);
/// Every amount with decimals (or a currency marker) in `text`, left to right.
QList<AmountMatch> findAmounts(const QString& text, bool requireDecimals = true);
/// Every date in `text`: 25/12/2018, 25-12-18, 2018-12-25, 25.12.2018, 25 Dec 2018, Dec 25, 2018, 2018년 12월 25일.
QList<DateMatch> findDates(const QString& text, DateOrder order = DateOrder::DayFirst);
std::optional<QDate> date(const QString& text, DateOrder order = DateOrder::DayFirst);
/// Whether a printed document can carry this date: valid and at most a year ahead (23/04/3007 is a misread year).
bool isPlausible(const QDate& date);
/// ISO 4217 code for a symbol or code found in `text` ("RM" -> MYR, "€" -> EUR, "₹"/"Rs" -> INR), empty if none.
QString currency(const QString& text);
/// "12.50" style for a value.
QString formatAmount(double v);
/// Times like 14:03, 2:03 PM, 12:06:00.
QString findTime(const QString& text, QString* raw = nullptr);

} // namespace normalize

} // namespace taskloom::nodes::ocr
