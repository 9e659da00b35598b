#include "OcrPack.hpp"

#include "IdDocumentNode.hpp"
#include "InvoiceNode.hpp"
#include "OcrTextNode.hpp"
#include "ReceiptNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::ocr {

void registerOcrNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<OcrTextNode>());
    registry.add(std::make_shared<ReceiptNode>());
    registry.add(std::make_shared<InvoiceNode>());
    registry.add(std::make_shared<IdDocumentNode>());
}

} // namespace taskloom::nodes::ocr
