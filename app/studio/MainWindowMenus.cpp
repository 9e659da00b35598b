// MainWindow's actions, menus, recent files and the shortcut cheat sheet.

#include "MainWindow.hpp"

#include "FlowDocument.hpp"
#include "FlowScene.hpp"
#include "FlowView.hpp"
#include "InspectorWidget.hpp"
#include "PaletteWidget.hpp"
#include "TriggerSwitch.hpp"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#ifndef TASKLOOM_EXAMPLES_DIR
#define TASKLOOM_EXAMPLES_DIR ""
#endif

namespace taskloom::studio {

void MainWindow::createActions()
{
    const auto add = [this](const QString& id, const QString& text, QKeySequence key, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(id);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions.insert(id, a);
        return a;
    };
    add(QStringLiteral("new"), tr("&New flow"), QKeySequence::New, [this] { newFlow(); });
    add(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, [this] { openDialog(); });
    add(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, [this] { save(); });
    add(QStringLiteral("saveAs"), tr("Save &as…"), QKeySequence::SaveAs, [this] { saveAs(); });
    add(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QAction* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(QStringLiteral("Ctrl+Y"))});
    m_actions.insert(QStringLiteral("undo"), undo);
    m_actions.insert(QStringLiteral("redo"), redo);
    addAction(undo);
    addAction(redo);
    add(QStringLiteral("cut"), tr("Cu&t"), QKeySequence::Cut, [this] { cutSelection(); });
    add(QStringLiteral("copy"), tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); });
    add(QStringLiteral("paste"), tr("&Paste"), QKeySequence::Paste, [this] { paste(); });
    add(QStringLiteral("duplicate"), tr("&Duplicate"), QKeySequence(QStringLiteral("Ctrl+D")), [this] { duplicateSelection(); });
    add(QStringLiteral("delete"), tr("De&lete"), QKeySequence::Delete, [this] { deleteSelection(); })
        ->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    add(QStringLiteral("selectAll"), tr("Select &all"), QKeySequence::SelectAll, [this] {
        for (QGraphicsItem* i : m_scene->items())
            if (i->flags() & QGraphicsItem::ItemIsSelectable)
                i->setSelected(true);
    });
    add(QStringLiteral("rename"), tr("&Rename node"), QKeySequence(Qt::Key_F2), [this] {
        if (!m_inspector->nodeId().isEmpty()) {
            m_inspector->nameEdit()->setFocus();
            m_inspector->nameEdit()->selectAll();
        }
    });
    add(QStringLiteral("addNode"), tr("Add &node…"), QKeySequence(QStringLiteral("Ctrl+K")),
        [this] { showQuickAdd(m_view->cursorScenePos()); });
    add(QStringLiteral("addNote"), tr("Add sticky &note"), QKeySequence(QStringLiteral("Shift+N")), [this] { addNote(); });
    add(QStringLiteral("findNode"), tr("Search &palette"), QKeySequence::Find, [this] { m_palette->focusSearch(); });

    add(QStringLiteral("fit"), tr("&Fit to view"), QKeySequence(QStringLiteral("Ctrl+0")), [this] { m_view->fitToView(); });
    add(QStringLiteral("zoomIn"), tr("Zoom &in"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); });
    add(QStringLiteral("zoomOut"), tr("Zoom &out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    add(QStringLiteral("zoom100"), tr("Actual size"), QKeySequence(QStringLiteral("Ctrl+1")), [this] { m_view->setZoom(1); });
    add(QStringLiteral("layout"), tr("Auto-&layout"), QKeySequence(QStringLiteral("Ctrl+L")), [this] { autoLayout(); });
    auto* minimap = add(QStringLiteral("minimap"), tr("&Minimap"), QKeySequence(QStringLiteral("Ctrl+M")),
                        [this](bool on) { m_view->setMinimapVisible(on); });
    minimap->setCheckable(true);
    minimap->setChecked(true);

    auto* run = add(QStringLiteral("run"), tr("&Run flow"), QKeySequence(Qt::Key_F5), [this] { runFlow(); });
    run->setToolTip(tr("Run the whole flow (F5)"));
    auto* stop = add(QStringLiteral("stop"), tr("&Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { stopRun(); });
    stop->setEnabled(false);
    add(QStringLiteral("runUpTo"), tr("Run &up to this node"), QKeySequence(QStringLiteral("Ctrl+F5")), [this] {
        if (const QString id = actionNode(); !id.isEmpty())
            runUpTo(id);
    });
    add(QStringLiteral("rerunNode"), tr("Re-run this node on its &last inputs"), QKeySequence(QStringLiteral("Ctrl+Shift+F5")), [this] {
        if (const QString id = actionNode(); !id.isEmpty())
            rerunNode(id);
    });
    add(QStringLiteral("pin"), tr("&Pin or unpin output"), QKeySequence(QStringLiteral("Ctrl+Shift+P")), [this] {
        if (const QString id = actionNode(); !id.isEmpty())
            togglePin(id);
    });
    auto* triggers = new TriggerSwitch(m_runtime, *m_doc, this);
    triggers->setObjectName(QStringLiteral("triggerSwitch"));
    triggers->setConfirm([this](const QString& question) {
        return QMessageBox::question(this, TriggerSwitch::tr("Activate triggers"), question) == QMessageBox::Yes;
    });
    connect(triggers, &TriggerSwitch::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(triggers, &TriggerSwitch::failed, this, [this](const QString& error) { QMessageBox::warning(this, TriggerSwitch::tr("Triggers"), error); });
    m_actions.insert(QStringLiteral("triggersActive"), triggers->action());
    addAction(triggers->action());
    add(QStringLiteral("credentials"), tr("&Credentials…"), QKeySequence(), [this] { showCredentials(); });
    add(QStringLiteral("shortcuts"), tr("&Keyboard shortcuts"), QKeySequence(QStringLiteral("Ctrl+/")), [this] { showShortcuts(); });
}

void MainWindow::createMenus()
{
    const auto a = [this](const char* id) { return m_actions.value(QString::fromLatin1(id)); };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({a("new"), a("open")});
    m_recentMenu = file->addMenu(tr("Open &recent"));
    QMenu* examples = file->addMenu(tr("Open &example"));
    const QDir dir(examplesDir());
    for (const QFileInfo& sub : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QFileInfo& f : QDir(sub.absoluteFilePath()).entryInfoList({QStringLiteral("*.flow.json")})) {
            examples->addAction(sub.fileName(), this, [this, path = f.absoluteFilePath()] {
                if (maybeSave())
                    openFile(path);
            });
        }
    }
    examples->setEnabled(!examples->isEmpty());
    file->addSeparator();
    file->addActions({a("save"), a("saveAs")});
    file->addSeparator();
    file->addAction(a("quit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a("undo"), a("redo")});
    edit->addSeparator();
    edit->addActions({a("cut"), a("copy"), a("paste"), a("duplicate"), a("delete")});
    edit->addSeparator();
    edit->addActions({a("selectAll"), a("rename"), a("addNode"), a("addNote"), a("findNode")});

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addActions({a("fit"), a("zoomIn"), a("zoomOut"), a("zoom100"), a("minimap")});
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(a("layout"));
    QMenu* align = m_viewMenu->addMenu(tr("&Align"));
    const QList<std::pair<QString, QString>> aligns = {
        {QStringLiteral("left"), tr("Left edges")},          {QStringLiteral("hcenter"), tr("Centres")},
        {QStringLiteral("right"), tr("Right edges")},        {QStringLiteral("top"), tr("Top edges")},
        {QStringLiteral("vcenter"), tr("Middles")},          {QStringLiteral("bottom"), tr("Bottom edges")},
        {QStringLiteral("hdistribute"), tr("Distribute horizontally")},
        {QStringLiteral("vdistribute"), tr("Distribute vertically")}};
    for (const auto& [how, title] : aligns)
        align->addAction(title, this, [this, how] { m_scene->alignSelection(how); });
    m_viewMenu->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        m_viewMenu->addAction(d->toggleViewAction());

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addActions({a("run"), a("runUpTo"), a("rerunNode")});
    runMenu->addSeparator();
    runMenu->addAction(a("pin"));
    runMenu->addSeparator();
    runMenu->addAction(a("stop"));
    runMenu->addSeparator();
    runMenu->addAction(a("triggersActive"));
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(a("credentials"));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a("shortcuts"));

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({a("new"), a("open"), a("save")});
    bar->addSeparator();
    bar->addActions({a("undo"), a("redo")});
    bar->addSeparator();
    bar->addActions({a("addNode"), a("addNote"), a("layout"), a("fit")});
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(a("triggersActive"));
    bar->addSeparator();
    bar->addAction(a("stop"));
    bar->addAction(a("run"));
    if (auto* runButton = qobject_cast<QToolButton*>(bar->widgetForAction(a("run")))) {
        runButton->setObjectName(QStringLiteral("runButton"));
        runButton->setText(tr("▶  Run"));
    }
}

QString MainWindow::examplesDir() const
{
    // Installed next to the program, or the source tree's examples when run from a build folder.
    const QString app = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {app + QStringLiteral("/../share/taskloom/examples"), app + QStringLiteral("/../../examples"),
                                     QStringLiteral(TASKLOOM_EXAMPLES_DIR)}) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, 10));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(0, 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const auto row = [&](const QString& what, const QString& keys) {
        const int r = table->rowCount();
        table->insertRow(r);
        table->setItem(r, 0, new QTableWidgetItem(what));
        table->setItem(r, 1, new QTableWidgetItem(keys));
    };
    for (QAction* a : actions()) {
        if (!a->shortcut().isEmpty())
            row(a->text().remove(u'&'), a->shortcut().toString(QKeySequence::NativeText));
    }
    row(tr("Quick-add a node at the cursor"), tr("Tab, or double-click the canvas"));
    row(tr("Pan"), tr("Middle drag, or Space + drag"));
    row(tr("Zoom"), tr("Mouse wheel, pinch"));
    row(tr("Connect"), tr("Drag from a port to a port; drop on empty canvas to add a connected node"));
    row(tr("Select several"), tr("Drag a rectangle, or Ctrl+click"));
    table->resizeColumnToContents(1);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    dialog.resize(560, 560);
    dialog.exec();
}

} // namespace taskloom::studio
