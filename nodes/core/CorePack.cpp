#include "CorePack.hpp"

namespace taskloom::nodes::core {

void registerCoreNodes(engine::NodeRegistry& registry)
{
    registerFlowNodes(registry);
    registerTransformNodes(registry);
    registerFileNodes(registry);
}

} // namespace taskloom::nodes::core
