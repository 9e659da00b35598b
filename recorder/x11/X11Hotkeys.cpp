// The X11 HotkeyService: XGrabKey on the root window, one connection and one event thread per service.

// Our headers before Xlib's: its macros (KeyPress, None, ...) would clash with their names.
#include "recorder/Hotkeys.hpp"
#include "recorder/InputEvent.hpp"
#include "recorder/KeyText.hpp"

#include "XlibSupport.hpp"

#include <QList>

#include <atomic>
#include <mutex>
#include <thread>

#include <poll.h>

namespace taskloom::recorder {

namespace {

class X11Hotkeys final : public HotkeyService {
public:
    explicit X11Hotkeys(Display* dpy) : m_dpy(dpy)
    {
        m_thread = std::thread([this] { loop(); });
    }

    ~X11Hotkeys() override
    {
        m_stop = true;
        m_thread.join();
        releaseAll();
        XCloseDisplay(m_dpy);
    }

    std::expected<void, QString> grab(const QString& comboText, std::function<void()> pressed) override
    {
        const auto combo = KeyText::parseCombo(comboText);
        if (!combo)
            return std::unexpected(QStringLiteral("hotkey \"%1\": not a key combination").arg(comboText));
        const KeySym sym = XStringToKeysym(combo->key.toLatin1().constData());
        if (sym == NoSymbol)
            return std::unexpected(QStringLiteral("hotkey \"%1\": unknown key \"%2\"").arg(comboText, combo->key));
        std::lock_guard lock(m_mutex);
        const KeyCode code = XKeysymToKeycode(m_dpy, sym);
        if (code == 0)
            return std::unexpected(QStringLiteral("hotkey \"%1\": the keyboard has no %2 key").arg(comboText, combo->key));
        const unsigned mods = xModifiers(combo->modifiers);
        const Window root = DefaultRootWindow(m_dpy);
        // Num Lock (Mod2) and Caps Lock (Lock) change the modifier state: grab every combination of them.
        XSync(m_dpy, False);
        x11::takeLastXError();
        for (unsigned extra : {0u, unsigned(LockMask), unsigned(Mod2Mask), unsigned(LockMask | Mod2Mask)})
            XGrabKey(m_dpy, code, mods | extra, root, False, GrabModeAsync, GrabModeAsync);
        XSync(m_dpy, False);
        if (x11::takeLastXError() == BadAccess) {
            for (unsigned extra : {0u, unsigned(LockMask), unsigned(Mod2Mask), unsigned(LockMask | Mod2Mask)})
                XUngrabKey(m_dpy, code, mods | extra, root);
            XSync(m_dpy, False);
            x11::takeLastXError();
            return std::unexpected(QStringLiteral("hotkey \"%1\" is taken by another program; choose another key").arg(comboText));
        }
        m_keys.append({code, mods, std::move(pressed)});
        return {};
    }

    void releaseAll() override
    {
        std::lock_guard lock(m_mutex);
        const Window root = DefaultRootWindow(m_dpy);
        for (const Key& k : m_keys)
            for (unsigned extra : {0u, unsigned(LockMask), unsigned(Mod2Mask), unsigned(LockMask | Mod2Mask)})
                XUngrabKey(m_dpy, k.code, k.mods | extra, root);
        m_keys.clear();
        XSync(m_dpy, False);
        x11::takeLastXError();
    }

private:
    struct Key {
        KeyCode code;
        unsigned mods;
        std::function<void()> pressed;
    };

    static unsigned xModifiers(unsigned m)
    {
        unsigned x = 0;
        if (m & ShiftModifier)
            x |= ShiftMask;
        if (m & ControlModifier)
            x |= ControlMask;
        if (m & AltModifier)
            x |= Mod1Mask;
        if (m & SuperModifier)
            x |= Mod4Mask;
        return x;
    }

    void loop()
    {
        const int fd = ConnectionNumber(m_dpy);
        while (!m_stop) {
            std::function<void()> fire;
            {
                std::lock_guard lock(m_mutex);
                while (!fire && XPending(m_dpy) > 0) {
                    XEvent e;
                    XNextEvent(m_dpy, &e);
                    if (e.type != KeyPress)
                        continue;
                    const unsigned state = e.xkey.state & ~unsigned(LockMask | Mod2Mask);
                    for (const Key& k : m_keys)
                        if (k.code == e.xkey.keycode && k.mods == state)
                            fire = k.pressed;
                }
            }
            if (fire) {
                fire(); // outside the lock: a callback may grab or release keys
                continue;
            }
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 100);
        }
    }

    Display* m_dpy;
    std::mutex m_mutex;
    QList<Key> m_keys;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace

std::expected<std::unique_ptr<HotkeyService>, QString> HotkeyService::open(const QString& display)
{
    Display* dpy = x11::openDisplay(display);
    if (!dpy)
        return std::unexpected(QStringLiteral("cannot open the X11 display %1 for hotkeys")
                                   .arg(display.isEmpty() ? qEnvironmentVariable("DISPLAY") : display));
    return std::unique_ptr<HotkeyService>(new X11Hotkeys(dpy));
}

} // namespace taskloom::recorder
