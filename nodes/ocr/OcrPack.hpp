#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::ocr {

/// Registers the OCR nodes: ocr.text, ocr.receipt, ocr.invoice, ocr.idDocument.
void registerOcrNodes(engine::NodeRegistry& registry);

} // namespace taskloom::nodes::ocr
