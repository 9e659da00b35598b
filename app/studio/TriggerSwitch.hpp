#pragma once

#include <QObject>
#include <QString>

#include <expected>
#include <functional>

class QAction;
class QWidget;

namespace taskloom::app {
class Runtime;
}

namespace taskloom::studio {

class FlowDocument;

/// The Run menu's "Triggers active" switch: whether the scheduler (`taskloom daemon`) fires the open flow's
/// schedule, webhook and file-watch triggers. It is the studio's side of `taskloom schedule enable|disable`
/// (daemon::ScheduleControl) and shows the state the daemon would see. The daemon runs the flows saved in its flows
/// folder, so activating a flow saved elsewhere (or not yet) offers to save it there first.
class TriggerSwitch : public QObject {
    Q_OBJECT
public:
    TriggerSwitch(app::Runtime& runtime, FlowDocument& document, QObject* parent = nullptr);

    /// The checkable action for menus and toolbars; enabled while the flow has a trigger the daemon fires.
    QAction* action() const { return m_action; }
    /// Asked before the flow is saved into the flows folder (the text says where); true goes ahead. Tests answer
    /// it; the studio shows a question box.
    void setConfirm(std::function<bool(const QString& question)> confirm) { m_confirm = std::move(confirm); }

    /// Turns the triggers on or off (saving the flow first when the daemon would not see it, or it has unsaved
    /// changes). Returns the line for the status bar, or why it could not be done.
    std::expected<QString, QString> setActive(bool active);
    /// Re-reads the daemon's view of the flow (after open and save; the document's signals call it).
    void refresh();

Q_SIGNALS:
    /// A line for the status bar.
    void message(const QString& text);
    /// setActive() failed from the action: the window shows it.
    void failed(const QString& error);

private:
    bool hasTriggers() const;
    void updateEnabled();
    QString savePathInFlowsFolder(const QString& flowsDir) const;

    app::Runtime& m_runtime;
    FlowDocument& m_doc;
    QAction* m_action;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace taskloom::studio
