#pragma once

#include <QString>

#include <memory>

class QCoreApplication;

namespace taskloom::app {

/// The application object of a program that runs flows. `taskloom run FLOW` whose flow holds nodes with GUI
/// affinity (the browser, dialogs) gets the widgets application the packs provide (offscreen without a display); every other
/// command gets a QCoreApplication. Decided before any Qt object exists, as QtWebEngine requires.
std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv);

/// Whether the flow file holds a node whose type runs on the main (GUI) thread. False when it cannot be read
/// (the run then reports the problem itself).
bool flowNeedsGui(const QString& flowPath);

} // namespace taskloom::app
