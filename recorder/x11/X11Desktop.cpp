#include "X11Desktop.hpp"

#include "X11Capture.hpp"
#include "X11Clipboard.hpp"
#include <QElapsedTimer>
#include <QThread>

#include "XlibSupport.hpp"

#include "recorder/KeyText.hpp"

#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>


#include <mutex>

#include <cstring>

namespace taskloom::recorder::x11 {

namespace {

std::expected<void, QString> flushed(Display* dpy, const char* what)
{
    XSync(dpy, False);
    if (const int e = takeLastXError())
        return std::unexpected(QStringLiteral("X11 error %1 while %2").arg(e).arg(QLatin1String(what)));
    return {};
}

} // namespace

std::expected<std::unique_ptr<Desktop>, QString> X11Desktop::open(const QString& display)
{
    initXlib();
    Display* dpy = openDisplay(display);
    const QString shown = display.isEmpty() ? QString::fromLocal8Bit(qgetenv("DISPLAY")) : display;
    if (!dpy)
        return std::unexpected(QStringLiteral("cannot open X display \"%1\": no X server there (is DISPLAY right?)").arg(shown));
    int ev = 0, err = 0, major = 0, minor = 0;
    if (!XTestQueryExtension(dpy, &ev, &err, &major, &minor)) {
        XCloseDisplay(dpy);
        return std::unexpected(QStringLiteral("X display \"%1\" has no XTEST extension: input cannot be replayed there").arg(shown));
    }
    std::unique_ptr<X11Desktop> d(new X11Desktop);
    d->m_dpy = dpy;
    d->m_name = QString::fromLocal8Bit(DisplayString(dpy));
    const int screen = DefaultScreen(dpy);
    d->m_screen = {0, 0, DisplayWidth(dpy, screen), DisplayHeight(dpy, screen)};
    if (!qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") || qgetenv("XDG_SESSION_TYPE") == "wayland")
        d->m_warning = QStringLiteral("Wayland session: only XWayland windows can be recorded and replayed; native Wayland "
                                      "windows are invisible to X11 capture and injection (log in with an X11 session to reach them)");
    return std::unique_ptr<Desktop>(std::move(d));
}

X11Desktop::~X11Desktop()
{
    releaseAll();
    if (m_dpy)
        XCloseDisplay(m_dpy);
}

std::expected<Image, QString> X11Desktop::grab(const Rect& area)
{
    const Rect r = area.intersected(m_screen);
    if (r.isEmpty())
        return std::unexpected(QStringLiteral("the area %1,%2 %3x%4 is outside the screen").arg(area.x).arg(area.y).arg(area.width).arg(area.height));
    XImage* xi = XGetImage(m_dpy, DefaultRootWindow(m_dpy), r.x, r.y, unsigned(r.width), unsigned(r.height), AllPlanes, ZPixmap);
    if (!xi)
        return std::unexpected(QStringLiteral("cannot read the screen of display %1").arg(m_name));
    Image img(r.width, r.height);
    if (xi->bits_per_pixel == 32) {
        for (int y = 0; y < r.height; ++y)
            std::memcpy(img.bits() + qsizetype(y) * img.stride(), xi->data + qsizetype(y) * xi->bytes_per_line, size_t(r.width) * 4);
    } else {
        for (int y = 0; y < r.height; ++y)
            for (int x = 0; x < r.width; ++x) {
                const unsigned long p = XGetPixel(xi, x, y);
                uchar* d = img.bits() + qsizetype(y) * img.stride() + x * 4;
                auto channel = [&](unsigned long mask) {
                    if (!mask)
                        return uchar(0);
                    const int shift = __builtin_ctzl(mask);
                    const unsigned long max = mask >> shift;
                    return uchar(((p & mask) >> shift) * 255 / max);
                };
                d[0] = channel(xi->blue_mask);
                d[1] = channel(xi->green_mask);
                d[2] = channel(xi->red_mask);
            }
    }
    for (qsizetype i = 3; i < qsizetype(r.width) * r.height * 4; i += 4)
        img.bits()[i] = 0xff;
    XDestroyImage(xi);
    return img;
}

Point X11Desktop::pointer()
{
    Window root = 0, child = 0;
    int rx = 0, ry = 0, wx = 0, wy = 0;
    unsigned mask = 0;
    XQueryPointer(m_dpy, DefaultRootWindow(m_dpy), &root, &child, &rx, &ry, &wx, &wy, &mask);
    return {rx, ry};
}

std::expected<void, QString> X11Desktop::moveMouse(Point to)
{
    XTestFakeMotionEvent(m_dpy, -1, to.x, to.y, CurrentTime);
    return flushed(m_dpy, "moving the mouse");
}

std::expected<void, QString> X11Desktop::button(int button, bool down)
{
    if (button < 1 || button > 9)
        return std::unexpected(QStringLiteral("no mouse button %1").arg(button));
    XTestFakeButtonEvent(m_dpy, unsigned(button), down ? True : False, CurrentTime);
    if (down)
        m_pressedButtons.insert(button);
    else
        m_pressedButtons.remove(button);
    return flushed(m_dpy, "pressing a mouse button");
}

std::expected<void, QString> X11Desktop::keycodeEvent(unsigned keycode, bool down)
{
    XTestFakeKeyEvent(m_dpy, keycode, down ? True : False, CurrentTime);
    if (down)
        m_pressedKeys.insert(keycode);
    else
        m_pressedKeys.remove(keycode);
    return flushed(m_dpy, "pressing a key");
}

std::expected<void, QString> X11Desktop::key(const QString& name, bool down)
{
    const KeySym ks = XStringToKeysym(name.toLatin1().constData());
    if (ks == NoSymbol)
        return std::unexpected(QStringLiteral("unknown key name \"%1\" (X keysym names: a, Return, Tab, F5, Left, ...)").arg(name));
    KeyCode kc = XKeysymToKeycode(m_dpy, ks);
    if (kc == 0) {
        if (!down)
            return {};
        // Not on the keymap: this key is typed, not held, through a spare keycode.
        auto ok = typeKeysym(ks);
        restoreKeymap();
        return ok;
    }
    return keycodeEvent(kc, down);
}

QList<unsigned> X11Desktop::spareKeycodes()
{
    int minCode = 0, maxCode = 0, perCode = 0;
    XDisplayKeycodes(m_dpy, &minCode, &maxCode);
    KeySym* map = XGetKeyboardMapping(m_dpy, KeyCode(minCode), maxCode - minCode + 1, &perCode);
    QList<unsigned> spare;
    for (int code = maxCode; code >= minCode && map; --code) {
        bool empty = true;
        for (int i = 0; i < perCode; ++i)
            if (map[(code - minCode) * perCode + i] != NoSymbol)
                empty = false;
        if (empty)
            spare.append(unsigned(code));
    }
    if (map)
        XFree(map);
    return spare;
}

void X11Desktop::restoreKeymap()
{
    if (m_remapped.isEmpty())
        return;
    // Clients look keys up when they process them, which may be a moment after we sent them: keep the
    // borrowed keycodes mapped until then.
    QThread::msleep(60);
    for (unsigned code : std::as_const(m_remapped)) {
        KeySym none[2] = {NoSymbol, NoSymbol};
        XChangeKeyboardMapping(m_dpy, int(code), 2, none, 1);
    }
    XSync(m_dpy, False);
    m_remapped.clear();
}

std::expected<void, QString> X11Desktop::typeKeysym(unsigned long keysym)
{
    const KeyCode kc = XKeysymToKeycode(m_dpy, keysym);
    if (kc != 0) {
        int level = -1;
        for (int l = 0; l < 2 && level < 0; ++l)
            if (XkbKeycodeToKeysym(m_dpy, kc, 0, l) == keysym)
                level = l;
        if (level >= 0) {
            const KeyCode shift = XKeysymToKeycode(m_dpy, XK_Shift_L);
            if (level == 1)
                if (auto ok = keycodeEvent(shift, true); !ok)
                    return ok;
            auto ok = keycodeEvent(kc, true);
            if (ok)
                ok = keycodeEvent(kc, false);
            if (level == 1)
                keycodeEvent(shift, false);
            return ok;
        }
    }
    // Not on the keymap (or only behind AltGr): borrow an unused keycode for it. Each character gets its own
    // keycode, so a client that reloads its keymap late still reads the right character.
    unsigned code = m_remapped.value(keysym);
    if (code == 0) {
        QList<unsigned> spare = spareKeycodes();
        if (spare.isEmpty()) {
            restoreKeymap();
            spare = spareKeycodes();
        }
        if (spare.isEmpty())
            return std::unexpected(QStringLiteral("no spare key code to type keysym 0x%1").arg(keysym, 0, 16));
        code = spare.first();
        KeySym both[2] = {keysym, keysym};
        XChangeKeyboardMapping(m_dpy, int(code), 2, both, 1);
        XSync(m_dpy, False);
        m_remapped.insert(keysym, code);
        QThread::msleep(30); // let clients see the new mapping before the key arrives
    }
    auto ok = keycodeEvent(code, true);
    if (ok)
        ok = keycodeEvent(code, false);
    return ok;
}

std::expected<void, QString> X11Desktop::typeText(const QString& text, int delayMs)
{
    std::expected<void, QString> ok;
    for (char32_t c : text.toUcs4()) {
        ok = typeKeysym(KeyText::unicodeToKeysym(c));
        if (!ok)
            break;
        if (delayMs > 0)
            QThread::msleep(unsigned(delayMs));
    }
    restoreKeymap();
    return ok;
}

void X11Desktop::waitInputFree(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    const Window root = DefaultRootWindow(m_dpy);
    while (t.elapsed() < timeoutMs) {
        // Grabbing succeeds only when nobody else holds a grab; let go at once.
        const int pointer = XGrabPointer(m_dpy, root, False, 0, GrabModeAsync, GrabModeAsync, 0, 0, CurrentTime);
        if (pointer == GrabSuccess)
            XUngrabPointer(m_dpy, CurrentTime);
        const int keyboard = XGrabKeyboard(m_dpy, root, False, GrabModeAsync, GrabModeAsync, CurrentTime);
        if (keyboard == GrabSuccess)
            XUngrabKeyboard(m_dpy, CurrentTime);
        XSync(m_dpy, False);
        if (pointer == GrabSuccess && keyboard == GrabSuccess)
            return;
        QThread::msleep(20);
    }
}

void X11Desktop::releaseAll()
{
    if (!m_dpy)
        return;
    restoreKeymap();
    for (unsigned kc : QSet<unsigned>(m_pressedKeys))
        XTestFakeKeyEvent(m_dpy, kc, False, CurrentTime);
    for (int b : QSet<int>(m_pressedButtons))
        XTestFakeButtonEvent(m_dpy, unsigned(b), False, CurrentTime);
    m_pressedKeys.clear();
    m_pressedButtons.clear();
    XSync(m_dpy, False);
}

WindowInfo X11Desktop::describe(unsigned long window)
{
    WindowInfo info;
    info.id = window;
    info.title = windowTitle(m_dpy, window);
    info.className = windowClass(m_dpy, window);
    XWindowAttributes attrs;
    if (XGetWindowAttributes(m_dpy, window, &attrs)) {
        int x = 0, y = 0;
        Window child = 0;
        XTranslateCoordinates(m_dpy, window, DefaultRootWindow(m_dpy), 0, 0, &x, &y, &child);
        info.geometry = {x, y, attrs.width, attrs.height};
    }
    const Atom pidAtom = XInternAtom(m_dpy, "_NET_WM_PID", False);
    Atom type = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(m_dpy, window, pidAtom, 0, 1, False, XA_CARDINAL, &type, &format, &count, &after, &data) == Success
        && data && count == 1 && format == 32)
        info.pid = qint64(*reinterpret_cast<unsigned long*>(data));
    if (data)
        XFree(data);
    takeLastXError();
    return info;
}

bool X11Desktop::hasWindowManager()
{
    return hasProperty(m_dpy, DefaultRootWindow(m_dpy), XInternAtom(m_dpy, "_NET_SUPPORTING_WM_CHECK", False));
}

QList<WindowInfo> X11Desktop::windows()
{
    QList<WindowInfo> out;
    const Window root = DefaultRootWindow(m_dpy);
    Window r = 0, parent = 0, *children = nullptr;
    unsigned n = 0;
    if (!XQueryTree(m_dpy, root, &r, &parent, &children, &n))
        return out;
    // Top-most first, as people expect "the window in front" to win a match.
    for (unsigned i = n; i-- > 0;) {
        XWindowAttributes attrs;
        if (!XGetWindowAttributes(m_dpy, children[i], &attrs) || attrs.map_state != IsViewable || attrs.override_redirect
            || attrs.c_class != InputOutput)
            continue;
        const Window client = clientWindow(m_dpy, children[i]);
        WindowInfo info = describe(client);
        if (info.title.isEmpty() && info.className.isEmpty())
            continue;
        out.append(info);
    }
    if (children)
        XFree(children);
    takeLastXError();
    return out;
}

std::optional<WindowInfo> X11Desktop::windowAt(Point p)
{
    const Window root = DefaultRootWindow(m_dpy);
    Window r = 0, parent = 0, *children = nullptr;
    unsigned n = 0;
    if (!XQueryTree(m_dpy, root, &r, &parent, &children, &n))
        return std::nullopt;
    std::optional<WindowInfo> found;
    for (unsigned i = n; i-- > 0 && !found;) {
        XWindowAttributes attrs;
        if (!XGetWindowAttributes(m_dpy, children[i], &attrs) || attrs.map_state != IsViewable || attrs.c_class != InputOutput)
            continue;
        const Rect frame{attrs.x, attrs.y, attrs.width + 2 * attrs.border_width, attrs.height + 2 * attrs.border_width};
        if (!frame.contains(p))
            continue;
        found = describe(clientWindow(m_dpy, children[i]));
    }
    if (children)
        XFree(children);
    takeLastXError();
    return found;
}

std::optional<WindowInfo> X11Desktop::activeWindow()
{
    const Window root = DefaultRootWindow(m_dpy);
    const Atom active = XInternAtom(m_dpy, "_NET_ACTIVE_WINDOW", False);
    Atom type = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    Window w = 0;
    if (XGetWindowProperty(m_dpy, root, active, 0, 1, False, XA_WINDOW, &type, &format, &count, &after, &data) == Success
        && data && count == 1)
        w = *reinterpret_cast<Window*>(data);
    if (data)
        XFree(data);
    if (w == 0) {
        int revert = 0;
        XGetInputFocus(m_dpy, &w, &revert);
        if (w == PointerRoot || w == 0)
            return std::nullopt;
        w = clientWindow(m_dpy, topLevelOf(m_dpy, w));
    }
    if (w == 0)
        return std::nullopt;
    return describe(w);
}

std::expected<void, QString> X11Desktop::activate(quint64 window)
{
    const Window w = Window(window);
    if (hasWindowManager()) {
        XEvent e;
        std::memset(&e, 0, sizeof e);
        e.xclient.type = ClientMessage;
        e.xclient.window = w;
        e.xclient.message_type = XInternAtom(m_dpy, "_NET_ACTIVE_WINDOW", False);
        e.xclient.format = 32;
        e.xclient.data.l[0] = 2; // source: a pager / automation tool, which window managers obey
        e.xclient.data.l[1] = CurrentTime;
        XSendEvent(m_dpy, DefaultRootWindow(m_dpy), False, SubstructureRedirectMask | SubstructureNotifyMask, &e);
    }
    XMapRaised(m_dpy, w);
    XSync(m_dpy, False);
    if (!hasWindowManager())
        XSetInputFocus(m_dpy, w, RevertToParent, CurrentTime);
    return flushed(m_dpy, "activating a window");
}

std::expected<void, QString> X11Desktop::close(quint64 window)
{
    const Window w = Window(window);
    const Atom protocols = XInternAtom(m_dpy, "WM_PROTOCOLS", False);
    const Atom deleteWindow = XInternAtom(m_dpy, "WM_DELETE_WINDOW", False);
    Atom* list = nullptr;
    int count = 0;
    bool polite = false;
    if (XGetWMProtocols(m_dpy, w, &list, &count)) {
        for (int i = 0; i < count; ++i)
            polite = polite || list[i] == deleteWindow;
        XFree(list);
    }
    if (polite) {
        XEvent e;
        std::memset(&e, 0, sizeof e);
        e.xclient.type = ClientMessage;
        e.xclient.window = w;
        e.xclient.message_type = protocols;
        e.xclient.format = 32;
        e.xclient.data.l[0] = long(deleteWindow);
        e.xclient.data.l[1] = CurrentTime;
        XSendEvent(m_dpy, w, False, NoEventMask, &e);
    } else {
        XKillClient(m_dpy, w); // what a window manager's close button does for such windows
    }
    return flushed(m_dpy, "closing a window");
}

std::expected<void, QString> X11Desktop::moveWindow(quint64 window, Point topLeft)
{
    XMoveWindow(m_dpy, Window(window), topLeft.x, topLeft.y);
    return flushed(m_dpy, "moving a window");
}

std::expected<QString, QString> X11Desktop::clipboardText(int timeoutMs)
{
    return X11Clipboard::read(m_name, timeoutMs);
}

std::expected<void, QString> X11Desktop::setClipboardText(const QString& text)
{
    // One clipboard per process, as in any application: it outlives this Desktop, so text put there by a node
    // stays pasteable after the node's connection is gone, until another program takes the clipboard over.
    static std::mutex mutex;
    static std::unique_ptr<X11Clipboard> owner;
    std::lock_guard lock(mutex);
    owner.reset();
    auto next = X11Clipboard::own(m_name, text);
    if (!next)
        return std::unexpected(next.error());
    owner = std::move(*next);
    return {};
}

std::unique_ptr<InputCapture> X11Desktop::createCapture()
{
    return std::make_unique<X11Capture>(m_name);
}

} // namespace taskloom::recorder::x11
