#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::scripts {

/// Registers the Lua node types (the Lua Code node). nodes/builtin.cpp calls it once at start-up.
void registerLuaNodes(engine::NodeRegistry& registry);

} // namespace taskloom::scripts
