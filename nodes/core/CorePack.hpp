#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::core {

/// Triggers, control flow, item transforms, files, CSV and JSON.
void registerCoreNodes(engine::NodeRegistry& registry);

// One function per group, each in its own file, so the groups grow independently.
void registerFlowNodes(engine::NodeRegistry& registry);
void registerTransformNodes(engine::NodeRegistry& registry);
void registerFileNodes(engine::NodeRegistry& registry);

} // namespace taskloom::nodes::core
