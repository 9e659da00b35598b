#include "ReceiptNode.hpp"

namespace taskloom::nodes::ocr {

ReceiptNode::ReceiptNode()
    : OcrNodeBase(DocumentKind::Receipt, QStringLiteral("ocr.receipt"), QStringLiteral("Extract Receipt"),
                  QStringLiteral("Reads a photographed or scanned receipt: merchant name and address, phone, date, time, "
                                 "currency, subtotal, tax, tip, total, payment method and line items, each with its text as "
                                 "printed, confidence and box. Totals that disagree with the items, tax or cash are flagged."),
                  {QStringLiteral("expense"), QStringLiteral("bill"), QStringLiteral("till slip")})
{
    addDateOrderParam();
}

} // namespace taskloom::nodes::ocr
