#pragma once

#include "Macro.hpp"

#include <expected>
#include <functional>
#include <optional>

namespace taskloom::recorder {

struct StepReport;

struct ReplayOptions {
    double speed = 1.0;            ///< 2 replays twice as fast: pauses, waits and pacing are divided by it
    int findTimeoutMs = 5000;      ///< how long to wait for a target's anchor to appear
    bool fallback = true;          ///< when the anchor is not found, use window-relative, then absolute positions
    bool abortOnUserMouse = true;  ///< stop when someone moves the mouse during replay
    int typeDelayMs = 8;           ///< between typed characters
    int settleMs = 150;            ///< pause between steps (divided by speed)
    QString failureDir;            ///< where failure screenshots go; empty: the system's temporary folder
    Rect recordedScreen;           ///< the screen the steps were recorded on (absolute fallback needs the same)
    /// Evaluates {{ }} expressions in typed text; unset: text is typed as written.
    std::function<std::expected<QString, QString>(const QString& text)> resolveText;
    /// Looks up a credential field for "type secret" steps.
    std::function<std::expected<QString, QString>(const QString& credential, const QString& field)> secret;
    /// Finds words on the screen by OCR (text locators): the box of the first place `text` appears inside
    /// `region` (empty: the whole screen), nullopt when it is not there, an error when OCR cannot run. Unset: text
    /// locators are skipped. The recorder does not know OCR; the RPA pack and the CLI provide this.
    std::function<std::expected<std::optional<Rect>, QString>(const Image& screen, const QString& text, const Rect& region)> findText;
    std::function<bool()> cancelled;
    /// Called before each step (step-by-step mode, highlighting); return false to stop the replay there.
    std::function<bool(int index, const MacroStep& step)> beforeStep;
    std::function<void(const StepReport& report)> afterStep;
};

} // namespace taskloom::recorder
