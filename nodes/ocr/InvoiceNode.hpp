#pragma once

#include "OcrNodeBase.hpp"

namespace taskloom::nodes::ocr {

/// Extracts invoice fields from an image or PDF; see the extractor for the rules.
class InvoiceNode final : public OcrNodeBase {
public:
    InvoiceNode();
};

} // namespace taskloom::nodes::ocr
