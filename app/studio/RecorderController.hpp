#pragma once

#include "recorder/ReplayOptions.hpp"
#include "recorder/ReplayReport.hpp"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

class QThread;
class QTimer;

namespace taskloom::recorder {
class HotkeyService;
class Recorder;
} // namespace taskloom::recorder

namespace taskloom::studio {

class MacroStepModel;

/// What the recorder panel does, without widgets: records with the same recorder::Recorder as `taskloom record`
/// (its capture runs on its own thread; this object polls it from the event loop, so the GUI never blocks),
/// replays with recorder::Replayer on a worker thread (steps, results and the current step come back as queued
/// signals), and grabs the global start hotkey (F9) while enabled. While recording the F10 (stop), Pause and F8
/// (secret input) keys work as in the CLI.
class RecorderController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Recording, Paused, Replaying };
    struct ReplaySettings {
        double speed = 1.0;
        bool stepByStep = false;
        int findTimeoutMs = 5000;
        bool abortOnUserMouse = true;
        QString failureDir;
    };
    using SecretLookup = std::function<std::expected<QString, QString>(const QString& credential, const QString& field)>;

    explicit RecorderController(MacroStepModel& model, QObject* parent = nullptr);
    ~RecorderController() override;

    MacroStepModel& model() const { return m_model; }
    State state() const { return m_state; }
    /// The X11 display to record and replay on (empty: $DISPLAY).
    void setDisplay(const QString& display) { m_display = display; }
    const QString& display() const { return m_display; }
    /// How long the studio window gets to minimize before capture starts, so its own clicks are not recorded.
    void setStartDelayMs(int ms) { m_startDelayMs = ms; }
    /// Credentials for "type secret" steps (the studio passes its vault).
    void setSecretLookup(SecretLookup lookup) { m_secret = std::move(lookup); }
    /// Evaluates {{ }} in typed text before it is typed (called on the replay thread); unset: typed as written.
    using TextResolver = std::function<std::expected<QString, QString>(const QString& text)>;
    void setTextResolver(TextResolver resolve) { m_resolveText = std::move(resolve); }
    /// Why recording or replay cannot work on `display` (a Wayland-only session, no X display), empty when it can.
    static QString unavailableReason(const QString& display);

    /// Starts a new recording (the steps replace the list). False, with a message, when it cannot start.
    bool startRecording();
    void setPaused(bool paused);
    void stopRecording();
    /// Replays the list's macro; false with a message when something runs already or the display is unusable.
    bool startReplay(const ReplaySettings& settings);
    /// Step-by-step replay: runs the step that is waiting.
    void nextStep();
    /// Stops a recording or aborts a replay (the replayer releases every key and button it pressed).
    void stop();
    /// Blocks until a replay ends (tests, closing the window).
    bool waitForReplay(int timeoutMs);
    bool isWaitingForNextStep() const { return m_waitingRow >= 0; }

    /// Grabs F9 on the display to start recording from anywhere (the panel enables it while shown); released
    /// while recording, when the recorder grabs its own keys.
    void setHotkeysEnabled(bool enabled);
    bool hotkeysActive() const { return m_hotkeys != nullptr; }

    static constexpr const char* startKey = "F9";
    static constexpr const char* stopKey = "F10";
    static constexpr const char* pauseKey = "Pause";

Q_SIGNALS:
    void stateChanged(taskloom::studio::RecorderController::State state);
    /// A plain sentence for the panel's status line (errors, warnings, what to press).
    void message(const QString& text);
    /// Recording begins / ended: the window minimizes and comes back.
    void recordingStarting();
    void recordingStopped();
    void currentStepChanged(int row);
    /// Step-by-step: the replay waits before `row` until nextStep().
    void waitingForStep(int row);
    void stepFinished(const taskloom::recorder::StepReport& report);
    void replayFinished(bool ok, const QString& error);

private:
    void setState(State s);
    void beginCapture();
    void poll();
    void finishReplay(const recorder::ReplayReport& report);
    void grabHotkeys();
    /// Worker thread: before each step (highlight, step-by-step gate).
    bool beforeStep(int index);

    MacroStepModel& m_model;
    State m_state = State::Idle;
    QString m_display;
    int m_startDelayMs = 400;
    SecretLookup m_secret;
    TextResolver m_resolveText;
    std::unique_ptr<recorder::Recorder> m_recorder;
    QTimer* m_poll;
    int m_shownSteps = -1;
    bool m_hotkeysWanted = false;
    std::unique_ptr<recorder::HotkeyService> m_hotkeys;
    std::unique_ptr<recorder::HotkeyService> m_abortKey;
    // replay
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::mutex m_gateMutex;
    std::condition_variable m_gate;
    bool m_gateOpen = false;
    bool m_stepByStep = false;
    int m_waitingRow = -1;
};

} // namespace taskloom::studio

Q_DECLARE_METATYPE(taskloom::recorder::StepReport)
