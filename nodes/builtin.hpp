#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes {

/// Registers every node pack of this build. The one place that lists packs: the CLI, the studio, the daemon
/// and the tests all call it.
void registerBuiltinNodes(engine::NodeRegistry& registry);

} // namespace taskloom::nodes
