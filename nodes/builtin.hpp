#pragma once

#include "engine/Value.hpp"

#include <memory>

class QCoreApplication;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes {

/// Registers every node pack of this build. The one place that lists packs: the CLI, the studio, the daemon
/// and the tests all call it.
/// `settings` is the user's settings object (settings.json): grants such as running shell commands.
void registerBuiltinNodes(engine::NodeRegistry& registry, const engine::Object& settings = {});

/// Tells packs that keep files between runs (browser profiles) where the data folder is.
void setDataDir(const QString& dataDir);
/// Releases what packs hold for one run (its browser sessions); the runtime calls it when a run ends.
void endRun(const QString& runId);
/// The application object for a process that runs nodes with GUI affinity (the browser, dialogs): a widgets application,
/// offscreen without a display. nullptr when no pack of this build needs one (then a QCoreApplication will do).
std::unique_ptr<QCoreApplication> createGuiApplication(int& argc, char** argv);

} // namespace taskloom::nodes
