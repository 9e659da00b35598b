#pragma once

#include "ConnectionRules.hpp"
#include "RunController.hpp"

#include "engine/CredentialStore.hpp"
#include "engine/Flow.hpp"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QMenu;

namespace taskloom::app {
class Runtime;
}

namespace taskloom::studio {

class FlowDocument;
class FlowScene;
class FlowView;
class InspectorWidget;
class PaletteWidget;
class QuickAddPopup;
class RunPanel;

/// The studio window: canvas in the middle, palette dock left, inspector dock right, output / log dock at the
/// bottom; menus, toolbar and shortcuts for every common action. Layout and recent files are remembered.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(app::Runtime& runtime, QWidget* parent = nullptr);
    ~MainWindow() override;

    FlowDocument* document() const { return m_doc; }
    FlowScene* scene() const { return m_scene; }
    FlowView* view() const { return m_view; }
    InspectorWidget* inspector() const { return m_inspector; }
    PaletteWidget* palette() const { return m_palette; }
    RunPanel* runPanel() const { return m_runPanel; }
    RunController* runController() const { return m_run; }
    QuickAddPopup* quickAdd() const { return m_quickAdd; }

    /// Opens a flow; problems are listed in a message (and what could be read is loaded).
    bool openFile(const QString& path, bool interactive = true);
    /// Adds a node of `type` at a scene position, selects it, and (when a connection was dropped on empty
    /// canvas) connects it. Returns the new node's id.
    QString addNodeAt(const QString& type, const QPointF& scenePos);
    /// Opens quick-add for a connection dropped on empty canvas; the chosen node is connected to `from`.
    void quickAddFrom(const PortRef& from, const QPointF& scenePos);

    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void runFlow();
    void stopRun();
    void autoLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void connectDocument();
    bool maybeSave();
    bool save();
    bool saveAs();
    void newFlow();
    void openDialog();
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateTitle();
    void updateStatus();
    void onSelectionChanged();
    void onRunEvent(const engine::RunEvent& event);
    void onRunFinished(const RunController::Finished& result);
    void editNote(const QString& noteId);
    void addNote();
    void showQuickAdd(const QPointF& scenePos);
    void showCredentials();
    void newCredential(const QString& type);
    void showShortcuts();
    QList<engine::CredentialStore::Entry> listCredentials();
    QString examplesDir() const;

    app::Runtime& m_runtime;
    FlowDocument* m_doc;
    FlowScene* m_scene;
    FlowView* m_view;
    PaletteWidget* m_palette;
    InspectorWidget* m_inspector;
    RunPanel* m_runPanel;
    RunController* m_run;
    QuickAddPopup* m_quickAdd;
    QLabel* m_problemsLabel;
    QLabel* m_zoomLabel;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    std::optional<PortRef> m_pendingFrom;
    QPointF m_quickAddPos;
    QHash<QString, QAction*> m_actions;
};

} // namespace taskloom::studio
