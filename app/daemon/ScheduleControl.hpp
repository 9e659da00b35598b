#pragma once

#include "Daemon.hpp"

#include <memory>

namespace taskloom::daemon {

/// Sees and switches flows' triggers without being the daemon; `taskloom schedule` and the studio use it. It loads
/// the flows folder read-only (an inspect-only Daemon: no watchers, no listener, no runs), writes nothing but the
/// enable / disable override in the run store, and asks a running daemon to reload so a change applies at once.
class ScheduleControl {
public:
    /// `runtime` is borrowed and must outlive the control. `flowsDir` empty: <data dir>/flows.
    static std::expected<std::unique_ptr<ScheduleControl>, QString> open(app::Runtime& runtime, const QString& flowsDir = {});
    ~ScheduleControl();

    /// The absolute flows folder the daemon runs flows from.
    QString flowsDir() const;
    /// Whether the daemon would see the file `path`: a `*.flow.json` directly in the flows folder.
    bool inFlowsFolder(const QString& path) const { return inFolder(flowsDir(), path); }
    /// The same for a given folder, without loading any flow (a cheap check before open()).
    static bool inFolder(const QString& flowsDir, const QString& path);

    const Daemon& daemon() const { return *m_daemon; }
    /// The flow as the daemon sees it (by file, name or id); null when it is not in the folder or has no trigger
    /// the daemon fires (a manual trigger only).
    const DaemonFlow* flow(const QString& idNameOrPath) const { return m_daemon->flow(idNameOrPath); }
    /// Reads the flows folder again (after a flow was saved).
    void reload() { m_daemon->reloadFlows(); }

    struct Switched {
        bool daemonNotified = false; ///< a running daemon took the change; false: none is running
    };
    /// Sets the `schedule enable|disable` override and tells a running daemon. Refuses to enable a desktop flow
    /// where no X11 session exists, with the reason.
    std::expected<Switched, QString> setEnabled(const QString& idNameOrPath, bool enabled);

private:
    ScheduleControl() = default;

    app::Runtime* m_runtime = nullptr;
    std::unique_ptr<Launcher> m_launcher;
    std::unique_ptr<Daemon> m_daemon;
};

} // namespace taskloom::daemon
