#pragma once

#include "engine/Value.hpp"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace taskloom::app {
class Runtime;
}

namespace taskloom::studio {

/// The History dock: past runs of the open flow from the run store (what `taskloom runs list --flow` shows),
/// newest first. Opening one hands its detail (every node's status, counts, stored outputs, and the logs) to
/// the window, which shows it on the canvas and in the run panel.
class RunHistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunHistoryPanel(app::Runtime& runtime, QWidget* parent = nullptr);

    /// The flow whose runs are listed (empty: none); refreshes.
    void setFlowId(const QString& flowId);
    /// Re-reads the run store.
    void refresh();
    /// Opens a run by id (or unique prefix): emits runOpened, or shows why not.
    bool openRun(const QString& runId);
    QTreeWidget* list() const { return m_list; }
    QString statusText() const;

    static constexpr int maxRuns = 200;

Q_SIGNALS:
    void runOpened(const taskloom::engine::Object& detail);

private:
    void openSelected();

    app::Runtime& m_runtime;
    QString m_flowId;
    QLabel* m_status;
    QPushButton* m_open;
    QTreeWidget* m_list;
};

} // namespace taskloom::studio
