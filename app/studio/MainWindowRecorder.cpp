// MainWindow: the Recorder dock's ties to the window (minimize while recording, credentials for replay) and
// "Insert as flow".

#include "MainWindow.hpp"

#include "FlowClipboard.hpp"
#include "FlowDocument.hpp"
#include "FlowScene.hpp"
#include "FlowView.hpp"
#include "MacroStepModel.hpp"
#include "RecorderController.hpp"
#include "RecorderPanel.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/NodeType.hpp"
#include "nodes/rpa/MacroFlow.hpp"
#include "recorder/MacroFile.hpp"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

#include <cmath>

namespace taskloom::studio {

using namespace engine;

void MainWindow::connectRecorder()
{
    RecorderController* c = m_recorder->controller();
    // As `taskloom replay` does: type-secret steps read the vault, {{ }} in typed text is evaluated.
    c->setSecretLookup([this](const QString& name, const QString& field) { return m_runtime.credentialField(name, field); });
    c->setTextResolver([this](const QString& text) { return m_runtime.evaluateText(text); });
    connect(m_recorder, &RecorderPanel::minimizeRequested, this, &QWidget::showMinimized);
    connect(m_recorder, &RecorderPanel::restoreRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_recorder, &RecorderPanel::insertAsFlowRequested, this, &MainWindow::insertMacroAsFlow);
}

QStringList MainWindow::insertMacroAsFlow()
{
    const recorder::Macro macro = m_recorder->model()->macro();
    if (macro.steps.isEmpty()) {
        statusBar()->showMessage(tr("The macro has no steps to insert."), 6000);
        return {};
    }
    if (m_doc->path().isEmpty()) {
        statusBar()->showMessage(tr("Save the flow first: the steps' anchor images are stored in a folder beside it."), 8000);
        return {};
    }
    // Each insert gets its own anchor folder (FLOW-recording-N.anchors), so a second insert never overwrites the
    // images the first one's nodes refer to.
    const QFileInfo info(m_doc->path());
    QString base = info.fileName();
    base.chop(base.endsWith(QStringLiteral(".flow.json")) ? 10 : base.endsWith(QStringLiteral(".json")) ? 5 : 0);
    QString pseudoPath;
    for (int n = 1;; ++n) {
        pseudoPath = info.dir().filePath(QStringLiteral("%1-recording-%2.flow.json").arg(base).arg(n));
        if (!QFileInfo::exists(recorder::MacroFile::anchorFolder(pseudoPath)))
            break;
    }
    auto flow = nodes::rpa::MacroFlow::convert(macro, pseudoPath);
    if (!flow) {
        statusBar()->showMessage(tr("Cannot convert the macro: %1").arg(flow.error()), 8000);
        return {};
    }
    // A flow that has a trigger already gets only the steps; an empty one gets MacroFlow's manual trigger too.
    const bool hasTrigger = std::any_of(m_doc->flow().nodes.begin(), m_doc->flow().nodes.end(), [this](const FlowNode& n) {
        const NodeType* t = m_runtime.registry().find(n.type);
        return t && t->spec().trigger;
    });
    if (hasTrigger && !flow->nodes.empty()) {
        const QString triggerId = flow->nodes.front().id;
        flow->nodes.erase(flow->nodes.begin());
        std::erase_if(flow->connections, [&](const Connection& c) { return c.fromNode == triggerId || c.toNode == triggerId; });
    }
    auto fragment = FlowClipboard::parse(FlowWriter::serialize(*flow), *m_doc);
    if (!fragment) {
        statusBar()->showMessage(tr("Cannot convert the macro: %1").arg(fragment.error()), 8000);
        return {};
    }
    const QPointF at = m_view->mapToScene(m_view->viewport()->rect().center());
    FlowFragment f = FlowClipboard::prepareForPaste(std::move(*fragment), *m_doc, {std::round(at.x()), std::round(at.y())});
    QStringList ids;
    for (const FlowNode& n : f.nodes)
        ids.append(n.id);
    m_doc->addFragment(std::move(f), tr("Insert macro as %n node(s)", nullptr, int(ids.size())));
    m_scene->selectOnly(ids);
    statusBar()->showMessage(tr("Inserted %n node(s) from the macro.", nullptr, int(ids.size())), 6000);
    return ids;
}

} // namespace taskloom::studio
