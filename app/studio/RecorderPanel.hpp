#pragma once

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class QToolBar;

namespace taskloom::studio {

class MacroStepModel;
class RecorderController;

/// The Recorder dock: record / pause / stop, the recorded steps as an editable list with anchor thumbnails, and
/// replay with the current step highlighted. The work is done by RecorderController and MacroStepModel; this
/// widget only lays out their buttons and reflects their state.
class RecorderPanel : public QWidget {
    Q_OBJECT
public:
    explicit RecorderPanel(QWidget* parent = nullptr);
    ~RecorderPanel() override;

    RecorderController* controller() const { return m_controller; }
    MacroStepModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QAction* action(const QString& name) const;
    QString statusText() const;

    /// New macro / open / save without dialogs (the buttons add the dialogs); errors go to the status line.
    bool openMacro(const QString& path);
    bool saveMacro(const QString& path);
    void newMacro();
    /// Whether unsaved changes may be dropped (asks Save / Discard / Cancel when there are some).
    bool maybeSave();
    /// The replay settings chosen in the panel.
    double speed() const;
    void setSpeed(double speed);
    bool stepByStep() const;

Q_SIGNALS:
    /// "Insert as flow": the window converts the macro and pastes the nodes into the open flow.
    void insertAsFlowRequested();
    /// Recording begins / ends: the window minimizes so its own clicks are not recorded, and comes back.
    void minimizeRequested();
    void restoreRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void createActions();
    void updateActions();
    void showMessage(const QString& text);
    void openDialog();
    bool saveDialog();
    void removeSelected();
    void moveSelected(int delta);
    QList<int> selectedRows() const;
    void startReplay();

    MacroStepModel* m_model;
    RecorderController* m_controller;
    QToolBar* m_fileBar;
    QToolBar* m_recordBar;
    QToolBar* m_editBar;
    QComboBox* m_speed;
    QCheckBox* m_stepByStep;
    QLabel* m_status;
    QTableView* m_view;
};

} // namespace taskloom::studio
