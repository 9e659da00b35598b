// MainWindow's views of runs other than the one in progress: past runs from the run store.

#include "MainWindow.hpp"

#include "FlowDocument.hpp"
#include "FlowScene.hpp"
#include "InspectorWidget.hpp"
#include "NodeItem.hpp"
#include "RunPanel.hpp"
#include "StoredRun.hpp"

#include "app/runtime/PartialRun.hpp"
#include "app/runtime/Runtime.hpp"

#include <QAction>
#include <QDockWidget>
#include <QStatusBar>

namespace taskloom::studio {

using namespace engine;

void MainWindow::showPastRun(const Object& detail)
{
    if (m_run->isRunning()) {
        statusBar()->showMessage(tr("A run is in progress; open past runs when it has finished."), 6000);
        return;
    }
    m_scene->clearRunStates();
    m_runPanel->clear();
    RunStatus status = RunStatus::Running;
    for (const RunEvent& e : eventsFromRunDetail(detail)) {
        onRunEvent(e);
        if (e.type == RunEvent::Type::RunFinished)
            status = e.runStatus;
    }
    m_scene->clearActiveConnections();
    // A node whose row still says running never finished: the run was interrupted (or is still going elsewhere).
    for (const FlowNode& n : m_doc->flow().nodes) {
        if (NodeItem* item = m_scene->nodeItem(n.id); item && item->runState() == NodeRunState::Running)
            m_scene->setRunState(n.id, NodeRunState::Skipped, tr("did not finish"));
    }
    const QString started = QDateTime::fromString(detail.value(u"startedAt").toString(), Qt::ISODateWithMs)
                                .toLocalTime()
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString runId = detail.value(u"id").toString().left(8);
    QString text = tr("Past run %1 from %2: %3").arg(runId, started, runStatusName(status));
    if (const qint64 ms = detail.value(u"durationMs").toInt(-1); ms >= 0)
        text += tr(" in %1 ms").arg(ms);
    if (const QString error = detail.value(u"error").objectRef().value(u"message").toString(); !error.isEmpty())
        text += QStringLiteral(": ") + error;
    if (detail.value(u"storeItemData").toString() != u"full")
        text += tr(" (this flow's run store setting keeps no item data)");
    m_runPanel->setSummary(text, status != RunStatus::Succeeded);
    if (auto* dock = qobject_cast<QDockWidget*>(m_runPanel->parentWidget())) {
        dock->show();
        dock->raise();
    }
    const QStringList selected = m_scene->selectedNodeIds();
    if (selected.size() == 1)
        m_runPanel->showNode(selected.first());
    m_inspector->updatePreviews();
}

PreviewData MainWindow::previewData(const QString& nodeId) const
{
    PreviewData data;
    const FlowNode* node = m_doc->node(nodeId);
    if (!node)
        return data;
    for (const FlowNode& n : m_doc->flow().nodes) {
        if (m_runPanel->hasOutput(n.id)) {
            data.hasRun = true;
            data.outputsByName.insert(n.name, m_runPanel->outputOf(n.id));
        }
    }
    data.nodeRan = m_runPanel->hasOutput(nodeId);
    data.nodeError = m_runPanel->errorOf(nodeId);
    data.nodeLog = m_runPanel->logOf(nodeId);
    data.nodeItemsOut = m_runPanel->itemsOutOf(nodeId);
    // The main input: what every connection into the node's first input port carried, in connection order.
    const Ports ports = m_doc->ports(*node);
    data.expectsInput = !ports.inputs.isEmpty();
    if (!data.expectsInput)
        return data;
    for (const Connection& c : m_doc->flow().connections) {
        if (c.toNode != nodeId || c.toPort != ports.inputs.first().name)
            continue;
        const FlowNode* from = m_doc->node(c.fromNode);
        if (!from)
            continue;
        const int port = m_doc->ports(*from).outputIndex(c.fromPort);
        const QList<ItemList> outputs = m_runPanel->outputPortsOf(c.fromNode);
        if (port >= 0 && port < outputs.size())
            data.input.append(outputs.at(port));
    }
    return data;
}

} // namespace taskloom::studio

namespace taskloom::studio {

bool MainWindow::startRun(const Flow& flow, const QStringList& nodeIds, bool fresh)
{
    if (m_run->isRunning())
        return false;
    if (fresh) {
        m_scene->clearRunStates();
        m_runPanel->clear();
    }
    for (const QString& id : nodeIds)
        m_scene->setRunState(id, NodeRunState::Queued, tr("queued"));
    m_runPanel->setSummary(tr("Running…"), false);
    m_actions.value(QStringLiteral("run"))->setEnabled(false);
    m_actions.value(QStringLiteral("stop"))->setEnabled(true);
    return m_run->start(flow, m_doc->path());
}

QString MainWindow::actionNode()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.size() != 1) {
        statusBar()->showMessage(tr("Select one node first."), 5000);
        return {};
    }
    return nodes.first();
}

void MainWindow::runUpTo(const QString& nodeId)
{
    if (m_run->isRunning() || !m_doc->node(nodeId))
        return;
    auto part = app::flowUpTo(m_doc->flow(), nodeId);
    if (!part) {
        statusBar()->showMessage(part.error(), 8000);
        return;
    }
    // Only the problems of the nodes that will run matter; a broken branch elsewhere does not block this.
    m_doc->validate();
    QStringList ids, errors;
    for (const FlowNode& n : part->nodes) {
        ids.append(n.id);
        for (const Problem& p : m_doc->problemsOf(n.id)) {
            if (p.isError())
                errors.append(QStringLiteral("%1: %2").arg(n.name, p.toString()));
        }
    }
    if (!errors.isEmpty()) {
        m_runPanel->setSummary(tr("Not run: %n problem(s) in the nodes it needs. Fix the nodes with a red badge.",
                                   nullptr, int(errors.size())),
            true);
        statusBar()->showMessage(errors.first(), 10000);
        return;
    }
    startRun(*part, ids, true);
}

void MainWindow::rerunNode(const QString& nodeId)
{
    const FlowNode* node = m_doc->node(nodeId);
    if (m_run->isRunning() || !node)
        return;
    QHash<QString, app::NodeOutput> last;
    for (const QString& id : app::upstreamOf(m_doc->flow(), nodeId)) {
        if (m_runPanel->hasOutput(id))
            last.insert(id, {m_runPanel->outputPortsOf(id), m_runPanel->hasCompleteOutput(id)});
    }
    auto part = app::flowForRerun(m_doc->flow(), nodeId, last, m_runtime.registry());
    if (!part) {
        m_runPanel->setSummary(tr("Not re-run: %1").arg(part.error()), true);
        statusBar()->showMessage(part.error(), 10000);
        return;
    }
    m_doc->validate();
    for (const Problem& p : m_doc->problemsOf(nodeId)) {
        if (p.isError()) {
            m_runPanel->setSummary(tr("Not re-run: \"%1\": %2").arg(node->name, p.toString()), true);
            return;
        }
    }
    // The nodes before it keep what they show: the re-run replays exactly that.
    if (startRun(*part, {nodeId}, false))
        m_rerunNode = nodeId;
}

void MainWindow::togglePin(const QString& nodeId)
{
    const FlowNode* node = m_doc->node(nodeId);
    if (!node)
        return;
    if (m_doc->isPinned(nodeId)) {
        m_doc->unpinOutput(nodeId);
        statusBar()->showMessage(tr("\"%1\" runs again on the next run.").arg(node->name), 5000);
        return;
    }
    if (!m_runPanel->hasOutput(nodeId)) {
        statusBar()->showMessage(
            tr("\"%1\" has no output to pin: run the flow (or up to this node) first.").arg(node->name), 8000);
        return;
    }
    if (!m_runPanel->hasCompleteOutput(nodeId)) {
        statusBar()->showMessage(
            tr("Only part of the output of \"%1\" was kept, so it cannot be pinned.").arg(node->name), 8000);
        return;
    }
    const ItemList items = m_runPanel->outputOf(nodeId);
    m_doc->pinOutput(nodeId, items);
    statusBar()->showMessage(
        tr("Pinned %n item(s): runs reuse them instead of running \"%1\".", nullptr, int(items.size())).arg(node->name),
        6000);
}

} // namespace taskloom::studio
