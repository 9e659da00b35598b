#pragma once

#include "Clock.hpp"
#include "DaemonStore.hpp"
#include "FlowPolicy.hpp"
#include "HttpListener.hpp"
#include "Launcher.hpp"

#include "engine/Schedule.hpp"
#include "nodes/core/FileWatchTriggerNode.hpp"
#include "nodes/core/WebhookTriggerNode.hpp"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace taskloom::app {
class Runtime;
}
namespace taskloom::engine {
class RunStore;
}

namespace taskloom::daemon {

class FileWatcher;

/// One trigger of a loaded flow.
struct DaemonTrigger {
    QString nodeId;
    QString nodeName;
    QString type;                         ///< the node type
    std::optional<engine::Schedule> schedule;
    qint64 nextDueMs = -1;                ///< schedules: the next fire, -1 when none
    QString webhookPath;
    std::optional<nodes::core::WebhookTriggerNode::Settings> webhook;
    std::optional<nodes::core::FileWatchTriggerNode::Settings> fileWatch;
    QPointer<FileWatcher> watcher;
};

/// A flow file in the flows folder, as the daemon sees it.
struct DaemonFlow {
    QString id;
    QString name;
    QString path;
    qint64 fileSize = -1;
    qint64 fileModifiedMs = 0;
    FlowPolicy policy;
    QList<DaemonTrigger> triggers;
    bool desktop = false;  ///< has nodes that need a display
    bool enabled = false;  ///< effective: the file's setting or the `schedule enable|disable` override
    QString problem;       ///< why it cannot run (invalid file, bad setting, no X11 session)
    int active = 0;        ///< child runs going now
};

/// `taskloom daemon`: loads every flow with a trigger from the flows folder (and reloads it when its file
/// changes), fires schedules, file watches and webhooks, and starts each run as a child `taskloom run` process
/// through the Launcher. Every fire is written to the run store before its child starts, so a daemon killed at
/// any moment loses no run and starts none twice when it comes back; runs that were going are interrupted.
class Daemon : public QObject {
public:
    struct Options {
        QString flowsDir;             ///< empty: <dataDir>/flows
        QHostAddress listenAddress = QHostAddress::LocalHost;
        int listenPort = 0;           ///< 0: any free port; -1: no HTTP listener (no webhooks, no status API)
        int maxConcurrentRuns = 4;
        qint64 graceMs = 60000;       ///< a fire this late still counts as on time, not missed
        qint64 reconcileIntervalMs = 60000;
        HttpListener::Limits httpLimits;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        std::function<void(const QString&)> log; ///< one line per event; empty: stderr
        /// Load and describe flows only (`taskloom schedule list`): no watchers, no listener, no writes.
        bool inspectOnly = false;
    };

    /// `clock` and `launcher` are borrowed and must outlive the daemon.
    static std::expected<std::unique_ptr<Daemon>, QString> create(app::Runtime& runtime, Options options,
                                                                  Clock& clock, Launcher& launcher);
    ~Daemon() override;

    /// Takes the data folder's daemon lock, recovers after a crash, loads the flows, listens, arms the timer.
    std::expected<void, QString> start();
    /// After the launcher stopped its children: records the runs that were going as the next start's recovery
    /// would (interrupted), so the history is complete the moment the daemon exits.
    void stop();
    /// Does everything that is due now (the timer calls it; tests with a fake clock call it directly).
    void tick();
    /// Rescans the flows folder (the folder watcher calls it).
    void reloadFlows();
    /// Sets the `schedule enable|disable` override of a flow; refuses to enable a desktop flow without X11.
    std::expected<void, QString> setEnabled(const QString& flowIdNameOrPath, bool enabled);

    const QHash<QString, DaemonFlow>& flows() const { return m_flows; }
    /// The absolute flows folder.
    const QString& flowsDir() const { return m_options.flowsDir; }
    const DaemonFlow* flow(const QString& idNameOrPath) const;
    quint16 port() const;
    QString token() const { return m_token; }
    int running() const { return m_launcher.running(); }
    /// Queued runs not yet started (in memory; the store holds the same).
    int queued() const { return int(m_queue.size()); }
    /// Queues a run of the flow now, as the status API does; returns the run id.
    std::expected<QString, QString> runNow(const QString& flowIdOrName, const QString& reason,
                                           const engine::Object& data, const QString& nodeId = {});

    /// Whether the daemon fires nodes of this type (schedule, webhook, file watch; a manual trigger it does not).
    static bool isTriggerType(const QString& type);
    /// The flows folder when the options name none: <data dir>/flows.
    static QString defaultFlowsDir(const QString& dataDir);
    /// Where the daemon keeps its token, endpoint file and trigger files.
    static QString daemonDir(const QString& dataDir);
    static QString newRunId();

private:
    Daemon(app::Runtime& runtime, Options options, Clock& clock, Launcher& launcher);

    // scheduling (Daemon.cpp)
    void fireSchedule(DaemonFlow& flow, DaemonTrigger& trigger, qint64 now);
    void startDueRuns(qint64 now);
    bool startRun(const QueuedRun& run, DaemonFlow* flow, qint64 now);
    void finished(const QString& runId, const ChildExit& exit);
    void armTimer(qint64 now);
    void recover();
    void settleStarted(const QueuedRun& run, qint64 now);
    QueuedRun makeRun(const DaemonFlow& flow, const QString& nodeId, const QString& reason, qint64 dueMs,
                      const engine::Object& data) const;
    bool overlapBlocks(const DaemonFlow& flow) const;
    void notifyFailure(const DaemonFlow* flow, const QueuedRun& run, const ChildExit& exit, const QString& status);
    void logLine(const QString& line) const;

    // flows (DaemonFlows.cpp)
    void loadFlow(const QString& path, DaemonFlow& out);
    void activate(DaemonFlow& flow);
    void deactivate(DaemonFlow& flow);
    void fileEvent(const QString& flowId, const QString& nodeId, const QString& kind, const QString& path, qint64 size,
                   const QDateTime& modified);

    // HTTP (DaemonApi.cpp)
    HttpResponse handle(const HttpRequest& request);
    HttpResponse handleWebhook(const HttpRequest& request, const QString& path);
    HttpResponse handleApi(const HttpRequest& request, const QString& path);
    bool tokenMatches(const HttpRequest& request, const QString& expected) const;
    std::expected<void, QString> prepareToken();
    std::expected<void, QString> writeEndpoint();

    app::Runtime& m_runtime;
    Options m_options;
    Clock& m_clock;
    Launcher& m_launcher;
    std::unique_ptr<engine::RunStore> m_store;
    std::unique_ptr<DaemonStore> m_state;
    QHash<QString, DaemonFlow> m_flows;        // by flow id
    QHash<QString, QString> m_flowIdByPath;
    QHash<QString, std::pair<QString, QString>> m_webhooks; // path -> (flow id, node id)
    QList<QueuedRun> m_queue;                  // queued, not started, in due order
    QHash<QString, QueuedRun> m_started;       // by run id
    bool m_desktopBusy = false;
    std::expected<QProcessEnvironment, QString> m_desktop;
    QTimer* m_timer = nullptr;
    QTimer* m_reloadTimer = nullptr;
    QTimer* m_reconcileTimer = nullptr;
    QFileSystemWatcher* m_flowsWatcher = nullptr;
    HttpListener* m_http = nullptr;
    QString m_token;
    int m_lockFd = -1;
    qint64 m_lastReconcileMs = 0;
    /// Failure notices being sent (webhook, e-mail); last member, so it is destroyed (and waited for) first.
    QThreadPool m_notices;
};

} // namespace taskloom::daemon
