#include "InvoiceNode.hpp"

namespace taskloom::nodes::ocr {

InvoiceNode::InvoiceNode()
    : OcrNodeBase(DocumentKind::Invoice, QStringLiteral("ocr.invoice"), QStringLiteral("Extract Invoice"),
                  QStringLiteral("Reads an invoice (PDF text layer, or OCR for scans): invoice number, issue and due dates, vendor "
                                 "name and tax id, customer, PO number, currency, subtotal, tax, total, IBAN and BIC. Subtotal + "
                                 "tax that does not give the total, and a due date before the issue date, are flagged."),
                  {QStringLiteral("bill"), QStringLiteral("accounts payable"), QStringLiteral("factuur")})
{
    addDateOrderParam();
}

} // namespace taskloom::nodes::ocr
