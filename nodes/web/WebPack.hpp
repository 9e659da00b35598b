#pragma once

#include <QString>

#include <memory>

class QCoreApplication;

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::nodes::web {

void registerWebNodes(engine::NodeRegistry& registry);

/// Named browser profiles live under <dataDir>/browser.
void setDataDir(const QString& dataDir);
/// Closes the browser sessions of a run that ended.
void endRun(const QString& runId);

/// The application object browser nodes need: a QApplication (QWebEngineView renders the pages and screenshots),
/// with Qt::AA_ShareOpenGLContexts set before it exists as QtWebEngine requires, on the offscreen platform when
/// there is no display, and with Chromium's sandbox off when running as root (Chromium refuses root otherwise).
/// Its destructor closes every session before QtWebEngine shuts down.
std::unique_ptr<QCoreApplication> createBrowserApplication(int& argc, char** argv);

} // namespace taskloom::nodes::web
