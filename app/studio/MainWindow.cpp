#include "MainWindow.hpp"

#include "AutoLayout.hpp"
#include "Autosave.hpp"
#include "CredentialsDialog.hpp"
#include "FlowClipboard.hpp"
#include "FlowDocument.hpp"
#include "FlowScene.hpp"
#include "FlowView.hpp"
#include "InspectorWidget.hpp"
#include "PaletteWidget.hpp"
#include "QuickAddPopup.hpp"
#include "RecorderController.hpp"
#include "RecorderPanel.hpp"
#include "RunHistoryPanel.hpp"
#include "RunPanel.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/NodeRegistry.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace taskloom::studio {

using namespace engine;

MainWindow::MainWindow(app::Runtime& runtime, QWidget* parent)
    : QMainWindow(parent), m_runtime(runtime),
      m_doc(new FlowDocument(runtime.registry(), &runtime.expressions(), this)),
      m_scene(new FlowScene(*m_doc, this)), m_view(new FlowView(m_scene, this)),
      m_palette(new PaletteWidget(runtime.registry(), this)), m_inspector(new InspectorWidget(*m_doc, this)),
      m_runPanel(new RunPanel(this)), m_history(new RunHistoryPanel(runtime, this)),
      m_recorder(new RecorderPanel(this)),
      m_autosave(new Autosave(*m_doc, runtime.dataDir() + QStringLiteral("/recovery"), this)), m_run(new RunController(runtime, this)),
      m_quickAdd(new QuickAddPopup(runtime.registry(), this)), m_problemsLabel(new QLabel(this)),
      m_zoomLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("studioWindow"));
    setCentralWidget(m_view);
    m_inspector->setCredentialLister([this] { return listCredentials(); });
    m_inspector->setPreviewSource([this](const QString& id) { return previewData(id); });
    createDocks();
    createActions();
    createMenus();
    connectDocument();
    setupLuaNodes();
    connectRecorder();
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) {
        // 1500 x 920, or less on a smaller screen: a window wider than the screen hides the Run button.
        QSize size(1500, 920);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.96);
        resize(size);
    }
    m_doc->newFlow();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    const auto dock = [this](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        return d;
    };
    auto* p = dock(m_palette, tr("Nodes"), QStringLiteral("paletteDock"), Qt::LeftDockWidgetArea);
    auto* i = dock(m_inspector, tr("Inspector"), QStringLiteral("inspectorDock"), Qt::RightDockWidgetArea);
    auto* r = dock(m_runPanel, tr("Run"), QStringLiteral("runDock"), Qt::BottomDockWidgetArea);
    auto* h = dock(m_history, tr("History"), QStringLiteral("historyDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(r, h);
    auto* rec = dock(m_recorder, tr("Recorder"), QStringLiteral("recorderDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(h, rec);
    r->raise();
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({p, i}, {240, 380}, Qt::Horizontal);
    resizeDocks({r}, {230}, Qt::Vertical);
}

void MainWindow::connectDocument()
{
    connect(m_doc, &FlowDocument::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &FlowDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &FlowDocument::problemsChanged, this, &MainWindow::updateStatus);
    connect(m_doc, &FlowDocument::flowReset, this, [this] {
        m_runPanel->clear();
        m_history->setFlowId(m_doc->flow().id);
        QTimer::singleShot(0, m_view, &FlowView::fitToView);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_scene, &FlowScene::message, this, [this](const QString& t) { statusBar()->showMessage(t, 6000); });
    connect(m_scene, &FlowScene::connectionDroppedOnEmpty, this, &MainWindow::quickAddFrom);
    connect(m_scene, &FlowScene::quickAddRequested, this, &MainWindow::showQuickAdd);
    connect(m_scene, &FlowScene::noteEditRequested, this, &MainWindow::editNote);
    connect(m_scene, &FlowScene::nodeActivated, this, [this](const QString& id) {
        m_inspector->setNode(id);
        if (auto* dock = qobject_cast<QDockWidget*>(m_inspector->parentWidget()))
            dock->show();
        m_inspector->nameEdit()->setFocus();
    });
    connect(m_view, &FlowView::nodeTypeDropped, this, [this](const QString& type, const QPointF& pos) { addNodeAt(type, pos); });
    connect(m_view, &FlowView::quickAddRequested, this, &MainWindow::showQuickAdd);
    connect(m_view, &FlowView::zoomChanged, this, [this](double z) { m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(z * 100))); });
    connect(m_palette, &PaletteWidget::addRequested, this, [this](const QString& type) {
        addNodeAt(type, m_view->mapToScene(m_view->viewport()->rect().center()));
    });
    connect(m_quickAdd, &QuickAddPopup::chosen, this, [this](const QString& type) { addNodeAt(type, m_quickAddPos); });
    connect(m_quickAdd, &QuickAddPopup::dismissed, this, [this] { m_pendingFrom.reset(); });
    connect(m_inspector, &InspectorWidget::newCredentialRequested, this, &MainWindow::newCredential);
    connect(m_inspector, &InspectorWidget::message, this, [this](const QString& t) { statusBar()->showMessage(t, 6000); });
    connect(m_run, &RunController::event, this, &MainWindow::onRunEvent);
    connect(m_run, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(m_history, &RunHistoryPanel::runOpened, this, &MainWindow::showPastRun);
    connect(m_autosave, &Autosave::failed, this, [this](const QString& t) { statusBar()->showMessage(t, 10000); });
}

bool MainWindow::openFile(const QString& path, bool interactive)
{
    QList<Problem> problems;
    const bool loaded = m_doc->open(path, &problems);
    QStringList lines;
    for (const Problem& p : problems) {
        if (p.isError())
            lines.append(p.toString());
    }
    if (!loaded || !lines.isEmpty()) {
        const QString text = loaded ? tr("%1 has problems; what could be read is open:\n\n%2").arg(path, lines.join(u'\n'))
                                    : tr("Could not open %1:\n\n%2").arg(path, lines.join(u'\n'));
        if (interactive)
            QMessageBox::warning(this, tr("Open flow"), text);
        else
            statusBar()->showMessage(text.section(u'\n', 0, 0), 10000);
    }
    if (loaded) {
        addRecent(m_doc->path());
        if (interactive)
            offerRecovery(m_doc->path());
    }
    return loaded;
}

QString MainWindow::addNodeAt(const QString& type, const QPointF& scenePos)
{
    // Centre the node's header on the point, snapped to the grid.
    const Position at{std::round((scenePos.x() - NodeItem::width / 2) / 12) * 12, std::round((scenePos.y() - 18) / 12) * 12};
    auto node = m_doc->makeNode(type, at);
    if (!node) {
        m_pendingFrom.reset();
        return {};
    }
    const QString id = node->id;
    const std::optional<PortRef> from = m_pendingFrom;
    m_pendingFrom.reset();
    if (from) {
        // One step: the node and its connection appear (and disappear on undo) together.
        FlowFragment f;
        const Ports ports = m_doc->ports(*node);
        const QList<PortSpec>& side = from->output ? ports.inputs : ports.outputs;
        const QString name = node->name;
        f.nodes.push_back(std::move(*node));
        if (!side.isEmpty()) {
            const Connection c = from->output ? Connection{from->nodeId, from->port, id, side.first().name}
                                              : Connection{id, side.first().name, from->nodeId, from->port};
            f.connections.push_back(c);
        }
        m_doc->addFragment(std::move(f), tr("Add \"%1\" and connect it").arg(name));
    } else {
        m_doc->addNode(std::move(*node));
    }
    m_scene->selectOnly({id});
    m_view->setFocus();
    return id;
}

void MainWindow::quickAddFrom(const PortRef& from, const QPointF& scenePos)
{
    m_pendingFrom = from;
    m_quickAddPos = scenePos;
    m_quickAdd->popup(m_view->viewport()->mapToGlobal(m_view->mapFromScene(scenePos)));
}

void MainWindow::showQuickAdd(const QPointF& scenePos)
{
    m_pendingFrom.reset();
    m_quickAddPos = scenePos;
    m_quickAdd->popup(m_view->viewport()->mapToGlobal(m_view->mapFromScene(scenePos)));
}

void MainWindow::copySelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList notes = m_scene->selectedNoteIds();
    if (nodes.isEmpty() && notes.isEmpty())
        return;
    auto* mime = new QMimeData;
    const QByteArray json = FlowClipboard::serialize(*m_doc, nodes, notes);
    mime->setText(QString::fromUtf8(json));
    mime->setData(QStringLiteral("application/json"), json);
    QGuiApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Copied %n node(s) as flow JSON", nullptr, int(nodes.size())), 4000);
}

void MainWindow::cutSelection()
{
    copySelection();
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList notes = m_scene->selectedNoteIds();
    m_doc->removeItems(nodes, {}, notes, tr("Cut %n item(s)", nullptr, int(nodes.size() + notes.size())));
}

void MainWindow::paste()
{
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    const QByteArray json = mime ? (mime->hasFormat(QStringLiteral("application/json")) ? mime->data(QStringLiteral("application/json"))
                                                                                        : mime->text().toUtf8())
                                 : QByteArray();
    auto fragment = FlowClipboard::parse(json, *m_doc);
    if (!fragment) {
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(fragment.error()), 6000);
        return;
    }
    const QPointF at = m_view->cursorScenePos();
    FlowFragment f = FlowClipboard::prepareForPaste(std::move(*fragment), *m_doc, {std::round(at.x()), std::round(at.y())});
    QStringList nodes, notes;
    for (const FlowNode& n : f.nodes)
        nodes.append(n.id);
    for (const StickyNote& n : f.notes)
        notes.append(n.id);
    m_doc->addFragment(std::move(f), tr("Paste %n node(s)", nullptr, int(nodes.size())));
    m_scene->selectOnly(nodes, notes);
}

void MainWindow::duplicateSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList notes = m_scene->selectedNoteIds();
    if (nodes.isEmpty() && notes.isEmpty())
        return;
    auto fragment = FlowClipboard::parse(FlowClipboard::serialize(*m_doc, nodes, notes), *m_doc);
    if (!fragment)
        return;
    double x = 1e300, y = 1e300;
    for (const FlowNode& n : fragment->nodes) {
        x = std::min(x, n.position.x);
        y = std::min(y, n.position.y);
    }
    for (const StickyNote& n : fragment->notes) {
        x = std::min(x, n.position.x);
        y = std::min(y, n.position.y);
    }
    FlowFragment f = FlowClipboard::prepareForPaste(std::move(*fragment), *m_doc, {x + 40, y + 40});
    QStringList newNodes, newNotes;
    for (const FlowNode& n : f.nodes)
        newNodes.append(n.id);
    for (const StickyNote& n : f.notes)
        newNotes.append(n.id);
    m_doc->addFragment(std::move(f), tr("Duplicate %n node(s)", nullptr, int(newNodes.size())));
    m_scene->selectOnly(newNodes, newNotes);
}

void MainWindow::deleteSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList notes = m_scene->selectedNoteIds();
    const std::vector<Connection> connections = m_scene->selectedConnections();
    const qsizetype n = nodes.size() + notes.size() + qsizetype(connections.size());
    if (!n)
        return;
    QString name;
    if (nodes.size() == 1 && n == 1)
        name = tr("Delete \"%1\"").arg(m_doc->node(nodes.first())->name);
    else if (nodes.isEmpty() && notes.isEmpty())
        name = tr("Delete %n connection(s)", nullptr, int(connections.size()));
    else
        name = tr("Delete %n item(s)", nullptr, int(n));
    m_doc->removeItems(nodes, connections, notes, name);
}

void MainWindow::autoLayout()
{
    QSet<QString> ids;
    for (const QString& id : m_scene->selectedNodeIds())
        ids.insert(id);
    if (ids.size() < 2)
        ids.clear();
    m_doc->moveItems(AutoLayout::layout(m_doc->flow(), ids), {}, tr("Auto-layout"));
    if (ids.isEmpty())
        m_view->fitToView();
}

void MainWindow::addNote()
{
    const QPointF at = m_view->cursorScenePos();
    StickyNote note;
    note.id = m_doc->newId();
    note.text = tr("Double-click to edit this note");
    note.position = {std::round(at.x()), std::round(at.y())};
    m_doc->addNote(note);
    m_scene->selectOnly({}, {note.id});
}

void MainWindow::editNote(const QString& noteId)
{
    const StickyNote* note = m_doc->note(noteId);
    if (!note)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Sticky note"), tr("Text"), note->text, &ok);
    if (!ok)
        return;
    StickyNote updated = *note;
    updated.text = text;
    // Grow the note to fit its text (roughly: 40 characters a line at the canvas font).
    const int lines = int(text.count(u'\n')) + 1 + int(text.size() / 40);
    updated.height = std::max(note->height, 30.0 + lines * 17.0);
    m_doc->setNote(updated, tr("Edit sticky note"));
}

void MainWindow::onSelectionChanged()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    m_inspector->setNode(nodes.size() == 1 ? nodes.first() : QString());
    if (nodes.size() == 1)
        m_runPanel->showNode(nodes.first());
}

void MainWindow::runFlow()
{
    if (m_run->isRunning())
        return;
    m_doc->validate();
    if (Problem::hasErrors(m_doc->problems())) {
        QStringList lines;
        for (const Problem& p : m_doc->problems()) {
            if (p.isError())
                lines.append(p.toString());
        }
        m_runPanel->setSummary(tr("Not run: the flow has %n problem(s). Fix the nodes with a red badge.", nullptr, int(lines.size())), true);
        statusBar()->showMessage(lines.first(), 10000);
        return;
    }
    QStringList ids;
    for (const FlowNode& n : m_doc->flow().nodes)
        ids.append(n.id);
    startRun(m_doc->flow(), ids, true);
}

void MainWindow::stopRun()
{
    m_run->stop();
}

void MainWindow::onRunEvent(const RunEvent& e)
{
    if (!m_rerunNode.isEmpty() && !e.nodeId.isEmpty() && e.nodeId != m_rerunNode && e.type != RunEvent::Type::RunFinished)
        return;
    m_runPanel->addEvent(e);
    switch (e.type) {
    case RunEvent::Type::NodeStarted:
        m_scene->setRunState(e.nodeId, NodeRunState::Running, tr("running…"));
        m_scene->setIncomingActive(e.nodeId, true);
        break;
    case RunEvent::Type::Progress:
        if (e.progress >= 0)
            m_scene->setRunState(e.nodeId, NodeRunState::Running, tr("running… %1%").arg(qRound(e.progress * 100)));
        break;
    case RunEvent::Type::NodeFinished: {
        m_scene->setIncomingActive(e.nodeId, false);
        if (e.nodeStatus == NodeStatus::Failed)
            m_scene->setRunState(e.nodeId, NodeRunState::Failed, e.message);
        else if (e.nodeStatus == NodeStatus::Skipped)
            m_scene->setRunState(e.nodeId, NodeRunState::Skipped, tr("skipped"));
        else
            m_scene->setRunState(e.nodeId, NodeRunState::Succeeded,
                                 tr("%n item(s) · %1 ms", nullptr, int(e.itemsOut)).arg(e.durationMs));
        break;
    }
    default:
        break;
    }
}

void MainWindow::onRunFinished(const RunController::Finished& r)
{
    m_rerunNode.clear();
    m_actions.value(QStringLiteral("run"))->setEnabled(true);
    m_actions.value(QStringLiteral("stop"))->setEnabled(false);
    // Nodes still queued never ran (a failure upstream, or a stop).
    for (const FlowNode& n : m_doc->flow().nodes) {
        if (NodeItem* item = m_scene->nodeItem(n.id); item && (item->runState() == NodeRunState::Queued || item->runState() == NodeRunState::Running))
            m_scene->setRunState(n.id, NodeRunState::Skipped, tr("did not run"));
    }
    m_scene->clearActiveConnections();
    QString text = r.status == RunStatus::Succeeded
                       ? tr("Succeeded in %1 ms").arg(r.durationMs)
                       : tr("%1 after %2 ms: %3").arg(runStatusName(r.status)).arg(r.durationMs).arg(r.error);
    if (!r.warnings.isEmpty())
        text += QStringLiteral("  (") + r.warnings.join(QStringLiteral("; ")) + u')';
    m_runPanel->setSummary(text, r.status != RunStatus::Succeeded);
    statusBar()->showMessage(text, 8000);
    m_history->refresh();
    m_inspector->updatePreviews();
    if (!m_pendingLuaReloads.isEmpty())
        reloadLuaNodeFiles(std::exchange(m_pendingLuaReloads, {}));
}

QList<CredentialStore::Entry> MainWindow::listCredentials()
{
    auto store = m_runtime.credentials();
    if (!store)
        return {};
    auto entries = (*store)->list();
    return entries ? *entries : QList<CredentialStore::Entry>{};
}

void MainWindow::showCredentials()
{
    auto store = m_runtime.credentials();
    if (!store) {
        QMessageBox::warning(this, tr("Credentials"), tr("The credentials vault cannot be opened: %1").arg(store.error()));
        return;
    }
    CredentialsDialog dialog(**store, m_runtime.registry(), this);
    connect(&dialog, &CredentialsDialog::credentialsChanged, m_inspector, &InspectorWidget::refreshCredentials);
    dialog.exec();
}

void MainWindow::newCredential(const QString& type)
{
    auto store = m_runtime.credentials();
    if (!store) {
        QMessageBox::warning(this, tr("Credentials"), tr("The credentials vault cannot be opened: %1").arg(store.error()));
        return;
    }
    CredentialsDialog dialog(**store, m_runtime.registry(), this);
    const QString name = dialog.createCredential(type);
    m_inspector->refreshCredentials();
    if (name.isEmpty())
        return;
    // Point the field that asked at the new credential.
    for (ParamField* f : m_inspector->fields()) {
        if (f->spec().type == ParamType::Credential && f->spec().credentialType == type) {
            f->setValue(name);
            Q_EMIT f->edited();
            break;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave() || !m_recorder->maybeSave()) {
        event->ignore();
        return;
    }
    m_recorder->controller()->stop();
    m_recorder->controller()->waitForReplay(10000);
    m_run->stop();
    m_run->wait(10000);
    m_autosave->discard();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isDirty())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("Save the changes to %1?").arg(m_doc->displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard)
        m_autosave->discard();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    if (m_doc->path().isEmpty())
        return saveAs();
    if (auto r = m_doc->save(); !r) {
        QMessageBox::warning(this, tr("Save"), r.error());
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_doc->path()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save flow"), m_doc->path(), tr("Flows (*.flow.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".json")))
        path += QStringLiteral(".flow.json");
    if (auto r = m_doc->saveAs(path); !r) {
        QMessageBox::warning(this, tr("Save"), r.error());
        return false;
    }
    addRecent(m_doc->path());
    return true;
}

void MainWindow::newFlow()
{
    if (maybeSave())
        m_doc->newFlow();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open flow"), QFileInfo(m_doc->path()).absolutePath(),
                                                      tr("Flows (*.flow.json *.json)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1%2 — Taskloom Studio").arg(m_doc->displayName(), m_doc->isDirty() ? QStringLiteral(" •") : QString()));
    
}

void MainWindow::updateStatus()
{
    int errors = 0, warnings = 0;
    for (const Problem& p : m_doc->problems())
        (p.isError() ? errors : warnings)++;
    m_problemsLabel->setText(errors || warnings ? tr("<span style='color:#F85149'>%1 errors</span>, %2 warnings").arg(errors).arg(warnings)
                                                : tr("<span style='color:#3FB950'>✓ valid</span>"));
    m_problemsLabel->setToolTip([&] {
        QStringList l;
        for (const Problem& p : m_doc->problems())
            l.append(p.toString());
        return l.join(u'\n');
    }());
}

} // namespace taskloom::studio
