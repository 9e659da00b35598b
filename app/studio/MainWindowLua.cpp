// MainWindow and Lua: "Run this node" under the Lua editor, and hot reload of the user's Lua node types.

#include "MainWindow.hpp"

#include "FlowDocument.hpp"
#include "InspectorWidget.hpp"
#include "LuaNodeWatcher.hpp"
#include "LuaRunPane.hpp"
#include "PaletteWidget.hpp"
#include "RunPanel.hpp"

#include "app/runtime/PartialRun.hpp"
#include "app/runtime/Runtime.hpp"

#include <QDockWidget>
#include <QFileInfo>
#include <QStatusBar>

namespace taskloom::studio {

using namespace engine;

void MainWindow::setupLuaNodes()
{
    connect(m_inspector, &InspectorWidget::runNodeRequested, this, &MainWindow::runThisNode);
    m_luaWatcher = new LuaNodeWatcher(m_runtime.luaNodesDir(), this);
    connect(m_luaWatcher, &LuaNodeWatcher::filesChanged, this, &MainWindow::reloadLuaNodeFiles);
}

bool MainWindow::runThisNode(const QString& nodeId)
{
    if (!m_doc->node(nodeId))
        return false;
    const auto notRun = [this](const QString& reason) {
        if (LuaRunPane* pane = m_inspector->luaRunPane())
            pane->setNotRun(reason);
        return false;
    };
    if (m_run->isRunning())
        return notRun(tr("Not run: another run is in progress."));
    // On its last inputs when every node it needs has a recorded output; otherwise those nodes run first.
    bool haveInputs = true;
    for (const QString& id : app::upstreamOf(m_doc->flow(), nodeId))
        haveInputs = haveInputs && m_runPanel->hasOutput(id) && m_runPanel->hasCompleteOutput(id);
    if (haveInputs)
        rerunNode(nodeId);
    else
        runUpTo(nodeId);
    if (!m_run->isRunning())
        return notRun(m_runPanel->summary());
    return true;
}

void MainWindow::reloadLuaNodeFiles(const QStringList& paths)
{
    if (m_run->isRunning()) {
        // Runs read the registry: replace types only between runs.
        for (const QString& p : paths) {
            if (!m_pendingLuaReloads.contains(p))
                m_pendingLuaReloads.append(p);
        }
        return;
    }
    QStringList reloaded;
    for (const QString& path : paths) {
        const QString file = QFileInfo(path).fileName();
        auto type = m_runtime.reloadLuaNodeFile(path);
        if (!type) {
            m_runPanel->addMessage(LogLevel::Error, file,
                                   tr("Lua node not reloaded, the type loaded before stays: %1").arg(type.error()));
            statusBar()->showMessage(type.error(), 10000);
            if (auto* dock = qobject_cast<QDockWidget*>(m_runPanel->parentWidget()))
                dock->show();
            continue;
        }
        reloaded.append(*type);
        m_runPanel->addMessage(LogLevel::Info, file, tr("Reloaded Lua node type %1").arg(*type));
    }
    if (reloaded.isEmpty())
        return;
    m_palette->refresh();
    for (const QString& type : std::as_const(reloaded))
        m_doc->nodeTypeReloaded(type);
    statusBar()->showMessage(tr("Reloaded Lua node type(s): %1").arg(reloaded.join(QStringLiteral(", "))), 6000);
}

} // namespace taskloom::studio
