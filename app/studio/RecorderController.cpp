#include "RecorderController.hpp"

#include "MacroStepModel.hpp"

#include "nodes/rpa/ScreenText.hpp"
#include "recorder/Desktop.hpp"
#include "recorder/Hotkeys.hpp"
#include "recorder/Recorder.hpp"
#include "recorder/Replayer.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

namespace taskloom::studio {

RecorderController::RecorderController(MacroStepModel& model, QObject* parent)
    : QObject(parent), m_model(model), m_poll(new QTimer(this))
{
    qRegisterMetaType<recorder::StepReport>();
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &RecorderController::poll);
}

RecorderController::~RecorderController()
{
    m_hotkeys.reset(); // its callback posts to this object
    stop();
    waitForReplay(30000);
    m_recorder.reset();
}

QString RecorderController::unavailableReason(const QString& display)
{
    auto desktop = recorder::Desktop::open(display);
    return desktop ? QString() : desktop.error();
}

void RecorderController::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

bool RecorderController::startRecording()
{
    if (m_state != State::Idle) {
        Q_EMIT message(tr("Stop the recording or the replay first."));
        return false;
    }
    if (const QString why = unavailableReason(m_display); !why.isEmpty()) {
        Q_EMIT message(tr("Cannot record: %1").arg(why));
        return false;
    }
    // The hotkey service lets go of F9 so the recorder can grab it (resume after pause) for itself.
    m_hotkeys.reset();
    setState(State::Starting);
    Q_EMIT message(tr("Starting the recording…"));
    Q_EMIT recordingStarting();
    QTimer::singleShot(m_startDelayMs, this, &RecorderController::beginCapture);
    return true;
}

void RecorderController::beginCapture()
{
    if (m_state != State::Starting) // stopped during the delay
        return;
    recorder::Recorder::Options options;
    options.display = m_display;
    options.startKey = QString::fromLatin1(startKey);
    options.stopKey = QString::fromLatin1(stopKey);
    options.pauseKey = QString::fromLatin1(pauseKey);
    m_recorder = std::make_unique<recorder::Recorder>(options);
    if (auto ok = m_recorder->start(); !ok) {
        m_recorder.reset();
        setState(State::Idle);
        Q_EMIT message(tr("Cannot record: %1").arg(ok.error()));
        Q_EMIT recordingStopped();
        grabHotkeys();
        return;
    }
    m_shownSteps = -1;
    m_model.reset({}, {}, false);
    setState(State::Recording);
    QString text = tr("Recording. %1 stops, %2 pauses, F8 switches secret input on and off.")
                       .arg(QString::fromLatin1(stopKey), QString::fromLatin1(pauseKey));
    if (const QString w = m_recorder->desktopWarning(); !w.isEmpty())
        text += u' ' + tr("Note: %1").arg(w);
    Q_EMIT message(text);
    m_poll->start();
}

void RecorderController::poll()
{
    if (!m_recorder)
        return;
    if (m_recorder->stopRequested()) {
        stopRecording();
        return;
    }
    const recorder::Recorder::State s = m_recorder->state();
    setState(s == recorder::Recorder::State::Paused ? State::Paused : State::Recording);
    // Live list: the steps so far (cheap: a handful of steps, shared anchor images).
    const recorder::Macro live = m_recorder->macro();
    if (live.steps.size() != m_shownSteps) {
        m_shownSteps = int(live.steps.size());
        m_model.reset(live, {}, !live.steps.isEmpty());
    }
}

void RecorderController::setPaused(bool paused)
{
    if (!m_recorder || (m_state != State::Recording && m_state != State::Paused))
        return;
    m_recorder->setPaused(paused);
    setState(paused ? State::Paused : State::Recording);
    Q_EMIT message(paused ? tr("Paused. %1 or Pause resumes.").arg(QString::fromLatin1(startKey)) : tr("Recording."));
}

void RecorderController::stopRecording()
{
    if (m_state == State::Starting) {
        setState(State::Idle);
        Q_EMIT message(tr("Recording cancelled."));
        Q_EMIT recordingStopped();
        grabHotkeys();
        return;
    }
    if (!m_recorder)
        return;
    m_poll->stop();
    m_recorder->stop();
    const recorder::Macro macro = m_recorder->macro();
    const QStringList warnings = m_recorder->warnings();
    m_recorder.reset();
    m_model.reset(macro, {}, !macro.steps.isEmpty());
    setState(State::Idle);
    QString text = macro.steps.isEmpty() ? tr("Nothing was recorded: no input arrived.")
                                         : tr("%n step(s) recorded.", nullptr, int(macro.steps.size()));
    if (!warnings.isEmpty())
        text += u' ' + tr("Warnings: %1").arg(warnings.join(QStringLiteral("; ")));
    Q_EMIT message(text);
    Q_EMIT recordingStopped();
    grabHotkeys();
}

void RecorderController::setHotkeysEnabled(bool enabled)
{
    m_hotkeysWanted = enabled;
    if (!enabled)
        m_hotkeys.reset();
    else if (m_state == State::Idle || m_state == State::Replaying)
        grabHotkeys();
}

void RecorderController::grabHotkeys()
{
    if (!m_hotkeysWanted || m_hotkeys)
        return;
    auto service = recorder::HotkeyService::open(m_display);
    if (!service)
        return; // no X display: the buttons still say why when pressed
    auto grabbed = (*service)->grab(QString::fromLatin1(startKey), [this] {
        QMetaObject::invokeMethod(this, [this] {
            if (m_state == State::Idle)
                startRecording();
        }, Qt::QueuedConnection);
    });
    if (!grabbed) {
        Q_EMIT message(tr("The %1 hotkey is not available: %2").arg(QString::fromLatin1(startKey), grabbed.error()));
        return;
    }
    m_hotkeys = std::move(*service);
}

bool RecorderController::startReplay(const ReplaySettings& settings)
{
    if (m_state != State::Idle) {
        Q_EMIT message(tr("Stop the recording or the replay first."));
        return false;
    }
    const recorder::Macro macro = m_model.macro();
    if (macro.steps.isEmpty()) {
        Q_EMIT message(tr("There are no steps to replay."));
        return false;
    }
    if (const QString why = unavailableReason(m_display); !why.isEmpty()) {
        Q_EMIT message(tr("Cannot replay: %1").arg(why));
        return false;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_stepByStep = settings.stepByStep;
    m_gateOpen = false;
    m_waitingRow = -1;
    // The abort key is grabbed, so the replayed program never sees it.
    if (auto service = recorder::HotkeyService::open(m_display)) {
        auto cancel = m_cancel;
        if ((*service)->grab(QString::fromLatin1(stopKey), [this, cancel] {
                *cancel = true;
                m_gate.notify_all();
            }))
            m_abortKey = std::move(*service);
    }
    recorder::ReplayOptions o;
    o.speed = settings.speed;
    o.findTimeoutMs = settings.findTimeoutMs;
    o.abortOnUserMouse = settings.abortOnUserMouse;
    o.failureDir = settings.failureDir;
    o.recordedScreen = macro.screen;
    o.secret = m_secret;
    o.resolveText = m_resolveText;
    o.findText = [](const recorder::Image& screen, const QString& text, const recorder::Rect& region) {
        return nodes::rpa::findScreenText(screen, text, region);
    };
    o.cancelled = [cancel = m_cancel] { return cancel->load(); };
    o.beforeStep = [this](int index, const recorder::MacroStep&) { return beforeStep(index); };
    o.afterStep = [this](const recorder::StepReport& r) {
        QMetaObject::invokeMethod(this, [this, r] {
            m_model.setResult(r);
            Q_EMIT stepFinished(r);
        }, Qt::QueuedConnection);
    };
    m_model.clearResults();
    setState(State::Replaying);
    Q_EMIT message(settings.stepByStep ? tr("Replaying step by step: Next step runs the highlighted step; %1 or Stop aborts.").arg(QString::fromLatin1(stopKey))
                                     : tr("Replaying; %1 or Stop aborts, and so does moving the mouse.").arg(QString::fromLatin1(stopKey)));
    const QString display = m_display;
    m_thread = QThread::create([this, macro, o, display] {
        recorder::ReplayReport report;
        if (auto desktop = recorder::Desktop::open(display)) {
            report = recorder::Replayer::run(**desktop, macro, o);
        } else {
            report.ok = false;
            report.error = desktop.error();
        }
        QMetaObject::invokeMethod(this, [this, report] { finishReplay(report); }, Qt::QueuedConnection);
    });
    m_thread->start();
    return true;
}

bool RecorderController::beforeStep(int index)
{
    QMetaObject::invokeMethod(this, [this, index] {
        m_model.setCurrentStep(index);
        Q_EMIT currentStepChanged(index);
        if (m_stepByStep) {
            m_waitingRow = index;
            Q_EMIT waitingForStep(index);
        }
    }, Qt::QueuedConnection);
    if (!m_stepByStep)
        return !m_cancel->load();
    std::unique_lock lock(m_gateMutex);
    m_gate.wait(lock, [this] { return m_gateOpen || m_cancel->load(); });
    m_gateOpen = false;
    return !m_cancel->load();
}

void RecorderController::nextStep()
{
    if (m_state != State::Replaying || m_waitingRow < 0)
        return;
    m_waitingRow = -1;
    {
        std::lock_guard lock(m_gateMutex);
        m_gateOpen = true;
    }
    m_gate.notify_all();
}

void RecorderController::finishReplay(const recorder::ReplayReport& report)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_abortKey.reset();
    m_waitingRow = -1;
    m_model.setCurrentStep(-1);
    setState(State::Idle);
    if (report.ok)
        Q_EMIT message(tr("Replay finished: all %n step(s) ran.", nullptr, int(report.steps.size())));
    else if (report.cancelled)
        Q_EMIT message(tr("Replay stopped: %1").arg(report.error));
    else
        Q_EMIT message(tr("Replay failed: %1").arg(report.error));
    Q_EMIT replayFinished(report.ok, report.error);
}

void RecorderController::stop()
{
    if (m_state == State::Recording || m_state == State::Paused || m_state == State::Starting) {
        stopRecording();
        return;
    }
    if (m_state == State::Replaying && m_cancel) {
        {
            std::lock_guard lock(m_gateMutex);
            *m_cancel = true;
        }
        m_gate.notify_all();
    }
}

bool RecorderController::waitForReplay(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_thread && !deadline.hasExpired()) {
        if (m_thread->wait(QDeadlineTimer(50)))
            QCoreApplication::sendPostedEvents(this);
        else
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return m_thread == nullptr;
}

} // namespace taskloom::studio
