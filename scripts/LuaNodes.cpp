#include "LuaNodes.hpp"

#include "LuaCodeNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::scripts {

void registerLuaNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<LuaCodeNode>());
}

} // namespace taskloom::scripts
