#include "OcrTextNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::ocr {

using namespace engine;

OcrTextNode::OcrTextNode()
    : OcrNodeBase(DocumentKind::Text, QStringLiteral("ocr.text"), QStringLiteral("OCR Text"),
                  QStringLiteral("Reads the text of an image or PDF (born-digital PDFs through their text layer, scans "
                                 "through Tesseract): the full text plus every line and word with its box and confidence."),
                  {QStringLiteral("text recognition"), QStringLiteral("read image"), QStringLiteral("pdf text")})
{
    m_pageSegMode = addParam<qint64>(ParamSpec::integer(QStringLiteral("pageSegMode"), QStringLiteral("Page layout"), 3)
                                         .range(0, 13)
                                         .describe(QStringLiteral("Tesseract's page segmentation mode: 3 automatic, 4 one "
                                                                  "column, 6 one block, 7 one line, 11 sparse text.")));
}

void OcrTextNode::configure(ExecutionContext& ctx, const Item& item, qsizetype index, DocumentExtractor::Options& options) const
{
    options.ocr.pageSegMode = int(ctx.param(m_pageSegMode, item, index));
}

} // namespace taskloom::nodes::ocr
