#include "ReceiptNode.hpp"

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

ReceiptNode::ReceiptNode()
    : OcrNodeBase(DocumentKind::Receipt, QStringLiteral("ocr.receipt"), QStringLiteral("Extract Receipt"),
                  QStringLiteral("Reads a photographed or scanned receipt: merchant name and address, phone, date, time, "
                                 "currency, subtotal, tax, tip, total, payment method and line items, each with its text as "
                                 "printed, confidence and box. Totals that disagree with the items, tax or cash are flagged."),
                  {QStringLiteral("expense"), QStringLiteral("bill"), QStringLiteral("till slip")})
{
    m_dateOrder = addParam<QString>(dateOrderParam());
}

void ReceiptNode::configure(ExecutionContext& ctx, const Item& item, qsizetype index, DocumentExtractor::Options& options) const
{
    options.dateOrder = ctx.param(m_dateOrder, item, index) == u"monthFirst" ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

} // namespace taskloom::nodes::ocr
