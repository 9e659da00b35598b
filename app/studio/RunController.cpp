#include "RunController.hpp"

#include "app/runtime/Runtime.hpp"

#include <QMetaObject>
#include <QPointer>

namespace taskloom::studio {

using namespace engine;

namespace {

/// Hands each event to the GUI thread; the controller may be gone by then, hence the QPointer.
class QueuedObserver final : public RunObserver {
public:
    explicit QueuedObserver(RunController* target) : m_target(target) {}
    void onEvent(const RunEvent& e) override
    {
        QPointer<RunController> target = m_target;
        QMetaObject::invokeMethod(
            m_target, [target, e] {
                if (target)
                    Q_EMIT target->event(e);
            },
            Qt::QueuedConnection);
    }

private:
    RunController* m_target;
};

} // namespace

RunController::RunController(app::Runtime& runtime, QObject* parent) : QObject(parent), m_runtime(runtime)
{
    qRegisterMetaType<RunEvent>("taskloom::engine::RunEvent");
    qRegisterMetaType<Finished>("taskloom::studio::RunController::Finished");
}

RunController::~RunController()
{
    stop();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool RunController::start(const Flow& flow, const QString& flowPath)
{
    if (m_thread)
        return false;
    // The run store and the vault belong to the thread that opens them: open them here, on the GUI thread, before
    // the worker asks the runtime for them.
    QStringList warnings;
    if (auto s = m_runtime.store(); !s)
        warnings.append(s.error());
    if (app::usesCredentials(flow, m_runtime.registry())) {
        if (auto c = m_runtime.credentials(); !c)
            warnings.append(tr("credentials vault: %1").arg(c.error()));
    }
    m_cancel = CancellationToken();
    auto observer = std::make_shared<QueuedObserver>(this);
    app::Runtime::RunRequest request;
    request.flow = nullptr;
    request.flowPath = flowPath;
    request.options.cancellation = m_cancel;
    // The output table shows the first RunPanel::maxTableItems; the rest are kept so a node can be re-run on its
    // inputs, or its output pinned, without a partial copy (shared items: references, not copies).
    request.options.maxSampleItems = 5000;
    request.options.observers.append(observer.get());
    request.trigger = QStringLiteral("studio");
    auto flowCopy = std::make_shared<Flow>(flow);
    QPointer<RunController> self(this);
    m_thread = QThread::create([this, self, request, flowCopy, observer, warnings]() mutable {
        request.flow = flowCopy.get();
        app::Runtime::RunOutcome outcome = m_runtime.run(request);
        Finished f;
        f.status = outcome.result.status;
        f.error = outcome.result.error;
        f.failedNodeId = outcome.result.failedNodeId;
        f.durationMs = outcome.result.durationMs;
        f.warnings = warnings + outcome.warnings;
        f.runId = outcome.result.runId;
        QMetaObject::invokeMethod(
            this, [self, f] {
                if (!self)
                    return;
                if (self->m_thread) {
                    self->m_thread->wait();
                    self->m_thread->deleteLater();
                    self->m_thread = nullptr;
                }
                Q_EMIT self->finished(f);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("studio-run"));
    m_thread->start();
    Q_EMIT started();
    return true;
}

void RunController::stop()
{
    if (m_thread)
        m_cancel.cancel(tr("stopped from the studio"));
}

bool RunController::wait(int timeoutMs)
{
    if (!m_thread)
        return true;
    return m_thread->wait(QDeadlineTimer(timeoutMs));
}

} // namespace taskloom::studio
