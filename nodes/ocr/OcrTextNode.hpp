#pragma once

#include "OcrNodeBase.hpp"

namespace taskloom::nodes::ocr {

/// Reads the text of an image or PDF: lines and words with boxes and confidences.
class OcrTextNode final : public OcrNodeBase {
public:
    OcrTextNode();

protected:
    void configure(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index,
                   DocumentExtractor::Options& options) const override;

private:
    engine::Param<qint64> m_pageSegMode;
};

} // namespace taskloom::nodes::ocr
