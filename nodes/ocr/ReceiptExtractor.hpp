#pragma once

#include "Extraction.hpp"
#include "Normalize.hpp"

namespace taskloom::nodes::ocr {

/// Receipt fields from OCR lines: merchant name and address (the header above the first date or amount),
/// phone, date, time, currency, subtotal, tax, tip, total, payment method and line items. The total is chosen
/// by the strength of its label ("rounded total" over "total" over "cash - change"), then cross-checked against
/// the items, the subtotal and tax, and the cash tendered; disagreements become flags.
class ReceiptExtractor {
public:
    struct Options {
        DateOrder dateOrder = DateOrder::DayFirst;
        QString defaultCurrency; ///< used when the receipt shows no symbol or code
    };

    ReceiptExtractor() = default;
    explicit ReceiptExtractor(Options options) : m_options(std::move(options)) {}

    Extraction extract(const OcrDocument& doc) const;

    /// Whether line `index` can carry the receipt's date or total (a date, a total, cash, change,
    /// rounding or payment line, or the amount printed under such a label): the lines worth a second reading.
    static bool carriesKeyNumber(const QList<OcrLine>& lines, qsizetype index);
    /// Whether line `index` can be part of the merchant's address and prints commas or full stops: one of the first
    /// twelve lines with a street or region word or a postcode. The lines worth a second reading of their punctuation.
    static bool mayHoldAddress(const QList<OcrLine>& lines, qsizetype index);
    /// Whether line `index` is labelled as a total, rounding, cash, change or card payment but neither it nor the
    /// line under it holds an amount: the page may have dropped its amount.
    static bool lacksItsAmount(const QList<OcrLine>& lines, qsizetype index);

private:
    Options m_options;
};

} // namespace taskloom::nodes::ocr
