#include "X11Capture.hpp"


#include "XlibSupport.hpp"

#include "recorder/KeyText.hpp"
#include "recorder/ReplayGuard.hpp"

#include <X11/XKBlib.h>
#include <X11/Xproto.h>
#include <X11/extensions/record.h>

#include <poll.h>

#include <chrono>

// Xlib names its event types like our InputEvent kinds; keep the numbers and drop the macros.
namespace {
constexpr int xKeyPress = KeyPress;
constexpr int xKeyRelease = KeyRelease;
constexpr int xButtonPress = ButtonPress;
constexpr int xButtonRelease = ButtonRelease;
constexpr int xMotionNotify = MotionNotify;
} // namespace
#undef KeyPress
#undef KeyRelease
#undef ButtonPress
#undef ButtonRelease
#undef MotionNotify

namespace taskloom::recorder::x11 {

namespace {

constexpr qint64 motionIntervalMs = 30; // coalesce pointer motion to at most ~33 events per second

void onRecordData(XPointer closure, XRecordInterceptData* data)
{
    auto* self = reinterpret_cast<X11Capture*>(closure);
    if (data->category == XRecordFromServer && data->data_len * 4 >= int(sizeof(xEvent)))
        self->handleWire(data->data, int(data->data_len * 4));
    else if (data->category == XRecordFromClient && data->data_len * 4 >= int(sizeof(xChangeKeyboardMappingReq)))
        self->handleKeymapChange(data->data, int(data->data_len * 4));
    else if (data->category == XRecordEndOfData)
        self->markEnded();
    XRecordFreeData(data);
}

unsigned modifiersFromState(unsigned state)
{
    unsigned m = NoModifier;
    if (state & ShiftMask)
        m |= ShiftModifier;
    if (state & ControlMask)
        m |= ControlModifier;
    if (state & Mod1Mask)
        m |= AltModifier;
    if (state & Mod4Mask)
        m |= SuperModifier;
    return m;
}

} // namespace

X11Capture::X11Capture(QString display) : m_display(std::move(display)) {}

X11Capture::~X11Capture()
{
    stop();
}

void X11Capture::closeAll()
{
    if (m_context && m_ctrl)
        XRecordFreeContext(m_ctrl, m_context);
    m_context = 0;
    for (_XDisplay** d : {&m_ctrl, &m_data, &m_lookup})
        if (*d) {
            XCloseDisplay(*d);
            *d = nullptr;
        }
}

std::expected<void, QString> X11Capture::start(Callback callback)
{
    if (m_thread.joinable())
        return std::unexpected(QStringLiteral("the capture is already running"));
    initXlib();
    m_ctrl = openDisplay(m_display);
    m_data = openDisplay(m_display);
    m_lookup = openDisplay(m_display);
    if (!m_ctrl || !m_data || !m_lookup) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot open X display \"%1\" for capture").arg(m_display));
    }
    int major = 0, minor = 0;
    if (!XRecordQueryVersion(m_ctrl, &major, &minor)) {
        closeAll();
        return std::unexpected(QStringLiteral("X display \"%1\" has no RECORD extension: input cannot be recorded there").arg(m_display));
    }
    XkbSelectEvents(m_lookup, XkbUseCoreKbd, XkbMapNotifyMask | XkbNewKeyboardNotifyMask,
                    XkbMapNotifyMask | XkbNewKeyboardNotifyMask);
    XRecordRange* range = XRecordAllocRange();
    range->device_events.first = xKeyPress;
    range->device_events.last = xMotionNotify;
    // Keymap changes come in the same ordered stream as the keys: a program that borrows a spare keycode to type
    // a character (xdotool, our replay) restores it long before we could look the key up on another connection.
    range->core_requests.first = X_ChangeKeyboardMapping;
    range->core_requests.last = X_ChangeKeyboardMapping;
    XRecordClientSpec clients = XRecordAllClients;
    m_context = XRecordCreateContext(m_ctrl, 0, &clients, 1, &range, 1);
    XFree(range);
    XSync(m_ctrl, False);
    if (!m_context || takeLastXError()) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot create a RECORD context on display \"%1\"").arg(m_display));
    }
    if (!XRecordEnableContextAsync(m_data, m_context, onRecordData, reinterpret_cast<XPointer>(this))) {
        closeAll();
        return std::unexpected(QStringLiteral("cannot start recording on display \"%1\"").arg(m_display));
    }
    m_callback = std::move(callback);
    m_stopRequested = false;
    m_ended = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void X11Capture::run()
{
    pollfd pfd{ConnectionNumber(m_data), POLLIN, 0};
    bool disabled = false;
    auto disabledAt = std::chrono::steady_clock::now();
    while (!m_ended) {
        if (poll(&pfd, 1, 40) > 0 && (pfd.revents & (POLLHUP | POLLERR)))
            break; // the X server went away: nothing more will come
        XRecordProcessReplies(m_data);
        if (m_hasPendingMotion && !m_stopRequested)
            emitMotion();
        if (m_stopRequested && !disabled) {
            // After disabling, the server still sends what it buffered and then EndOfData; until that arrives
            // the data connection must keep being read, or closing it blocks forever.
            XRecordDisableContext(m_ctrl, m_context);
            XFlush(m_ctrl);
            disabled = true;
            disabledAt = std::chrono::steady_clock::now();
        }
        if (disabled && std::chrono::steady_clock::now() - disabledAt > std::chrono::seconds(5))
            break; // a server that never ends the data: give up rather than hang
    }
    if (m_hasPendingMotion)
        emitMotion();
}

void X11Capture::stop()
{
    if (!m_thread.joinable()) {
        closeAll();
        return;
    }
    m_stopRequested = true;
    m_thread.join();
    closeAll();
}

void X11Capture::emitMotion()
{
    m_hasPendingMotion = false;
    m_lastMotionEmitted = m_pendingMotion.timeMs;
    m_callback(m_pendingMotion);
}

void X11Capture::handleKeymapChange(const unsigned char* data, int length)
{
    const auto* req = reinterpret_cast<const xChangeKeyboardMappingReq*>(data);
    if (req->reqType != X_ChangeKeyboardMapping || req->keySymsPerKeyCode == 0)
        return;
    const int per = req->keySymsPerKeyCode;
    const auto* syms = reinterpret_cast<const CARD32*>(data + sizeof(xChangeKeyboardMappingReq));
    const int available = (length - int(sizeof(xChangeKeyboardMappingReq))) / 4;
    for (int k = 0; k < req->keyCodes && (k + 1) * per <= available; ++k) {
        QList<quint32> levels;
        for (int l = 0; l < per; ++l)
            levels.append(syms[k * per + l]);
        m_keymap.insert(unsigned(req->firstKeyCode) + unsigned(k), levels);
    }
}

void X11Capture::handleWire(const unsigned char* data, int)
{
    const auto* ev = reinterpret_cast<const xEvent*>(data);
    const int type = ev->u.u.type & 0x7f;
    if (type < xKeyPress || type > xMotionNotify)
        return;
    if (ReplayGuard::active())
        return; // our own replay's injected input
    InputEvent e;
    e.timeMs = qint64(ev->u.keyButtonPointer.time);
    e.pos = {ev->u.keyButtonPointer.rootX, ev->u.keyButtonPointer.rootY};
    const unsigned state = ev->u.keyButtonPointer.state;
    e.modifiers = modifiersFromState(state);
    if (type == xMotionNotify) {
        e.kind = InputEvent::Kind::Motion;
        m_pendingMotion = e;
        m_hasPendingMotion = true;
        if (e.timeMs - m_lastMotionEmitted >= motionIntervalMs)
            emitMotion();
        return;
    }
    if (m_hasPendingMotion)
        emitMotion();
    if (type == xButtonPress || type == xButtonRelease) {
        e.kind = type == xButtonPress ? InputEvent::Kind::ButtonPress : InputEvent::Kind::ButtonRelease;
        e.button = ev->u.u.detail;
    } else {
        e.kind = type == xKeyPress ? InputEvent::Kind::KeyPress : InputEvent::Kind::KeyRelease;
        KeySym keysym = NoSymbol;
        const auto changed = m_keymap.constFind(ev->u.u.detail);
        if (changed != m_keymap.constEnd()) {
            // A keycode changed during the capture: its symbols as of this very event.
            const QList<quint32>& levels = *changed;
            const int level = (state & ShiftMask) && levels.size() > 1 && levels[1] != NoSymbol ? 1 : 0;
            keysym = levels.value(level, NoSymbol);
        } else {
            unsigned consumed = 0;
            XkbLookupKeySym(m_lookup, KeyCode(ev->u.u.detail), state, &consumed, &keysym);
            if (keysym == NoSymbol)
                keysym = XkbKeycodeToKeysym(m_lookup, KeyCode(ev->u.u.detail), 0, 0);
        }
        const char* name = keysym != NoSymbol ? XKeysymToString(keysym) : nullptr;
        e.key = name ? QString::fromLatin1(name) : QStringLiteral("0x%1").arg(keysym, 0, 16);
        if (const char32_t c = KeyText::keysymToUnicode(quint32(keysym)))
            e.text = QString::fromUcs4(&c, 1);
    }
    m_callback(e);
}

} // namespace taskloom::recorder::x11
