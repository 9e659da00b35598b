#include "CorePack.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

void registerFileNodes(engine::NodeRegistry& registry)
{
    (void)registry;
}

} // namespace taskloom::nodes::core
