#include "CorePack.hpp"

#include "AggregateNode.hpp"
#include "DateTimeNode.hpp"
#include "FilterNode.hpp"
#include "LimitNode.hpp"
#include "MergeNode.hpp"
#include "RemoveDuplicatesNode.hpp"
#include "RemoveFieldsNode.hpp"
#include "RenameFieldsNode.hpp"
#include "SetFieldsNode.hpp"
#include "SortNode.hpp"
#include "SplitOutNode.hpp"
#include "SwitchNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

void registerTransformNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<AggregateNode>());
    registry.add(std::make_shared<DateTimeNode>());
    registry.add(std::make_shared<FilterNode>());
    registry.add(std::make_shared<LimitNode>());
    registry.add(std::make_shared<MergeNode>());
    registry.add(std::make_shared<RemoveDuplicatesNode>());
    registry.add(std::make_shared<RemoveFieldsNode>());
    registry.add(std::make_shared<RenameFieldsNode>());
    registry.add(std::make_shared<SetFieldsNode>());
    registry.add(std::make_shared<SortNode>());
    registry.add(std::make_shared<SplitOutNode>());
    registry.add(std::make_shared<SwitchNode>());
}

} // namespace taskloom::nodes::core
