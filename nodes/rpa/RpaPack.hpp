#pragma once

#include <memory>

class QCoreApplication;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::rpa {

/// Registers the desktop (RPA) nodes. Called from nodes/builtin.cpp when the build has a display (TASKLOOM_GUI).
void registerRpaNodes(engine::NodeRegistry& registry);

/// A widgets application for a flow with dialog nodes (offscreen when there is no display at all).
std::unique_ptr<QCoreApplication> createDialogApplication(int& argc, char** argv);
/// Tells the dialog nodes that this process has no display (they fail with NO_DISPLAY instead of waiting).
void markNoDisplay(QCoreApplication& app, bool noDisplay);

} // namespace taskloom::nodes::rpa
