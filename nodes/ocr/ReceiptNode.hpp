#pragma once

#include "OcrNodeBase.hpp"

namespace taskloom::nodes::ocr {

/// Extracts receipt fields from an image or PDF; see the extractor for the rules.
class ReceiptNode final : public OcrNodeBase {
public:
    ReceiptNode();
};

} // namespace taskloom::nodes::ocr
