#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "nodes/ocr/OcrPack.hpp"
#include "scripts/LuaNodes.hpp"

namespace taskloom::nodes {

void registerBuiltinNodes(engine::NodeRegistry& registry)
{
    core::registerCoreNodes(registry);
    scripts::registerLuaNodes(registry);
    ocr::registerOcrNodes(registry);
}

} // namespace taskloom::nodes
