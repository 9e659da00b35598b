#include "CorePack.hpp"

#include "FilterNode.hpp"
#include "RemoveFieldsNode.hpp"
#include "RenameFieldsNode.hpp"
#include "SetFieldsNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

void registerTransformNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<FilterNode>());
    registry.add(std::make_shared<RemoveFieldsNode>());
    registry.add(std::make_shared<RenameFieldsNode>());
    registry.add(std::make_shared<SetFieldsNode>());
}

} // namespace taskloom::nodes::core
