#pragma once

#include "engine/Value.hpp"

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes {

/// Registers every node pack of this build. The one place that lists packs: the CLI, the studio, the daemon
/// and the tests all call it.
/// `settings` is the user's settings object (settings.json): grants such as running shell commands.
void registerBuiltinNodes(engine::NodeRegistry& registry, const engine::Object& settings = {});

} // namespace taskloom::nodes
