#pragma once

#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace taskloom::recorder {

/// Global hotkeys on one display: each key is grabbed on the root window, so pressing it reaches us and not the
/// program that has the focus (F10 stops a recording without also doing F10 in the recorded program). The
/// recorder (start, stop, pause, secret) and replay (abort) use it; the studio can too. A key another program
/// has grabbed already is a clear error. Callbacks run on the service's own thread.
class HotkeyService {
public:
    /// Opens its own connection to `display` (empty: $DISPLAY).
    static std::expected<std::unique_ptr<HotkeyService>, QString> open(const QString& display);
    virtual ~HotkeyService() = default;

    /// Grabs `combo` ("F10", "ctrl+alt+r", "Pause"), whatever the state of Num Lock and Caps Lock, and calls
    /// `pressed` on each press. Errors name the key: unknown, not on this keyboard, or taken by another program.
    virtual std::expected<void, QString> grab(const QString& combo, std::function<void()> pressed) = 0;
    /// Releases every key this service grabbed.
    virtual void releaseAll() = 0;
};

} // namespace taskloom::recorder
