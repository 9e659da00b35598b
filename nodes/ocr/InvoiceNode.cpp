#include "InvoiceNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::ocr {

using namespace engine;

namespace {

ParamSpec dateOrderParam()
{
    return ParamSpec::choice(QStringLiteral("dateOrder"), QStringLiteral("Dates like 05/06/2018 are"),
                             {{QStringLiteral("dayFirst"), QStringLiteral("Day first (5 June)"), {}},
                              {QStringLiteral("monthFirst"), QStringLiteral("Month first (May 6)"), {}}});
}

} // namespace

InvoiceNode::InvoiceNode()
    : OcrNodeBase(DocumentKind::Invoice, QStringLiteral("ocr.invoice"), QStringLiteral("Extract Invoice"),
                  QStringLiteral("Reads an invoice (PDF text layer, or OCR for scans): invoice number, issue and due dates, vendor "
                                 "name and tax id, customer, PO number, currency, subtotal, tax, total, IBAN and BIC. Subtotal + "
                                 "tax that does not give the total, and a due date before the issue date, are flagged."),
                  {QStringLiteral("bill"), QStringLiteral("accounts payable"), QStringLiteral("factuur")})
{
    m_dateOrder = addParam<QString>(dateOrderParam());
}

void InvoiceNode::configure(ExecutionContext& ctx, const Item& item, qsizetype index, DocumentExtractor::Options& options) const
{
    options.dateOrder = ctx.param(m_dateOrder, item, index) == u"monthFirst" ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

} // namespace taskloom::nodes::ocr
