#pragma once

#include "OcrNodeBase.hpp"

namespace taskloom::nodes::ocr {

/// Extracts receipt fields from an image or PDF; see the extractor for the rules.
class ReceiptNode final : public OcrNodeBase {
public:
    ReceiptNode();

protected:
    void configure(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index,
                   DocumentExtractor::Options& options) const override;

private:
    engine::Param<QString> m_dateOrder;
};

} // namespace taskloom::nodes::ocr
