#pragma once

#include "InputEvent.hpp"
#include "Macro.hpp"

namespace taskloom::recorder {

/// Turns a stream of input events into human-editable steps: presses and releases become clicks, double clicks
/// and drags; wheel notches at one place become one scroll; consecutive typed characters become one "type" step
/// (Backspace edits it); other keys and shortcuts become "keys" steps; pauses that matter become "wait" steps;
/// pointer motion between actions is dropped. Pure logic, no display: unit-tested on synthetic events.
class MacroBuilder {
public:
    struct Options {
        int waitThresholdMs = 1500; ///< a pause at least this long between steps is kept as a wait step
        int dragThreshold = 8;      ///< pixels the pointer must travel while pressed to make a drag
        int doubleClickMs = 400;
        QString secretCredential = QStringLiteral("macro-secret");
        QString secretField = QStringLiteral("password");
    };

    MacroBuilder();
    explicit MacroBuilder(Options options);

    /// Adds one event. For a button press, `target` says where it was (locators, window); the builder keeps it.
    void add(const InputEvent& event, const Target& target = {});
    /// While on, typed text becomes a "type secret" step that references a credential; the text is dropped.
    void setSecretInput(bool on);
    bool secretInput() const { return m_secret; }

    /// The steps so far, with any text still being typed flushed into its step.
    QList<MacroStep> steps() const;

private:
    void press(const InputEvent& e, const Target& target);
    void release(const InputEvent& e);
    void keyPress(const InputEvent& e);
    void flushText();
    void append(MacroStep step, qint64 startMs);
    void noteEnd(qint64 ms) { m_lastEndMs = ms; }

    Options m_options;
    QList<MacroStep> m_steps;
    QString m_text;          ///< text being typed, not yet a step
    bool m_secret = false;
    bool m_textIsSecret = false;
    qint64 m_textStartMs = 0;
    qint64 m_textPrevEndMs = -1;
    qint64 m_lastEndMs = -1; ///< when the last step's input ended, -1 before the first
    // a button held down
    int m_pressedButton = 0;
    InputEvent m_pressEvent;
    Target m_pressTarget;
    Point m_maxTravel;
    // the last click, for double clicks
    qint64 m_lastClickMs = -100000;
    Point m_lastClickPos;
};

} // namespace taskloom::recorder
