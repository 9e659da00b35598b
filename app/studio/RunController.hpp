#pragma once

#include "engine/CancellationToken.hpp"
#include "engine/Flow.hpp"
#include "engine/RunEvent.hpp"

#include <QObject>
#include <QThread>

#include <memory>

namespace taskloom::app {
class Runtime;
}

namespace taskloom::studio {

/// Runs the open flow through the same app::Runtime as `taskloom run` (credentials, allowed environment, run
/// store), on a worker thread so the GUI stays live. Events arrive on the worker and are queued onto the GUI
/// thread as signals, in order.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(app::Runtime& runtime, QObject* parent = nullptr);
    ~RunController() override;

    /// Starts a run of a copy of `flow`; false if one is already running.
    bool start(const engine::Flow& flow, const QString& flowPath);
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    /// Blocks until the current run ends (tests, closing the window).
    bool wait(int timeoutMs);

    struct Finished {
        engine::RunStatus status = engine::RunStatus::Running;
        QString error;
        QString failedNodeId;
        qint64 durationMs = 0;
        QStringList warnings;
        QString runId;
    };

Q_SIGNALS:
    void started();
    void event(const engine::RunEvent& event);
    void finished(const taskloom::studio::RunController::Finished& result);

private:
    app::Runtime& m_runtime;
    QThread* m_thread = nullptr;
    engine::CancellationToken m_cancel;
};

} // namespace taskloom::studio

Q_DECLARE_METATYPE(taskloom::studio::RunController::Finished)
