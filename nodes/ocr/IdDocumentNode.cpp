#include "IdDocumentNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::ocr {

using namespace engine;

IdDocumentNode::IdDocumentNode()
    : OcrNodeBase(DocumentKind::Id, QStringLiteral("ocr.idDocument"), QStringLiteral("Extract ID Document"),
                  QStringLiteral("Reads a passport or ID card: the machine-readable zone (TD1, TD2, TD3) is found, read, "
                                 "repaired with its check digits and parsed (document number, names, nationality, dates, "
                                 "sex); cards without one (Korean resident card and driver's licence, label: value cards) "
                                 "are read from their printed text. Failed check digits and impossible dates are flagged."),
                  {QStringLiteral("passport"), QStringLiteral("mrz"), QStringLiteral("identity card"), QStringLiteral("kyc")})
{
    m_revealNationalIds = addParam<bool>(
        ParamSpec::boolean(QStringLiteral("revealNationalIds"), QStringLiteral("Show national id numbers in full"), false)
            .describe(QStringLiteral("Off: a resident registration number keeps only its birth date and sex digit.")));
}

void IdDocumentNode::configure(ExecutionContext& ctx, const Item& item, qsizetype index, DocumentExtractor::Options& options) const
{
    options.revealNationalIds = ctx.param(m_revealNationalIds, item, index);
}

} // namespace taskloom::nodes::ocr
