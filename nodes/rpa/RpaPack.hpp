#pragma once

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::rpa {

/// Registers the desktop (RPA) nodes. Called from nodes/builtin.cpp when the build has a display (TASKLOOM_GUI).
void registerRpaNodes(engine::NodeRegistry& registry);

} // namespace taskloom::nodes::rpa
