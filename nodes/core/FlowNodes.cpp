#include "CorePack.hpp"

#include "FileWatchTriggerNode.hpp"
#include "IfNode.hpp"
#include "LogNode.hpp"
#include "LoopNode.hpp"
#include "ManualTriggerNode.hpp"
#include "NoOpNode.hpp"
#include "ScheduleTriggerNode.hpp"
#include "StopWithErrorNode.hpp"
#include "SubflowNode.hpp"
#include "WaitNode.hpp"
#include "WebhookTriggerNode.hpp"

#include "engine/NodeRegistry.hpp"

namespace taskloom::nodes::core {

void registerFlowNodes(engine::NodeRegistry& registry)
{
    registry.add(std::make_shared<ManualTriggerNode>());
    registry.add(std::make_shared<ScheduleTriggerNode>());
    registry.add(std::make_shared<FileWatchTriggerNode>());
    registry.add(std::make_shared<WebhookTriggerNode>());
    registry.add(std::make_shared<IfNode>());
    registry.add(std::make_shared<LoopNode>());
    registry.add(std::make_shared<LogNode>());
    registry.add(std::make_shared<NoOpNode>());
    registry.add(std::make_shared<StopWithErrorNode>());
    registry.add(std::make_shared<SubflowNode>());
    registry.add(std::make_shared<WaitNode>());
}

} // namespace taskloom::nodes::core
