#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "nodes/llm/LlmPack.hpp"
#include "scripts/LuaNodes.hpp"

namespace taskloom::nodes {

void registerBuiltinNodes(engine::NodeRegistry& registry)
{
    core::registerCoreNodes(registry);
    scripts::registerLuaNodes(registry);
    llm::registerLlmNodes(registry);
}

} // namespace taskloom::nodes
