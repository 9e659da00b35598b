#pragma once

#include "Image.hpp"
#include "InputCapture.hpp"
#include "WindowInfo.hpp"

#include <QList>
#include <QString>

#include <expected>
#include <memory>

namespace taskloom::recorder {

/// One desktop session: its screen, its mouse and keyboard (injection), its windows and its clipboard. The X11
/// backend lives in recorder/x11; a Windows backend (low-level hooks + SendInput) implements the same interface.
/// Not thread-safe: use one Desktop per thread (capture runs on connections of its own).
class Desktop {
public:
    virtual ~Desktop() = default;

    /// Opens the desktop of `display` (empty: $DISPLAY). Fails with a plain explanation when there is none, when
    /// the session is Wayland-only, or when the display cannot inject input (no XTEST).
    static std::expected<std::unique_ptr<Desktop>, QString> open(const QString& display = {});
    /// The explanation for a Wayland session, or empty when the session is not Wayland (reads the environment).
    static QString waylandProblem();

    virtual QString name() const = 0;
    /// A note about limits of this session ("Wayland session: only XWayland windows ..."), empty when none.
    virtual QString warning() const = 0;
    virtual Rect screenGeometry() const = 0;

    // Screen
    virtual std::expected<Image, QString> grab(const Rect& area) = 0;
    std::expected<Image, QString> grabScreen() { return grab(screenGeometry()); }

    // Injection. Every call is flushed to the display before it returns.
    virtual Point pointer() = 0;
    virtual std::expected<void, QString> moveMouse(Point to) = 0;
    virtual std::expected<void, QString> button(int button, bool down) = 0;
    /// Presses or releases one key by keysym name ("Return", "Control_L", "a").
    virtual std::expected<void, QString> key(const QString& name, bool down) = 0;
    /// Types `text` exactly, whatever the keyboard layout: characters missing from the keymap are typed through a
    /// temporarily remapped spare key. `delayMs` between characters.
    virtual std::expected<void, QString> typeText(const QString& text, int delayMs) = 0;
    /// Waits until no program holds the pointer or keyboard grabbed (a window manager replaying a click it froze
    /// to activate a window), at most `timeoutMs`: input sent during such a grab arrives out of order.
    virtual void waitInputFree(int timeoutMs) = 0;
    /// Releases every key and button this Desktop pressed and did not release (abort paths call it).
    virtual void releaseAll() = 0;

    // Windows
    virtual QList<WindowInfo> windows() = 0;
    virtual std::optional<WindowInfo> windowAt(Point p) = 0;
    virtual std::optional<WindowInfo> activeWindow() = 0;
    virtual std::expected<void, QString> activate(quint64 window) = 0;
    /// Asks the window to close, as its close button would.
    virtual std::expected<void, QString> close(quint64 window) = 0;
    virtual std::expected<void, QString> moveWindow(quint64 window, Point topLeft) = 0;

    // Clipboard (text)
    virtual std::expected<QString, QString> clipboardText(int timeoutMs) = 0;
    /// Owns the clipboard with `text` and serves it to other programs until someone else takes it over or the
    /// process ends (one clipboard per process).
    virtual std::expected<void, QString> setClipboardText(const QString& text) = 0;

    // Capture
    virtual std::unique_ptr<InputCapture> createCapture() = 0;
};

} // namespace taskloom::recorder
