#pragma once

#include "Extraction.hpp"

namespace taskloom::nodes::ocr {

/// A receipt's total. The label's strength picks it (rounded total over grand or net total and totals including
/// tax, over a plain total); without a total line, the subtotal plus tax, else the largest amount printed twice.
/// A receipt prints its total more than once (total, rounded total, cash minus change), so the choice is then
/// checked against what was paid and rounded to the 0.05 a till charges.
class ReceiptTotal {
public:
    /// How strongly an upper-case label names the total: 6 a rounded total, 5 a grand, net or tax-inclusive total,
    /// 4 a total, 0 not a total (subtotals, tax, quantities).
    static int labelPriority(const QString& upperLabel);
    /// Sets the `total` (and `cash`) fields of `ex` from its lines, reading `subtotal` and `tax` already set; flags a
    /// total that cash minus change contradicts.
    static void find(const QList<OcrLine>& lines, Extraction& ex);
};

} // namespace taskloom::nodes::ocr
