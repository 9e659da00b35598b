#include "builtin.hpp"

#include "nodes/core/CorePack.hpp"
#include "scripts/LuaNodes.hpp"

namespace taskloom::nodes {

void registerBuiltinNodes(engine::NodeRegistry& registry)
{
    core::registerCoreNodes(registry);
    scripts::registerLuaNodes(registry);
}

} // namespace taskloom::nodes
