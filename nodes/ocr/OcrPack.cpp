#include "OcrPack.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::ocr {

void registerOcrNodes(engine::NodeRegistry& registry)
{
    (void)registry;
}

} // namespace taskloom::nodes::ocr
