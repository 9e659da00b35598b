#pragma once

#include "Desktop.hpp"
#include "Hotkeys.hpp"
#include "MacroBuilder.hpp"

#include <functional>
#include <memory>
#include <mutex>

namespace taskloom::recorder {

/// A recording session: captures the desktop's input, keeps a recent frame around the pointer so that anchors
/// show the screen as it was just before a press, builds the steps, and reacts to the hotkeys (start, stop,
/// pause, secret input). Used by `taskloom record` and the studio's recorder panel.
class Recorder {
public:
    struct Options {
        MacroBuilder::Options builder;
        QString display;                          ///< empty: $DISPLAY
        bool waitForStartKey = false;             ///< begin only when startKey is pressed
        QString startKey = QStringLiteral("F9");  ///< starts, or resumes after a pause
        QString stopKey = QStringLiteral("F10");
        QString pauseKey = QStringLiteral("Pause");
        QString secretKey = QStringLiteral("F8"); ///< toggles secret input (typed text becomes "type secret")
        bool anchors = true;                      ///< capture image anchors (off: window-relative and absolute only)
    };
    enum class State { Idle, WaitingForStart, Recording, Paused, Stopped };

    explicit Recorder(Options options);
    ~Recorder();

    /// Opens the display and starts capturing.
    std::expected<void, QString> start();
    /// Stops capturing; the steps stay available.
    void stop();
    State state() const;
    /// Pauses or resumes from the program (the studio's Pause button), as the pause and start keys do.
    void setPaused(bool paused);
    /// Whether the stop hotkey was pressed.
    bool stopRequested() const;
    /// Called on the capture thread after each event that changed the steps (for live lists).
    void setStepsChanged(std::function<void(int stepCount)> callback);

    Macro macro() const;
    /// Problems met while recording that did not stop it (an anchor that could not be captured).
    QStringList warnings() const;
    /// The desktop's note about its limits (Wayland), empty when none.
    QString desktopWarning() const;

private:
    void onEvent(const InputEvent& e);
    bool handleHotkey(const InputEvent& e);
    Target targetAt(const InputEvent& e);
    void keepRecentFrame(const InputEvent& e);

    Options m_options;
    std::unique_ptr<Desktop> m_desktop; ///< used only from the capture thread once capturing
    std::unique_ptr<InputCapture> m_capture;
    std::unique_ptr<HotkeyService> m_hotkeys;
    mutable std::mutex m_mutex;
    MacroBuilder m_builder;
    State m_state = State::Idle;
    bool m_stopRequested = false;
    QStringList m_warnings;
    QString m_displayName;
    Rect m_screen;
    QDateTime m_startedAt;
    std::function<void(int)> m_stepsChanged;
    // the recent frame around the pointer
    Image m_recent;
    Rect m_recentRect;
    qint64 m_recentMs = -1;
    qint64 m_recentGrabbedAtMs = -1000;
};

} // namespace taskloom::recorder
