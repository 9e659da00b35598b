#pragma once

#include "ConnectionRules.hpp"
#include "ExpressionPreview.hpp"
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

class Autosave;
class FlowDocument;
class FlowScene;
class FlowView;
class InspectorWidget;
class LuaNodeWatcher;
class PaletteWidget;
class QuickAddPopup;
class RecorderPanel;
class RunHistoryPanel;
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
    RunHistoryPanel* historyPanel() const { return m_history; }
    RecorderPanel* recorderPanel() const { return m_recorder; }
    Autosave* autosave() const { return m_autosave; }
    QuickAddPopup* quickAdd() const { return m_quickAdd; }

    /// Opens a flow; problems are listed in a message (and what could be read is loaded).
    bool openFile(const QString& path, bool interactive = true);

    enum class RecoveryChoice { Ask, Restore, Discard };
    /// When a recovery copy of `flowPath` (empty: of an untitled flow) is newer than the file, asks whether to
    /// restore it (or does what `choice` says). Restoring loads the copy as unsaved changes to that file.
    /// Returns true when a copy was restored.
    bool offerRecovery(const QString& flowPath, RecoveryChoice choice = RecoveryChoice::Ask);
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
    /// Runs the nodes `nodeId` depends on and the node itself, nothing after it.
    void runUpTo(const QString& nodeId);
    /// Runs only `nodeId`, on the inputs it had in the run shown in the run panel (the last run, or a past one
    /// opened from the history); the nodes before it replay their recorded outputs.
    void rerunNode(const QString& nodeId);
    /// Pins the node's output from the run shown in the run panel, or unpins it (one undo step).
    void togglePin(const QString& nodeId);
    void stopRun();
    void autoLayout();
    /// The recorder panel's macro as RPA nodes (nodes::rpa::MacroFlow), pasted into the open flow as one undo
    /// step; the anchor images go into a folder beside the flow, so the flow must have been saved. Returns the
    /// new nodes' ids (empty, with a message, when nothing was inserted).
    QStringList insertMacroAsFlow();
    /// Shows a past run (RunStore::runDetail) on the canvas and in the run panel, as if it had just run.
    void showPastRun(const engine::Object& detail);
    /// "Run this node" (the Lua editor's button): re-runs the node on its last inputs when every node before it
    /// has a recorded output, else runs up to it. False (with the reason in the run panel) when nothing started.
    bool runThisNode(const QString& nodeId);
    /// Loads changed Lua node files again (the watcher calls it; after a run when one is in progress): each
    /// type is replaced, the palette and the nodes of that type follow; a file that does not load leaves its
    /// type as it was and puts the error (file and line) in the run log.
    void reloadLuaNodeFiles(const QStringList& paths);
    LuaNodeWatcher* luaNodeWatcher() const { return m_luaWatcher; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void connectDocument();
    void connectRecorder();
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
    /// Starts `flow` (the document or a part of it) and marks `nodeIds` queued; `fresh` clears the run panel.
    bool startRun(const engine::Flow& flow, const QStringList& nodeIds, bool fresh);
    /// The last shown run's data around a node, for the inspector's expression previews.
    PreviewData previewData(const QString& nodeId) const;
    /// The selected node for node actions, or empty with a message in the status bar.
    QString actionNode();
    void editNote(const QString& noteId);
    void addNote();
    void showQuickAdd(const QPointF& scenePos);
    void showCredentials();
    void newCredential(const QString& type);
    void showShortcuts();
    QList<engine::CredentialStore::Entry> listCredentials();
    QString examplesDir() const;
    void setupLuaNodes();

    app::Runtime& m_runtime;
    FlowDocument* m_doc;
    FlowScene* m_scene;
    FlowView* m_view;
    PaletteWidget* m_palette;
    InspectorWidget* m_inspector;
    RunPanel* m_runPanel;
    RunHistoryPanel* m_history;
    RecorderPanel* m_recorder;
    Autosave* m_autosave;
    RunController* m_run;
    QuickAddPopup* m_quickAdd;
    QLabel* m_problemsLabel;
    QLabel* m_zoomLabel;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    std::optional<PortRef> m_pendingFrom;
    QString m_rerunNode; ///< while re-running one node: the others only replay, their events are not news
    QPointF m_quickAddPos;
    QHash<QString, QAction*> m_actions;
    LuaNodeWatcher* m_luaWatcher = nullptr;
    QStringList m_pendingLuaReloads; ///< files that changed during a run
};

} // namespace taskloom::studio
