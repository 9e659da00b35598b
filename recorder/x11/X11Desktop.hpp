#pragma once

#include "recorder/Desktop.hpp"

#include <QHash>
#include <QSet>

struct _XDisplay;

namespace taskloom::recorder::x11 {

/// The X11 desktop: XTest for injection, XGetImage for the screen, EWMH / ICCCM for windows, XRecord (in
/// X11Capture) for capture. Works on bare X servers (Xvfb) and under window managers.
class X11Desktop final : public Desktop {
public:
    static std::expected<std::unique_ptr<Desktop>, QString> open(const QString& display);
    ~X11Desktop() override;

    QString name() const override { return m_name; }
    QString warning() const override { return m_warning; }
    Rect screenGeometry() const override { return m_screen; }

    std::expected<Image, QString> grab(const Rect& area) override;

    Point pointer() override;
    std::expected<void, QString> moveMouse(Point to) override;
    std::expected<void, QString> button(int button, bool down) override;
    std::expected<void, QString> key(const QString& name, bool down) override;
    std::expected<void, QString> typeText(const QString& text, int delayMs) override;
    void waitInputFree(int timeoutMs) override;
    void releaseAll() override;

    QList<WindowInfo> windows() override;
    std::optional<WindowInfo> windowAt(Point p) override;
    std::optional<WindowInfo> activeWindow() override;
    std::expected<void, QString> activate(quint64 window) override;
    std::expected<void, QString> close(quint64 window) override;
    std::expected<void, QString> moveWindow(quint64 window, Point topLeft) override;

    std::expected<QString, QString> clipboardText(int timeoutMs) override;
    std::expected<void, QString> setClipboardText(const QString& text) override;

    std::unique_ptr<InputCapture> createCapture() override;

private:
    X11Desktop() = default;
    WindowInfo describe(unsigned long window);
    bool hasWindowManager();
    std::expected<void, QString> keycodeEvent(unsigned keycode, bool down);
    std::expected<void, QString> typeKeysym(unsigned long keysym);
    QList<unsigned> spareKeycodes();
    void restoreKeymap();

    _XDisplay* m_dpy = nullptr;
    QString m_name;
    QString m_warning;
    Rect m_screen;
    QSet<unsigned> m_pressedKeys;
    QSet<int> m_pressedButtons;
    QHash<unsigned long, unsigned> m_remapped; ///< keysym -> borrowed keycode
};

} // namespace taskloom::recorder::x11
