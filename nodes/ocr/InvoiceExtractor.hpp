#pragma once

#include "Extraction.hpp"
#include "Normalize.hpp"

namespace taskloom::nodes::ocr {

/// Invoice fields from a text layer or OCR lines: number, issue and due dates, vendor (name, address, tax id),
/// customer, PO number, currency, subtotal, tax, total, IBAN (checksum verified) and line items. Values are taken
/// from beside or below their labels (English, Dutch, German, French, Korean labels).
class InvoiceExtractor {
public:
    struct Options {
        DateOrder dateOrder = DateOrder::DayFirst;
    };

    InvoiceExtractor() = default;
    explicit InvoiceExtractor(Options options) : m_options(options) {}

    Extraction extract(const OcrDocument& doc) const;

    /// ISO 13616 mod-97 check of an IBAN (spaces ignored).
    static bool validIban(QString iban);

private:
    Options m_options;
};

} // namespace taskloom::nodes::ocr
